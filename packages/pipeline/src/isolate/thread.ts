import { parentPort } from 'node:worker_threads';
import { pino } from 'pino';
import { runStageTask } from './tasks.ts';
import { serializeError, type TaskEnvelope, type ThreadMessage } from './wire.ts';

/**
 * A stage thread: runs one task at a time for the pool in `pool.ts`. It is never asked to stop:
 * on cancel or deadline the pool terminates it, which interrupts even code that never yields.
 */
const port = parentPort;
if (!port) throw new Error('thread.ts runs as a worker thread only');
const post = (message: ThreadMessage) => port.postMessage(message);

port.on('message', async ({ task, workDir, logLevel }: TaskEnvelope) => {
  const log = pino({ level: logLevel, base: null }, { write: (line: string) => post({ type: 'log', line }) });
  const ctx = {
    // Never aborted here: cancellation is the pool terminating this thread.
    signal: new AbortController().signal,
    log,
    workDir,
    onProgress: (percent: number, message: { ja: string; en: string }) =>
      post({ type: 'progress', percent, message }),
  };
  try {
    post({ type: 'result', value: await runStageTask(task, ctx) });
  } catch (error) {
    post({ type: 'error', error: serializeError(error) });
  }
});
