/**
 * Renders stills of the title slide with the corpus' lead pictures — a landscape photo, the
 * 300×400 portrait, the smallest picture a slide accepts (160×90), none, and a Japanese title —
 * in landscape and vertical, to test-artifacts/visuals/title-<case>-<h|v>.png, for looking at them:
 *
 *   cd packages/pipeline && npx tsx scripts/preview-title.ts [case]
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderStill } from '@remotion/renderer';
import { localImageSources } from '../src/images/index.ts';
import { prepareImage } from '../src/images/prepare.ts';
import { remotionBrowserOptions } from '../src/render/browser.ts';
import { selectExplainer } from '../src/render/composition.ts';
import { closeRenderer, getBrowser, getBundle } from '../src/render/index.ts';
import { ScriptSchema } from '../src/schema/script.ts';
import { buildTimeline } from '../src/timeline/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const outDir = join(root, 'test-artifacts', 'visuals');
const corpus = fileURLToPath(new URL('../fixtures/real-world/', import.meta.url));

interface Case {
  name: string;
  language: 'en' | 'ja';
  title: string;
  site: string;
  narration: string;
  picture?: { file: string; caption?: string; maxSide?: number };
}

const CASES: Case[] = [
  {
    name: 'landscape',
    language: 'en',
    title: 'Port of Westmark bets on electric cranes to cut emissions',
    site: 'Harbour Gazette',
    narration:
      'Today we look at the article "Port of Westmark bets on electric cranes to cut emissions" from Harbour Gazette.',
    picture: {
      file: 'news-harbour/cranes.jpg',
      caption: 'Electric container cranes at dawn on the eastern terminal',
    },
  },
  {
    name: 'portrait',
    language: 'en',
    title: 'Karsholm Lighthouse',
    site: 'Wikipedia',
    narration: 'Today we look at the article "Karsholm Lighthouse" from Wikipedia.',
    picture: { file: 'wiki-lighthouse/lens.jpg', caption: 'The first-order lens, installed in 1871' },
  },
  {
    name: 'tiny',
    language: 'en',
    title: 'Inside a wood-fired kiln: four days, three tonnes of wood',
    site: 'Clay & Fire Journal',
    narration:
      'Here is "Inside a wood-fired kiln: four days, three tonnes of wood", published by Clay & Fire Journal.',
    picture: { file: 'figures-pottery/glaze-small.jpg', maxSide: 160 },
  },
  {
    name: 'none',
    language: 'en',
    title: 'The winter the bike lanes stayed open',
    site: 'The Northfield Courier',
    narration:
      'Today we look at the article "The winter the bike lanes stayed open" from The Northfield Courier.',
  },
  {
    name: 'ja',
    language: 'ja',
    title: '湾に鰊の群れ戻る ４０年ぶり大規模な産卵を確認',
    site: '北浜新聞デジタル',
    narration: '今回は、北浜湾に鰊の群れが戻ったというニュースを紹介します。',
    picture: { file: 'ja-news-sjis/nishin.jpg', caption: '白く濁った北浜湾の海面（１３日午前）' },
  },
];

const only = process.argv[2];
await mkdir(outDir, { recursive: true });
const serveUrl = await getBundle();
const browser = await getBrowser();
try {
  for (const c of CASES) {
    if (only && only !== c.name) continue;
    const url = `https://example.com/${c.name}.jpg`;
    const script = ScriptSchema.parse({
      title: c.title,
      language: c.language,
      source: { url: 'https://example.com/article', siteName: c.site },
      ...(c.picture ? { leadImage: { url, caption: c.picture.caption } } : {}),
      sections: [
        {
          kind: 'opening',
          title: c.title,
          bullets: [],
          narrations: [{ text: c.narration, speaker: 'narrator' }],
        },
      ],
    });
    let images = new Map();
    if (c.picture) {
      const path = join(outDir, `title-${c.name}-source.jpg`);
      const prepared = await prepareImage(await readFile(join(corpus, c.picture.file)), path, {
        maxDimension: 8000,
        outputMaxSide: c.picture.maxSide ?? 1280,
      });
      images = await localImageSources(new Map([[url, { path, ...prepared }]]));
    }
    for (const vertical of [false, true]) {
      const timeline = buildTimeline(script, [3], { vertical, images, credits: ['Voice: test'] });
      const composition = await selectExplainer(serveUrl, timeline, browser);
      const name = `title-${c.name}-${vertical ? 'v' : 'h'}.png`;
      await renderStill({
        ...remotionBrowserOptions(),
        serveUrl,
        composition,
        inputProps: timeline,
        puppeteerInstance: browser,
        // Past the entrance, during the first subtitle.
        frame: timeline.transitionFrames + 25,
        imageFormat: 'png',
        output: join(outDir, name),
        overwrite: true,
      });
      console.log(name);
    }
  }
} finally {
  await closeRenderer();
}
