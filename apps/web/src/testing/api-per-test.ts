import { afterEach, beforeEach } from 'vitest';
import { type ApiServer, startApiServer } from './api-server.ts';
import { MemoryJobService } from './memory-job-service.ts';

export interface ApiPerTest {
  /** The current test's jobs, quota and failures on demand. */
  readonly jobs: MemoryJobService;
  /** e.g. http://127.0.0.1:41234 — give it to renderApp. */
  readonly url: string;
  /** Every tRPC request path the server received, in order. */
  readonly requests: string[];
  /** Stops the server now (the app sees it down). */
  close(): Promise<void>;
  /** Starts it again on the same port over the same jobs (the server came back). */
  reopen(): Promise<void>;
}

/**
 * Registers the hooks of the file (or describe block) it is called in: before each test a new
 * MemoryJobService behind the real API server, closed after it. Read the fields inside tests.
 */
export function apiServerPerTest(): ApiPerTest {
  let jobs: MemoryJobService | undefined;
  let server: ApiServer | undefined;
  const current = () => {
    if (!jobs || !server) throw new Error('apiServerPerTest: use it inside tests');
    return { jobs, server };
  };

  beforeEach(async () => {
    jobs = new MemoryJobService();
    server = await startApiServer({ jobs });
  });
  afterEach(async () => {
    await server?.close();
  });

  return {
    get jobs() {
      return current().jobs;
    },
    get url() {
      return current().server.url;
    },
    get requests() {
      return current().server.requests;
    },
    close: () => current().server.close(),
    async reopen() {
      const { jobs: same, server: stopped } = current();
      server = await startApiServer({ jobs: same, port: Number(new URL(stopped.url).port) });
    },
  };
}
