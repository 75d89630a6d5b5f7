import type { Language } from '../schema/script.ts';

/**
 * The fixed sentences of an offline script, in the script's language. Each has a few forms; a
 * script picks one by its title (see pickVariant), so videos do not all sound alike while one
 * article always gets the same script.
 */
export interface Wording {
  /** Names the page, its site and the day it was published (each when known). */
  introduce: ReadonlyArray<(title: string, siteName: string | undefined, day: string | undefined) => string>;
  /** The introduction when the budget has no room for the title. */
  introduceBriefly: string;
  /** Said after the introduction of a first-person article: the "I" and "we" are its author's. */
  authorsVoice: string;
  /** Introduces the article's own last words (a closing quotation), said before them in the closing. */
  lastWord: readonly string[];
  /** Title of the closing slide that shows the article's closing quotation. */
  lastWordTitle: string;
  /** A story's moral, said in the closing. */
  moral: (sentence: string) => string;
  /** Opens the recap that repeats the article's main points. */
  recapLead: string;
  /** Title of the n-th section of an article without headings. */
  partTitle: (n: number) => string;
  /** Title of the part before an article's first heading when its words name no topic. */
  introTitle: string;
  /** Title of a part that tells a story. */
  storyTitle: string;
  closingTitle: string;
  /** The last line of a video that ends on its recap: names what the viewer has just seen. */
  signOff: (title: string, siteName: string | undefined) => string;
  seeOriginal: readonly string[];
}

export const WORDING: Record<Language, Wording> = {
  ja: {
    introduce: [
      // Not 「記事」: the page may be a story or a book's chapter.
      (title, site, day) =>
        site
          ? `今回は、${site}${day ? `が${day}に公開した` : 'の'}『${title}』を紹介します。`
          : `今回は、${day ? `${day}に公開された` : ''}『${title}』を紹介します。`,
      (title, site, day) => {
        const where = site
          ? day
            ? `${site}で${day}に公開された`
            : `${site}に掲載された`
          : day
            ? `${day}に公開された`
            : '';
        return `${where}『${title}』を見ていきます。`;
      },
      (title, site, day) =>
        `取り上げるのは、${site ? `${site}${day ? 'で' : 'の'}` : ''}${day ? `${day}に公開された` : ''}『${title}』です。`,
    ],
    introduceBriefly: '今回は、ある記事を紹介します。',
    authorsVoice: '筆者自身の語りのまま、お伝えします。',
    moral: (s) => `このお話は、こんなことを教えてくれます。${s}`,
    lastWord: ['記事は、この言葉で締めくくられています。', '最後は、この言葉です。'],
    lastWordTitle: '最後に',
    partTitle: (n) => `その${n}`,
    introTitle: 'はじめに',
    storyTitle: 'おはなし',
    recapLead: 'おさらいです。',
    closingTitle: 'まとめ',
    signOff: (title, site) => (site ? `以上、${site}の『${title}』でした。` : `以上、『${title}』でした。`),
    seeOriginal: ['詳しくは元の記事をご覧ください。', '詳しい内容は、ぜひ元の記事でお読みください。'],
  },
  en: {
    introduce: [
      // Not "the article": the page may be a story or a book's chapter.
      (title, site, day) =>
        `Today we look at "${title}"${site ? ` from ${site}` : ''}${day ? `, published ${day}` : ''}.`,
      (title, site, day) =>
        `This is a short look at "${title}"${site ? `, from ${site}` : ''}${day ? `, published ${day}` : ''}.`,
      (title, site, day) =>
        `Here is "${title}"${site ? `, published by ${site}${day ? ` on ${day}` : ''}` : day ? `, published ${day}` : ''}.`,
    ],
    introduceBriefly: 'Today we look at an article.',
    authorsVoice: 'It is told in its author’s own words.',
    moral: (s) => `The moral of the story: ${s}`,
    lastWord: ['The article ends on this note. ', 'The article closes with these words. '],
    lastWordTitle: 'In closing',
    partTitle: (n) => `Part ${n}`,
    introTitle: 'Introduction',
    storyTitle: 'The story',
    recapLead: 'To recap: ',
    closingTitle: 'Summary',
    signOff: (title, site) => (site ? `That was "${title}" from ${site}.` : `That was "${title}".`),
    seeOriginal: ['For details, see the original article.', 'There is more in the original article.'],
  },
};

/** A stable choice among `variants` for a script, from its title. */
export function pickVariant<T>(variants: readonly T[], key: string, salt = 0): T {
  return variants[stableHash(key, salt) % variants.length]!;
}

/** A number that depends only on `key` (and `salt`): the same script always gets the same choices. */
export function stableHash(key: string, salt = 0): number {
  let hash = salt;
  for (const char of key) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash;
}
