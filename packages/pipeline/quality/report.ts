/**
 * `npm run quality [-- --pages <dir>] [--video] [--show] [--out <file>]`
 * Serves a folder of pages on 127.0.0.1 and runs each through fetch + extract + the offline
 * script (with --video, the whole pipeline to a 720p MP4), then prints per page and in total:
 * boilerplate lines, bullets cut mid-phrase, sections, layouts, pictures and duration, and writes
 * the numbers as JSON (default bench-results/quality.json). Default folder: the corpus in
 * fixtures/real-world; `--pages /work/shared/real-pages` measures other pages (source.html).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runPipeline } from '../src/pipeline.ts';
import { closeRenderer } from '../src/render/index.ts';
import { SlideLayoutSchema } from '../src/schema/script.ts';
import { CORPUS_DIR, corpusPages, folderPages } from './corpus.ts';
import { measurePage, type PageQuality, pageProblems } from './measure.ts';
import { serveFolder } from './serve.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string' },
    video: { type: 'boolean', default: false },
    show: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const pkgRoot = fileURLToPath(new URL('..', import.meta.url));
const outPath = resolve(values.out ?? join(pkgRoot, '../../bench-results/quality.json'));
const root = resolve(values.pages ?? CORPUS_DIR);
const pages = values.pages ? await folderPages(root) : corpusPages();
const server = await serveFolder(root);
const results: Array<PageQuality & { problems: string[] }> = [];
try {
  for (const page of pages) {
    const url = `${server.url}/${page.path}`;
    const quality = await measurePage(page.slug, url, page.expected);
    if (values.video && !quality.error) {
      const video = await runPipeline(url, {
        outPath: join(dirname(outPath), 'quality', `${page.slug}.mp4`),
        size: '720p',
        fetch: { allowPrivateNetwork: true },
      });
      quality.durationSec = Math.round(video.durationSec);
    }
    const problems = pageProblems(quality, page.expected);
    results.push({ ...quality, problems });
    printPage(quality, problems);
  }
} finally {
  await server.close();
  if (values.video) await closeRenderer();
}

const totals = {
  pages: results.length,
  failed: results.filter((r) => r.error).length,
  boilerplateLines: sum(results.map((r) => r.boilerplate.length)),
  defectiveBullets: sum(results.map((r) => r.defectiveBullets.length)),
  bullets: sum(results.map((r) => r.script?.sections.reduce((n, s) => n + s.bullets.length, 0) ?? 0)),
  sections: sum(results.map((r) => r.sections)),
  picturesUsed: sum(results.map((r) => r.pictures.length)),
  decorativePictures: sum(results.map((r) => r.decorativePictures.length)),
  durationSec: sum(results.map((r) => r.durationSec)),
  layouts: Object.fromEntries(
    SlideLayoutSchema.options.map((layout) => [
      layout,
      sum(
        results.map(
          (r) =>
            r.script?.sections.filter((s) => s.kind === 'body' && (s.layout ?? 'bullets') === layout)
              .length ?? 0,
        ),
      ),
    ]),
  ),
  pagesWithProblems: results.filter((r) => r.problems.length > 0).map((r) => r.page),
};
console.log('\nTotal', JSON.stringify(totals, null, 2));
await mkdir(dirname(outPath), { recursive: true });
await writeFile(
  outPath,
  `${JSON.stringify({ pages: results.map(({ script: _script, ...r }) => r), totals }, null, 2)}\n`,
);
console.log(`Wrote ${outPath}`);

function printPage(q: PageQuality, problems: readonly string[]): void {
  const head = q.error
    ? `${q.page}: ${q.error}`
    : `${q.page} [${q.language}] sections ${q.sections}, layouts ${q.layouts.join('/')} (of ${q.layoutsOffered} offered), pictures ${q.pictures.length}, ` +
      `${q.durationSec} s, boilerplate ${q.boilerplate.length}, bad bullets ${q.defectiveBullets.length}`;
  console.log(head);
  for (const problem of problems) console.log(`  ! ${problem}`);
  if (values.show && q.script) {
    for (const section of q.script.sections) {
      console.log(`  ## ${section.title} (${section.kind}${section.layout ? `, ${section.layout}` : ''})`);
      if (section.figure) console.log(`     [figure] ${section.figure.value} — ${section.figure.context}`);
      if (section.quote)
        console.log(`     [quote] ${section.quote.text}${section.quote.by ? ` — ${section.quote.by}` : ''}`);
      if (section.keyPoint) console.log(`     [key point] ${section.keyPoint.text}`);
      if (section.image) console.log(`     [picture] ${section.image.url} ${section.image.caption ?? ''}`);
      for (const bullet of section.bullets) console.log(`     • ${bullet}`);
      for (const n of section.narrations)
        console.log(`     > ${n.bullet !== undefined ? `[${n.bullet}] ` : ''}${n.text}`);
    }
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
