import type { Language } from '../schema/script.ts';
import { keepForLanguage, shortenAtBoundary, splitClauses } from './clauses.ts';
import { TEXT_LIMITS } from './language.ts';

/** Sentence openers that mean nothing on a slide. */
const LEADING_CONNECTIVES: Record<Language, RegExp> = {
  ja: /^(?:しかし|しかしながら|そこで|また|まず|次に|さらに|そして|ただし|なお|つまり|一方|一方で|実は|例えば|たとえば|特に|最後に|このように|その結果|そのため|ですから|だから|でも)、/u,
  en: /^(?:however|so|also|first|second|third|then|next|finally|in fact|for example|for instance|in short|moreover|furthermore|but|and|still|thus|therefore|as a result|in addition|of course)\b,?\s+/iu,
};

const TRAILING_STOP = /[。．.]+$/u;

/**
 * A sentence as a slide bullet: without a leading connective or the final 。/., cut to the
 * bullet length (≤ 40 Japanese / 70 English characters) at a clause or phrase boundary.
 */
export function toBullet(
  sentence: string,
  language: Language,
  maxChars = TEXT_LIMITS[language].bullet,
): string {
  let text = stripLeadingConnective(sentence.trim(), language);
  if (language === 'en' && text.length > 0) text = text[0]!.toUpperCase() + text.slice(1);
  text = text.replace(TRAILING_STOP, '');
  // A fully quoted sentence reads better without the quotes.
  const quoted = /^[「『](.*)[」』]$/u.exec(text);
  if (quoted?.[1] && !/[「『」』]/u.test(quoted[1])) text = quoted[1].replace(TRAILING_STOP, '');
  return shortenAtBoundary(text, language, maxChars, { keep: keepForLanguage(language) }).replace(
    TRAILING_STOP,
    '',
  );
}

/** Without an opening "However," / 「しかし、」. */
export function stripLeadingConnective(sentence: string, language: Language): string {
  return sentence.replace(LEADING_CONNECTIVES[language], '');
}

export interface BulletOptions {
  min?: number;
  max?: number;
  maxChars?: number;
}

/**
 * 2–4 bullets from the key sentences of a slide. Near-duplicates are dropped; when the sentences
 * give too few bullets, their clauses are used instead.
 */
export function makeBullets(
  keySentences: readonly string[],
  language: Language,
  options: BulletOptions = {},
): string[] {
  const { min = 2, max = 4, maxChars = TEXT_LIMITS[language].bullet } = options;
  const fromSentences = collectBullets(keySentences, language, max, maxChars);
  if (fromSentences.length >= min) return fromSentences;
  // Too few sentences: one bullet per clause instead.
  const clauses = keySentences.flatMap((s) =>
    splitClauses(s, language).map((c) => c.replace(/[、，,;；:：\s]+$/u, '')),
  );
  const fromClauses = collectBullets(clauses, language, max, maxChars);
  return fromClauses.length > fromSentences.length ? fromClauses : fromSentences;
}

function collectBullets(
  candidates: readonly string[],
  language: Language,
  max: number,
  maxChars: number,
): string[] {
  const bullets: string[] = [];
  for (const candidate of candidates) {
    if (bullets.length >= max) break;
    const bullet = toBullet(candidate, language, maxChars);
    if (bullet.length < 4) continue;
    if (bullets.some((b) => b.includes(bullet) || bullet.includes(b))) continue;
    bullets.push(bullet);
  }
  return bullets;
}
