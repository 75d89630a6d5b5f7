import { addBlock, listBlocks, parsePrefix, removeBlock } from '@movie-generator/jobs';
import type { Command } from 'commander';
import type { CliIo } from './cli.ts';
import type { OpsContext } from './context.ts';
import { json } from './format.ts';

type Runner = <A extends unknown[]>(
  work: (ctx: OpsContext, asJson: boolean, ...args: A) => Promise<void>,
) => (...args: A) => Promise<void>;

/** `mg-ops block|unblock|blocks`: the block list job.create checks (CLIENT_BLOCKED). */
export function registerBlockCommands(
  program: Command,
  { io, run, fail }: { io: Pick<CliIo, 'out'>; run: Runner; fail: (message: string) => void },
) {
  const valid = (ip: string) => {
    try {
      parsePrefix(ip);
      return true;
    } catch (error) {
      fail((error as Error).message);
      return false;
    }
  };

  program
    .command('block')
    .description('refuse new jobs from an IP address or prefix (e.g. 198.51.100.0/24) on every server')
    .argument('<ip>')
    .option('-r, --reason <text>', 'why (shown by `mg-ops blocks`)')
    .action(
      run(async (ctx, asJson, ip: string, opts: { reason?: string }) => {
        if (!valid(ip)) return;
        const result = await addBlock(ctx.db, ip, opts.reason ?? null);
        io.out(
          asJson ? json(result) : `${result.prefix} ${result.added ? 'blocked' : 'was already blocked'}`,
        );
      }),
    );

  program
    .command('unblock')
    .description('take an address or prefix off the block list')
    .argument('<ip>')
    .action(
      run(async (ctx, asJson, ip: string) => {
        if (!valid(ip)) return;
        const result = await removeBlock(ctx.db, ip);
        if (asJson) io.out(json(result));
        if (!result.removed) return fail(`${result.prefix} is not on the block list`);
        if (!asJson) io.out(`${result.prefix} unblocked`);
      }),
    );

  program
    .command('blocks')
    .description('the block list')
    .action(
      run(async (ctx, asJson) => {
        const blocks = await listBlocks(ctx.db);
        if (asJson) return io.out(json(blocks));
        io.out(
          blocks.length
            ? blocks
                .map((b) =>
                  `${b.prefix.padEnd(20)} ${b.createdAt.toISOString()}  ${b.reason ?? ''}`.trimEnd(),
                )
                .join('\n')
            : 'no blocks',
        );
      }),
    );
}
