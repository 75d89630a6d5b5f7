import type { ApiClient } from '@movie-generator/api-contract/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { ApiProvider } from './api/ApiProvider.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import type { Lang } from './i18n/strings.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { refetchOnWindowFocus: true, staleTime: 1000 },
      mutations: { retry: false },
    },
  });
}

interface AppProvidersProps {
  client: ApiClient;
  queryClient: QueryClient;
  /** Fixes the UI language (tests, screenshots); by default it comes from the browser. */
  lang?: Lang;
  pollIntervalMs?: number;
  /** wouter location hook; the browser's History API by default (tests pass a memory location). */
  routerHook?: Parameters<typeof Router>[0]['hook'];
  /** wouter search hook paired with routerHook. */
  searchHook?: Parameters<typeof Router>[0]['searchHook'];
  children: ReactNode;
}

/** Everything the app needs around it: language, API client, query cache, router. */
export function AppProviders({
  client,
  queryClient,
  lang,
  pollIntervalMs,
  routerHook,
  searchHook,
  children,
}: AppProvidersProps) {
  return (
    <I18nProvider lang={lang}>
      <ApiProvider client={client} pollIntervalMs={pollIntervalMs}>
        <QueryClientProvider client={queryClient}>
          <Router hook={routerHook} searchHook={searchHook}>
            {children}
          </Router>
        </QueryClientProvider>
      </ApiProvider>
    </I18nProvider>
  );
}
