import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startHttpServer, type TestHttpServer } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { HOSTILE_PAGES, type HostilePageName } from '../guard/hostile-pages.ts';
import { msg } from '../i18n/messages.ts';
import { generateScriptFromUrl, type PipelineOptions, type PipelineProgress } from '../pipeline.ts';

// These run the real pipeline (fetch → extract → script) against a local site, as a worker does,
// and watch this thread's event loop: whatever a page does, the loop must keep turning.

let site: TestHttpServer;
const pages = new Map<string, string>();

beforeAll(async () => {
  for (const name of Object.keys(HOSTILE_PAGES) as HostilePageName[]) pages.set(name, HOSTILE_PAGES[name]());
  for (const name of ['en', 'too-short']) {
    pages.set(name, await readFile(new URL(`../../fixtures/articles/${name}.html`, import.meta.url), 'utf8'));
  }
  site = await startHttpServer((req, res) => {
    const body = pages.get(new URL(req.url, 'http://x').pathname.slice(1));
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  // The first job of a process starts the thread (tsx and jsdom load in it); later ones reuse it.
  await generateScriptFromUrl(`${site.url}/en`, options());
});
afterAll(async () => {
  await site?.close();
});

function options(extra: Partial<PipelineOptions> = {}): Omit<PipelineOptions, 'outPath'> {
  return { fetch: { allowPrivateNetwork: true }, script: { provider: 'offline' }, ...extra };
}

interface Watched<T> {
  value?: T;
  error?: PipelineError;
  seconds: number;
  /** The longest the event loop was held up. */
  maxStallMs: number;
}

async function watched<T>(work: () => Promise<T>): Promise<Watched<T>> {
  const delay = monitorEventLoopDelay({ resolution: 20 });
  delay.enable();
  const started = performance.now();
  const outcome: Watched<T> = { seconds: 0, maxStallMs: 0 };
  try {
    outcome.value = await work();
  } catch (error) {
    if (!(error instanceof PipelineError)) throw error;
    outcome.error = error;
  } finally {
    delay.disable();
    outcome.seconds = (performance.now() - started) / 1000;
    outcome.maxStallMs = delay.max / 1e6;
  }
  return outcome;
}

/** CPU time this process (all its threads) spends in the next `ms`. */
async function cpuMsDuring(ms: number): Promise<number> {
  const before = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * What a killed thread that still spins would add to that second (a core's worth is about
 * 1000 ms); an idle process stays under 100 ms on a quiet machine and about 300 ms on one shared
 * with other jobs (the process's other test threads and its GC count too).
 */
const LEFTOVER_THREAD_CPU_MS = 600;

/**
 * CPU the process burns in the second after one more normal job has run. That job waits for the
 * pool's replacement of a killed thread to start up (which costs CPU of its own), so what is left
 * is a killed thread that still runs.
 */
async function cpuAfterNextJob(): Promise<number> {
  await generateScriptFromUrl(`${site.url}/en`, options());
  return cpuMsDuring(1000);
}

describe('hostile pages', () => {
  it.each(['deepNesting', 'elementFlood', 'elementFlood5mb'] as const)(
    '%s fails cleanly with PAGE_TOO_COMPLEX within seconds, the event loop turning',
    async (name) => {
      const run = await watched(() => generateScriptFromUrl(`${site.url}/${name}`, options()));
      expect(run.error?.code).toBe('PAGE_TOO_COMPLEX');
      expect(run.seconds).toBeLessThan(5);
      expect(run.maxStallMs).toBeLessThan(1000);
    },
  );

  it('one paragraph of 80,000 words becomes a script within seconds', async () => {
    const run = await watched(() => generateScriptFromUrl(`${site.url}/giantParagraph`, options()));
    expect(run.error).toBeUndefined();
    expect(run.value?.sections.length).toBeGreaterThanOrEqual(3);
    expect(run.seconds).toBeLessThan(15);
    expect(run.maxStallMs).toBeLessThan(1000);
  });
});

describe('a stage thread', () => {
  it('is killed within a second when the job is cancelled mid-extraction', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const onProgress = (p: PipelineProgress) => {
      // Extraction has begun in the thread; let it get well into the page before cancelling.
      if (p.stage === 'extract' && abortedAt === 0) {
        abortedAt = -1;
        setTimeout(() => {
          abortedAt = performance.now();
          controller.abort();
        }, 1500);
      }
    };
    const run = await watched(() =>
      generateScriptFromUrl(`${site.url}/slowToExtract`, options({ signal: controller.signal, onProgress })),
    );
    const settledMs = performance.now() - abortedAt;
    expect(run.error?.code).toBe('CANCELLED');
    expect(settledMs).toBeLessThan(1000);
    expect(run.maxStallMs).toBeLessThan(1000);
    expect(await cpuAfterNextJob()).toBeLessThan(LEFTOVER_THREAD_CPU_MS);
  });

  it('fails with TIMEOUT at the stage deadline although the extraction never yields', async () => {
    // The deadline lies well inside the extraction: this page takes about 2 s to extract on a quiet
    // machine with the compiled stage thread, so a 2 s deadline could be met.
    const run = await watched(() =>
      generateScriptFromUrl(`${site.url}/slowToExtract`, options({ stageTimeoutsMs: { extract: 500 } })),
    );
    expect(run.error?.code).toBe('TIMEOUT');
    expect(run.seconds).toBeLessThan(4);
    expect(run.maxStallMs).toBeLessThan(1000);
    expect(await cpuAfterNextJob()).toBeLessThan(LEFTOVER_THREAD_CPU_MS);
  });

  it('turns running out of its heap into PAGE_TOO_COMPLEX, and the next job runs', async () => {
    const run = await watched(() =>
      generateScriptFromUrl(`${site.url}/slowToExtract`, options({ isolation: { heapMb: 48 } })),
    );
    expect(run.error?.code).toBe('PAGE_TOO_COMPLEX');
    expect(run.error?.detail).toMatch(/48 MB heap/);
    const next = await generateScriptFromUrl(`${site.url}/en`, options({ isolation: { heapMb: 48 } }));
    expect(next.sections.length).toBeGreaterThanOrEqual(3);
  });

  it('carries the stage errors back with their codes and forwards progress', async () => {
    const progress: PipelineProgress[] = [];
    const run = await watched(() =>
      generateScriptFromUrl(`${site.url}/too-short`, options({ onProgress: (p) => progress.push(p) })),
    );
    expect(run.error).toBeInstanceOf(PipelineError);
    expect(run.error?.code).toBe('TOO_LITTLE_TEXT');
    expect(run.error?.detail).toMatch(/characters of body text/);
    expect(progress.filter((p) => p.stage === 'extract').map((p) => p.message)).toContainEqual(
      msg.extracting,
    );

    const done: PipelineProgress[] = [];
    await generateScriptFromUrl(`${site.url}/en`, options({ onProgress: (p) => done.push(p) }));
    const stages = done.map((p) => `${p.stage}:${p.message.en}`);
    expect(stages).toContain(`extract:${msg.extracted.en}`);
    expect(stages).toContain(`script:${msg.scripted.en}`);
  });
});
