import { type ApiClient, createClient } from '@movie-generator/api-contract/client';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { memoryLocation } from 'wouter/memory-location';
import { App } from '../App.tsx';
import { AppProviders, createQueryClient } from '../AppProviders.tsx';
import type { Lang } from '../i18n/strings.ts';

/**
 * Renders UI inside the app's real providers, talking to the API at `apiUrl` (a real tRPC server
 * started by the test), at a memory location so tests can start on any route.
 */
export function renderWithApp(
  ui: ReactNode,
  {
    apiUrl,
    lang = 'en',
    path = '/',
    pollIntervalMs = 50,
  }: { apiUrl: string; lang?: Lang; path?: string; pollIntervalMs?: number },
) {
  const location = memoryLocation({ path, record: true });
  const client: ApiClient = createClient(apiUrl);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    // One quick retry instead of three slow ones, so error states show within a test's patience.
    queries: {
      ...queryClient.getDefaultOptions().queries,
      refetchOnWindowFocus: false,
      retry: 1,
      retryDelay: 10,
    },
  });
  const result = render(
    <AppProviders
      client={client}
      queryClient={queryClient}
      lang={lang}
      pollIntervalMs={pollIntervalMs}
      routerHook={location.hook}
      searchHook={location.searchHook}
    >
      {ui}
    </AppProviders>,
  );
  return { ...result, location, queryClient };
}

export function renderApp(options: Parameters<typeof renderWithApp>[1]) {
  return renderWithApp(<App />, options);
}
