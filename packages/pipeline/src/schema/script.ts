import { z } from 'zod';

/** Narration language. Japanese first; English works too. */
export const LanguageSchema = z.enum(['ja', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

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

/**
 * How a body slide is laid out. `bullets`: the bullet list; `picture`: the section's picture
 * (with its caption) beside the bullets; `figure`: one key number shown large with its context;
 * `quote`: a quoted sentence with who said it. A slide whose layout needs data it lacks (a picture
 * that failed to download, say) falls back to `bullets`.
 */
export const SlideLayoutSchema = z.enum(['bullets', 'picture', 'figure', 'quote']);
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
  /** Who said it, as the article names them. */
  by: z.string().min(1).max(80),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const SectionKindSchema = z.enum(['opening', 'body', 'closing']);
export type SectionKind = z.infer<typeof SectionKindSchema>;

export const SectionSchema = z.object({
  title: z.string().min(1).max(120),
  /** opening → title slide, closing → closing slide with the source and credits. */
  kind: SectionKindSchema.default('body'),
  bullets: z.array(z.string().min(1).max(160)).max(6).default([]),
  narrations: z.array(NarrationSchema).min(1).max(20),
  /** Body slides only; absent means `bullets`. */
  layout: SlideLayoutSchema.optional(),
  /** For the `picture` layout. */
  image: ScriptImageSchema.optional(),
  /** For the `figure` layout. */
  figure: KeyFigureSchema.optional(),
  /** For the `quote` layout. */
  quote: QuoteSchema.optional(),
});
export type Section = z.infer<typeof SectionSchema>;

export const ScriptSourceSchema = z.object({
  url: z.string().url(),
  siteName: z.string().max(120).optional(),
});

/** The one schema for a video script: produced by a script provider, editable by hand (--script-only). */
export const ScriptSchema = z.object({
  title: z.string().min(1).max(200),
  language: LanguageSchema,
  source: ScriptSourceSchema.optional(),
  /** The article's lead picture, shown on the title slide. */
  leadImage: ScriptImageSchema.optional(),
  sections: z.array(SectionSchema).min(1).max(14),
});
export type Script = z.infer<typeof ScriptSchema>;
/** The shape before defaults are applied (what a person or an LLM may write). */
export type ScriptInput = z.input<typeof ScriptSchema>;
