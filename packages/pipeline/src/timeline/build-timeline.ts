import { slideFades } from '@movie-generator/remotion/fade';
import {
  type AudioClipPlacement,
  DEFAULT_VIDEO_SIZE,
  FPS,
  frameSize,
  type Layout,
  type Slide,
  type Span,
  type Speaker,
  SUBTITLE_CHARS_PER_LINE,
  type Subtitle,
  type Timeline,
  type Turn,
  type VideoSize,
} from '@movie-generator/remotion/props';
import { type Script, type Section, SpeakerIdSchema } from '../schema/script.ts';
import { characterOf } from '../speakers.ts';
import { displayWidth, subtitleCards } from './line-break.ts';
import { listReveals } from './list-reveals.ts';
import {
  bulletReveals,
  bulletSteps,
  type ImageSources,
  keyPointReveal,
  leadImage,
  sectionContent,
} from './slide-content.ts';

/** Pauses, in seconds, from the product design. */
export const PAUSES = {
  start: 1.0,
  betweenSlides: 1.0,
  /** Between narrations of a slide (in a dialogue: between lines of the same speaker). */
  betweenSpeakers: 0.5,
  /** In a dialogue, between one speaker's line and the other's reply on the same slide. */
  betweenTurns: 0.4,
  end: 1.0,
} as const;

/** The crossfade into each slide; it plays during the pause before the slide's first narration. */
export const TRANSITION_SEC = 0.5;

const SPEAKER_COLORS = ['#FFD54F', '#4FC3F7', '#A5D6A7', '#F48FB1', '#CE93D8', '#FFAB91'];

export interface TimelineOptions {
  size?: VideoSize;
  vertical?: boolean;
  /** Credit lines for the closing slide (TTS engine/voices). */
  credits?: string[];
  sourceUrl?: string;
  siteName?: string;
  /** Exact frame size, overriding size/vertical (tests render tiny videos, e.g. 320×180). */
  frame?: { width: number; height: number };
  /** Downloaded pictures by the script's URL; a picture not here is not shown. */
  images?: ImageSources;
}

const toFrames = (sec: number) => Math.round(sec * FPS);

/**
 * Places every slide, narration clip and subtitle card on a 30 fps frame grid, cuts the video
 * into static spans wherever the picture changes, and fades into each slide after the first. Pure.
 *
 * @param clipDurations seconds of each narration clip, in script order (sections, then narrations)
 */
export function buildTimeline(
  script: Script,
  clipDurations: readonly number[],
  options: TimelineOptions = {},
): Timeline {
  const layout: Layout = options.frame
    ? options.frame.height > options.frame.width
      ? 'vertical'
      : 'landscape'
    : options.vertical
      ? 'vertical'
      : 'landscape';
  const { width, height } = options.frame ?? frameSize(layout, options.size ?? DEFAULT_VIDEO_SIZE);
  const charsPerLine = SUBTITLE_CHARS_PER_LINE[layout];
  const images = options.images ?? new Map();
  const transitionFrames = toFrames(TRANSITION_SEC);

  const narrationCount = script.sections.reduce((n, s) => n + s.narrations.length, 0);
  if (clipDurations.length !== narrationCount) {
    throw new Error(`buildTimeline: ${clipDurations.length} clips for ${narrationCount} narrations`);
  }

  const dialogue = script.style === 'dialogue';
  const speakerColors = new Map<string, string>();
  // A dialogue's speakers wear their characters' colours; a narration keeps its palette.
  const colorOf = (speaker: string) => {
    if (!speakerColors.has(speaker)) {
      speakerColors.set(
        speaker,
        dialogue ? characterOf(speaker).color : SPEAKER_COLORS[speakerColors.size % SPEAKER_COLORS.length]!,
      );
    }
    return speakerColors.get(speaker)!;
  };

  const bodyCount = script.sections.filter((s) => s.kind === 'body').length;
  const slides: Slide[] = [];
  const subtitles: Subtitle[] = [];
  const audio: AudioClipPlacement[] = [];
  /** Each clip's speaker, in clip order (for the dialogue's turns). */
  const clipSpeakers: string[] = [];
  let cursor = 0;
  let clipIndex = 0;
  let bodyNumber = 0;

  script.sections.forEach((section, sectionIndex) => {
    const slideStart = cursor;
    const isLast = sectionIndex === script.sections.length - 1;
    cursor += toFrames(sectionIndex === 0 ? PAUSES.start : PAUSES.betweenSlides);
    const narrationStarts: number[] = [];

    section.narrations.forEach((narration, narrationIndex) => {
      if (narrationIndex > 0) {
        const reply = dialogue && narration.speaker !== section.narrations[narrationIndex - 1]!.speaker;
        cursor += toFrames(reply ? PAUSES.betweenTurns : PAUSES.betweenSpeakers);
      }
      narrationStarts.push(cursor);
      const durationSec = clipDurations[clipIndex]!;
      const clipFrames = Math.max(1, Math.ceil(durationSec * FPS));
      audio.push({ clipIndex, startFrame: cursor, durationInFrames: clipFrames, durationSec });
      clipSpeakers.push(narration.speaker);
      subtitles.push(...placeCards(narration.text, narration.speaker, cursor, clipFrames, durationSec));
      cursor += clipFrames;
      clipIndex += 1;
    });

    if (isLast) cursor += toFrames(PAUSES.end);
    if (section.kind === 'body') bodyNumber += 1;
    // The closing's recap bullets appear as they are said too, and its closing quotation shows on a panel.
    const reveals =
      section.kind !== 'opening' ? bulletReveals(section, narrationStarts, slideStart) : undefined;
    const lead = section.kind === 'opening' ? leadImage(script.leadImage, images) : undefined;
    const content = section.kind === 'body' ? sectionContent(section, images) : closingPanel(section, images);
    const items = content.list && listReveals(section, content.list, narrationStarts, slideStart);
    slides.push({
      kind: section.kind === 'opening' ? 'title' : section.kind === 'closing' ? 'closing' : 'section',
      title: section.title,
      bullets: section.bullets,
      ...(reveals ? { bulletReveals: reveals } : {}),
      ...(section.kind === 'body' ? bulletSteps(section) : {}),
      ...content,
      ...(items ? { listReveals: items } : {}),
      ...(section.kind === 'body' ? keyPointReveal(section, narrationStarts, slideStart) : {}),
      ...(lead ? { image: lead } : {}),
      sectionNumber: section.kind === 'body' ? bodyNumber : 0,
      sectionCount: bodyCount,
      startFrame: slideStart,
      durationInFrames: cursor - slideStart,
    });
  });

  function placeCards(
    text: string,
    speaker: string,
    start: number,
    frames: number,
    seconds: number,
  ): Subtitle[] {
    // Each card's time is its share of the narration's width, so the cards are cut knowing the
    // clip's length: none gets less than MIN_CUE_SECONDS where the clip is long enough.
    const cards = subtitleCards(text, script.language, charsPerLine, { seconds });
    const weights = cards.map((lines) => Math.max(1, displayWidth(lines.join(''))));
    const total = weights.reduce((a, b) => a + b, 0);
    const placed: Subtitle[] = [];
    let used = 0;
    let acc = 0;
    cards.forEach((lines, i) => {
      acc += weights[i]!;
      // Cumulative rounding keeps the cards' frames summing exactly to the clip's frames.
      const end = i === cards.length - 1 ? frames : Math.round((acc / total) * frames);
      const duration = end - used;
      if (duration <= 0) return;
      placed.push({
        lines,
        speaker,
        color: colorOf(speaker),
        startFrame: start + used,
        durationInFrames: duration,
      });
      used = end;
    });
    return placed;
  }

  const durationInFrames = cursor;
  const speakers = dialogue ? dialogueSpeakers(clipSpeakers, script.language, colorOf) : [];
  const turns = dialogue ? dialogueTurns(audio, clipSpeakers, durationInFrames) : [];
  return {
    fps: FPS,
    width,
    height,
    layout,
    language: script.language,
    title: script.title,
    siteName: options.siteName ?? script.source?.siteName ?? null,
    sourceUrl: options.sourceUrl ?? script.source?.url ?? null,
    credits: options.credits ?? [],
    durationInFrames,
    transitionFrames,
    subtitleCharsPerLine: charsPerLine,
    slides,
    subtitles,
    speakers,
    turns,
    audio,
    spans: computeSpans(slides, subtitles, durationInFrames, turns),
    fades: slideFades(slides, transitionFrames),
  };
}

/**
 * A dialogue's characters for the name tags and badges: each speaker once, in the order of
 * SpeakerIdSchema (the asker's badge left of the explainer's), then any other ids as they first
 * speak; names are the characters' names in the script's language.
 */
function dialogueSpeakers(
  clipSpeakers: readonly string[],
  language: Script['language'],
  colorOf: (speaker: string) => string,
): Speaker[] {
  const known: readonly string[] = SpeakerIdSchema.options;
  const rank = (id: string) => (known.includes(id) ? known.indexOf(id) : known.length);
  return [...new Set(clipSpeakers)]
    .map((id, appearance) => ({ id, appearance }))
    .sort((a, b) => rank(a.id) - rank(b.id) || a.appearance - b.appearance)
    .map(({ id }) => ({ id, name: characterOf(id).name[language], color: colorOf(id) }));
}

/**
 * Who holds the floor when: a new turn at each clip whose speaker differs from the one before,
 * lasting until the next; the first turn starts at frame 0 and the last ends with the video.
 */
function dialogueTurns(
  audio: readonly AudioClipPlacement[],
  clipSpeakers: readonly string[],
  durationInFrames: number,
): Turn[] {
  const turns: Turn[] = [];
  audio.forEach((clip, i) => {
    const speaker = clipSpeakers[i]!;
    const last = turns[turns.length - 1];
    if (last?.speaker === speaker) return;
    const startFrame = last ? clip.startFrame : 0;
    if (last) last.durationInFrames = startFrame - last.startFrame;
    turns.push({ speaker, startFrame, durationInFrames: durationInFrames - startFrame });
  });
  return turns;
}

/**
 * Static spans, cut at every frame where the picture (without fades) changes: a slide starts, a
 * bullet or a key point is revealed, a subtitle card appears or disappears, another speaker's badge lights up.
 */
export function computeSpans(
  slides: readonly Slide[],
  subtitles: readonly Subtitle[],
  durationInFrames: number,
  turns: readonly Turn[] = [],
): Span[] {
  const cuts = new Set<number>([0, durationInFrames]);
  for (const s of slides) {
    cuts.add(s.startFrame);
    for (const r of [...(s.bulletReveals ?? []), ...(s.listReveals ?? [])])
      if (r > 0 && r < s.durationInFrames) cuts.add(s.startFrame + r);
    const k = s.keyPointReveal;
    if (k !== undefined && k > 0 && k < s.durationInFrames) cuts.add(s.startFrame + k);
  }
  for (const sub of subtitles) {
    cuts.add(sub.startFrame);
    cuts.add(sub.startFrame + sub.durationInFrames);
  }
  for (const turn of turns) cuts.add(turn.startFrame);
  const points = [...cuts].filter((f) => f >= 0 && f <= durationInFrames).sort((a, b) => a - b);
  return points
    .slice(0, -1)
    .map((startFrame, i) => ({ kind: 'static' as const, startFrame, endFrame: points[i + 1]! }));
}

/** A closing slide shows a panel only for the article's closing quotation it says. */
function closingPanel(section: Section, images: ImageSources): Partial<Slide> {
  if (section.kind !== 'closing') return {};
  const content = sectionContent(section, images);
  return content.layout === 'quote' ? content : {};
}
