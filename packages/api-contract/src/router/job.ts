import type { TRPCRouterRecord } from '@trpc/server';
import { ApiError } from '../errors.ts';
import { JobCreateInput, JobCreateOutput, JobIdInput, JobView } from '../schemas.ts';
import { publicProcedure } from '../trpc.ts';

export const jobRouter = {
  create: publicProcedure
    .input(JobCreateInput)
    .output(JobCreateOutput)
    .mutation(({ ctx, input }) => ctx.jobs.create(input, ctx.clientIp)),

  get: publicProcedure
    .input(JobIdInput)
    .output(JobView)
    .query(async ({ ctx, input }) => {
      const job = await ctx.jobs.get(input.id);
      if (!job) throw new ApiError('NOT_FOUND');
      return job;
    }),

  cancel: publicProcedure
    .input(JobIdInput)
    .output(JobView)
    .mutation(async ({ ctx, input }) => {
      const job = await ctx.jobs.cancel(input.id);
      if (!job) throw new ApiError('NOT_FOUND');
      return job;
    }),
} satisfies TRPCRouterRecord;
