import type { TRPCRouterRecord } from '@trpc/server';
import { SystemInfo } from '../schemas.ts';
import { publicProcedure } from '../trpc.ts';

export const systemRouter = {
  info: publicProcedure.output(SystemInfo).query(({ ctx }) => ctx.jobs.info()),
} satisfies TRPCRouterRecord;
