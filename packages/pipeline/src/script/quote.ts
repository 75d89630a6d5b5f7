import type { Language, Quote } from '../schema/script.ts';

const NAME = "(?:[A-Z][\\w'’.-]*)(?:\\s(?:[A-Z][\\w'’.-]*|de|van|von|bin|al))*";
const SAY =
  '(?:said|says|told|tells|wrote|writes|added|adds|explained|explains|argued|argues|noted|notes|warned|warns)';
const ROLE = '(?:,\\s[^,"“”]{2,60},)?';

/**
 * Quoted speech with who said it:
 * - "…," said Jane Smith / "…," Jane Smith said / "…," she said (no name: skipped)
 * - Jane Smith said: "…" / According to Jane Smith, "…"
 * - In the words of one council member: "…" / As the mayor put it: "…"
 */
const EN_PATTERNS: RegExp[] = [
  new RegExp(`[“"]([^"“”]{20,240}?)[,.!?]?[”"],?\\s${SAY}\\s(${NAME})`, 'u'),
  new RegExp(`[“"]([^"“”]{20,240}?)[,.!?]?[”"],?\\s(${NAME})${ROLE}\\s${SAY}`, 'u'),
  new RegExp(`(${NAME})${ROLE}\\s${SAY}(?:\\sthat)?[:,]?\\s[“"]([^"“”]{20,240}?)[”"]`, 'u'),
  new RegExp(`[Aa]ccording to (${NAME})${ROLE},?\\s[“"]([^"“”]{20,240}?)[”"]`, 'u'),
  // In the words of one council member who voted against the plan: "…" / As the mayor put it: "…"
  /^(?:In the words of|As)\s([^:"“”]{3,80}?)(?:\sput it)?:\s*[“"]([^"“”]{20,240}?)[”"]/u,
];

/** 「…」と山田氏は語る / 山田さんは「…」と話す / 「…」（山田氏） */
const JA_NAME =
  '((?:[0-9０-９]{1,3}代の|[\\p{Script=Han}\\p{Script=Katakana}ー]{1,10}の)?[\\p{Script=Han}\\p{Script=Katakana}ー・A-Za-z]{2,20}(?:氏|さん|教授|社長|代表|部長|准教授|議員|首相|大臣|監督|選手)?)(?:[（(][0-9０-９]{1,3}[）)])?';
const JA_SAY =
  '(?:語る|語った|話す|話した|述べる|述べた|述べている|説明する|説明した|指摘する|指摘した|強調する|強調した|言う|言った|明かす|明かした|コメントした|話している|語っている|説明している|強調している|語りました|話しました|述べました|言いました|答えました|答えた|さけびました|叫んだ)';
const JA_PATTERNS: Array<{ pattern: RegExp; text: number; by: number }> = [
  { pattern: new RegExp(`「([^「」]{10,200})」と、?${JA_NAME}は、?${JA_SAY}`, 'u'), text: 1, by: 2 },
  { pattern: new RegExp(`${JA_NAME}は、?「([^「」]{10,200})」と${JA_SAY}`, 'u'), text: 2, by: 1 },
  { pattern: new RegExp(`「([^「」]{10,200})」[（(]${JA_NAME}[）)]`, 'u'), text: 1, by: 2 },
];

/** "…," she said / "…," he told a newspaper: the speaker is named in the sentence before. */
const EN_PRONOUN_SAY = new RegExp(`[“"]([^"“”]{20,240}?)[,.!?]?[”"],?\\s(?:she|he)\\s${SAY}`, 'u');
/** A person's name (two or more capitalised words) in the sentence before a pronoun's quote. */
const PERSON = /[A-Z][a-z’'-]+(?:\s(?:[A-Z][a-z’'-]+|de|van|von))+/gu;

/** Pronouns and generic subjects are not a name to show under a quote. */
const NOT_A_NAME = /^(?:He|She|They|It|We|I|You|The|This|That|A|An|But|And|In|On)$/u;

/**
 * A quoted sentence with its speaker, when the sentence has both, or when it says "she said" and
 * the sentence before (`before`) names one person.
 */
export function findQuote(sentence: string, language: Language, before = ''): Quote | undefined {
  if (language === 'ja') {
    for (const { pattern, text, by } of JA_PATTERNS) {
      const match = pattern.exec(sentence);
      if (match?.[text] && match[by]) return quoteOf(match[text], match[by]);
    }
    return undefined;
  }
  for (const [index, pattern] of EN_PATTERNS.entries()) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const [text, by] = index < 2 ? [match[1], match[2]] : [match[2], match[1]];
    if (!text || !by || NOT_A_NAME.test(by.trim())) continue;
    return quoteOf(text, by);
  }
  const pronoun = EN_PRONOUN_SAY.exec(sentence);
  const people = [...new Set([...before.matchAll(PERSON)].map((m) => m[0]))];
  if (pronoun?.[1] && people.length === 1) return quoteOf(pronoun[1], people[0]!);
  return undefined;
}

function quoteOf(text: string, by: string): Quote | undefined {
  // The panel shows the words without the stop that ends the quoted sentence.
  const cleanText = text.trim().replace(/[,、.]$/u, '');
  // A name at the sentence's end keeps its full stop in the match ("said Jane Smith.").
  const cleanBy = by.trim().replace(/(?<![A-Z])\.$/u, '');
  if (cleanText.length < 10 || cleanBy.length === 0 || cleanBy.length > 80) return undefined;
  return { text: cleanText.slice(0, 240), by: cleanBy };
}
