import type { JobCreateInput, JobStatus, JobView } from '@movie-generator/api-contract';
import { apiErrorOf } from '@movie-generator/api-contract/client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';

/**
 * Every API call of the app, as TanStack Query options over the typed tRPC client. Keeping them
 * in one module makes a later switch to @trpc/tanstack-react-query (once the registry has a
 * release matching our @trpc/client) a change of this file only.
 */
export const queryKeys = {
  job: (id: string) => ['job.get', id] as const,
  quota: ['quota.get'] as const,
  systemInfo: ['system.info'] as const,
};

export function isActive(status: JobStatus | undefined): boolean {
  return status === 'pending' || status === 'processing';
}

/** Unknown/expired jobs are final; network and server errors are worth a couple more tries. */
function retryUnlessNotFound(failureCount: number, error: unknown): boolean {
  return apiErrorOf(error)?.appCode !== 'NOT_FOUND' && failureCount < 2;
}

export function useJob(id: string) {
  const { client, pollIntervalMs } = useApi();
  return useQuery(
    queryOptions({
      queryKey: queryKeys.job(id),
      queryFn: ({ signal }) => client.job.get.query({ id }, { signal }),
      // Poll while the job runs; stop once it is done (or unknown).
      refetchInterval: (query) => (isActive(query.state.data?.status) ? pollIntervalMs : false),
      retry: retryUnlessNotFound,
      retryDelay: (attempt) => Math.min(pollIntervalMs * 2 ** attempt, 10_000),
    }),
  );
}

export function useQuota() {
  const { client } = useApi();
  return useQuery({
    queryKey: queryKeys.quota,
    queryFn: ({ signal }) => client.quota.get.query(undefined, { signal }),
  });
}

export function useSystemInfo() {
  const { client } = useApi();
  return useQuery({
    queryKey: queryKeys.systemInfo,
    queryFn: ({ signal }) => client.system.info.query(undefined, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCreateJob() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: JobCreateInput) => client.job.create.mutate(input),
    // Success uses one of today's jobs; a quota error means the count we show is stale. Not
    // awaited: the mutation's own result must not wait for (or retry with) the quota refetch.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.quota });
    },
  });
}

export function useCancelJob(id: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.job.cancel.mutate({ id }),
    onSuccess: (job: JobView) => queryClient.setQueryData(queryKeys.job(id), job),
    // NOT_CANCELLABLE: it finished meanwhile; show the real state.
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.job(id) });
    },
  });
}
