import { z } from 'zod';
import { LanguageSchema } from './script.ts';

export const FPS = 30;

export const VideoSizeSchema = z.enum(['720p', '1080p']);
export type VideoSize = z.infer<typeof VideoSizeSchema>;

export const LayoutSchema = z.enum(['landscape', 'vertical']);
export type Layout = z.infer<typeof LayoutSchema>;

const frame = z.number().int().nonnegative();

export const SlideSchema = z.object({
  kind: z.enum(['title', 'section', 'closing']),
  title: z.string(),
  bullets: z.array(z.string()),
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
  speaker: z.string(),
  /** Colour of the speaker, as CSS. */
  color: z.string(),
  startFrame: frame,
  durationInFrames: z.number().int().positive(),
});
export type Subtitle = z.infer<typeof SubtitleSchema>;

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
 * A span of frames [startFrame, endFrame). "static" spans look the same on every frame,
 * so a fast renderer may render their first frame once and hold it; "animated" spans must be
 * rendered frame by frame.
 */
export const SpanSchema = z.object({
  kind: z.enum(['static', 'animated']),
  startFrame: frame,
  endFrame: frame,
});
export type Span = z.infer<typeof SpanSchema>;

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
  /** Frames of the entrance animation at the start of each slide. */
  transitionFrames: z.number().int().nonnegative(),
  /**
   * Width budget of one subtitle line in full-width characters (a half-width character counts
   * 0.5). Lines were broken to fit it; the composition sizes the subtitle font so that this many
   * full-width characters fill the subtitle box.
   */
  subtitleCharsPerLine: z.number().positive(),
  slides: z.array(SlideSchema).min(1),
  subtitles: z.array(SubtitleSchema),
  audio: z.array(AudioClipPlacementSchema),
  spans: z.array(SpanSchema).min(1),
});
export type Timeline = z.infer<typeof TimelineSchema>;
