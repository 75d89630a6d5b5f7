import { createProgram } from './cli.ts';
import { openContext } from './context.ts';
import { loadEnv } from './env.ts';

const program = createProgram({
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  open: () => openContext(loadEnv()),
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`mg-ops: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
