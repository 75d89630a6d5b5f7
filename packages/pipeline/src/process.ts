import { spawn } from 'node:child_process';
import { cancelledError, PipelineError, type PipelineErrorCode } from './errors.ts';

export interface RunProcessOptions {
  signal: AbortSignal;
  /** Written to the child's stdin, then closed. */
  input?: string | Buffer;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Error code to throw when the process fails. */
  errorCode: PipelineErrorCode;
  /** Keep stdout (default: discarded). */
  captureStdout?: boolean;
}

export interface RunProcessResult {
  stdout: Buffer;
  stderr: string;
}

const STDERR_LIMIT = 8_000;

/**
 * Runs a program without a shell. Aborting the signal kills it (SIGKILL) and rejects with
 * CANCELLED; a non-zero exit rejects with `errorCode` and the tail of stderr as detail.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunProcessOptions,
): Promise<RunProcessResult> {
  const { signal } = options;
  if (signal.aborted) return Promise.reject(cancelledError(signal));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', options.captureStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    const stdoutChunks: Buffer[] = [];
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => stdoutChunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_LIMIT);
    });
    const onAbort = () => child.kill('SIGKILL');
    signal.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(new PipelineError(options.errorCode, { detail: `${command}: ${error.message}`, cause: error }));
    });
    child.on('close', (code, killSignal) => {
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) return reject(cancelledError(signal));
      if (code === 0) return resolve({ stdout: Buffer.concat(stdoutChunks), stderr });
      reject(
        new PipelineError(options.errorCode, {
          detail: `${command} exited with ${code ?? killSignal}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`,
        }),
      );
    });
    child.stdin?.on('error', () => {
      // The child may exit before reading all input; the exit code tells what happened.
    });
    child.stdin?.end(options.input ?? '');
  });
}
