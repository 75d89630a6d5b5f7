import type { Language, Quote } from '../schema/script.ts';

/** A character's line shown as a quote is at least this long: 「ワン！」 is a sound, not a line. */
const MIN_LINE: Record<Language, number> = { ja: 10, en: 20 };
const MAX_LINE = 120;

/** 「…」 said as a sentence of its own: at the text's start or after a sentence's end. */
const JA_LINE = /(?<=^|[。！？」])「([^「」]+)」/gu;
/** "…" said as a sentence of its own. */
const EN_LINE = /(?<=^|[.!?"”]\s)[“"]([^"“”]+)[”"]/gu;

/** The character who says the line: 「…」と、イヌは思いました / イヌは「…」と思いました. */
const JA_SAID_BY =
  /^と、?(?:[^、。「」]{0,12}[なの])?([\p{Script=Katakana}ー]{2,10}|[\p{Script=Han}]{1,6})(?:は|が)/u;
/**
 * The subject a told sentence opens with (its topic, after a time phrase: 「ある日のこと、イヌは…」,
 * 「欲張りなイヌは…」): the last word before は / が, a katakana or kanji noun.
 */
const JA_SUBJECT =
  /^(?:[^、。「」はが]{1,12}、)?(?:[^、。「」はが]{0,12}[なの])?([\p{Script=Katakana}ー]{2,10}|[\p{Script=Han}]{1,6})(?:は|が)、?/u;
/** "…," said the fox / "…," the fox said / "…," thought the fox. */
const EN_SAID_BY =
  /^,?\s(?:said|thought|cried|asked|shouted|whispered|called)\s(?:the\s)?([a-z]+)|^,?\s(?:the\s)?([a-z]+)\s(?:said|thought|cried|asked|shouted|whispered|called)\b/iu;
/** The subject a told sentence opens with: "The fox looked up…", "One day the fox…". */
const EN_SUBJECT = /^(?:(?:one day|then|so|but|at (?:last|once)),?\s)?the\s([a-z]+)\b/iu;

interface Line {
  text: string;
  start: number;
  end: number;
}

/**
 * The lines a character says in a told story (「しめしめ、今日はついているぞ…」), with who says
 * them: the character the line's own report names (「…」とイヌは思いました), or else the subject
 * of the told sentence just before or after it (「ある日のこと、イヌは…走り出しました。「しめしめ…」」).
 * A subject counts as a character only when the story's title names it or it is the subject of
 * other sentences of the part too (`part`): a line whose speaker cannot be told is not credited.
 * The narrations said just before and after (`before`, `after`) may tell who speaks a line said on its own.
 */
export function storyLines(
  said: string,
  language: Language,
  title: string,
  part: string,
  before = '',
  after = '',
): Quote[] {
  const separator = language === 'en' && before ? ' ' : '';
  const text = `${before}${separator}${said}${language === 'en' && after ? ' ' : ''}${after}`;
  const from = before.length + separator.length;
  const lines = [...text.matchAll(language === 'ja' ? JA_LINE : EN_LINE)].map(
    (m): Line => ({ text: m[1]!.trim(), start: m.index, end: m.index + m[0].length }),
  );
  const quotes: Quote[] = [];
  for (const line of lines) {
    if (line.start < from || line.end > from + said.length) continue;
    const words = line.text.replace(/[、,.。]$/u, '');
    if (words.length < MIN_LINE[language] || words.length > MAX_LINE) continue;
    const by = speaker(text, line, lines, language);
    // An English character is credited by its name as a fable names it ("Fox").
    const credit = language === 'en' && by ? by.charAt(0).toUpperCase() + by.slice(1).toLowerCase() : by;
    if (by && credit && isCharacter(by, language, title, part)) quotes.push({ text: words, by: credit });
  }
  return quotes;
}

/** The line that matters most: the longest one (its point, rather than a cry). */
export function mainStoryLine(quotes: readonly Quote[]): Quote | undefined {
  return quotes.reduce<Quote | undefined>(
    (best, q) => (!best || q.text.length > best.text.length ? q : best),
    undefined,
  );
}

function speaker(text: string, line: Line, lines: readonly Line[], language: Language): string | undefined {
  const after = text.slice(line.end);
  const said = (language === 'ja' ? JA_SAID_BY : EN_SAID_BY).exec(after);
  if (said) return said[1] ?? said[2];
  // Not a line reported by another phrase ("「…」という声"): only a line that ends its sentence.
  if (language === 'ja' ? /^[とっの]/u.test(after) : /^,?\s[a-z]/u.test(after)) return undefined;
  const subject = language === 'ja' ? JA_SUBJECT : EN_SUBJECT;
  const next = subject.exec(after.trimStart())?.[1];
  if (next) return next;
  // The told sentence before the line: from the end of the sentence or line before it.
  const head = text.slice(0, line.start);
  const previousEnd = Math.max(
    ...lines.filter((l) => l.end <= line.start).map((l) => l.end),
    ...[...head.matchAll(language === 'ja' ? /[。！？]/gu : /[.!?]\s/gu)]
      .map((m) => m.index + m[0].length)
      .filter((end) => end < head.length),
    0,
  );
  return subject.exec(head.slice(previousEnd).trimStart())?.[1];
}

function isCharacter(name: string, language: Language, title: string, part: string): boolean {
  if (language === 'en') {
    const word = new RegExp(`\\b${name}\\b`, 'iu');
    return word.test(title) || [...part.matchAll(new RegExp(`\\bthe ${name}\\b`, 'giu'))].length >= 3;
  }
  return title.includes(name) || [...part.matchAll(new RegExp(`${name}(?:は|が)`, 'gu'))].length >= 3;
}

/** The story lines of each of a story part's narrations (`picked`), told within the part. */
export function storyLineFinder(
  picked: ReadonlyArray<{ text: string }>,
  language: Language,
  title: string,
): (text: string) => Quote[] {
  const texts = picked.map((n) => n.text);
  const part = texts.join(language === 'en' ? ' ' : '');
  return (text) => {
    const i = texts.indexOf(text);
    return storyLines(text, language, title, part, texts[i - 1] ?? '', texts[i + 1] ?? '');
  };
}
