import { type StageContext, throwIfAborted } from '../context.ts';
import type { Article } from '../extract/types.ts';
import type { Language, Narration, Script, Section } from '../schema/script.ts';
import { distributeBudget, fitToBounds } from './bounds.ts';
import { makeBullets, stripLeadingConnective, toBullet } from './bullets.ts';
import { keepForLanguage, shortenAtBoundary } from './clauses.ts';
import {
  pickKeySentences,
  type ScoredSentence,
  type SourceSentence,
  scoreSentences,
} from './keySentences.ts';
import { detectTextLanguage, TEXT_LIMITS, type TextLimits } from './language.ts';
import { packNarrations, toNarrationUnits } from './narrations.ts';
import { outlineArticle, topicLength } from './outline.ts';
import { splitSentences } from './sentences.ts';
import { isSpeakable, toSpeakable } from './speakable.ts';
import { extractTerms, termFrequencies } from './terms.ts';
import type { ScriptProvider } from './types.ts';
import { WORDING } from './wording.ts';

export interface OfflineScriptOptions {
  language: Language;
  maxSections: number;
  charBudget: number;
}

/** Share of the narration budget (after the fixed sentences) that the article's lead may use. */
const LEAD_SHARE = 0.15;
const MAX_LEAD_NARRATIONS = 2;
const MAX_BODY_NARRATIONS = 4;
const MAX_BULLETS = 4;
const MAX_RECAP_TOPICS = 3;
const TITLE_MAX = { script: 200, section: 120, spoken: { ja: 50, en: 100 } } as const;

/** The offline script provider: an extractive script, no network. */
export function createOfflineProvider(): ScriptProvider {
  return {
    id: 'offline',
    async generate(article, options, ctx: StageContext) {
      throwIfAborted(ctx.signal);
      const script = buildOfflineScript(article, options);
      if (script.language !== options.language) {
        ctx.log.warn(
          { requested: options.language, used: script.language },
          'offline scripts cannot translate; using the language the article is written in',
        );
      }
      return script;
    },
  };
}

/**
 * An extractive script: an opening that introduces the article and its lead, one body section per
 * main heading (or per group of paragraphs), and a closing recap, within the section and
 * character bounds. The script is in the language the article is written in (nothing is
 * translated), which is `options.language` unless the text says otherwise.
 */
export function buildOfflineScript(article: Article, options: OfflineScriptOptions): Script {
  const allText = [article.title, ...article.blocks.map((b) => b.text), ...article.paragraphs].join('\n');
  const language = detectTextLanguage(allText);
  const limits = TEXT_LIMITS[language];
  const wording = WORDING[language];

  const title = scriptTitle(article);
  const siteName = article.siteName ? toSpeakable(article.siteName).slice(0, 60) || undefined : undefined;
  const intro = introduction(title, siteName, language, options.charBudget);

  const fixedChars = intro.length + wording.seeOriginal.length;
  const roomForTopics = Math.floor((options.charBudget - fixedChars) / limits.minSectionChars);
  const maxTopics = Math.max(1, Math.min(options.maxSections - 2, roomForTopics));
  // When the budget, not the section count, limits the topics, speak about the biggest ones
  // rather than squeezing several headings into one section.
  const overflow = roomForTopics < options.maxSections - 2 ? 'drop' : 'merge';
  const outline = outlineArticle(article, language, maxTopics, { overflow });

  const titleTerms = new Set(extractTerms(title, language));
  const articleFrequencies = termFrequencies(
    [...outline.lead, ...outline.topics.flatMap((t) => t.paragraphs)],
    language,
  );
  const scoreFor = (paragraphs: readonly string[], headings: readonly string[]) =>
    scoreSentences(toSourceSentences(paragraphs, language, limits.narration), {
      language,
      titleTerms,
      headingTerms: new Set(headings.flatMap((h) => extractTerms(h, language))),
      articleFrequencies,
    });

  const topics = outline.topics.map((topic) => {
    const scored = scoreFor(
      topic.paragraphs,
      topic.heading ? [topic.heading, ...topic.subheadings] : topic.subheadings,
    );
    const keys = pickKeySentences(scored, MAX_BULLETS);
    const sectionTitle = topic.heading
      ? shortenAtBoundary(topic.heading, language, limits.headingTitle)
      : titleFromSentences(scored, language, limits.generatedTitle);
    return {
      topic,
      scored,
      sectionTitle,
      bullets: makeBullets(
        keys.map((k) => k.text),
        language,
        { max: MAX_BULLETS },
      ),
    };
  });

  // Closing: a recap (the topic headings, or the article's best sentence) and a pointer to the source.
  const leadScored = scoreFor(outline.lead, [title]);
  const recap = outline.topics.some((t) => t.heading)
    ? recapOfTopics(
        topics.map((t) => t.sectionTitle),
        language,
        limits.narration,
      )
    : recapOfSentence([...leadScored, ...topics.flatMap((t) => t.scored)], language, limits.narration);
  let closingLines = recap ? [recap, wording.seeOriginal] : [wording.seeOriginal];
  if (options.charBudget - fixedChars - (recap?.length ?? 0) < limits.minSectionChars * topics.length) {
    closingLines = [wording.seeOriginal];
  }

  let remaining = options.charBudget - intro.length - closingLines.reduce((s, l) => s + l.length, 0);
  const leadNarrations = selectNarrations(leadScored, Math.floor(remaining * LEAD_SHARE), language, limits, {
    maxNarrations: MAX_LEAD_NARRATIONS,
    required: false,
  });
  remaining -= leadNarrations.reduce((s, n) => s + n.length, 0);

  const budgets = distributeBudget(
    remaining,
    topics.map((t) => topicLength(t.topic)),
  );
  let carry = 0;
  const bodySections: Section[] = topics.map((t, i) => {
    const budget = budgets[i]! + carry;
    const narrations = selectNarrations(t.scored, budget, language, limits, {
      maxNarrations: MAX_BODY_NARRATIONS,
      required: true,
    });
    carry = Math.max(0, budget - narrations.reduce((s, n) => s + n.length, 0));
    return { title: t.sectionTitle, kind: 'body', bullets: t.bullets, narrations: narrations.map(narration) };
  });

  const opening: Section = {
    title: shortenAtBoundary(title, language, TITLE_MAX.section),
    kind: 'opening',
    bullets: [],
    narrations: [intro, ...leadNarrations].map(narration),
  };
  const closing: Section = {
    title: wording.closingTitle,
    kind: 'closing',
    bullets: topics
      .slice(0, MAX_RECAP_TOPICS)
      .map((t) => toBullet(t.sectionTitle, language))
      .filter((b) => b.length > 0),
    narrations: closingLines.map(narration),
  };
  const sections = [opening, ...bodySections.filter((s) => s.narrations.length > 0), closing];
  return fitToBounds({ title, language, sections }, options);
}

/** Share of the budget the introduction may take before a shorter form is used. */
const INTRO_SHARE = 0.25;

/** 「今回は、〇〇の記事『タイトル』を紹介します。」, shorter forms when the budget is small. */
function introduction(
  title: string,
  siteName: string | undefined,
  language: Language,
  charBudget: number,
): string {
  const wording = WORDING[language];
  const limit = Math.min(TEXT_LIMITS[language].narration, Math.floor(charBudget * INTRO_SHARE));
  const spokenTitle = shortenAtBoundary(title, language, TITLE_MAX.spoken[language]);
  const candidates = [
    wording.introduce(spokenTitle, siteName),
    wording.introduce(spokenTitle, undefined),
    wording.introduce(shortenAtBoundary(title, language, TEXT_LIMITS[language].generatedTitle), undefined),
  ];
  return candidates.find((c) => c.length <= limit) ?? wording.introduceBriefly;
}

function narration(text: string): Narration {
  return { text, speaker: 'narrator' };
}

function scriptTitle(article: Article): string {
  const title = toSpeakable(article.title).slice(0, TITLE_MAX.script);
  if (title) return title;
  const siteName = article.siteName ? toSpeakable(article.siteName) : '';
  return (siteName || new URL(article.url).hostname).slice(0, TITLE_MAX.script);
}

const HAS_URL = /\b(?:https?:\/\/|www\.)\S/iu;

/**
 * Sentences of the paragraphs, cleaned for speech, each cut to at most one narration's length.
 * Sentences with a URL are left out: they point elsewhere ("See https://… for details") and make
 * no sense with the URL taken out.
 */
function toSourceSentences(
  paragraphs: readonly string[],
  language: Language,
  maxChars: number,
): SourceSentence[] {
  return paragraphs.flatMap((paragraph, p) =>
    splitSentences(paragraph, language)
      .filter((sentence) => !HAS_URL.test(sentence))
      .map(toSpeakable)
      .filter(isSpeakable)
      .flatMap((sentence) => toNarrationUnits(sentence, language, maxChars))
      .map((text, position) => ({ text, paragraph: p, position })),
  );
}

/**
 * The best sentences that fit the budget, in document order, packed into at most `maxNarrations`
 * narrations of one or two sentences. When `required` and nothing fits, the best sentence is cut
 * down to the budget so the section still says something.
 */
function selectNarrations(
  scored: readonly ScoredSentence[],
  budget: number,
  language: Language,
  limits: TextLimits,
  { maxNarrations, required }: { maxNarrations: number; required: boolean },
): string[] {
  const separator = language === 'en' ? 1 : 0;
  const byScore = [...scored].sort((a, b) => b.score - a.score || a.index - b.index);
  let chosen: ScoredSentence[] = [];
  let used = 0;
  for (const sentence of byScore) {
    if (chosen.length >= maxNarrations * 2) break;
    const cost = sentence.text.length + separator;
    if (used + cost <= budget) {
      chosen.push(sentence);
      used += cost;
    }
  }
  if (chosen.length === 0) {
    const best = byScore[0];
    if (!best || !required) return [];
    const cut = shortenAtBoundary(best.text, language, Math.max(budget, limits.minSectionChars / 2), {
      keep: keepForLanguage(language),
    });
    return cut ? [cut] : [];
  }
  for (;;) {
    const ordered = [...chosen].sort((a, b) => a.index - b.index).map((s) => s.text);
    const packed = packNarrations(ordered, language, limits.narration);
    if (packed.length <= maxNarrations) return packed;
    const weakest = chosen.reduce((a, b) => (b.score < a.score ? b : a));
    chosen = chosen.filter((s) => s !== weakest);
  }
}

const TRAILING_MARKS = /[\s？?！!：:。.]+$/u;

function recapOfTopics(titles: readonly string[], language: Language, maxChars: number): string | undefined {
  const names = titles.map((t) => t.replace(TRAILING_MARKS, '')).filter((t) => t.length > 0);
  let recap: string | undefined;
  for (let count = 1; count <= Math.min(MAX_RECAP_TOPICS, names.length); count++) {
    const candidate = WORDING[language].recapTopics(names.slice(0, count));
    if (!candidate || candidate.length > maxChars) break;
    recap = candidate;
  }
  return recap;
}

function recapOfSentence(
  scored: readonly ScoredSentence[],
  language: Language,
  maxChars: number,
): string | undefined {
  const recaps = [...scored]
    .sort((a, b) => b.score - a.score)
    .map((s) => WORDING[language].recapSentence(stripLeadingConnective(s.text, language)));
  return recaps.find((recap) => recap.length <= maxChars);
}

/** A title for a section without a heading: a key sentence that fits whole, else the best one shortened. */
function titleFromSentences(scored: readonly ScoredSentence[], language: Language, maxChars: number): string {
  const keys = pickKeySentences(scored, 3).sort((a, b) => b.score - a.score);
  const candidates = keys.map((k) => toBullet(k.text, language, Number.MAX_SAFE_INTEGER));
  const whole = candidates.find((c) => c.length > 0 && c.length <= maxChars);
  return whole ?? toBullet(keys[0]?.text ?? '', language, maxChars);
}
