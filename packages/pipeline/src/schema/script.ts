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
});
export type Narration = z.infer<typeof NarrationSchema>;

export const SectionKindSchema = z.enum(['opening', 'body', 'closing']);
export type SectionKind = z.infer<typeof SectionKindSchema>;

export const SectionSchema = z.object({
  title: z.string().min(1).max(120),
  /** opening → title slide, closing → closing slide with the source and credits. */
  kind: SectionKindSchema.default('body'),
  bullets: z.array(z.string().min(1).max(160)).max(6).default([]),
  narrations: z.array(NarrationSchema).min(1).max(20),
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
  sections: z.array(SectionSchema).min(1).max(14),
});
export type Script = z.infer<typeof ScriptSchema>;
/** The shape before defaults are applied (what a person or an LLM may write). */
export type ScriptInput = z.input<typeof ScriptSchema>;
