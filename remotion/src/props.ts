// The Explainer composition's input props: the one schema of what the video shows (the
// Timeline, in frames at FPS), owned here. The pipeline builds a Timeline and imports its schema
// and types from `@movie-generator/remotion/props`; its Script schema reuses the pieces a slide
// shows as they are (language, layout, key figure, quote). Browser-safe: zod only, no Node
// imports (the Remotion bundle imports this file).
import { LanguageSchema, type VideoSize } from '@movie-generator/api-contract';
import { z } from 'zod';

// The narration languages and video sizes are the API's (a job asks for them).
export {
  DEFAULT_VIDEO_SIZE,
  LANGUAGES,
  type Language,
  LanguageSchema,
  VIDEO_SIZES,
  type VideoSize,
  VideoSizeSchema,
} from '@movie-generator/api-contract';

/**
 * How a body slide is laid out. `bullets`: the bullet list; `picture`: the section's picture
 * (with its caption) beside the bullets; `figure`: one key number shown large with its context;
 * `quote`: a quoted sentence with who said it; `keypoint`: the section's one short rule or
 * conclusion in a large accent panel; `list`: a run of short list items (a kit list, a recipe's
 * ingredients) on one compact card. A slide whose layout needs data it lacks (a picture that
 * failed to download, say) falls back to `bullets`.
 */
export const SlideLayoutSchema = z.enum(['bullets', 'picture', 'figure', 'quote', 'keypoint', 'list']);
export type SlideLayout = z.infer<typeof SlideLayoutSchema>;

export const KeyFigureSchema = z.object({
  /** The number as shown, e.g. "381", "42%", "$1.2 billion", "2014年". */
  value: z.string().min(1).max(24),
  /** One line of context, e.g. "changesets in the year since March 2014". */
  context: z.string().min(1).max(120),
});
export type KeyFigure = z.infer<typeof KeyFigureSchema>;

export const QuoteSchema = z.object({
  text: z.string().min(1).max(240),
  /** Who said it, as the article names them; absent for an epigraph that names no one. */
  by: z.string().min(1).max(80).optional(),
});
export type Quote = z.infer<typeof QuoteSchema>;

/** A short standalone rule or conclusion the slide shows large (no quotation marks, no speaker). */
export const KeyPointSchema = z.object({
  text: z.string().min(1).max(100),
});
export type KeyPoint = z.infer<typeof KeyPointSchema>;

/**
 * One item of a compact list: the thing ("A coarse stone, around 1,000 grit", 「米粉（パン用）」)
 * and, when the item says more, what it is for or how much of it ("for setting the bevel",
 * 「200グラム」), drawn lighter.
 */
export const ListItemSchema = z.object({
  head: z.string().min(1).max(120),
  tail: z.string().min(1).max(160).optional(),
});
export type ListItem = z.infer<typeof ListItemSchema>;

/** The most items one compact list slide shows; a longer list is split evenly over several slides. */
export const MAX_LIST_ITEMS = 12;

export const ListPanelSchema = z.object({
  /** The sentence said before the items (what the list is), shown above them. */
  lead: z.string().min(1).max(160).optional(),
  items: z.array(ListItemSchema).min(2).max(MAX_LIST_ITEMS),
  /** Each tail is a quantity (a recipe's ingredients): one item a row, name and amount aligned. */
  amounts: z.boolean().optional(),
});
export type ListPanel = z.infer<typeof ListPanelSchema>;

/**
 * The step number of each bullet of a slide that shows an ordered list's items (a recipe's steps),
 * one entry per bullet: a number is drawn in place of the bullet marker; null is a bullet that is
 * not a step of its own (a step's second sentence, say) and is drawn without a marker.
 */
export const BulletStepsSchema = z.array(z.number().int().min(1).max(99).nullable()).max(6);
export type BulletSteps = z.infer<typeof BulletStepsSchema>;

export const FPS = 30;

export const LayoutSchema = z.enum(['landscape', 'vertical']);
export type Layout = z.infer<typeof LayoutSchema>;

/** Pixel size of each video size, landscape (a vertical video swaps width and height). */
export const FRAME_SIZES: Record<VideoSize, { width: number; height: number }> = {
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
};

/** Pixel size of a video of this layout and size. */
export function frameSize(layout: Layout, size: VideoSize): { width: number; height: number } {
  const { width, height } = FRAME_SIZES[size];
  return layout === 'vertical' ? { width: height, height: width } : { width, height };
}

/** Subtitle line width budget in full-width characters (a readable size at both resolutions). */
export const SUBTITLE_CHARS_PER_LINE: Record<Layout, number> = { landscape: 26, vertical: 15 };

const frame = z.number().int().nonnegative();

/**
 * A picture as the renderer gets it: always a local `data:image/jpeg;base64,…` URL made from the
 * re-encoded copy in the job's work directory (renderVideo drops any other source before
 * rendering, so Chromium never touches the network).
 */
export const SlideImageSchema = z.object({
  src: z.string(),
  caption: z.string().optional(),
  /** Pixel size of the picture, for laying it out without waiting for it to load. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type SlideImage = z.infer<typeof SlideImageSchema>;

export const SlideSchema = z.object({
  kind: z.enum(['title', 'section', 'closing']),
  title: z.string(),
  bullets: z.array(z.string()),
  /**
   * Frame, counted from the slide's start, at which each bullet appears (one entry per bullet);
   * absent: all bullets show from the start.
   */
  bulletReveals: z.array(frame).optional(),
  /** Bullets that are numbered steps (one entry per bullet); absent: every bullet has the marker. */
  steps: BulletStepsSchema.optional(),
  /** Section slides: how the slide is laid out (absent: bullets). Its data is always present. */
  layout: SlideLayoutSchema.optional(),
  /** Title slide: the lead picture; `picture` layout: the section's picture. */
  image: SlideImageSchema.optional(),
  /** `figure` layout. */
  figure: KeyFigureSchema.optional(),
  /** `quote` layout. */
  quote: QuoteSchema.optional(),
  /** `keypoint` layout. */
  keyPoint: KeyPointSchema.optional(),
  /** Frame, counted from the slide's start, at which the key point appears (absent: from the start). */
  keyPointReveal: frame.optional(),
  /** `list` layout. */
  list: ListPanelSchema.optional(),
  /** `list` layout: frame, counted from the slide's start, at which each item appears (absent: all from the start). */
  listReveals: z.array(frame).optional(),
  /** 1-based index among body sections, for "2 / 5" style labels; 0 for title and closing. */
  sectionNumber: z.number().int().nonnegative(),
  sectionCount: z.number().int().nonnegative(),
  startFrame: frame,
  durationInFrames: z.number().int().positive(),
});
export type Slide = z.infer<typeof SlideSchema>;

export const SubtitleSchema = z.object({
  /** Already broken into at most two display lines. */
  lines: z.array(z.string()).min(1).max(2),
  /** The speaker id of the line this card belongs to (in a dialogue, one of `speakers`). */
  speaker: z.string(),
  /** Colour of the speaker, as CSS. */
  color: z.string(),
  startFrame: frame,
  durationInFrames: z.number().int().positive(),
});
export type Subtitle = z.infer<typeof SubtitleSchema>;

/**
 * A character of a dialogue (掛け合い): its speaker id as the subtitles name it, the name on its
 * subtitles' name tag and on its badge, and its colour (CSS).
 */
export const SpeakerSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  color: z.string().min(1),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

/**
 * Who holds the floor from `startFrame` on: that speaker's badge is highlighted. A turn starts
 * when its speaker starts talking and lasts until the next speaker starts (the pause after a line
 * still belongs to whoever said it); the first turn starts at frame 0.
 */
export const TurnSchema = z.object({
  speaker: z.string().min(1),
  startFrame: frame,
  durationInFrames: z.number().int().positive(),
});
export type Turn = z.infer<typeof TurnSchema>;

export const AudioClipPlacementSchema = z.object({
  /** Index into the narration clips in script order. */
  clipIndex: z.number().int().nonnegative(),
  startFrame: frame,
  durationInFrames: z.number().int().positive(),
  /** Exact clip length in seconds (frames are rounded up). */
  durationSec: z.number().positive(),
});
export type AudioClipPlacement = z.infer<typeof AudioClipPlacementSchema>;

/**
 * A span of frames [startFrame, endFrame). Fades aside, "static" spans look the same on every
 * frame, so a fast renderer may render their first frame once (without fades) and hold it;
 * "animated" spans must be rendered frame by frame.
 */
export const SpanSchema = z.object({
  kind: z.enum(['static', 'animated']),
  startFrame: frame,
  endFrame: frame,
});
export type Span = z.infer<typeof SpanSchema>;

/**
 * A crossfade over frames [startFrame, startFrame + durationInFrames): each of them shows the
 * picture of frame startFrame - 1 with its own picture over it at `fadeOpacity` (fade.ts), both
 * pictures as they look without fades. Fades never overlap.
 */
export const FadeSchema = z.object({
  startFrame: z.number().int().positive(),
  durationInFrames: z.number().int().positive(),
});
export type Fade = z.infer<typeof FadeSchema>;

/** Everything the Remotion composition needs, in frames at FPS. Pure data, JSON-serialisable. */
export const TimelineSchema = z.object({
  fps: z.literal(FPS),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  layout: LayoutSchema,
  language: LanguageSchema,
  title: z.string(),
  // Nullable rather than optional: Remotion fills props that are absent with the composition's
  // default props (the sample), so "no site name" must be sent explicitly as null.
  siteName: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  /** Lines such as 「VOICEVOX:ずんだもん」 shown on the closing slide. */
  credits: z.array(z.string()),
  durationInFrames: z.number().int().positive(),
  /** Frames of the crossfade into each slide after the first (see `fades`). */
  transitionFrames: z.number().int().nonnegative(),
  /**
   * Width budget of one subtitle line in full-width characters (a half-width character counts
   * 0.5). Lines were broken to fit it; the composition sizes the subtitle font so that this many
   * full-width characters fill the subtitle box.
   */
  subtitleCharsPerLine: z.number().positive(),
  slides: z.array(SlideSchema).min(1),
  subtitles: z.array(SubtitleSchema),
  /**
   * A dialogue's characters, in badge order (a narration has none: no name tags, no badges).
   * Each subtitle whose `speaker` is one of these ids shows that speaker's name tag.
   */
  speakers: z.array(SpeakerSchema).default([]),
  /** A dialogue's turns, back to back over the whole video (empty for a narration). */
  turns: z.array(TurnSchema).default([]),
  audio: z.array(AudioClipPlacementSchema),
  spans: z.array(SpanSchema).min(1),
  /** The crossfades, in order (absent: every change is a cut). */
  fades: z.array(FadeSchema).default([]),
});
export type Timeline = z.infer<typeof TimelineSchema>;
