import type { Language } from '../schema/script.ts';

/**
 * What a conclusion is not: a plan or an announcement ("will", 「方針だ」, a date, "on sale"),
 * a pointer to what comes next ("In the next chapter"), or a call to the reader ("send us a
 * note"). An article's last paragraph is often one of these; said as "the conclusion" it misleads.
 */
const NOT_A_CONCLUSION: Record<Language, RegExp> = {
  en: /^in \d{4}\b|\b(?:will|plans? to|expects?|expected to|next (?:step|chapter|week|month|year|time)|in the next|on sale|tickets?|send us|sign up|open to visitors|subscribe|contact us|join us|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2})\b/iu,
  ja: /^[\d０-９]{4}年|^今後|(?:(?:検討|調べ|計画)して(?:い|お)|方針|予定|考えだ|見通し|次回|次の章|発売|販売|お知らせ|募集|お問い合わせ|\d{1,2}月\d{1,2}日|[０-９]{1,2}月[０-９]{1,2}日)/u,
};

/** Whether the sentence can be said as the article's takeaway. */
export function readsAsConclusion(sentence: string, language: Language): boolean {
  return !NOT_A_CONCLUSION[language].test(sentence);
}
