/**
 * Podman as it runs on these machines (root, runc, cgroupfs, explicit ulimits: see
 * scripts/stack/podman.sh, which writes the containers.conf named by CONTAINERS_CONF), at low
 * priority so the stack leaves the shared CPUs to others.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `podman <args>` and collects its output; throws on a non-zero exit unless `check` is false. */
export function podman(args: string[], options: { check?: boolean; input?: string } = {}): Promise<Result> {
  return run('nice', ['-n', '15', 'podman', ...args], options);
}

export function run(
  cmd: string,
  args: string[],
  { check = true, input, env }: { check?: boolean; input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const result = { code: code ?? 1, stdout, stderr };
      if (check && result.code !== 0)
        reject(
          new Error(`${cmd} ${args.join(' ')} exited ${result.code}: ${stderr.trim() || stdout.trim()}`),
        );
      else resolve(result);
    });
    child.stdin.end(input ?? '');
  });
}

/** Containers of a compose project (optionally one service), by name, sorted. */
export async function containers(project: string, service?: string): Promise<string[]> {
  const filters = ['--filter', `label=com.docker.compose.project=${project}`];
  if (service) filters.push('--filter', `label=com.docker.compose.service=${service}`);
  const { stdout } = await podman(['ps', '-a', ...filters, '--format', '{{.Names}}']);
  return stdout.split('\n').filter(Boolean).sort();
}

export async function hasHealthcheck(container: string): Promise<boolean> {
  const { stdout } = await podman(['inspect', '--format', '{{if .Config.Healthcheck}}yes{{end}}', container]);
  return stdout.trim() === 'yes';
}

export async function healthStatus(container: string): Promise<string> {
  const { stdout } = await podman(['inspect', '--format', '{{.State.Health.Status}}', container], {
    check: false,
  });
  return stdout.trim();
}

/**
 * Waits until a container's healthcheck reports healthy. Podman schedules healthchecks with
 * systemd timers, and these machines run no systemd, so this runs them itself
 * (`podman healthcheck run`, which records the result as the timer would) every `everyMs`.
 */
export async function waitHealthy(container: string, timeoutMs = 180_000, everyMs = 2000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { code } = await podman(['healthcheck', 'run', container], { check: false });
    if (code === 0 && (await healthStatus(container)) === 'healthy') return Date.now() - started;
    const { stdout } = await podman(['inspect', '--format', '{{.State.Status}}', container], {
      check: false,
    });
    if (stdout.trim() === 'exited') {
      const logs = await podman(['logs', '--tail', '30', container], { check: false });
      throw new Error(`${container} exited:\n${logs.stdout}${logs.stderr}`);
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${container} not healthy after ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}
