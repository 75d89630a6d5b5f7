import type { ProgressUpdate } from '@movie-generator/jobs';
import { describe, expect, it } from 'vitest';
import { ProgressWriter } from './progress-writer.ts';

const m = (en: string) => ({ ja: en, en });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A writer whose writes take `latencyMs` and are recorded with their start time. */
function recordingWriter(options: {
  minIntervalMs: number;
  latencyMs?: number;
  accept?: (n: number) => boolean;
}) {
  const writes: { at: number; update: ProgressUpdate }[] = [];
  let refusedCalls = 0;
  const start = performance.now();
  const writer = new ProgressWriter({
    minIntervalMs: options.minIntervalMs,
    write: async (update) => {
      writes.push({ at: performance.now() - start, update });
      await wait(options.latencyMs ?? 0);
      return options.accept?.(writes.length) ?? true;
    },
    onRefused: () => {
      refusedCalls += 1;
    },
    onError: (error) => {
      throw error;
    },
  });
  return { writer, writes, refused: () => refusedCalls };
}

describe('ProgressWriter', () => {
  it('writes the first update at once, then at most once per interval with the latest value', async () => {
    const { writer, writes } = recordingWriter({ minIntervalMs: 200 });
    for (let p = 20; p <= 50; p++) {
      writer.update({ step: 'audio', progress: p, message: m(`audio ${p}`) });
      await wait(15); // ~31 updates over ~470 ms
    }
    await writer.flush();
    expect(writes[0]!.update.progress).toBe(20);
    expect(writes.at(-1)!.update).toEqual({ step: 'audio', progress: 50, message: m('audio 50') });
    expect(writes.length).toBeGreaterThanOrEqual(3);
    expect(writes.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < writes.length - 1; i++) {
      expect(writes[i]!.at - writes[i - 1]!.at).toBeGreaterThanOrEqual(190);
    }
  });

  it('writes every step change in order at once, even while a write is in flight', async () => {
    const { writer, writes } = recordingWriter({ minIntervalMs: 1000, latencyMs: 30 });
    writer.update({ step: 'fetch', progress: 0, message: m('fetch') });
    writer.update({ step: 'fetch', progress: 3, message: m('extract') });
    writer.update({ step: 'script', progress: 5, message: m('script') });
    writer.update({ step: 'audio', progress: 20, message: m('audio') });
    writer.update({ step: 'audio', progress: 30, message: m('audio 30') });
    await wait(200); // far less than the interval: only step changes may have been written
    expect(writes.map((w) => w.update.step)).toEqual(['fetch', 'script', 'audio']);
    // The step's latest update is what gets written; fetch's unwritten 3 % was superseded by the next step.
    expect(writes.map((w) => w.update.progress)).toEqual([0, 5, 30]);
    await writer.flush();
    expect(writes).toHaveLength(3);
  });

  it('never goes backwards within a run, and skips updates that change nothing', async () => {
    const { writer, writes } = recordingWriter({ minIntervalMs: 0 });
    writer.update({ step: 'render', progress: 90.7, message: m('r') });
    await writer.flush();
    writer.update({ step: 'render', progress: 85, message: m('r') });
    await writer.flush();
    expect(writes.map((w) => w.update.progress)).toEqual([90]);
    writer.restart();
    writer.update({ step: 'fetch', progress: 1, message: m('f') });
    await writer.flush();
    expect(writes.map((w) => w.update.progress)).toEqual([90, 1]);
  });

  it('reports a refused write once and writes nothing after it', async () => {
    const { writer, writes, refused } = recordingWriter({ minIntervalMs: 0, accept: (n) => n < 2 });
    writer.update({ step: 'audio', progress: 20, message: m('a') });
    await writer.flush();
    writer.update({ step: 'audio', progress: 30, message: m('b') });
    await writer.flush();
    writer.update({ step: 'slides', progress: 60, message: m('c') });
    await writer.flush();
    expect(writes).toHaveLength(2);
    expect(refused()).toBe(1);
  });

  it('rewrites the last state when idle, and drops pending updates on close', async () => {
    const { writer, writes } = recordingWriter({ minIntervalMs: 10_000 });
    writer.update({ step: 'render', progress: 81, message: m('r') });
    await writer.flush();
    writer.refreshIfIdle(50);
    expect(writes).toHaveLength(1); // not idle long enough yet
    await wait(60);
    writer.refreshIfIdle(50);
    await writer.flush();
    expect(writes).toHaveLength(2);
    expect(writes[1]!.update).toEqual(writes[0]!.update);
    writer.update({ step: 'render', progress: 95, message: m('r') }); // throttled: waits 10 s
    await writer.close();
    await wait(20);
    expect(writes).toHaveLength(2);
  });
});
