import { z } from 'zod';
import type { Article } from '../extract/types.ts';
import { type Language, ScriptSchema } from '../schema/script.ts';
import { TEXT_LIMITS } from './language.ts';

/** Article text sent to the model at most (characters). */
export const MAX_ARTICLE_CHARS = 12_000;

export interface PromptBounds {
  language: Language;
  maxSections: number;
  charBudget: number;
}

/** The JSON Schema of what the model writes: the Script minus `source`, which we fill in. */
const SCRIPT_JSON_SCHEMA = JSON.stringify(
  z.toJSONSchema(ScriptSchema.omit({ source: true }), { io: 'input' }),
);

const LANGUAGE_NAME: Record<Language, string> = { ja: 'Japanese', en: 'English' };

export function buildSystemPrompt({ language, maxSections, charBudget }: PromptBounds): string {
  const limits = TEXT_LIMITS[language];
  const readingRule =
    language === 'ja'
      ? '- "reading" (optional): the whole narration as it should be spoken, with words a speech engine may misread ' +
        '(rare kanji, names, English words and abbreviations) written in hiragana or katakana. Leave it out when the ' +
        'text reads correctly as it is.'
      : '- "reading" (optional): the whole narration as it should be spoken when that differs from the text ' +
        '(e.g. "example dot com" for "example.com"). Usually leave it out.';
  return [
    'You write narration scripts for short explainer videos made from web articles.',
    'Answer with exactly one JSON object and nothing else (no prose, no code fences).',
    `It must match this JSON Schema: ${SCRIPT_JSON_SCHEMA}`,
    '',
    'Rules:',
    `- Write everything (titles, bullets, narrations) in ${LANGUAGE_NAME[language]}, and set "language" to "${language}".`,
    '- "title": the video title, close to the article title.',
    `- "sections": at most ${maxSections} in all. The first has "kind": "opening" (a title slide: its title is the ` +
      'article title; its narrations introduce the article and what it is about). Then "kind": "body" sections, one ' +
      `per main topic of the article, at most ${maxSections - 2}. The last has "kind": "closing" (title e.g. ` +
      `"${language === 'ja' ? 'まとめ' : 'Summary'}"; narrations sum up the key points and end by inviting the viewer ` +
      'to read the original article).',
    `- "bullets": 2 to 4 per body section, short phrases of at most ${limits.bullet} characters shown on the slide, ` +
      `with no trailing "${language === 'ja' ? '。' : '.'}". The opening may have none.`,
    `- "narrations": 1 to 4 per section; each is one or two spoken sentences of at most ${limits.narration} ` +
      'characters, in a plain, friendly explainer tone. No URLs, footnote marks, markdown or emoji.',
    `- All narration "text" together: at most ${charBudget} characters (about 2 to 3 minutes of speech).`,
    '- "speaker": always "narrator".',
    readingRule,
    '- Stay faithful to the article; do not invent facts.',
  ].join('\n');
}

/** The article as the user message: metadata, then headings and paragraphs, cut to MAX_ARTICLE_CHARS. */
export function buildArticleMessage(article: Article): string {
  const header = [
    `Title: ${article.title}`,
    article.siteName ? `Site: ${article.siteName}` : undefined,
    `URL: ${article.url}`,
    `Article language: ${article.language}`,
    '',
    'Article:',
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  const blocks =
    article.blocks.length > 0
      ? article.blocks.map((b) => (b.type === 'heading' ? `${'#'.repeat(b.level ?? 2)} ${b.text}` : b.text))
      : article.paragraphs;
  let body = '';
  for (const block of blocks) {
    const next = body ? `${body}\n\n${block}` : block;
    if (next.length > MAX_ARTICLE_CHARS) {
      if (!body) body = block.slice(0, MAX_ARTICLE_CHARS);
      body += '\n\n[…]';
      break;
    }
    body = next;
  }
  return `${header}\n${body}`;
}

/** The follow-up asking the model to fix its answer. */
export function buildRepairMessage(issues: readonly string[]): string {
  return [
    'Your answer does not match the required JSON shape:',
    ...issues.map((issue) => `- ${issue}`),
    'Reply with the corrected JSON object only.',
  ].join('\n');
}
