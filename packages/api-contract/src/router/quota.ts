import type { TRPCRouterRecord } from '@trpc/server';
import { QuotaView } from '../schemas.ts';
import { publicProcedure } from '../trpc.ts';

export const quotaRouter = {
  get: publicProcedure.output(QuotaView).query(({ ctx }) => ctx.jobs.quota(ctx.clientIp)),
} satisfies TRPCRouterRecord;
