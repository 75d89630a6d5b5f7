import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { StageContext } from '../context.ts';
import { cancelledError, PipelineError } from '../errors.ts';
import { deserializeError, type TaskEnvelope, type ThreadMessage } from './wire.ts';

/**
 * Where a thread starts: through tsx while the pipeline runs as TypeScript, else the compiled
 * thread.js beside the running file. import.meta.filename names the running file (the compiled
 * CLI keeps import.meta.url pointing at the sources: scripts/build-cli.ts).
 */
function threadEntry(): { url: URL; workerData?: { entry: string } } {
  if (import.meta.filename.endsWith('.ts')) {
    return {
      url: new URL('./bootstrap.js', import.meta.url),
      workerData: { entry: new URL('./thread.ts', import.meta.url).href },
    };
  }
  return { url: pathToFileURL(join(import.meta.dirname, 'thread.js')) };
}

/** Writes a pino line from a thread through the stage's own logger (keeping its bindings). */
function forwardLog(log: Logger, line: string): void {
  try {
    const { level, msg, time: _time, ...fields } = JSON.parse(line) as Record<string, unknown>;
    const label = log.levels.labels[Number(level)] ?? 'info';
    (log[label as 'info'] ?? log.info).call(log, fields, typeof msg === 'string' ? msg : undefined);
  } catch {
    log.info({ line }, 'stage thread log');
  }
}

function threadError(error: Error & { code?: string }, heapMb: number): Error {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new PipelineError('PAGE_TOO_COMPLEX', {
      detail: `the stage thread ran out of its ${heapMb} MB heap`,
      cause: error,
    });
  }
  return error;
}

interface RunningTask {
  onMessage(message: ThreadMessage): void;
  fail(error: Error): void;
}

/**
 * One worker thread with a capped heap. It runs one task at a time; a task's abort terminates
 * the thread (V8 stops it even inside a loop that never yields) and the thread is not reused.
 */
class StageThread {
  private readonly worker: Worker;
  private running: RunningTask | undefined;
  private alive = true;

  constructor(private readonly heapMb: number) {
    const entry = threadEntry();
    this.worker = new Worker(entry.url, {
      workerData: entry.workerData,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    this.worker.on('message', (message: ThreadMessage) => this.running?.onMessage(message));
    this.worker.on('error', (error) => {
      this.alive = false;
      this.running?.fail(threadError(error, this.heapMb));
    });
    this.worker.on('exit', (code) => {
      this.alive = false;
      this.running?.fail(new Error(`the stage thread exited with code ${code}`));
    });
    // An idle thread must not keep the process (e.g. the CLI) alive.
    this.worker.unref();
  }

  get usable(): boolean {
    return this.alive && this.running === undefined;
  }

  run(envelope: TaskEnvelope, ctx: StageContext): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const settle = () => {
        this.running = undefined;
        ctx.signal.removeEventListener('abort', onAbort);
        this.worker.unref();
      };
      const onAbort = () => {
        settle();
        this.kill();
        reject(cancelledError(ctx.signal));
      };
      this.running = {
        onMessage: (message) => {
          switch (message.type) {
            case 'progress':
              return ctx.onProgress(message.percent, message.message);
            case 'log':
              return forwardLog(ctx.log, message.line);
            case 'result':
              settle();
              return resolve(message.value);
            case 'error':
              settle();
              return reject(deserializeError(message.error));
          }
        },
        fail: (error) => {
          settle();
          reject(error);
        },
      };
      if (ctx.signal.aborted) return onAbort();
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      this.worker.ref();
      this.worker.postMessage(envelope);
    });
  }

  kill(): void {
    this.alive = false;
    void this.worker.terminate();
  }
}

/**
 * Stage threads for one heap size. Starting a thread costs a second or more (tsx, jsdom and the
 * script modules load again in it), so up to `keepWarm` idle threads are kept started for the
 * next tasks, and a thread killed on cancel, deadline or heap death is replaced in the
 * background. A busy process gets more threads on demand, one per concurrent task.
 */
export class StageThreadPool {
  private idle: StageThread[] = [];

  constructor(
    private readonly heapMb: number,
    public keepWarm: number,
  ) {}

  async run(envelope: TaskEnvelope, ctx: StageContext): Promise<unknown> {
    if (ctx.signal.aborted) throw cancelledError(ctx.signal);
    const thread = this.takeIdle() ?? new StageThread(this.heapMb);
    try {
      return await thread.run(envelope, ctx);
    } finally {
      if (thread.usable && this.idle.length < this.keepWarm) {
        this.idle.push(thread);
      } else if (!thread.usable) {
        thread.kill();
        this.warm();
      } else {
        thread.kill();
      }
    }
  }

  /** Starts idle threads up to keepWarm, so the next tasks need not wait for one. */
  warm(): void {
    this.idle = this.idle.filter((t) => t.usable);
    while (this.idle.length < this.keepWarm) this.idle.push(new StageThread(this.heapMb));
  }

  close(): void {
    for (const thread of this.idle) thread.kill();
    this.idle = [];
  }

  private takeIdle(): StageThread | undefined {
    for (let thread = this.idle.pop(); thread; thread = this.idle.pop()) {
      if (thread.usable) return thread;
    }
    return undefined;
  }
}
