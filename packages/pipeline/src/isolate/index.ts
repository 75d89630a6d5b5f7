import type { StageContext } from '../context.ts';
import { asStageError } from '../errors.ts';
import { extractArticle } from '../extract/index.ts';
import type { Article } from '../extract/types.ts';
import type { FetchedPage } from '../fetch/types.ts';
import { capArticle } from '../guard/article-caps.ts';
import type { Script } from '../schema/script.ts';
import { generateScript } from '../script/index.ts';
import type { ScriptOptions } from '../script/types.ts';
import { StageThreadPool } from './pool.ts';
import type { StageTask } from './wire.ts';

export interface IsolationOptions {
  /** Run extraction and offline script building in worker threads (default true). */
  enabled?: boolean;
  /** Old-generation heap cap of each stage thread, in MB; a page needing more is PAGE_TOO_COMPLEX. */
  heapMb?: number;
}

export const DEFAULT_THREAD_HEAP_MB = 512;
/** Idle threads kept by default: one, enough for a CLI run; a worker asks for its concurrency. */
const DEFAULT_KEEP_WARM = 1;

const pools = new Map<number, StageThreadPool>();

function poolFor(options: IsolationOptions = {}): StageThreadPool {
  const heapMb = options.heapMb ?? DEFAULT_THREAD_HEAP_MB;
  let pool = pools.get(heapMb);
  if (!pool) {
    pool = new StageThreadPool(heapMb, DEFAULT_KEEP_WARM);
    pools.set(heapMb, pool);
  }
  return pool;
}

function runInThread(task: StageTask, ctx: StageContext, options?: IsolationOptions): Promise<unknown> {
  return poolFor(options).run({ task, workDir: ctx.workDir, logLevel: ctx.log.level }, ctx);
}

/**
 * The extract stage off the main thread: parse, pre-scan and Readability run in a stage thread
 * with a capped heap, killed at the stage's deadline or on cancel, so a hostile page cannot stall
 * the worker's event loop (lock renewal, cancel polling, /healthz) or take the process down.
 * The article comes back cut to the script stage's caps.
 */
export async function extractIsolated(
  page: FetchedPage,
  ctx: StageContext,
  options?: IsolationOptions,
): Promise<Article> {
  if (options?.enabled === false) return capArticle(await extractArticle(page, ctx));
  return (await runInThread({ kind: 'extract', page }, ctx, options)) as Article;
}

/**
 * The script stage, offline provider in a stage thread. The LLM provider stays on the calling
 * thread: it waits on the network, its CPU work is bounded by the prompt's size cap, and its API
 * key need not cross into a thread.
 */
export async function generateScriptIsolated(
  article: Article,
  options: ScriptOptions,
  ctx: StageContext,
  isolation?: IsolationOptions,
): Promise<Script> {
  const capped = capArticle(article);
  if (isolation?.enabled === false || options.provider === 'llm') {
    return generateScript(capped, options, ctx);
  }
  const { llm: _llm, ...offline } = options;
  try {
    return (await runInThread(
      { kind: 'script', article: capped, options: offline },
      ctx,
      isolation,
    )) as Script;
  } catch (error) {
    throw asStageError(error, 'SCRIPT_FAILED', ctx.signal);
  }
}

/** Starts `threads` stage threads (a worker's concurrency) before the first job needs them. */
export function warmStageThreads(options: IsolationOptions | undefined, threads: number): void {
  if (options?.enabled === false) return;
  const pool = poolFor(options);
  pool.keepWarm = Math.max(pool.keepWarm, threads);
  pool.warm();
}

/** Stops the idle stage threads (busy ones stop when their task ends). */
export function closeStageThreads(): void {
  for (const pool of pools.values()) pool.close();
  pools.clear();
}
