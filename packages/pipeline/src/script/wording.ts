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
  /** Introduces the article's own last words (a closing quotation), said in the closing. */
  lastWord: ReadonlyArray<(sentence: string) => string>;
  /** A story's moral, said in the closing. */
  moral: (sentence: string) => string;
  /** Names the points the video made (section titles). */
  points: ReadonlyArray<(topics: readonly string[]) => string>;
  /** Names some of the points (the list leaves sections out). */
  somePoints: ReadonlyArray<(topics: readonly string[]) => string>;
  /** Said over the closing slide's key points when there are no headings to name. */
  mainPoints: readonly string[];
  /** Opens the recap that says those points. */
  recapLead: string;
  /** Title of the n-th section of an article without headings. */
  partTitle: (n: number) => string;
  /** Title of the part before an article's first heading when its words name no topic. */
  introTitle: string;
  /** Title of a part that tells a story. */
  storyTitle: string;
  closingTitle: string;
  seeOriginal: readonly string[];
}

function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Headings are quoted: read out mid-sentence, "A quiet quay" keeps its capital and its question mark. */
function quotedEn(items: readonly string[]): string {
  return listEn(items.map((t) => `"${t}"`));
}

function listJa(items: readonly string[]): string {
  return items.map((t) => `「${t}」`).join('、');
}

export const WORDING: Record<Language, Wording> = {
  ja: {
    introduce: [
      (title, site) =>
        // Not 「記事」: the page may be a story or a book's chapter.
        site ? `今回は、${site}の『${title}』を紹介します。` : `今回は、『${title}』を紹介します。`,
      (title, site) =>
        site ? `${site}に掲載された『${title}』を見ていきます。` : `『${title}』を見ていきます。`,
      (title, site) =>
        site ? `取り上げるのは、${site}の『${title}』です。` : `取り上げるのは、『${title}』です。`,
    ],
    introduceBriefly: '今回は、ある記事を紹介します。',
    takeaway: [
      (s) => `記事の結論です。${s}`,
      (s) => `最後に、記事が伝えたいことです。${s}`,
      (s) => `大事な点をもう一度。${s}`,
    ],
    moral: (s) => `このお話が教えてくれること。${s}`,
    lastWord: [(s) => `記事は、この言葉で締めくくられています。${s}`, (s) => `最後は、この言葉です。${s}`],
    points: [
      (t) => `今回は、${listJa(t)}を取り上げました。`,
      (t) => `${listJa(t)}の順に見てきました。`,
      (t) => `ここまで、${listJa(t)}について話しました。`,
    ],
    somePoints: [
      (t) => `今回は、${listJa(t)}などを取り上げました。`,
      (t) => `${listJa(t)}などを見てきました。`,
      (t) => `ここまで、${listJa(t)}などについて話しました。`,
    ],
    partTitle: (n) => `その${n}`,
    introTitle: 'はじめに',
    storyTitle: 'おはなし',
    mainPoints: ['要点をもう一度、画面で確認しましょう。', '最後に、要点をおさらいします。'],
    recapLead: 'おさらいです。',
    closingTitle: 'まとめ',
    seeOriginal: ['詳しくは元の記事をご覧ください。', '詳しい内容は、ぜひ元の記事でお読みください。'],
  },
  en: {
    introduce: [
      (title, site) =>
        // Not "the article": the page may be a story or a book's chapter.
        site ? `Today we look at "${title}" from ${site}.` : `Today we look at "${title}".`,
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
    moral: (s) => `The moral of the story: ${s}`,
    lastWord: [
      (s) => `The article ends on this note. ${s}`,
      (s) => `The article closes with these words. ${s}`,
    ],
    points: [
      (t) => `We looked at ${quotedEn(t)}.`,
      (t) => `The sections were ${quotedEn(t)}.`,
      (t) => `This video went through ${quotedEn(t)}.`,
    ],
    somePoints: [
      (t) => `We looked at ${quotedEn(t)}, among other things.`,
      (t) => `The sections included ${quotedEn(t)}.`,
      (t) => `This video went through ${quotedEn(t)}, among others.`,
    ],
    partTitle: (n) => `Part ${n}`,
    introTitle: 'Introduction',
    storyTitle: 'The story',
    mainPoints: ['Here are the main points once more.', 'To recap, these were the main points.'],
    recapLead: 'To recap: ',
    closingTitle: 'Summary',
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
