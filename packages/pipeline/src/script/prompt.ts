import { z } from 'zod';
import type { Article, ArticleImage } from '../extract/types.ts';
import { type Language, ScriptSchema, type ScriptStyle } from '../schema/script.ts';
import { CHARACTERS } from '../speakers.ts';
import { TEXT_LIMITS } from './language.ts';

/** Article text sent to the model at most (characters). */
export const MAX_ARTICLE_CHARS = 12_000;

export interface PromptBounds {
  language: Language;
  maxSections: number;
  charBudget: number;
  /** Default `narration`. */
  style?: ScriptStyle;
}

/** The rules that make the script a dialogue between the asker and the explainer. */
function dialogueRules(language: Language): string[] {
  const asker = CHARACTERS.asker.name[language];
  const explainer = CHARACTERS.explainer.name[language];
  return [
    `- This is a DIALOGUE (掛け合い) between two characters: ${explainer} (speaker "explainer"), who explains the ` +
      `article, and ${asker} (speaker "asker"), who asks, reacts and sums up briefly. Set "style": "dialogue".`,
    '- Every narration has "speaker": "explainer" or "asker". Turns alternate naturally: the asker opens each ' +
      'section with a short question built from its heading or key term; the explainer answers in turns of one or ' +
      "two sentences; between the explainer's turns the asker reacts or sums up in a few words. Vary the asker's " +
      'phrases: no phrase more than twice in the video.',
    "- The facts are said by the explainer; the asker never adds facts. Bullets belong to the explainer's " +
      'narrations ("bullet" is set on explainer turns only).',
    language === 'ja'
      ? `- ${asker}'s lines may end in 「〜のだ」 as the character's flavour; ${explainer} speaks politely (です・ます).`
      : `- Keep both voices friendly and plain; ${asker} is curious, ${explainer} is clear.`,
    '- Narrations per section: up to 12 in a dialogue.',
  ];
}

/** The JSON Schema of what the model writes: the Script minus `source`, which we fill in. */
const SCRIPT_JSON_SCHEMA = JSON.stringify(
  z.toJSONSchema(ScriptSchema.omit({ source: true }), { io: 'input' }),
);

const LANGUAGE_NAME: Record<Language, string> = { ja: 'Japanese', en: 'English' };

export function buildSystemPrompt({ language, maxSections, charBudget, style }: PromptBounds): string {
  const limits = TEXT_LIMITS[language];
  const readingRule =
    language === 'ja'
      ? '- "reading" (optional): the whole narration as it should be spoken, with words a speech engine may misread ' +
        '(rare kanji, names, English words and brand names such as "DeepMind" → ディープマインド) written in ' +
        'hiragana or katakana; web addresses said as 「〜のサイト」, never digit by digit. Leave it out when the ' +
        'text reads correctly as it is.'
      : '- "reading" (optional): the whole narration as it should be spoken when that differs from the text ' +
        '(e.g. "example dot com" for "example.com"). Usually leave it out.';
  const bulletEnd =
    language === 'ja'
      ? 'on a particle (が, を, に, は, の, で, と…) or a 連用形 fragment (〜し, 〜され, 〜して)'
      : 'on an article, preposition, conjunction, auxiliary or possessive ("the", "of", "and", "will", "its")';
  return [
    'You write narration scripts for short explainer videos made from web articles.',
    'The article may be written in any language; the script is always written in the language asked for below.',
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
    `- "bullets": 2 to 4 per body section, shown on the slide, each at most ${limits.bullet} characters with no trailing ` +
      `"${language === 'ja' ? '。' : '.'}". Every bullet is a whole point: a complete short sentence, a key phrase` +
      `${language === 'ja' ? ' (体言止め is fine)' : ''}, or a clause cut at a natural boundary that ends with "…". ` +
      `A bullet never ends ${bulletEnd}, never has an unbalanced quote or bracket, and is never a table-of-contents ` +
      'number, a link title, a caption, a byline or other page furniture. The opening may have none.',
    `- "narrations": 1 to 4 per section; each is one or two spoken sentences of at most ${limits.narration} ` +
      'characters, in a plain, friendly explainer tone. No URLs, footnote marks, markdown or emoji. Never end a ' +
      'narration on a comma, and never join sentences from different parts of the article into one.',
    '- Each body slide\'s bullets say what its narrations say, in the same order. Set "bullet" on a narration to the ' +
      'index (from 0) of the bullet it speaks about: that bullet appears when the narration starts.',
    '- "steps": only when a body slide\'s bullets are the steps of an ordered list in the article (a recipe\'s or ' +
      "a how-to's numbered steps): each bullet's step number, one entry per bullet (null for a bullet that is not a " +
      'step of its own), counting on across the slides of the same list (a second slide may start at 4). Leave it ' +
      'out everywhere else.',
    "- The opening's narrations introduce the article and then state its lead point (its main news or claim), not " +
      "a detail. The closing states the article's takeaway (its conclusion or moral) and names the points made; do " +
      'not just say "the article covered <title>".',
    '- "layout" of each body section, chosen from its content, varying it so consecutive slides do not all look the ' +
      'same: "picture" when a picture listed in the article belongs to that part (set "image" to its url and ' +
      'caption, exactly as listed; never invent a url), "figure" when a key sentence holds a number, percentage, ' +
      'amount or date worth showing large (set "figure": "value" at most 24 characters, "context" one line), ' +
      '"quote" when the part has a quoted sentence with who said it (set "quote": "text" and "by"), "list" when ' +
      'the part reads out a list of 5 to 12 short items such as tools or ingredients (set "list": "items", each ' +
      '"head" the thing and "tail" what it is for or how much, "amounts": true when every tail is a quantity, and ' +
      '"lead" the sentence said before them; its narrations say the items in order and its bullets are empty), else ' +
      '"bullets". The other slides still have their bullets and narrations.',
    '- "leadImage": the article\'s lead picture (its url exactly as listed), when there is one.',
    `- All narration "text" together: at most ${charBudget} characters (about 2 to 3 minutes of speech).`,
    ...(style === 'dialogue' ? dialogueRules(language) : ['- "speaker": always "narrator".']),
    readingRule,
    '- Stay faithful to the article; do not invent facts.',
  ].join('\n');
}

/** A paragraph longer than this is cut before it is sent (a runaway single <p> must stay cheap). */
export const MAX_PROMPT_PARAGRAPH_CHARS = 4000;

function pictureLine(image: ArticleImage): string {
  const caption = image.caption ?? image.alt;
  return `[Picture: ${image.url}${caption ? ` — ${caption.slice(0, 200)}` : ''}]`;
}

/**
 * The article as the user message: metadata, then headings and paragraphs (each picture listed
 * where it stands in the article), cut to MAX_ARTICLE_CHARS.
 */
export function buildArticleMessage(article: Article): string {
  const header = [
    `Title: ${article.title}`,
    article.siteName ? `Site: ${article.siteName}` : undefined,
    `URL: ${article.url}`,
    `Article language: ${article.language}`,
    article.leadImage ? `Lead picture: ${article.leadImage}` : undefined,
    '',
    'Article:',
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  const images = article.images ?? [];
  const blocks =
    article.blocks.length > 0
      ? [
          ...images.filter((img) => img.afterBlock < 0).map(pictureLine),
          ...article.blocks.flatMap((b, i) => [
            b.type === 'heading'
              ? `${'#'.repeat(b.level ?? 2)} ${b.text}`
              : b.text.slice(0, MAX_PROMPT_PARAGRAPH_CHARS),
            ...images.filter((img) => img.afterBlock === i).map(pictureLine),
          ]),
        ]
      : article.paragraphs.map((p) => p.slice(0, MAX_PROMPT_PARAGRAPH_CHARS));
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
