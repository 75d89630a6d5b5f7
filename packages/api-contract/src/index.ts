// Browser-safe: schemas, error codes and types only. The router itself (which needs
// @trpc/server at run time) is in `@movie-generator/api-contract/router`.
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root.ts';

export type { ApiContext, JobService } from './context.ts';
export * from './errors.ts';
export * from './job-errors.ts';
export type { AppRouter } from './root.ts';
export * from './schemas.ts';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
