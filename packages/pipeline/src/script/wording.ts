import type { Language } from '../schema/script.ts';

/**
 * The fixed sentences of an offline script, in the script's language. Each has a few forms; a
 * script picks one by its title (see pickVariant), so videos do not all sound alike while one
 * article always gets the same script.
 */
export interface Wording {
  introduce: ReadonlyArray<(title: string, siteName: string | undefined) => string>;
  /** The introduction when the budget has no room for the title. */
  introduceBriefly: string;
  /** The article's conclusion, said in the closing (`sentence` is the article's own). */
  takeaway: ReadonlyArray<(sentence: string) => string>;
  /** Names the points the video made (section titles). */
  points: ReadonlyArray<(topics: readonly string[]) => string>;
  closingTitle: string;
  seeOriginal: readonly string[];
}

function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function listJa(items: readonly string[]): string {
  return items.map((t) => `「${t}」`).join('、');
}

export const WORDING: Record<Language, Wording> = {
  ja: {
    introduce: [
      (title, site) =>
        site ? `今回は、${site}の記事『${title}』を紹介します。` : `今回は、記事『${title}』を紹介します。`,
      (title, site) =>
        site ? `${site}に掲載された『${title}』を見ていきます。` : `記事『${title}』を見ていきます。`,
      (title, site) =>
        site ? `取り上げるのは、${site}の『${title}』です。` : `取り上げるのは、『${title}』です。`,
    ],
    introduceBriefly: '今回は、ある記事を紹介します。',
    takeaway: [
      (s) => `記事の結論です。${s}`,
      (s) => `最後に、記事が伝えたいことです。${s}`,
      (s) => `大事な点をもう一度。${s}`,
    ],
    points: [
      (t) => `今回は、${listJa(t)}を取り上げました。`,
      (t) => `${listJa(t)}の順に見てきました。`,
      (t) => `ここまで、${listJa(t)}について話しました。`,
    ],
    closingTitle: 'まとめ',
    seeOriginal: ['詳しくは元の記事をご覧ください。', '詳しい内容は、ぜひ元の記事でお読みください。'],
  },
  en: {
    introduce: [
      (title, site) =>
        site
          ? `Today we look at the article "${title}" from ${site}.`
          : `Today we look at the article "${title}".`,
      (title, site) =>
        site ? `This is a short look at "${title}", from ${site}.` : `This is a short look at "${title}".`,
      (title, site) => (site ? `Here is "${title}", published by ${site}.` : `Here is "${title}".`),
    ],
    introduceBriefly: 'Today we look at an article.',
    takeaway: [
      (s) => `The takeaway: ${s}`,
      (s) => `The article's conclusion: ${s}`,
      (s) => `What it comes down to: ${s}`,
    ],
    points: [
      (t) => `We looked at ${listEn(t)}.`,
      (t) => `Along the way: ${listEn(t)}.`,
      (t) => `This video went through ${listEn(t)}.`,
    ],
    closingTitle: 'Summary',
    seeOriginal: ['For details, see the original article.', 'The full story is in the original article.'],
  },
};

/** A stable choice among `variants` for a script, from its title. */
export function pickVariant<T>(variants: readonly T[], key: string, salt = 0): T {
  let hash = salt;
  for (const char of key) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return variants[hash % variants.length]!;
}
