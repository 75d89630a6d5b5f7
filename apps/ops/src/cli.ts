import { JobStatusSchema } from '@movie-generator/api-contract';
import { Command, InvalidArgumentError, Option } from 'commander';
import { backup, restore } from './backup.ts';
import { registerBlockCommands } from './block-commands.ts';
import { cancelJobsByClient, listJobsByClient } from './clients.ts';
import type { OpsContext } from './context.ts';
import { bytes as bytesText, jobDetails, jobTable, json, purgeSummary, statsSummary } from './format.ts';
import { cancelJob, listJobs, purgeJobs, retryJob, showJob, stats } from './operations.ts';
import { registerRunCommand } from './run-command.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Connects on first use, so `--help` needs no database. */
  open(): Promise<OpsContext>;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number, 1 or more');
  return n;
}

/**
 * The `mg-ops` program. Exit codes: 0 done, 1 the job was not found or not in a state for
 * the command (or something failed), and commander's own for usage errors.
 */
export function createProgram(io: CliIo): Command {
  const program = new Command('mg-ops')
    .description('Operate movie-generator: inspect, retry, cancel and purge jobs; queue and storage stats.')
    .option('--json', 'machine-readable JSON output')
    .showHelpAfterError();

  /** Runs one command with a connection that is always closed. */
  const run =
    <A extends unknown[]>(work: (ctx: OpsContext, asJson: boolean, ...args: A) => Promise<void>) =>
    async (...args: A) => {
      const ctx = await io.open();
      try {
        await work(ctx, program.opts<{ json?: boolean }>().json === true, ...args);
      } finally {
        await ctx.close();
      }
    };
  const fail = (message: string) => {
    io.err(message);
    process.exitCode = 1;
  };

  program
    .command('list')
    .description('the newest jobs first')
    .addOption(
      new Option('-s, --status <status>', 'only jobs in this status').choices(JobStatusSchema.options),
    )
    .option('-n, --limit <n>', 'at most this many', positiveInt, 50)
    .option('--ip <ip>', "only this client's jobs: an IP address or a prefix such as 198.51.100.0/24")
    .action(
      run(
        async (
          ctx,
          asJson,
          opts: { status?: (typeof JobStatusSchema.options)[number]; limit: number; ip?: string },
        ) => {
          const filter = { status: opts.status, limit: opts.limit };
          const jobs = opts.ip ? await listJobsByClient(ctx, opts.ip, filter) : await listJobs(ctx, filter);
          io.out(asJson ? json(jobs) : jobTable(jobs));
        },
      ),
    );

  program
    .command('show')
    .description('the whole job document (client IP included) and its queue entries')
    .argument('<jobId>')
    .action(
      run(async (ctx, asJson, jobId: string) => {
        const details = await showJob(ctx, jobId);
        if (!details) return fail(`job ${jobId} not found`);
        io.out(asJson ? json(details) : jobDetails(details));
      }),
    );

  program
    .command('retry')
    .description('a failed or cancelled job back to pending and onto the queue (ignores the queue cap)')
    .argument('<jobId>')
    .action(
      run(async (ctx, asJson, jobId: string) => {
        const result = await retryJob(ctx, jobId);
        if (asJson) io.out(json(result));
        if (result.outcome === 'not-found') return fail(`job ${jobId} not found`);
        if (result.outcome === 'not-retryable')
          return fail(`job ${jobId} is ${result.status}: only failed or cancelled jobs can be retried`);
        if (!asJson) io.out(`job ${jobId} is pending again and queued`);
      }),
    );

  program
    .command('cancel')
    .description('cancel a pending or processing job (its worker stops within seconds)')
    .argument('[jobId]')
    .option('--ip <ip>', 'instead: every pending or processing job of this client IP or prefix')
    .action(
      run(async (ctx, asJson, jobId: string | undefined, opts: { ip?: string }) => {
        if (opts.ip) {
          const results = await cancelJobsByClient(ctx, opts.ip);
          const done = results.filter((r) => r.result.outcome === 'cancelled').map((r) => r.jobId);
          io.out(
            asJson
              ? json(results)
              : `cancelled ${done.length} job(s) of ${opts.ip}${done.length ? `: ${done.join(' ')}` : ''}`,
          );
          return;
        }
        if (!jobId) return fail('give a job id, or --ip <ip>');
        const result = await cancelJob(ctx, jobId);
        if (asJson) io.out(json(result));
        if (result.outcome === 'not-found') return fail(`job ${jobId} not found`);
        if (result.outcome === 'expired') return fail(`job ${jobId} has expired; the cleanup deletes it`);
        if (result.outcome === 'not-cancellable')
          return fail(`job ${jobId} is ${result.status}: only pending or processing jobs can be cancelled`);
        if (!asJson) io.out(`job ${jobId} cancelled`);
      }),
    );

  program
    .command('purge')
    .description('delete expired jobs and their videos now (--finished: every finished job)')
    .option('--finished', 'also completed, failed and cancelled jobs that have not expired yet')
    .action(
      run(async (ctx, asJson, opts: { finished?: boolean }) => {
        const report = await purgeJobs(ctx, { finished: opts.finished === true });
        io.out(asJson ? json(report) : purgeSummary(report));
      }),
    );

  program
    .command('stats')
    .description('jobs by status, queue depth and bytes stored')
    .action(
      run(async (ctx, asJson) => {
        const result = await stats(ctx);
        io.out(asJson ? json(result) : statsSummary(result));
      }),
    );

  program
    .command('backup')
    .description('jobs, block list and stored videos into a new directory, with a manifest and checksums')
    .requiredOption('-o, --out <dir>', 'a new or empty directory')
    .action(
      run(async (ctx, asJson, opts: { out: string }) => {
        const m = await backup(ctx, opts.out);
        const bytes = m.files.reduce((a, f) => a + f.bytes, 0);
        io.out(
          asJson
            ? json(m)
            : `backed up ${m.jobs} job(s), ${m.videos} video(s), ${m.blocks} block(s) to ${opts.out} (${bytesText(bytes)})`,
        );
      }),
    );

  program
    .command('restore')
    .description('put a backup back (checksums verified first; jobs already present are left alone)')
    .argument('<dir>')
    .action(
      run(async (ctx, asJson, dir: string) => {
        const r = await restore(ctx, dir);
        io.out(
          asJson
            ? json(r)
            : `restored ${r.jobsRestored} job(s) (${r.jobsUnchanged} already present), ${r.videosRestored} video(s) (${r.videosUnchanged} already present), ${r.blocks} block(s); ${r.requeued.length} unfinished job(s) queued again`,
        );
      }),
    );

  registerBlockCommands(program, { io, run, fail });
  registerRunCommand(program, io);
  return program;
}
