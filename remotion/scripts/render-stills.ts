/**
 * Renders sample frames of the Explainer composition to remotion/out/*.png for a visual check,
 * and checks that frames within a static span are pixel-identical (the fast renderer's premise).
 *
 *   cd remotion && npx tsx scripts/render-stills.ts [name-filter]
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '@remotion/bundler';
import { type HeadlessBrowser, openBrowser, renderStill, selectComposition } from '@remotion/renderer';
import { EXPLAINER_COMPOSITION_ID, remotionEntryPoint } from '../src/entry-path.ts';
import { DEFAULT_VIDEO_SIZE, type Layout, type Timeline, type VideoSize } from '../src/props.ts';
import { buildSampleTimeline, type SampleOptions, sampleTimeline } from '../src/sample-timeline.ts';

const outDir = fileURLToPath(new URL('../out/', import.meta.url));
const browserOptions = {
  browserExecutable: '/usr/bin/chromium',
  chromeMode: 'chrome-for-testing',
  logLevel: 'error',
} as const;

const LONG_JA_TITLE =
  '生成AIが変えるソフトウェア開発の未来と、現場のエンジニアがいま身につけておくべき設計・テスト・レビューの実践的スキル';
const LONG_EN_TITLE =
  'How Generative AI Is Reshaping Everyday Software Engineering Work, From Code Review to Testing Practice';
const LONG_BULLETS = [
  '生成されたコードは必ず自動テストとコードレビューの両方で検証し、意図しない挙動がないかを確かめる',
  '機密情報や個人情報をプロンプトに含めないよう、チームで運用ルールを決めて定期的に見直す',
  'まずは小さなタスクから段階的に導入し、効果と課題を計測しながら適用範囲を広げていく',
  'AIの提案をそのまま採用せず、設計意図や保守性の観点から人間が最終判断を下す体制を整える',
];

/** The Script schema's maxima: 200-char title, 120-char section title, 6 bullets of 160 chars. */
const EXTREME_TITLE = LONG_JA_TITLE.repeat(4).slice(0, 200);
const EXTREME_HEADING = LONG_JA_TITLE.repeat(2).slice(0, 120);
const EXTREME_BULLETS = [...LONG_BULLETS, ...LONG_BULLETS.slice(0, 2)].map((b) => b.repeat(3).slice(0, 160));

function variant(options: Partial<SampleOptions>): Timeline {
  const base = sampleOptions();
  return buildSampleTimeline({ ...base, ...options });
}

function sampleOptions(): SampleOptions {
  return {
    title: sampleTimeline.title,
    siteName: sampleTimeline.siteName ?? undefined,
    sourceUrl: sampleTimeline.sourceUrl ?? undefined,
    slides: sampleTimeline.slides.map((slide) => ({
      kind: slide.kind,
      title: slide.title,
      bullets: slide.bullets,
      subtitles: sampleTimeline.subtitles
        .filter(
          (s) => s.startFrame >= slide.startFrame && s.startFrame < slide.startFrame + slide.durationInFrames,
        )
        .map((s) => ({ speaker: s.speaker, lines: s.lines, frames: s.durationInFrames })),
    })),
  };
}

function withSlide(index: number, change: Partial<SampleOptions['slides'][number]>): SampleOptions['slides'] {
  return sampleOptions().slides.map((slide, i) => (i === index ? { ...slide, ...change } : slide));
}

const englishSlides: SampleOptions['slides'] = [
  {
    kind: 'title',
    title: LONG_EN_TITLE,
    subtitles: [
      {
        speaker: 'Narrator',
        lines: ['Today we look at how generative AI', 'is changing software engineering.'],
        frames: 90,
      },
    ],
  },
  {
    kind: 'section',
    title: 'Where AI coding assistants stand today',
    bullets: [
      'From autocomplete to implementing whole tasks',
      'Increasingly used for reviews and writing tests',
      'Developers shift towards specifying and verifying',
    ],
    subtitles: [
      {
        speaker: 'Narrator',
        lines: ['Assistants now go well beyond', 'completing the line you are typing.'],
        frames: 90,
      },
    ],
  },
  {
    kind: 'closing',
    title: 'Summary',
    subtitles: [{ speaker: 'Narrator', lines: ['Thanks for watching!'], frames: 60 }],
  },
];

/** The sample's speakers as a dialogue's characters (the pipeline's colours for them). */
const DIALOGUE_SPEAKERS = [
  { id: 'ずんだもん', name: 'ずんだもん', color: '#7cc95a' },
  { id: '四国めたん', name: '四国めたん', color: '#e8609c' },
];

interface Shot {
  name: string;
  timeline: Timeline;
  /** [label, frame] pairs. */
  frames: [string, number][];
}

function standardFrames(t: Timeline): [string, number][] {
  const [title, section1] = t.slides;
  const closing = t.slides.at(-1);
  const T = t.transitionFrames;
  const frames: [string, number][] = [];
  if (title) frames.push(['title-hold', title.startFrame + 45]);
  if (section1) {
    frames.push(['section-transition-mid', section1.startFrame + Math.floor(T / 2)]);
    frames.push(['section-subtitle', section1.startFrame + 60]);
  }
  if (closing) frames.push(['closing', closing.startFrame + 50]);
  return frames;
}

function shots(): Shot[] {
  const landscape = sampleTimeline;
  const vertical = variant({ layout: 'vertical' });
  const longJa = (layout: 'landscape' | 'vertical') =>
    variant({ layout, title: LONG_JA_TITLE, slides: withSlide(0, { title: LONG_JA_TITLE }) });
  const longBullets = (layout: 'landscape' | 'vertical') =>
    variant({
      layout,
      slides: withSlide(1, {
        title: 'AIを開発に取り入れるときに押さえておきたい四つの基本的なポイント',
        bullets: LONG_BULLETS,
      }),
    });
  const english = (layout: 'landscape' | 'vertical') =>
    variant({
      layout,
      language: 'en',
      title: LONG_EN_TITLE,
      siteName: 'Engineering Weekly',
      sourceUrl: 'https://example.com/blog/2025/generative-ai-software-engineering',
      slides: englishSlides,
    });
  const extreme = (layout: 'landscape' | 'vertical') =>
    variant({
      layout,
      title: EXTREME_TITLE,
      siteName: 'とても長いサイト名のテックブログ・エンジニアリングニュースとチュートリアル',
      sourceUrl: `https://example.com/${encodeURIComponent('とても長い記事のパス').repeat(6)}?utm_source=x&ref=y`,
      slides: sampleOptions().slides.map((slide, i) => {
        if (i === 0) return { ...slide, title: EXTREME_TITLE };
        if (i === 1) return { ...slide, title: EXTREME_HEADING, bullets: EXTREME_BULLETS };
        return slide;
      }),
    });
  const firstSection = (t: Timeline) => t.slides[1]!.startFrame;
  const dialogue = (layout: Layout, size: VideoSize = DEFAULT_VIDEO_SIZE) =>
    variant({ layout, size, speakers: DIALOGUE_SPEAKERS });
  return [
    { name: 'dialogue-landscape-720p', timeline: dialogue('landscape'), frames: standardFrames(landscape) },
    { name: 'dialogue-vertical-720p', timeline: dialogue('vertical'), frames: standardFrames(landscape) },
    {
      name: 'dialogue-landscape-1080p',
      timeline: dialogue('landscape', '1080p'),
      frames: [['section-subtitle', firstSection(landscape) + 60]],
    },
    { name: 'landscape-720p', timeline: landscape, frames: standardFrames(landscape) },
    { name: 'vertical-720p', timeline: vertical, frames: standardFrames(vertical) },
    {
      name: 'landscape-1080p',
      timeline: variant({ size: '1080p' }),
      frames: [['section-subtitle', firstSection(landscape) + 60]],
    },
    {
      name: 'vertical-1080p',
      timeline: variant({ layout: 'vertical', size: '1080p' }),
      frames: [['section-subtitle', firstSection(landscape) + 60]],
    },
    { name: 'long-ja-title-landscape', timeline: longJa('landscape'), frames: [['title', 45]] },
    { name: 'long-ja-title-vertical', timeline: longJa('vertical'), frames: [['title', 45]] },
    {
      name: 'long-bullets-landscape',
      timeline: longBullets('landscape'),
      frames: [['section', firstSection(landscape) + 60]],
    },
    {
      name: 'long-bullets-vertical',
      timeline: longBullets('vertical'),
      frames: [['section', firstSection(landscape) + 60]],
    },
    {
      name: 'extreme-landscape',
      timeline: extreme('landscape'),
      frames: standardFrames(extreme('landscape')),
    },
    { name: 'extreme-vertical', timeline: extreme('vertical'), frames: standardFrames(extreme('vertical')) },
    {
      name: 'english-landscape',
      timeline: english('landscape'),
      frames: standardFrames(english('landscape')),
    },
    { name: 'english-vertical', timeline: english('vertical'), frames: standardFrames(english('vertical')) },
  ];
}

async function renderFrame(
  serveUrl: string,
  browser: HeadlessBrowser,
  timeline: Timeline,
  frame: number,
  output: string,
): Promise<number> {
  const composition = await selectComposition({
    ...browserOptions,
    serveUrl,
    id: EXPLAINER_COMPOSITION_ID,
    inputProps: timeline,
    puppeteerInstance: browser,
  });
  const started = performance.now();
  await renderStill({
    ...browserOptions,
    composition,
    serveUrl,
    frame,
    output,
    inputProps: timeline,
    puppeteerInstance: browser,
    overwrite: true,
  });
  return performance.now() - started;
}

/**
 * Renders the first and last frame of every static span without fades (as the fast renderer
 * draws them) and compares the PNGs byte for byte.
 */
async function checkStaticSpans(
  serveUrl: string,
  browser: HeadlessBrowser,
  withFades: Timeline,
  name: string,
) {
  const timeline: Timeline = { ...withFades, fades: [] };
  let identical = 0;
  const different: string[] = [];
  for (const span of timeline.spans) {
    if (span.kind !== 'static' || span.endFrame - span.startFrame < 2) continue;
    const first = join(outDir, `span-${name}-${span.startFrame}.png`);
    const last = join(outDir, `span-${name}-${span.endFrame - 1}.png`);
    await renderFrame(serveUrl, browser, timeline, span.startFrame, first);
    await renderFrame(serveUrl, browser, timeline, span.endFrame - 1, last);
    const same = (await readFile(first)).equals(await readFile(last));
    if (same) identical += 1;
    else different.push(`${span.startFrame}-${span.endFrame}`);
  }
  console.log(
    `static spans (${name}): ${identical} identical, ${different.length} different ${different.join(' ')}`,
  );
  return different.length === 0;
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  await mkdir(outDir, { recursive: true });
  let started = performance.now();
  const serveUrl = await bundle({ entryPoint: remotionEntryPoint });
  console.log(`bundle: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const browser = await openBrowser('chrome', browserOptions);
  console.log(`browser: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const timings: number[] = [];
  let ok = true;
  try {
    for (const shot of shots().filter((s) => s.name.includes(filter))) {
      for (const [label, frame] of shot.frames) {
        const output = join(outDir, `${shot.name}-${label}.png`);
        const ms = await renderFrame(serveUrl, browser, shot.timeline, frame, output);
        timings.push(ms);
        console.log(`${output} (frame ${frame}): ${ms.toFixed(0)} ms`);
      }
    }
    if (filter === '' || filter === 'spans') {
      ok = (await checkStaticSpans(serveUrl, browser, sampleTimeline, 'landscape-720p')) && ok;
      ok =
        (await checkStaticSpans(serveUrl, browser, variant({ layout: 'vertical' }), 'vertical-720p')) && ok;
      ok =
        (await checkStaticSpans(
          serveUrl,
          browser,
          variant({ speakers: DIALOGUE_SPEAKERS }),
          'dialogue-landscape-720p',
        )) && ok;
    }
  } finally {
    await browser.close({ silent: true });
  }
  if (timings.length > 0) {
    const sorted = [...timings].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `renderStill: ${timings.length} stills, median ${median.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
    );
  }
  if (!ok) process.exitCode = 1;
}

await main();
