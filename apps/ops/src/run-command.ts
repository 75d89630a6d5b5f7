import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

/** The worker's one-job entry, next to this app in a checkout (the worker image runs it directly: docker/mg-ops.sh). */
const entry = fileURLToPath(new URL('../../worker/src/run-job.ts', import.meta.url));

/** `mg-ops run [jobId]`: one job in the foreground with the worker's code (trouble case 2). */
export function registerRunCommand(program: Command, io: { err(text: string): void }) {
  program
    .command('run')
    .description(
      "process one job now in the foreground with the worker's code (default: the oldest pending job)",
    )
    .argument('[jobId]')
    .action(async (jobId: string | undefined) => {
      if (!existsSync(entry)) {
        io.err(
          'mg-ops run needs the worker: run it in the worker container (docker compose exec worker mg-ops run …)',
        );
        process.exitCode = 1;
        return;
      }
      const child = spawn(process.execPath, ['--import', 'tsx', entry, ...(jobId ? [jobId] : [])], {
        stdio: 'inherit',
      });
      process.exitCode = await new Promise<number>((resolve) =>
        child.on('close', (code) => resolve(code ?? 1)),
      );
    });
}
