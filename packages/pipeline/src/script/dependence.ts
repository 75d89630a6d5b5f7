import type { Language } from '../schema/script.ts';

/**
 * Openers that point back to the sentence before: a pronoun or determiner standing for
 * something already said, or a connective that continues an argument ("It did not.",
 * "Whatever it decides, …", 「しかもそのイヌも…」, 「二つ目は…」).
 */
const POINTS_BACK: Record<Language, RegExp> = {
  en: /^[(“"‘']?(?!this (?:year|week|month|summer|winter|spring|autumn|fall|morning|evening|time|article|chapter|story|book|post|guide|page|video)\b)(?:it|this|that|these|those|he|she|they|his|her|their|its|him|them|such|whatever|but|and|so|also|yet|still|instead|however|nor|both|neither|the other|another|the second|the third|the latter|the former|even so|as a result|in turn)\b/iu,
  ja: /^[「『（(]?(?!この(?:冬|夏|春|秋|日|年|週|月|ほど|たび|お話|話|記事|本|章|作品|ページ)|ここ数)(?:それ|これ|あれ|その|この|あの|そこ|ここ|そう|こう|しかし|しかも|また[、，]|さらに|そして|でも|だが|ただ[、，し]|つまり|一方|ところが|すると|それでも|なお|もう一つ|もうひとつ|もう1つ|もう１つ|[二三四五2-5２-５]つ目|第[二三四五]に|彼|同氏|同社|同市|同町|同村)/u,
};

/** A quote whose speaker is only a pronoun: the sentence naming who speaks is needed. */
const PRONOUN_SPEAKER =
  /[,，!?！？]["”’']\s+(?:he|she|they)\s+(?:said|says|added|adds|told|explained|argued|recalled|noted|warned)\b|\b(?:said|says|added)\s+(?:he|she|they)\s*[.!?]\s*$/iu;

/**
 * Whether a sentence only makes sense right after the one before it in the article, so that it
 * is either narrated after it or not at all.
 */
export function needsPredecessor(text: string, language: Language): boolean {
  const trimmed = text.trim();
  if (POINTS_BACK[language].test(trimmed)) return true;
  return language === 'en' && PRONOUN_SPEAKER.test(trimmed);
}
