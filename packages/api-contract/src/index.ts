import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root.ts';

export * from './schemas.ts';
export * from './errors.ts';
export type { ApiContext, JobService } from './context.ts';
export { appRouter, createCaller, type AppRouter } from './root.ts';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
