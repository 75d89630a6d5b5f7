/**
 * Runs `worker` over `items`, at most `concurrency` at a time, and resolves with the results in item
 * order. On the first failure (or when `signal` aborts) it launches nothing more, aborts the signal it
 * gave the running workers (so their processes and requests stop), waits for them to settle, and
 * rejects with that first failure.
 */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  signal: AbortSignal,
  worker: (item: T, index: number, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(signal.reason);
  if (signal.aborted) forwardAbort();
  else signal.addEventListener('abort', forwardAbort, { once: true });

  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && !controller.signal.aborted && next < items.length) {
      const index = next++;
      try {
        results[index] = await worker(items[index]!, index, controller.signal);
      } catch (error) {
        if (!failure) {
          failure = { error };
          controller.abort(error);
        }
      }
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length));
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    signal.removeEventListener('abort', forwardAbort);
  }
  if (failure) throw failure.error;
  signal.throwIfAborted();
  return results;
}
