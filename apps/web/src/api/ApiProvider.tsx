import type { ApiClient } from '@movie-generator/api-contract/client';
import { createContext, type ReactNode, useContext } from 'react';

/** How often a job that is still running is polled (every 2 s: live enough for a job that takes a minute, light on the server). */
export const DEFAULT_POLL_INTERVAL_MS = 2000;

interface Api {
  client: ApiClient;
  pollIntervalMs: number;
}

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({
  client,
  pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
  children,
}: {
  client: ApiClient;
  pollIntervalMs?: number;
  children: ReactNode;
}) {
  return <ApiContext.Provider value={{ client, pollIntervalMs }}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside <ApiProvider>');
  return api;
}
