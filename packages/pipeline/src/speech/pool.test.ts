import { describe, expect, it } from 'vitest';
import { runPool } from './pool.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runPool', () => {
  it('keeps item order and never runs more than the concurrency', async () => {
    let running = 0;
    let most = 0;
    const results = await runPool([30, 5, 20, 1, 10], 2, new AbortController().signal, async (ms, i) => {
      running += 1;
      most = Math.max(most, running);
      await sleep(ms);
      running -= 1;
      return `${i}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10']);
    expect(most).toBe(2);
  });

  it('rejects with the first failure after aborting and awaiting the running workers', async () => {
    const started: number[] = [];
    const abortedWorkers: number[] = [];
    const error = await runPool([0, 1, 2, 3], 2, new AbortController().signal, async (n, _i, signal) => {
      started.push(n);
      if (n === 1) throw new Error('one failed');
      await new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => {
          abortedWorkers.push(n);
          resolve();
        });
      });
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('one failed');
    expect(started).toEqual([0, 1]);
    expect(abortedWorkers).toEqual([0]);
  });

  it('rejects with the abort reason when the outer signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 20);
    const started: number[] = [];
    const error = await runPool([1, 2, 3], 1, controller.signal, async (n) => {
      started.push(n);
      await sleep(50);
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('stop');
    expect(started).toEqual([1]);
  });

  it('handles no items', async () => {
    expect(await runPool([], 4, new AbortController().signal, async () => 1)).toEqual([]);
  });
});
