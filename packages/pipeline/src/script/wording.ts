import type { Language } from '../schema/script.ts';

/** The fixed sentences of an offline script, in the script's language. */
export interface Wording {
  introduce(title: string, siteName: string | undefined): string;
  /** The introduction when the budget has no room for the title. */
  introduceBriefly: string;
  /** A recap naming the topics, or undefined when there is nothing to name. */
  recapTopics(topics: readonly string[]): string | undefined;
  /** A recap repeating the article's key sentence. */
  recapSentence(sentence: string): string;
  closingTitle: string;
  seeOriginal: string;
}

export const WORDING: Record<Language, Wording> = {
  ja: {
    introduce: (title, siteName) =>
      siteName
        ? `今回は、${siteName}の記事『${title}』を紹介します。`
        : `今回は、記事『${title}』を紹介します。`,
    introduceBriefly: '今回は、ある記事を紹介します。',
    recapTopics: (topics) =>
      topics.length > 0 ? `この記事では、${topics.join('、')}について紹介しました。` : undefined,
    recapSentence: (sentence) => `まとめると、${sentence}`,
    closingTitle: 'まとめ',
    seeOriginal: '詳しくは元の記事をご覧ください。',
  },
  en: {
    introduce: (title, siteName) =>
      siteName
        ? `Today we look at the article "${title}" from ${siteName}.`
        : `Today we look at the article "${title}".`,
    introduceBriefly: 'Today we look at an article.',
    recapTopics: (topics) => {
      if (topics.length === 0) return undefined;
      const list = topics.length === 1 ? topics[0] : `${topics.slice(0, -1).join(', ')} and ${topics.at(-1)}`;
      return `The article covered ${list}.`;
    },
    recapSentence: (sentence) => `To sum up: ${sentence}`,
    closingTitle: 'Summary',
    seeOriginal: 'For details, see the original article.',
  },
};
