/**
 * Renders stills of every slide layout (ja/en, landscape/vertical) from the layout fixtures to
 * test-artifacts/visuals/, for looking at them:
 *
 *   cd packages/pipeline && npx tsx scripts/preview-layouts.ts [ja|en] [landscape|vertical] [script.json]
 *
 * A script file given as the third argument replaces the fixture (its language must match).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderStill } from '@remotion/renderer';
import { localImageSources } from '../src/images/index.ts';
import { prepareImage } from '../src/images/prepare.ts';
import { remotionBrowserOptions } from '../src/render/browser.ts';
import { selectExplainer } from '../src/render/composition.ts';
import { closeRenderer, warmRenderer } from '../src/render/index.ts';
import { ScriptSchema } from '../src/schema/script.ts';
import { buildTimeline } from '../src/timeline/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const outDir = join(root, 'test-artifacts', 'visuals');
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const [langFilter, layoutFilter, scriptFile] = process.argv.slice(2);

await mkdir(outDir, { recursive: true });
const photo = join(outDir, 'photo.jpg');
const prepared = await prepareImage(await readFile(join(fixtures, 'images', 'sample-photo.jpg')), photo, {
  maxDimension: 8000,
  outputMaxSide: 1280,
});
const { serveUrl, browser } = await warmRenderer();
try {
  for (const lang of ['en', 'ja'] as const) {
    if (langFilter && langFilter !== lang) continue;
    const script = ScriptSchema.parse(
      JSON.parse(await readFile(scriptFile ?? join(fixtures, `script-layouts-${lang}.json`), 'utf8')),
    );
    const urls = [script.leadImage?.url, ...script.sections.map((s) => s.image?.url)].filter(
      (u): u is string => !!u,
    );
    const local = await localImageSources(new Map(urls.map((u) => [u, { path: photo, ...prepared }])));
    const clips = script.sections.flatMap((s) => s.narrations.map(() => 2));
    for (const vertical of [false, true]) {
      const orientation = vertical ? 'vertical' : 'landscape';
      if (layoutFilter && layoutFilter !== orientation) continue;
      const timeline = buildTimeline(script, clips, { vertical, images: local, credits: ['Voice: test'] });
      const composition = await selectExplainer(serveUrl, timeline, browser);
      for (const [i, slide] of timeline.slides.entries()) {
        const frames = [
          slide.startFrame + timeline.transitionFrames,
          slide.startFrame + slide.durationInFrames - 1,
        ];
        for (const [j, frame] of frames.entries()) {
          if (j === 0 && slide.kind === 'section' && !slide.bulletReveals && !slide.listReveals) continue;
          const name = `${scriptFile ? 'custom-' : ''}${lang}-${orientation}-${i}-${slide.layout ?? slide.kind}-${j === 0 ? 'start' : 'end'}.png`;
          await renderStill({
            ...remotionBrowserOptions(),
            serveUrl,
            composition,
            inputProps: timeline,
            puppeteerInstance: browser,
            frame,
            imageFormat: 'png',
            output: join(outDir, name),
            overwrite: true,
          });
          console.log(name);
        }
      }
    }
  }
} finally {
  await closeRenderer();
}
