import { startHttpServer, type TestHttpServer } from '@movie-generator/test-helpers';

export type StubMode = 'error' | 'hang';

/**
 * A service that is down: every request is answered 500 ('error') or never answered ('hang'),
 * the way a crashed or wedged VOICEVOX ENGINE or OpenAI-compatible API behaves. Requests are
 * recorded, so the tests can count the retries.
 */
export async function startBrokenService(mode: StubMode): Promise<TestHttpServer & { paths(): string[] }> {
  const server = await startHttpServer((req, res) => {
    if (mode === 'hang') return; // the client's own time limit must end it
    const openAiStyle = req.url.includes('/chat/completions');
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        openAiStyle
          ? {
              error: {
                message: 'The server had an error while processing your request.',
                type: 'server_error',
              },
            }
          : { detail: 'Internal Server Error' },
      ),
    );
  });
  return Object.assign(server, {
    paths: () => server.requests.map((r) => new URL(r.url, 'http://x').pathname),
  });
}
