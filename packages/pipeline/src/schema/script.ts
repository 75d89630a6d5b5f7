import { type VideoStyle, VideoStyleSchema } from '@movie-generator/api-contract';
import {
  BulletStepsSchema,
  KeyFigureSchema,
  KeyPointSchema,
  LanguageSchema,
  ListPanelSchema,
  QuoteSchema,
  SlideLayoutSchema,
} from '@movie-generator/remotion/props';
import { z } from 'zod';

// What a slide shows is the video's (remotion/src/props.ts); the script uses those pieces as they are.
export {
  type BulletSteps,
  BulletStepsSchema,
  type KeyFigure,
  KeyFigureSchema,
  type Language,
  LanguageSchema,
  type ListItem,
  ListItemSchema,
  type ListPanel,
  ListPanelSchema,
  MAX_LIST_ITEMS,
  type Quote,
  QuoteSchema,
  type SlideLayout,
  SlideLayoutSchema,
} from '@movie-generator/remotion/props';

export const NarrationSchema = z.object({
  /** What the subtitles show. */
  text: z.string().min(1).max(400),
  /** What the voice says when it differs from the text (e.g. kana for a hard kanji, "dot com"). */
  reading: z.string().min(1).max(600).optional(),
  /** A speaker id; each distinct id gets its own voice and subtitle colour. */
  speaker: z.string().min(1).max(40).default('narrator'),
  /**
   * Index of the section bullet this narration speaks about. The bullet appears on the slide when
   * this narration starts (bullets with no narration pointing at them show from the slide's start).
   */
  bullet: z.number().int().min(0).max(5).optional(),
});
export type Narration = z.infer<typeof NarrationSchema>;

/**
 * A picture from the article. `url` is where it was found (http/https); the pipeline downloads it
 * through the guarded fetch and the renderer only ever sees a local, re-encoded copy.
 */
export const ScriptImageSchema = z.object({
  url: z.string().url(),
  caption: z.string().max(200).optional(),
});
export type ScriptImage = z.infer<typeof ScriptImageSchema>;

/** The longest bullet a slide takes (a recap point may use it all). */
export const BULLET_MAX_CHARS = 160;

/** The longest section (slide) title. */
export const SECTION_TITLE_MAX_CHARS = 120;

/**
 * A section's key point: what the panel shows and the index of the narration that says it (the
 * panel appears when that narration starts; absent: from the slide's start).
 */
export const SectionKeyPointSchema = KeyPointSchema.extend({
  narration: z.number().int().min(0).max(19).optional(),
});
export type SectionKeyPoint = z.infer<typeof SectionKeyPointSchema>;

export const SectionKindSchema = z.enum(['opening', 'body', 'closing']);
export type SectionKind = z.infer<typeof SectionKindSchema>;

export const SectionSchema = z.object({
  title: z.string().min(1).max(SECTION_TITLE_MAX_CHARS),
  /** opening → title slide, closing → closing slide with the source and credits. */
  kind: SectionKindSchema.default('body'),
  bullets: z.array(z.string().min(1).max(BULLET_MAX_CHARS)).max(6).default([]),
  /**
   * When the bullets are the steps of an ordered list (a recipe, a how-to): each bullet's step
   * number, one entry per bullet, counted across the slides of the same list (a slide may start at
   * 4); null for a bullet that is not a step of its own. Absent: plain bullets.
   */
  steps: BulletStepsSchema.optional(),
  narrations: z.array(NarrationSchema).min(1).max(20),
  /** Body slides only; absent means `bullets`. */
  layout: SlideLayoutSchema.optional(),
  /** For the `picture` layout. */
  image: ScriptImageSchema.optional(),
  /** For the `figure` layout. */
  figure: KeyFigureSchema.optional(),
  /** For the `quote` layout. */
  quote: QuoteSchema.optional(),
  /** For the `keypoint` layout. */
  keyPoint: SectionKeyPointSchema.optional(),
  /** For the `list` layout: its items, each shown when the first narration that names it starts. */
  list: ListPanelSchema.optional(),
});
export type Section = z.infer<typeof SectionSchema>;

export const ScriptSourceSchema = z.object({
  url: z.string().url(),
  siteName: z.string().max(120).optional(),
});

/**
 * How the script is told: one narrator, or a dialogue (掛け合い) in which one character asks and
 * reacts and the other explains. The API's VideoStyleSchema: a job's style is the script's.
 */
export const ScriptStyleSchema = VideoStyleSchema;
export type ScriptStyle = VideoStyle;

/** Speaker ids: the narrator of a narration; the asker and the explainer of a dialogue. */
export const SpeakerIdSchema = z.enum(['narrator', 'asker', 'explainer']);
export type SpeakerId = z.infer<typeof SpeakerIdSchema>;

/** The one schema for a video script: produced by a script provider, editable by hand (--script-only). */
export const ScriptSchema = z.object({
  title: z.string().min(1).max(200),
  language: LanguageSchema,
  /** Absent means `narration`. */
  style: ScriptStyleSchema.optional(),
  source: ScriptSourceSchema.optional(),
  /** The article's lead picture, shown on the title slide. */
  leadImage: ScriptImageSchema.optional(),
  sections: z.array(SectionSchema).min(1).max(14),
});
export type Script = z.infer<typeof ScriptSchema>;
/** The shape before defaults are applied (what a person or an LLM may write). */
export type ScriptInput = z.input<typeof ScriptSchema>;
