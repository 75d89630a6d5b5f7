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

    let score = positionScore + 0.8 * lengthScore + 1.2 * overlapScore;
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
