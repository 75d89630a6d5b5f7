/**
 * `npm run bench:hostile` — the hostile-page figures of docs/reliability.md.
 *
 * One worker process (concurrency 2, as deployed) gets each hostile page class together with a
 * normal article, and is watched from outside: its longest event-loop stall, its peak memory,
 * how long the hostile job took to end and how, whether the other job completed, and its
 * /healthz latency. Then the extra latency the stage thread adds to a normal article's
 * extract + script, warm thread against the calling thread. Prints a table and writes
 * bench-results/hostile-pages.json.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeRenderer, generateScriptFromUrl } from '@movie-generator/pipeline';
import { startHttpServer } from '@movie-generator/test-helpers';
import {
  type PairFigures,
  type PairPage,
  runPair,
  startHostileBench,
} from '../hardening/support/hostile-run.ts';
import { ARTICLE_FIXTURES } from '../hardening/support/paths.ts';

// 'article' last: two normal articles, the control for what the worker does under load anyway.
const CLASSES: PairPage[] = [
  'deepNesting',
  'elementFlood',
  'elementFlood5mb',
  'giantParagraph',
  'manyHeadings',
  'article',
];
const outDir = fileURLToPath(new URL('../../bench-results/', import.meta.url));

const workDir = await mkdtemp(join(tmpdir(), 'mg-bench-hostile-'));
const loadBefore = loadavg()[0];
const pairs: PairFigures[] = [];
const bench = await startHostileBench(workDir);
try {
  // A deployed worker has run jobs before: the first job's one-off start-up work is not counted.
  await runPair(bench, 'article');
  for (const page of CLASSES) {
    const pair = await runPair(bench, page);
    pairs.push(pair);
    console.log(JSON.stringify(pair));
  }
} finally {
  await bench.close();
  await closeRenderer();
  await rm(workDir, { recursive: true, force: true });
}

// Extra latency of the thread for a normal article: extract + script, warm thread vs none.
const html = await readFile(join(ARTICLE_FIXTURES, 'en.html'), 'utf8');
const site = await startHttpServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const latency: Record<string, number> = {};
try {
  const runs: Record<'thread' | 'inline', number[]> = { thread: [], inline: [] };
  // Alternating, so that a change in the machine's load hits both alike; the first of each starts up.
  for (let i = 0; i < 9; i++) {
    for (const enabled of [true, false]) {
      const started = performance.now();
      await generateScriptFromUrl(`${site.url}/article`, {
        fetch: { allowPrivateNetwork: true },
        isolation: { enabled },
      });
      if (i > 0) runs[enabled ? 'thread' : 'inline'].push(performance.now() - started);
    }
  }
  latency.threadMedianMs = Math.round(median(runs.thread));
  latency.inlineMedianMs = Math.round(median(runs.inline));
  latency.extraMs = latency.threadMedianMs! - latency.inlineMedianMs!;
} finally {
  await site.close();
}

const result = {
  recordedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, loadAverage1mBefore: loadBefore, loadAverage1mAfter: loadavg()[0] },
  pairs,
  normalArticleFetchExtractScript: latency,
};
await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'hostile-pages.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  '\n| page | hostile job | ended after | other job | max stall | max /healthz | worker RSS | tree PSS |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const p of pairs) {
  console.log(
    `| ${p.page} | ${p.hostile.status}${p.hostile.errorCode ? ` ${p.hostile.errorCode}` : ''} | ${p.hostile.seconds} s | ${p.normal.status} (${p.normal.seconds} s) | ${p.whileHostile.maxEventLoopStallMs} / ${p.maxEventLoopStallMs} ms | ${p.whileHostile.maxHealthzMs} / ${p.maxHealthzMs} ms | ${p.slowHealthz}, ${p.failedHealthz} of ${p.healthzProbes} | ${p.peakWorkerRssMB} MB | ${p.peakTreePssMB} MB (${p.peakTreeRssMB}) |`,
  );
}
console.log(`\nnormal article, fetch + extract + script: ${JSON.stringify(latency)}`);
console.log(`→ ${join(outDir, 'hostile-pages.json')}`);
