import { apiErrorMessage } from '@movie-generator/api-contract';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { makeTestContext } from '../test-context.ts';
import { fetchPageInternal } from './fetch-page.ts';
import { assertUrlAllowed, toLookupError } from './url-policy.ts';

/** The rejection of a promise that must reject, checked to be a PipelineError. */
async function pipelineError(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return error as PipelineError;
}

// The policy itself is tested in @movie-generator/url-policy; these check that the pipeline
// still reports its refusals as PipelineErrors with the codes and messages jobs show.
describe('the URL policy inside the pipeline', () => {
  it('assertUrlAllowed throws PipelineErrors: INVALID_URL, BLOCKED_ADDRESS, FETCH_FAILED', async () => {
    const invalid = await pipelineError(assertUrlAllowed('file:///etc/passwd'));
    expect(invalid).toMatchObject({ code: 'INVALID_URL', detail: 'scheme file: not allowed' });
    expect(invalid.userMessage).toEqual(apiErrorMessage('INVALID_URL'));
    expect(await pipelineError(assertUrlAllowed('http://169.254.169.254/'))).toMatchObject({
      code: 'BLOCKED_ADDRESS',
    });
    expect(await pipelineError(assertUrlAllowed('http://no-such-host.invalid/'))).toMatchObject({
      code: 'FETCH_FAILED',
      transient: false,
    });
  });

  it('a fetch whose host resolves to a private address fails with BLOCKED_ADDRESS at connect time', async () => {
    const error = await pipelineError(
      fetchPageInternal('http://article.example/page', {}, makeTestContext(), {
        lookupForTests: async () => ['93.184.216.34', '10.0.0.1'],
      }),
    );
    expect(error).toMatchObject({ code: 'BLOCKED_ADDRESS', detail: 'article.example resolves to 10.0.0.1' });
    // What the job shows is what job.create says for the same refusal.
    expect(error.userMessage).toEqual(apiErrorMessage('BLOCKED_ADDRESS'));
    expect(error.userMessage.en).toBe(
      'This URL points to a private or internal network. Use a public article URL.',
    );
  });

  it('a host without addresses, or a resolver that fails, is FETCH_FAILED (only the latter worth a retry)', async () => {
    const empty = await pipelineError(
      fetchPageInternal('http://article.example/page', {}, makeTestContext(), {
        lookupForTests: async () => [],
      }),
    );
    expect(empty).toMatchObject({ code: 'FETCH_FAILED', detail: 'article.example has no address' });
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND article.example'), { code: 'ENOTFOUND' });
    const gone = await pipelineError(
      fetchPageInternal('http://article.example/page', {}, makeTestContext(), {
        lookupForTests: async () => {
          throw notFound;
        },
      }),
    );
    expect(gone).toMatchObject({ code: 'FETCH_FAILED', transient: false });
    const busy = Object.assign(new Error('getaddrinfo EAI_AGAIN article.example'), { code: 'EAI_AGAIN' });
    expect(toLookupError(busy)).toMatchObject({ code: 'FETCH_FAILED', transient: true, cause: busy });
  });
});
