import type { Language } from '../schema/script.ts';
import { splitSentences } from './sentences.ts';

/** A topic title is a short noun phrase: at most this many characters. */
export const TOPIC_TITLE_MAX: Record<Language, number> = { ja: 16, en: 32 };

/**
 * Words that never start, end or sit inside an English topic phrase: function words, verbs of
 * saying, auxiliaries, numbers spelled out and words too vague to name a topic.
 */
export const EN_BREAKS = new Set(
  (
    'a an the and or but nor so yet of in on at to by as for from with without into onto over under about ' +
    'after before between through during against among around across along behind beyond within upon ' +
    'is are was were be been being am do does did done has have had having will would shall should can could ' +
    'may might must not no yes if then than that this these those there here it its it’s they them their ' +
    'he him his she her we us our you your i me my who whom whose which what when where why how ' +
    'all any both each every few many more most much other some such only own same very too also just ' +
    'still even ever never now once again already yet almost about around nearly per via ' +
    'said says say told tell according asked added called made make makes take takes took went goes go ' +
    'get gets got come came comes gave give gives put puts keep kept like well back away out up down off ' +
    'one two three four five six seven eight nine ten first second third last next new old ' +
    'year years month months week weeks day days time times today yesterday people thing things way ways ' +
    'lot lots part parts kind sort number numbers percent cent per however though although because while ' +
    'since until unless whether instead rather quite really often usually sometimes always ' +
    'none ones another soon later ago ahead itself themselves himself herself ourselves yourself myself mr mrs ms dr st sure yes okay cannot can’t won’t don’t below above known unknown item items section sections whatever whoever whichever something anything everything nothing someone anyone everyone ' +
    'january february march april may june july august september october november december decade ' +
    'monday tuesday wednesday thursday friday saturday sunday morning evening night week weekend ' +
    'large small big high low good bad great little long short enough less least better best worse worst similar ' +
    'bought built sold paid spent found held brought began ran won lost left kept sent thought felt grew rose fell knew wrote stood sat became began ' +
    'sought caught taught fought meant led laid chose drove spoke saw broke gone seen taken given shown written'
  ).split(' '),
);

/** Japanese words too vague to name a topic on their own. */
export const JA_VAGUE = new Set([
  '今回',
  '今年',
  '昨年',
  '今後',
  '一方',
  '場合',
  '必要',
  '可能',
  '現在',
  '以上',
  '以下',
  '一部',
  '全体',
  '自分',
  '時間',
  '問題',
  '理由',
  '結果',
  '最初',
  '最後',
  '本当',
  '大切',
  '方法',
  '部分',
  '記事',
  '様子',
  '考え',
  '毎年',
  '毎日',
  '前回',
  '当時',
  '同時',
  '実際',
  '数年',
]);

/** Nouns too vague to be a title on their own. */
export const EN_VAGUE = new Set([
  'member',
  'group',
  'annual',
  'daily',
  'work',
  'use',
  'plan',
  'stuff',
  'matter',
  'case',
  'point',
  'fact',
  'idea',
  'place',
]);
export const ADJECTIVE = /(?:ive|ous|ful|able|ible|est|ish|less|ic)$/iu;
/** People named by their role (研究員, 組合長) are who speaks, not what the part is about. */
export const JA_ROLE = /(?:員|長|氏|者|さん|たち)$/u;

/** Below this a phrase is not said enough more here than elsewhere to name the part. */
const MIN_SCORE = 1.2;

export interface Candidate {
  /** Normalized form, to count occurrences. */
  key: string;
  /** The words as written in the text. */
  surface: string;
  /** Normalized words, to tell overlapping candidates apart. */
  words: string[];
}

const enWords = new Intl.Segmenter('en', { granularity: 'word' });

export function stem(word: string): string {
  const base = word.toLowerCase().replace(/['’]s$/u, '');
  if (base.length > 4 && base.endsWith('ies')) return `${base.slice(0, -3)}y`;
  if (base.length > 3 && base.endsWith('s') && !base.endsWith('ss') && !base.endsWith('us'))
    return base.slice(0, -1);
  return base;
}

/** Common verbs: a topic is named by a noun phrase, not by what happens in it. */
const EN_VERBS = new Set(
  (
    'happen explain depend run decide learn interrupt crush skid tempt push need want use show seem become ' +
    'begin start help mean cost pay build hold bring turn move live stand lose win buy sell send leave feel think ' +
    'know look find try ask carry follow remain stay change allow expect warn plan spend ride fall rise grow ' +
    'let set cut hit meet read write sit lie open close reach pass provide include continue create offer serve ' +
    'appear consider suggest require report decide return believe describe develop produce investigate ' +
    'examine find study threaten argue claim insist agree hope fear worry point'
  ).split(' '),
);

export function isVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    EN_VERBS.has(lower) ||
    (lower.endsWith('s') && EN_VERBS.has(lower.slice(0, -1))) ||
    (lower.endsWith('es') && EN_VERBS.has(lower.slice(0, -2)))
  );
}

export function isEnglishContentWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length < 3 || !/^\p{L}[\p{L}'’-]*$/u.test(word) || EN_BREAKS.has(lower)) return false;
  // "doesn't", "they're": a contraction is a verb or a pronoun.
  if (/['’](?:t|re|ve|ll|d|m)$/u.test(lower)) return false;
  // Past tenses and adverbs tell what happened, not what the part is about.
  if (/(?:ed|ly)$/u.test(lower) && lower.length > 3) return false;
  // A possessive ("the authority's board") belongs to a sentence, not a title.
  if (/['’]s$/u.test(lower)) return false;
  return !isVerb(word);
}

/** Determiners of one thing: the noun they open does not end in a word in -s. */
export const SINGULAR_DETERMINER = /^(?:a|an|every|each|another|one)$/iu;

/** Words that may follow a verb but not a noun: "the headset packs a …", "Vision Pro blows away …". */
export const AFTER_VERB = new Set(
  'a an the his her its their our my your to into away off out up down back over through past around'.split(
    ' ',
  ),
);

/**
 * Runs of up to three content words (noun phrases, roughly) between function words and
 * punctuation. A name stays whole ("New England Journal": a capitalised function word inside a
 * name is part of it), and a word in -s after a noun and before an article or a preposition is
 * the noun's verb ("The headset packs a …"), which ends the run.
 */
function englishCandidates(sentence: string): Candidate[] {
  const runs: string[][] = [[]];
  const tokens = [...enWords.segment(sentence)];
  const wordAfter = (i: number) => tokens.slice(i + 1).find((t) => t.isWordLike)?.segment;
  let first = true;
  let singular = false;
  for (const [i, { segment, isWordLike }] of tokens.entries()) {
    if (!isWordLike) {
      if (segment.trim().length > 0 && segment !== '-') runs.push([]);
      continue;
    }
    const next = wordAfter(i);
    const run = runs.at(-1)!;
    // "A sharp chisel slices end grain": after "a", a word in -s is the verb, not part of the noun.
    if (run.length > 0 && singular && /^[a-z]+[^su]s$/u.test(segment)) {
      runs.push([]);
      singular = false;
      first = false;
      continue;
    }
    if (run.length === 0)
      singular = SINGULAR_DETERMINER.test(tokens.slice(0, i).findLast((t) => t.isWordLike)?.segment ?? '');
    const inName = !first && /^[A-Z]/u.test(segment) && next !== undefined && /^[A-Z][a-z]/u.test(next);
    first = false;
    const after = next?.toLowerCase() ?? '';
    const verbLike =
      run.length > 0 &&
      /^[a-z]/u.test(segment) &&
      // "The headset packs a …", "The protocol supports storing …", "Developers building apps for …".
      ((/[^su]s$/u.test(segment) && (AFTER_VERB.has(after) || /ing$/u.test(after))) ||
        (/ing$/u.test(segment) && AFTER_VERB.has(after)));
    if (!verbLike && (isEnglishContentWord(segment) || (inName && /^[A-Z][a-z]+$/u.test(segment))))
      run.push(segment);
    else runs.push([]);
  }
  const candidates: Candidate[] = [];
  const capitalized = (w: string | undefined) => w !== undefined && /^[A-Z]/u.test(w);
  for (const run of runs) {
    for (let length = 1; length <= 3; length++) {
      for (let start = 0; start + length <= run.length; start++) {
        const words = run.slice(start, start + length);
        // A name is taken whole or not at all: "Cabinet ministers Jonathan" cuts "Jonathan Moyo".
        const end = start + length - 1;
        if (capitalized(run[end]) && capitalized(run[end + 1])) continue;
        if (start > 0 && capitalized(run[start]) && capitalized(run[start - 1])) continue;
        const stems = words.map(stem);
        candidates.push({ key: stems.join(' '), surface: words.join(' '), words: stems });
      }
    }
  }
  return candidates;
}

const JA_COMPOUND = /[\p{Script=Han}\p{Script=Katakana}ー々ヶ]{2,}/gu;
/** 「稚魚の放流」: two compounds joined by の name a topic more precisely than either. */
const JA_NO_PHRASE =
  /(?<![\p{Script=Han}\p{Script=Katakana}ー々])([\p{Script=Han}\p{Script=Katakana}ー々ヶ]{2,})の([\p{Script=Han}\p{Script=Katakana}ー々ヶ]{2,})/gu;

/** Hiragana that may follow a noun: particles, the copula and する (放流し, 放流する). */
const JA_PARTICLE = /[のはがをにでともへやかよだしすさせ]/u;

function japaneseCandidates(sentence: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of sentence.matchAll(JA_COMPOUND)) {
    const word = match[0];
    // Followed by okurigana (見下ろす, 新しい), the kanji are a verb's or an adjective's stem.
    const next = sentence.charAt(match.index + word.length);
    if (/[\p{Script=Hiragana}]/u.test(next) && !JA_PARTICLE.test(next)) continue;
    // A lone katakana sound or a date ("１３日") is not a topic, nor a number's unit (「２００万匹」「1日平均」).
    if (JA_VAGUE.has(word) || JA_ROLE.test(word) || /^[ー]/u.test(word)) continue;
    if (/[0-9０-９]$/u.test(sentence.slice(0, match.index))) continue;
    candidates.push({ key: word, surface: word, words: [word] });
  }
  for (const match of sentence.matchAll(JA_NO_PHRASE)) {
    const [, head, tail] = match as unknown as [string, string, string];
    if (JA_VAGUE.has(head) || JA_VAGUE.has(tail) || JA_ROLE.test(tail)) continue;
    candidates.push({ key: `${head}の${tail}`, surface: `${head}の${tail}`, words: [head, tail] });
  }
  return candidates;
}

export function candidatesOf(sentence: string, language: Language): Candidate[] {
  return language === 'ja' ? japaneseCandidates(sentence) : englishCandidates(sentence);
}

interface Counted {
  candidate: Candidate;
  /** Sentences of the topic that say it. */
  here: number;
  /** Whether the topic's first sentence says it. */
  inFirst: boolean;
  /** Paragraphs of the topic that say it. */
  paragraphs: Set<number>;
}

/** How many sentences of each text say each candidate (once per sentence). */
function countSentences(
  paragraphs: readonly string[],
  language: Language,
): { counts: Map<string, Counted>; sentences: number } {
  const counts = new Map<string, Counted>();
  const sentences = paragraphs.flatMap((p, k) =>
    splitSentences(p, language).map((text) => ({ text, paragraph: k })),
  );
  for (const [i, { text: sentence, paragraph }] of sentences.entries()) {
    const seen = new Set<string>();
    for (const candidate of candidatesOf(sentence, language)) {
      if (seen.has(candidate.key)) continue;
      seen.add(candidate.key);
      const counted = counts.get(candidate.key);
      if (counted) {
        counted.here++;
        counted.paragraphs.add(paragraph);
      } else
        counts.set(candidate.key, { candidate, here: 1, inFirst: i === 0, paragraphs: new Set([paragraph]) });
    }
  }
  return { counts, sentences: sentences.length };
}

export interface TopicTitleOptions {
  /** Candidates already used as titles (or the article's own title terms): not reused. */
  avoid?: readonly string[];
  /**
   * Share of the part's sentences that must say the phrase (and of its paragraphs, when it has
   * more than one): a title shown over every slide of the part must fit all of them, not one.
   */
  coverage?: number;
  /** Only a phrase the part's first sentence says (the part's own opening names it). */
  fromFirstSentence?: boolean;
  /** A compound phrase said once may name the text (a slide of two or three narrations). */
  once?: boolean;
  /** The rest of the article: a phrase it says more often than the text does names no one part (群来). */
  rest?: readonly string[];
}

/**
 * A short title naming what a part of an article is about, from its own words: the noun phrase
 * said most in this part and least in the others (a candidate's sentence count here times the
 * share of its sentences that are here; longer phrases preferred at equal weight). Undefined when
 * no phrase is said at least twice here and mostly here.
 */
export function topicTitle(
  topic: readonly string[],
  others: ReadonlyArray<readonly string[]>,
  language: Language,
  options: TopicTitleOptions = {},
): string | undefined {
  const { counts, sentences } = countSentences(topic, language);
  const coverage = options.coverage ?? 0;
  const elsewhere = new Map<string, number>();
  for (const other of others) {
    for (const [key, counted] of countSentences(other, language).counts)
      elsewhere.set(key, (elsewhere.get(key) ?? 0) + counted.here);
  }
  const rest = options.rest ? countSentences(options.rest, language).counts : undefined;
  const speakers = language === 'en' ? speakerNames([topic, ...others].flat()) : new Set<string>();
  const avoided = new Set(options.avoid?.map((a) => normalizeKey(a, language)) ?? []);
  const avoidedWords = new Set([...avoided].flatMap((a) => a.split(' ')));
  let best: { title: string; score: number } | undefined;
  for (const counted of counts.values()) {
    const { candidate, here, inFirst } = counted;
    const there = elsewhere.get(candidate.key) ?? 0;
    const mentions = here + (inFirst ? 0.5 : 0);
    // Said once, a phrase names the part only as a compound its first sentence introduces.
    const compound = language === 'ja' || candidate.words.length >= 2;
    const opens = inFirst || options.once === true;
    if (here < 2 && !(opens && there === 0 && compound)) continue;
    if (options.fromFirstSentence && !inFirst) continue;
    if (
      here < coverage * sentences ||
      (topic.length > 1 && counted.paragraphs.size < coverage * topic.length)
    )
      continue;
    // An adjective alone ("Expensive") does not name a topic.
    if (
      language === 'en' &&
      candidate.words.length === 1 &&
      (ADJECTIVE.test(candidate.surface) || EN_VAGUE.has(candidate.words[0]!))
    )
      continue;
    const share = here / (here + there);
    if (share < 0.6) continue;
    if ((rest?.get(candidate.key)?.here ?? 0) > here) continue;
    if (avoided.has(candidate.key)) continue;
    // Who speaks in a part is not what it is about.
    if (candidate.words.some((w) => speakers.has(w))) continue;
    if (language === 'en' && candidate.words.every((w) => avoidedWords.has(w))) continue;
    const title = toTitle(candidate.surface, language);
    if (title.length > TOPIC_TITLE_MAX[language]) continue;
    const score = mentions * share * share * (1 + 0.35 * (candidate.words.length - 1));
    if (score < MIN_SCORE) continue;
    if (!best || score > best.score) best = { title, score };
  }
  return best?.title;
}

/** Surnames of people quoted ("…," Allen said / said Dana Whitfield), lower-cased. */
export function speakerNames(paragraphs: readonly string[]): Set<string> {
  const names = new Set<string>();
  const after =
    /\b([A-Z][\p{L}'’-]+)(?:,[^,.]{1,80},)?\s+(?:said|says|told|added|explained|wrote|noted|argued)\b/gu;
  const before =
    /\b(?:said|says|told|added|according to)\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:[A-Z][\p{L}'’-]+\s+)*([A-Z][\p{L}'’-]+)/gu;
  for (const text of paragraphs) {
    for (const match of text.matchAll(after)) names.add(stem(match[1]!));
    for (const match of text.matchAll(before)) names.add(stem(match[1]!));
  }
  for (const word of ['the', 'this', 'that', 'it', 'he', 'she', 'they', 'we', 'i']) names.delete(word);
  return names;
}

function normalizeKey(text: string, language: Language): string {
  if (language === 'ja') return text;
  return text
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .map(stem)
    .join(' ');
}

/** The key a title was made from, for `avoid`. */
export function titleKey(title: string, language: Language): string {
  return normalizeKey(title, language);
}

function toTitle(surface: string, language: Language): string {
  if (language === 'ja') return surface;
  return surface.charAt(0).toUpperCase() + surface.slice(1);
}

/** Sentence endings of a told story: 「…ました。」「…でした。」. */
const JA_STORY_END = /(?:ました|でした|ません|ではありませんか|のです)[。！？」]*$/u;
const EN_STORY_START = /^(?:once upon a time|one day|long ago|there (?:was|were|lived) once)\b/iu;

/**
 * Whether a part of an article tells a story (a tale, an anecdote) rather than making points:
 * most of its Japanese sentences end in the told past (ました/でした) and it gives no figures, or
 * its English opens like a tale. A detail of the story ("the butcher's shop") would mistitle it.
 */
export function readsAsStory(paragraphs: readonly string[], language: Language): boolean {
  const sentences = paragraphs.flatMap((p) => splitSentences(p, language));
  if (sentences.length < 3) return false;
  if (language === 'en') return EN_STORY_START.test(sentences[0]!.trim());
  const told = sentences.filter((s) => JA_STORY_END.test(s.trim())).length;
  const figures = sentences.filter((s) => /[0-9０-９]/u.test(s)).length;
  return told >= 0.6 * sentences.length && figures <= 1;
}
