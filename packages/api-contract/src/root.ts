import { jobRouter } from './router/job.ts';
import { quotaRouter } from './router/quota.ts';
import { systemRouter } from './router/system.ts';
import { createCallerFactory, createTRPCRouter } from './trpc.ts';

export const appRouter = createTRPCRouter({
  job: jobRouter,
  quota: quotaRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
