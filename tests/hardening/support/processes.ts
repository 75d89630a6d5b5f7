import { type ChildProcess, spawn } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SERVER_APP_DIR } from './paths.ts';
import { waitUntil } from './workers.ts';

export interface ServiceProcess {
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

function startTsx(cwd: string, script: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-50_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The embedded MongoDB-wire server in its own process. */
export async function startMongoProcess(): Promise<ServiceProcess & { uri: string }> {
  const script = fileURLToPath(new URL('./mongo-process.ts', import.meta.url));
  const started = startTsx(fileURLToPath(new URL('.', import.meta.url)), script, {});
  const port = await waitUntil(
    () => /\{"port":(\d+)\}/.exec(started.output())?.[1],
    60_000,
    'the MongoDB process to listen',
  );
  return { ...started, uri: `mongodb://127.0.0.1:${port}` };
}

/** `apps/server/src/main.ts` in its own process, as deployed; resolves once it listens. */
export async function startServerProcess(
  env: Record<string, string>,
): Promise<ServiceProcess & { url: string }> {
  // METRICS_PORT 0: several servers run at once in these tests, and the default port is fixed.
  const started = startTsx(SERVER_APP_DIR, 'src/main.ts', { HOST: '127.0.0.1', METRICS_PORT: '0', ...env });
  const url = `http://127.0.0.1:${env.PORT}`;
  await waitUntil(
    async () => {
      if (started.process.exitCode !== null)
        throw new Error(`the server exited: ${started.output().slice(-2000)}`);
      const res = await fetch(`${url}/readyz`).catch(() => null);
      return res?.status === 200;
    },
    60_000,
    'the server to be ready',
  );
  return { ...started, url };
}

/**
 * Lets a service under load run ahead of the load generator and the database that share its
 * cores here (in a deployment they have CPUs of their own): the service is reniced to -10,
 * or, where that is not allowed (not root), this process (the generator) to +10. Without it,
 * the scheduler's turns between the three busy processes dominate the latency tail.
 */
export function prioritize(pid: number): Niceness {
  try {
    setPriority(pid, -10);
  } catch {
    setPriority(10);
  }
  return niceness(pid);
}

export interface Niceness {
  service: number;
  generator: number;
}

/** The niceness of a service process and of this process (the load generator), for the figures. */
export function niceness(pid: number): Niceness {
  return { service: getPriority(pid), generator: getPriority() };
}

/** Puts a process back at the default priority. */
export function deprioritize(pid: number): void {
  try {
    setPriority(pid, 0);
  } catch {
    // Not allowed to lower a niceness (not root): it was never raised.
  }
}
