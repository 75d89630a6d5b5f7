import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/mg-ops.js', import.meta.url));

export interface OpsRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `mg-ops <args>` as a child process, with `env` laid over this process's
 * environment (a variable set to undefined is removed).
 */
export function runOps(env: Record<string, string | undefined>, ...args: string[]): Promise<OpsRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete childEnv[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
