import type { Language } from '../schema/script.ts';
import { extractTerms } from './terms.ts';

/** A sentence with where it came from in its section. */
export interface SourceSentence {
  text: string;
  /** Paragraph number within the section, from 0. */
  paragraph: number;
  /** Sentence number within its paragraph, from 0. */
  position: number;
}

export interface ScoredSentence extends SourceSentence {
  /** Document order within the section. */
  index: number;
  score: number;
}

export interface ScoringContext {
  language: Language;
  /** Terms of the article title. */
  titleTerms: ReadonlySet<string>;
  /** Terms of the section heading and its subheadings. */
  headingTerms: ReadonlySet<string>;
  /** Term counts over the whole article: terms the article keeps coming back to matter. */
  articleFrequencies?: ReadonlyMap<string, number>;
}

/** Sentence lengths that read well as one narration or bullet: [shortest, longest]. */
const COMFORTABLE_LENGTH: Record<Language, [number, number]> = { ja: [20, 90], en: [50, 200] };
const GREETING =
  /^(?:こんにちは|こんばんは|はじめまして|おはようございます|どうも|hi|hello|hey|welcome)\b|^(?:こんにちは|はじめまして)/iu;
const TOO_SHORT: Record<Language, number> = { ja: 8, en: 25 };

/**
 * Scores sentences for how well they carry the section: early position (and the first sentence
 * of each paragraph), a comfortable length, and overlap with the title, the headings and the
 * article's recurring terms.
 */
export function scoreSentences(
  sentences: readonly SourceSentence[],
  context: ScoringContext,
): ScoredSentence[] {
  const [shortest, longest] = COMFORTABLE_LENGTH[context.language];
  return sentences.map((sentence, index) => {
    const length = sentence.text.length;
    const positionScore = 0.6 / (1 + sentence.paragraph) + (sentence.position === 0 ? 0.4 : 0);
    const lengthScore = length < shortest ? length / shortest : length > longest ? longest / length : 1;

    const terms = new Set(extractTerms(sentence.text, context.language));
    let titleHits = 0;
    let headingHits = 0;
    let recurring = 0;
    for (const term of terms) {
      if (context.titleTerms.has(term)) titleHits++;
      if (context.headingTerms.has(term)) headingHits++;
      const count = context.articleFrequencies?.get(term) ?? 0;
      if (count >= 2) recurring += Math.log2(count);
    }
    const norm = Math.sqrt(Math.max(terms.size, 1));
    const overlapScore = (titleHits + 0.8 * headingHits) / norm + (0.15 * recurring) / norm;

    let score =
      positionScore +
      0.8 * lengthScore +
      1.2 * overlapScore +
      informationScore(sentence.text, context.language);
    // A lead-in ("Not everyone is convinced.") introduces a point; it is not one.
    if (isLeadIn(sentence.text, context.language)) score *= 0.6;
    // Half a sentence split at an abbreviation ("…by the U.S.", "Besecker Company, the largest buyer").
    if (context.language === 'en' && isFragment(sentence.text)) score *= 0.15;
    if (/[？?]$/u.test(sentence.text)) score *= 0.8;
    // A greeting or self-introduction is not a point of the article.
    if (GREETING.test(sentence.text)) score *= 0.3;
    if (length < TOO_SHORT[context.language]) score *= 0.3;
    return { ...sentence, index, score };
  });
}

/** The `count` best sentences, in document order. */
export function pickKeySentences(scored: readonly ScoredSentence[], count: number): ScoredSentence[] {
  return [...scored]
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, Math.max(0, count))
    .sort((a, b) => a.index - b.index);
}

/** Numbers with their unit or magnitude: "58 percent", "$4.2 million", 「２００万匹」, 「30分」. */
const NUMBER = /[\d０-９][\d０-９,，.．]*/gu;
/** English words after the first that start with a capital: names of people, places, bodies. */
const EN_NAME = /(?<=\s)(?!I\b)[A-Z][\w'’-]+/gu;
/** Japanese names: katakana and Latin-script words, titles of people, bodies. */
const JA_NAME =
  /[\p{Script=Katakana}ー]{3,}|[A-Za-z][A-Za-z0-9]+|(?:氏|さん|教授|博士|組合長|社長|市長|大臣|研究所|大学|協会|漁協)/gu;
const QUOTED = /[“"「『]/u;
/** Quoted words with who said them: "…," said Jane Smith / "…," she said / 「…」と語る. */
const ATTRIBUTED: Record<Language, RegExp> = {
  en: /[”"],?\s+(?:(?:[A-Z][\w.'’-]*\s){1,3}|(?:he|she|they)\s)(?:said|says|added|told|warned|explained)\b|\b(?:said|says|added)\s+(?:Dr\.?\s|Mr\.?\s|Ms\.?\s)?[A-Z][\w'’-]+/u,
  ja: /」と(?:[^。]{0,20})?(?:語|話|述べ|説明|指摘|強調|分析|言)/u,
};
/** A measured change or comparison: "up from 31 percent", "doubled", 「３割短縮」, 「４０年ぶり」. */
export const CHANGE: Record<Language, RegExp> = {
  en: /\d\s?(?:percent|%)|\b(?:up from|down from|doubled|halved|tripled|times (?:more|less|faster|slower)|cut by|rose|fell|increased|reduced)\b/iu,
  ja: /[\d０-９](?:割|倍|％|%)|(?:増え|減っ|短縮|向上|改善|倍に|ぶり)/u,
};
/** Words that state a finding or a conclusion. */
const FINDING: Record<Language, RegExp> = {
  en: /\b(?:found|showed|shows|concluded|proved|means|percent|rose|fell|doubled|halved|cut|reduced|increased|record|first|because)\b/iu,
  ja: /(?:結果|判明|分かった|わかった|実を結|成功|初めて|増え|減っ|倍|割|原因|理由|ため)/u,
};

/**
 * What a sentence tells, from 0 up to about 1: numbers, names, quoted words and findings.
 * A sentence with none of them is a general remark or a transition.
 */
export function informationScore(text: string, language: Language): number {
  const numbers = Math.min(2, text.match(NUMBER)?.length ?? 0);
  const names = Math.min(2, text.match(language === 'en' ? EN_NAME : JA_NAME)?.length ?? 0);
  return (
    0.3 * numbers +
    (CHANGE[language].test(text) ? 0.3 : 0) +
    0.1 * names +
    (QUOTED.test(text) ? 0.1 : 0) +
    (ATTRIBUTED[language].test(text) ? 0.3 : 0) +
    (FINDING[language].test(text) ? 0.15 : 0)
  );
}

/** Longest a lead-in sentence is. */
const LEAD_IN_CHARS: Record<Language, number> = { en: 80, ja: 30 };
/** The words of a sentence that only announces or turns to what comes next. */
const LEAD_IN_WORDS: Record<Language, RegExp> = {
  en: /^not everyone\b|\b(?:the other (?:question|issue|problem|concern|thing)|also changed the conversation|watching closely|is not the main (?:argument|point|reason|issue)|not the whole story|there is a catch|that is not all|the question is|raises (?:a|the) question|is another matter)\b|,\s(?:though|too)$|\b(?:as well|too)$|:$/iu,
  ja: /^(?:もう一つ|もうひとつ|もう1つ|もう１つ|ほかにも|他にも|ところが|では|一方)|(?:だけではない|とは限らない|問題もある|課題もある|疑問の声もある|でしょうか|のだろうか)$/u,
};

/**
 * A short sentence that announces or turns to the next point without making one: "Not everyone
 * is convinced.", "Money is the other question…", 「もう一つのコツは、ぬるま湯の温度です。」
 * It may open a narration, but it is not what its bullet shows.
 */
export function isLeadIn(text: string, language: Language): boolean {
  const sentence = text.trim().replace(/[.。!！]+$/u, '');
  if (sentence.length > LEAD_IN_CHARS[language] || /[\d０-９]/u.test(sentence)) return false;
  if (namesThePoint(sentence, language)) return false;
  return LEAD_IN_WORDS[language].test(sentence);
}

/** What 「もう一つの理由は、…」 goes on to say when it states the reason itself, not only its topic. */
const POINT_NAMED_CHARS = 15;

/**
 * 「もう一つの理由は、小麦を食べられない人でも楽しめることです。」 turns to the next point and states
 * it: the reason is all there is to show (「もう一つのコツは、ぬるま湯の温度です。」 only names a topic).
 */
function namesThePoint(sentence: string, language: Language): boolean {
  if (language !== 'ja') return false;
  const point = sentence.match(/^(?:もう一つ|もうひとつ|もう1つ|もう１つ)の[^、。]{1,8}は[、，]?(.+)$/u)?.[1];
  return point !== undefined && point.replace(/(?:です|だ|である)$/u, '').length >= POINT_NAMED_CHARS;
}

/** An English verb or auxiliary: a sentence without one is a fragment. */
const EN_VERB =
  /\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|must|may|might|do|does|did|[a-z]{2,}(?:ed|es|s))\b/u;

/** Half a sentence: it ends on an initial ("…by the U.S.", "Dana F.") or has no verb. */
export function isFragment(text: string): boolean {
  const sentence = text.trim();
  if (/(?:^|\s)(?:[A-Z]\.){1,3}$/u.test(sentence)) return true;
  // "Sharpen little and often.": an instruction starts with its verb.
  const instruction = /^(?!(?:A|An|The|This|That|These|Those|Its|Their|Our|My|His|Her)\s)[A-Z][a-z]+\s[a-z]/u;
  return !instruction.test(sentence) && !EN_VERB.test(sentence.replace(/^\S+\s/u, ''));
}
