import { slideFades } from './fade.ts';
import {
  DEFAULT_VIDEO_SIZE,
  FPS,
  frameSize,
  type Layout,
  type Slide,
  type Speaker,
  SUBTITLE_CHARS_PER_LINE,
  type Timeline,
  type VideoSize,
} from './props.ts';

/**
 * A small, valid timeline: the Studio's default props and the fixture of scripts/render-stills.ts.
 * `buildSampleTimeline` lays slides and subtitles out back to back and derives the spans and the
 * fades the way the pipeline does (a span wherever the picture changes, a fade into each slide).
 */

export interface SampleSubtitle {
  speaker: string;
  lines: string[];
  frames: number;
}

export interface SampleSlide {
  kind: Slide['kind'];
  title: string;
  bullets?: string[];
  subtitles: SampleSubtitle[];
}

export interface SampleOptions {
  title: string;
  slides: SampleSlide[];
  layout?: Layout;
  size?: VideoSize;
  language?: Timeline['language'];
  siteName?: string;
  sourceUrl?: string;
  transitionFrames?: number;
  /** A dialogue's characters; subtitles whose speaker is one of these ids wear its tag and colour. */
  speakers?: Speaker[];
}

/** The pipeline's first speaker colours. */
const SPEAKER_COLORS = ['#FFD54F', '#4FC3F7'];
/** Silence before the first and after the last subtitle of each slide (the pipeline's 1 s). */
const SLIDE_PADDING_FRAMES = 30;
export function buildSampleTimeline(options: SampleOptions): Timeline {
  const transitionFrames = options.transitionFrames ?? 15;
  const layout = options.layout ?? 'landscape';
  const sectionCount = options.slides.filter((s) => s.kind === 'section').length;
  const slides: Slide[] = [];
  const subtitles: Timeline['subtitles'] = [];
  let frame = 0;
  let sectionNumber = 0;
  const speakers: string[] = [];
  const characters = options.speakers ?? [];
  const colorOf = (speaker: string): string => {
    if (!speakers.includes(speaker)) speakers.push(speaker);
    const character = characters.find((c) => c.id === speaker);
    return character?.color ?? SPEAKER_COLORS[speakers.indexOf(speaker) % SPEAKER_COLORS.length]!;
  };
  for (const draft of options.slides) {
    const startFrame = frame;
    frame += SLIDE_PADDING_FRAMES;
    for (const sub of draft.subtitles) {
      subtitles.push({
        lines: sub.lines,
        speaker: sub.speaker,
        color: colorOf(sub.speaker),
        startFrame: frame,
        durationInFrames: sub.frames,
      });
      frame += sub.frames;
    }
    frame += SLIDE_PADDING_FRAMES;
    if (draft.kind === 'section') sectionNumber += 1;
    slides.push({
      kind: draft.kind,
      title: draft.title,
      bullets: draft.bullets ?? [],
      sectionNumber: draft.kind === 'section' ? sectionNumber : 0,
      sectionCount: draft.kind === 'section' ? sectionCount : 0,
      startFrame,
      durationInFrames: frame - startFrame,
    });
  }
  const durationInFrames = frame;
  const turns = characters.length > 0 ? turnsOf(subtitles, durationInFrames) : [];
  return {
    fps: FPS,
    ...frameSize(layout, options.size ?? DEFAULT_VIDEO_SIZE),
    layout,
    language: options.language ?? 'ja',
    title: options.title,
    siteName: options.siteName ?? null,
    sourceUrl: options.sourceUrl ?? null,
    credits: speakers.map((speaker) => `VOICEVOX:${speaker}`),
    durationInFrames,
    transitionFrames,
    subtitleCharsPerLine: SUBTITLE_CHARS_PER_LINE[layout],
    slides,
    subtitles,
    speakers: characters,
    turns,
    audio: subtitles.map((s, clipIndex) => ({
      clipIndex,
      startFrame: s.startFrame,
      durationInFrames: s.durationInFrames,
      durationSec: (s.durationInFrames - 1) / FPS,
    })),
    spans: spansOf(slides, subtitles, durationInFrames),
    fades: slideFades(slides, transitionFrames),
  };
}

/** A new turn wherever the speaker changes; the first starts at 0, the last ends with the video. */
function turnsOf(subtitles: Timeline['subtitles'], durationInFrames: number): Timeline['turns'] {
  const turns: Timeline['turns'] = [];
  for (const s of subtitles) {
    const last = turns[turns.length - 1];
    if (last?.speaker === s.speaker) continue;
    const startFrame = last ? s.startFrame : 0;
    if (last) last.durationInFrames = startFrame - last.startFrame;
    turns.push({ speaker: s.speaker, startFrame, durationInFrames: durationInFrames - startFrame });
  }
  return turns;
}

/** Cut the video wherever the picture changes (the samples reveal no bullets). */
function spansOf(
  slides: Slide[],
  subtitles: Timeline['subtitles'],
  durationInFrames: number,
): Timeline['spans'] {
  const cuts = new Set([0, durationInFrames]);
  for (const s of slides) cuts.add(s.startFrame);
  for (const s of subtitles) {
    cuts.add(s.startFrame);
    cuts.add(s.startFrame + s.durationInFrames);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted
    .slice(0, -1)
    .map((startFrame, i) => ({ kind: 'static' as const, startFrame, endFrame: sorted[i + 1]! }));
}

export const sampleTimeline: Timeline = buildSampleTimeline({
  title: '生成AIで変わるソフトウェア開発の現場',
  siteName: 'テックノート',
  sourceUrl: 'https://example.com/articles/ai-software-development',
  slides: [
    {
      kind: 'title',
      title: '生成AIで変わるソフトウェア開発の現場',
      subtitles: [
        { speaker: 'ずんだもん', lines: ['今日は生成AIが変える', 'ソフトウェア開発の話なのだ'], frames: 96 },
      ],
    },
    {
      kind: 'section',
      title: 'AIコーディング支援の現在地',
      bullets: [
        'コード補完からタスク単位の自動実装へ',
        'レビューやテスト作成にも活用が広がる',
        '開発者の役割は「指示と検証」に移りつつある',
      ],
      subtitles: [
        {
          speaker: '四国めたん',
          lines: ['まずはAIコーディング支援が', 'どこまで来ているか見てみましょう'],
          frames: 110,
        },
        { speaker: 'ずんだもん', lines: ['補完だけじゃなくて', '実装まで任せられるのだ'], frames: 90 },
      ],
    },
    {
      kind: 'section',
      title: '導入で押さえたいポイント',
      bullets: [
        '生成されたコードは必ずテストで検証する',
        '機密情報を入力しない運用ルールを決める',
        '小さなタスクから段階的に導入する',
      ],
      subtitles: [
        { speaker: '四国めたん', lines: ['導入するときは', 'いくつか注意点があります'], frames: 84 },
        { speaker: 'ずんだもん', lines: ['テストで確かめるのが', 'いちばん大事なのだ'], frames: 90 },
      ],
    },
    {
      kind: 'closing',
      title: 'まとめ',
      subtitles: [{ speaker: '四国めたん', lines: ['ご視聴ありがとうございました'], frames: 84 }],
    },
  ],
});
