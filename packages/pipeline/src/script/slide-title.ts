import type { Language } from '../schema/script.ts';
import { splitSentences } from './sentences.ts';
import {
  ADJECTIVE,
  AFTER_VERB,
  type Candidate,
  candidatesOf,
  EN_BREAKS,
  EN_VAGUE,
  isVerb,
  JA_ROLE,
  JA_VAGUE,
  SINGULAR_DETERMINER,
  speakerNames,
  stem,
  titleKey,
} from './topic-title.ts';

/** A slide title is a short phrase: at most this many characters. */
export const SLIDE_TITLE_MAX: Record<Language, number> = { ja: 16, en: 40 };

/** What a candidate phrase is, which tells how well it names a slide. */
type Kind = 'word' | 'compound' | 'phrase' | 'subject';

interface Phrase extends Candidate {
  kind: Kind;
  /** The title the phrase gives when it is not its own words (「観光にも生かし」 → 「観光への活用」). */
  title?: string;
}

/** Below this a phrase does not name the slide well enough. */
const MIN_WEIGHT = 1.2;

/** How much each kind of phrase is worth as a title: a noun with its modifier over a bare noun. */
const KIND_WEIGHT: Record<Kind, number> = { word: 0.55, compound: 1.2, phrase: 1.35, subject: 1.5 };

export interface SlideTitleContext {
  /** The article's sentences that this slide does not say. */
  elsewhere: readonly string[];
  /** Title keys (see titleKey) not to use: the slide before's title, the article's headings. */
  avoid?: readonly string[];
  /** The sentence the slide's panel shows: what the slide is about. */
  key?: string;
  /** Only a phrase with its modifier or a sentence's subject (to replace a title the slide already says). */
  strong?: boolean;
  /** Only a phrase that says this word (a narrower title than a bare "Council": "Council budget"). */
  including?: string;
  /** Only a phrase of the key sentence: what the slide opens with, not a word of a later sentence. */
  keyOnly?: boolean;
  /** What the slide shows (its bullets, its panel, its first narration): the title names one of them. */
  shown?: readonly string[];
  /** No bare word: a noun with its modifier, a compound or a subject (a heading's subtopic). */
  phrasesOnly?: boolean;
  /** The least share of the article's mentions of a phrase that the slide must say (default 0.5). */
  minShare?: number;
  /** The least weight a phrase needs to name the slide (default MIN_WEIGHT). */
  minWeight?: number;
  /** Texts that must each say the phrase (the slide's bullets): a title true of all of them, not of one. */
  covers?: readonly string[];
  /** The slide tells part of a story: also the story's places and things with what happens to them (「水にうつった自分の姿」). */
  plot?: boolean;
}

/**
 * A title for one slide, from what it says: a descriptive phrase of its key sentence (the one its
 * figure shows, else the first) — the sentence's subject with its modifiers ("Deliveries by cargo
 * bike", 「白く濁った海域」, 「回復の理由」) — or the phrase its sentences say most, as long as the
 * rest of the article says it less. A bare common noun only wins when nothing better is said.
 * Undefined when no phrase names the slide.
 */
export function slideTitle(
  sentences: readonly string[],
  language: Language,
  context: SlideTitleContext,
): string | undefined {
  const key = context.key ?? sentences[0];
  const avoided = new Set(context.avoid ?? []);
  const including = context.including === undefined ? undefined : titleKey(context.including, language);
  const speakers = language === 'en' ? speakerNames([...sentences, ...context.elsewhere]) : new Set<string>();
  const elsewhere = context.elsewhere.map((s) => normalizeText(s, language));
  const said = sentences.map((s) => normalizeText(s, language));
  const shown = context.shown?.map((s) => normalizeText(s, language));
  const covers = context.covers?.map((s) => normalizeText(s, language));
  const phrases = new Map<string, { phrase: Phrase; subject: boolean; inKey: boolean }>();
  for (const sentence of sentences) {
    const isKey = key !== undefined && (sentence.includes(key) || key.includes(sentence));
    if (context.keyOnly && !isKey) continue;
    for (const phrase of phrasesOf(sentence, language, context.plot === true)) {
      const seen = phrases.get(phrase.key);
      const subject = phrase.kind === 'subject' || isSubject(sentence, phrase.surface, language);
      if (seen) {
        seen.subject ||= subject;
        seen.inKey ||= isKey;
        if (KIND_WEIGHT[phrase.kind] > KIND_WEIGHT[seen.phrase.kind]) seen.phrase = phrase;
      } else phrases.set(phrase.key, { phrase, subject, inKey: isKey });
    }
  }
  let best: { title: string; weight: number } | undefined;
  for (const { phrase, subject, inKey } of phrases.values()) {
    if (avoided.has(phrase.key)) continue;
    if (context.phrasesOnly && phrase.kind === 'word') continue;
    if (context.strong && phrase.kind !== 'subject' && phrase.kind !== 'phrase') continue;
    if (including !== undefined && (phrase.words.length < 2 || !phrase.words.includes(including))) continue;
    if (phrase.words.some((w) => speakers.has(w))) continue;
    const title = phrase.title ?? toTitle(phrase.surface, language);
    if (title.length > SLIDE_TITLE_MAX[language]) continue;
    if (shown && !shown.some((s) => contains(s, phrase, language))) continue;
    if (covers && !covers.every((s) => contains(s, phrase, language))) continue;
    const here = said.filter((s) => contains(s, phrase, language)).length;
    const there = elsewhere.filter((s) => contains(s, phrase, language)).length;
    const share = here / Math.max(1, here + there);
    // A phrase the whole article says (its subject, 群来) names no one slide.
    if (share < (context.minShare ?? 0.5)) continue;
    // Said more, said in the key sentence, as its subject, and longer: a better title.
    const weight =
      (Math.max(1, here) + (inKey ? 0.5 : 0) + (subject ? 0.5 : 0)) *
      share *
      kindWeight(phrase, sentences, language) *
      (1 + 0.1 * Math.min(3, phrase.words.length - 1));
    if (weight < (context.minWeight ?? MIN_WEIGHT)) continue;
    if (!best || weight > best.weight) best = { title, weight };
  }
  return best?.title;
}

function kindWeight(phrase: Phrase, sentences: readonly string[], language: Language): number {
  // A name alone ("Eloise Parry", "Dana") says who or where, not what the slide is about.
  if (language === 'en' && phrase.kind !== 'subject' && /^[A-Z]\S*(?:\s[A-Z]\S*)*$/u.test(phrase.surface))
    return 0.8;
  // A name ("Mill Street", "Karsholm") is a fine title on its own; a capital that only opens a sentence is no name.
  if (
    language === 'en' &&
    phrase.kind === 'word' &&
    /^[A-Z]/u.test(phrase.surface) &&
    sentences.some((s) => new RegExp(`\\S\\s+${escapeRegExp(phrase.surface)}\\b`, 'u').test(s))
  )
    return 0.8;
  // 「防波堤」「写真愛好家」: a long compound tells more than 「町」「海」.
  if (language === 'ja' && phrase.kind === 'word' && phrase.surface.length >= 3) return 0.8;
  return KIND_WEIGHT[phrase.kind];
}

/** The phrases a sentence offers as a title. */
function phrasesOf(sentence: string, language: Language, plot = false): Phrase[] {
  const phrases: Phrase[] = candidatesOf(sentence, language).map((c) => ({
    ...c,
    kind:
      language === 'ja' ? (c.words.length > 1 ? 'phrase' : 'word') : c.words.length > 1 ? 'compound' : 'word',
  }));
  if (language === 'ja') {
    phrases.push(
      ...japaneseModifiedNouns(sentence),
      ...japaneseReasonPhrases(sentence),
      ...japanesePurposePhrases(sentence),
    );
    if (plot) phrases.push(...japanesePlotPhrases(sentence));
  } else {
    const subject = englishSubject(sentence);
    if (subject) phrases.push(subject);
    phrases.push(...englishDescribedNouns(sentence));
  }
  const aside = asideSpans(sentence, language);
  return phrases.filter(
    (p) =>
      !inAside(sentence, p.surface, aside) &&
      !(language === 'en' && p.words.length === 1 && isWeakEnglishWord(p)) &&
      // "Question hanging", "Lot more": a vague noun does not open a title.
      !(language === 'en' && p.kind === 'compound' && EN_EMPTY_HEAD.has(p.words[0]!)) &&
      !(language === 'en' && p.kind === 'compound' && endsInVerb(sentence, p.surface)) &&
      !(language === 'en' && p.kind === 'compound' && opensWithVerb(sentence, p.surface)),
  );
}

/**
 * "Energy covers (roughly 15 percent)", "Temperature climbs (by about…)": a noun and its verb in -s,
 * told by what follows (an adverb, a number, an article or a preposition), is no phrase.
 */
function endsInVerb(sentence: string, surface: string): boolean {
  const words = surface.split(/\s+/u);
  const plural = (w: string | undefined) => w !== undefined && /^[A-Za-z]+[^su's]s$/u.test(w);
  // "energy covers": a singular noun, a word in -s; "motors work": a plural noun, a plain word.
  if (plural(words.at(-1)) === plural(words.at(-2))) return false;
  const after = new RegExp(`\\b${escapeRegExp(surface)}\\s+(\\S+)`, 'iu').exec(sentence)?.[1];
  if (after === undefined) return false;
  const next = clean(after).toLowerCase();
  return (
    /ly$/u.test(next) ||
    /^\d/u.test(next) ||
    next === 'as' ||
    EN_DETERMINERS.has(next) ||
    EN_NOUN_PREPOSITIONS.has(next)
  );
}

/** "(also) recover energy", "(to) keep blades": a phrase after an auxiliary or "to" opens with its verb. */
function opensWithVerb(sentence: string, surface: string): boolean {
  const before = new RegExp(`(\\S+)\\s+${escapeRegExp(surface)}\\b`, 'iu').exec(sentence)?.[1];
  if (before === undefined) return false;
  return /^(?:to|also|can|could|will|would|should|must|may|might|not|never|often|always|then|and)$/iu.test(
    clean(before),
  );
}

/**
 * Parts of a sentence that do not say what the slide is about: who a statement is attributed to
 * ("according to the public works department", "Ms Halvorsen said", 「漁協によると」), someone's
 * own words in 「…」 (「一年の結果で安心せず…」), and a question left open ("whether the catch
 * will grow", 「漁獲の増加につながるかどうか」: the slide says it is not known).
 */
function asideSpans(sentence: string, language: Language): Array<[number, number]> {
  const patterns =
    language === 'ja'
      ? [/「[^」]{8,}」/gu, /[^、。「」]*(?:によると|によれば)/gu, /[^、。「」]*かどうか/gu]
      : [
          /\baccording to [^,.;:]+/giu,
          /(?:^|[,;]\s*)(?:the\s+)?[^,.;:"“]{1,60}?\s(?:said|says|say|told|warned|argued|noted|added)\b/giu,
          /\bwhether\b[^,.;:]*/giu,
        ];
  return patterns.flatMap((pattern) =>
    [...sentence.matchAll(pattern)].map((m): [number, number] => [m.index, m.index + m[0].length]),
  );
}

/** Whether every place the sentence says the phrase lies inside an aside. */
function inAside(sentence: string, surface: string, aside: ReadonlyArray<[number, number]>): boolean {
  if (aside.length === 0) return false;
  const lower = sentence.toLowerCase();
  const needle = surface.toLowerCase();
  let at = lower.indexOf(needle);
  if (at < 0) return false;
  for (; at >= 0; at = lower.indexOf(needle, at + 1))
    if (!aside.some(([from, to]) => at >= from && at + needle.length <= to)) return false;
  return true;
}

function isWeakEnglishWord(phrase: Candidate): boolean {
  const word = phrase.words[0]!;
  return ADJECTIVE.test(phrase.surface) || EN_VAGUE.has(word);
}

/** Whether the phrase is what its sentence is about: its topic (〜は, 〜について) or its opening noun phrase. */
function isSubject(sentence: string, surface: string, language: Language): boolean {
  if (language === 'ja') {
    const at = sentence.indexOf(surface);
    return at >= 0 && /^(?:は|が|について|とは|では)/u.test(sentence.slice(at + surface.length));
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function normalizeText(text: string, language: Language): string {
  if (language === 'ja') return text;
  return ` ${titleKey(text.replace(/[^\p{L}\p{N}'’\s-]/gu, ' '), language)} `;
}

function contains(normalized: string, phrase: Phrase, language: Language): boolean {
  if (language === 'ja') return normalized.includes(phrase.surface);
  return normalized.includes(` ${phrase.key} `);
}

function toTitle(surface: string, language: Language): string {
  if (language === 'ja') return surface;
  return surface.charAt(0).toUpperCase() + surface.slice(1);
}

/**
 * 「白く濁った海域」「乳白色に染まった海面」「健全な生態系」: a noun with the verb or adjective
 * that describes it, the adverb or 〜に before that included. Only after a pause (、) or at the
 * start: 「知らせを聞いた住民」 would lose its object.
 */
const JA_MODIFIED =
  /(?<=^|[、。「」（）\s])((?:[\p{Script=Han}]{1,4}[にく])?[\p{Script=Han}]{1,3}(?:った|した|いた|んだ|えた|れた|まった|しい|な))([\p{Script=Han}\p{Script=Katakana}ー]{2,8})(?![\p{Script=Han}\p{Script=Katakana}ー])/gu;

function japaneseModifiedNouns(sentence: string): Phrase[] {
  const phrases: Phrase[] = [];
  for (const match of sentence.matchAll(JA_MODIFIED)) {
    const [surface, , noun] = match as unknown as [string, string, string];
    if (JA_VAGUE.has(noun) || JA_ROLE.test(noun)) continue;
    phrases.push({ key: surface, surface, words: [noun], kind: 'phrase' });
  }
  return phrases;
}

/**
 * In a told story, what a scene is about: a thing with what happens to it or where it is
 * (「水にうつった自分の姿」「口にくわえていた肉」「川の中のイヌ」「小川にかかる一本橋」), the verb
 * in hiragana as stories write it.
 */
const JA_PLOT = [
  /(?<![\p{Script=Han}\p{Script=Katakana}ー々])[\p{Script=Han}\p{Script=Katakana}ー]{1,4}[にをで][\p{Script=Hiragana}\p{Script=Han}]{1,4}?(?:った|した|いた|んだ|えた|れた|ていた|かる|がる|まる|ある|いる)[\p{Script=Han}\p{Script=Katakana}ー]{1,6}(?:の[\p{Script=Han}\p{Script=Katakana}ー]{1,4})?(?![\p{Script=Han}\p{Script=Katakana}ー])/gu,
  /(?<![\p{Script=Han}\p{Script=Katakana}ー々])[\p{Script=Han}]{1,3}の(?:中|上|下|前|外|底|向こう)の[\p{Script=Han}\p{Script=Katakana}ー]{1,6}(?![\p{Script=Han}\p{Script=Katakana}ー])/gu,
];

function japanesePlotPhrases(sentence: string): Phrase[] {
  return JA_PLOT.flatMap((pattern) =>
    [...sentence.matchAll(pattern)].map(
      (m): Phrase => ({ key: m[0], surface: m[0], words: [m[0]], kind: 'subject' }),
    ),
  );
}

/** 「回復の理由」「失敗の原因」: an abstract noun (理由, 結果) named by what it is of. */
const JA_REASON =
  /(?<![\p{Script=Han}\p{Script=Katakana}ー々])([\p{Script=Han}\p{Script=Katakana}ー々ヶ]{2,})の(理由|結果|方法|問題|原因)(?![\p{Script=Han}\p{Script=Katakana}ー])/gu;

function japaneseReasonPhrases(sentence: string): Phrase[] {
  const phrases: Phrase[] = [];
  for (const match of sentence.matchAll(JA_REASON)) {
    const [surface, head, tail] = match as unknown as [string, string, string];
    if (JA_VAGUE.has(head) || JA_ROLE.test(head)) continue;
    phrases.push({ key: surface, surface, words: [head, tail], kind: 'subject' });
  }
  return phrases;
}

/** 「群来を観光にも生かしたい」: what something is to be put to use for (観光). */
const JA_PURPOSE =
  /(?<![\p{Script=Han}\p{Script=Katakana}ー々])([\p{Script=Han}\p{Script=Katakana}ー々]{2,6})(?:に|へ)も?(?:生か|活か|役立て|活用|利用)/gu;

/** 「観光への活用」: a slide that says what something is to be used for is about that use. */
function japanesePurposePhrases(sentence: string): Phrase[] {
  const phrases: Phrase[] = [];
  for (const match of sentence.matchAll(JA_PURPOSE)) {
    const [surface, use] = match as unknown as [string, string];
    if (JA_VAGUE.has(use) || JA_ROLE.test(use)) continue;
    phrases.push({ key: `${use}への活用`, surface, words: [use], kind: 'subject', title: `${use}への活用` });
  }
  return phrases;
}

const EN_DETERMINERS = new Set(
  'the a an this that these those its their his her our my your some many most several few all both each every'.split(
    ' ',
  ),
);
/** Prepositions that join a noun to what qualifies it: "deliveries by cargo bike", "counters on the busiest routes". */
const EN_NOUN_PREPOSITIONS = new Set(['of', 'on', 'by', 'for', 'in', 'at', 'from']);
/** A sentence opening that is not its subject: "This winter, …", "On the coldest morning, …", "When …, …". */
const EN_LEADING_ADVERBIAL =
  /^(?:(?:on|at|in|during|after|before|since|by|for|with|under|over|this|last|next|when|while|although|though|if|as|because|unlike|like|despite|today|yesterday|now|then|meanwhile|however|still|instead|also|once|for now|in the end)\b[^,]{0,80},\s+)+/iu;
/** Words that end a subject: auxiliaries, relative pronouns and conjunctions. */
const EN_SUBJECT_END = new Set(
  (
    'is are was were be been am do does did has have had will would shall should can could may might must ' +
    'that which who whom whose and or but not no now also still then just only already never always often ' +
    'say says said'
  ).split(' '),
);
/** Pronouns and vague heads: not a subject worth a title. */
const EN_EMPTY_HEAD = new Set(
  (
    'it he she they we you i this that these those there here one ones others other difference thing things ' +
    'way ways lot part number people city time times year years day days fact point idea case work ' +
    'question questions issue issues none'
  ).split(' '),
);

/**
 * The noun phrase a sentence opens with (its subject, after a leading "This winter," or "When …,"):
 * its modifiers and head noun, and one "of/by/on …" phrase qualifying it, without the leading
 * article: "Deliveries by cargo bike", "Counters on the two busiest routes", "Winter maintenance of
 * the bike lanes". Shortened (inner articles, then the qualifying phrase) to fit SLIDE_TITLE_MAX;
 * undefined for a pronoun, a single vague or common word, or a phrase that does not fit.
 */
export function englishSubject(sentence: string): Phrase | undefined {
  const text = sentence
    .trim()
    .replace(/^[“"‘'(]+/u, '')
    .replace(EN_LEADING_ADVERBIAL, '');
  const tokens = text.split(/\s+/u);
  const words: string[] = [];
  let i = 0;
  if (EN_DETERMINERS.has(clean(tokens[0] ?? '').toLowerCase())) i++;
  const head = nounRun(tokens, i, SINGULAR_DETERMINER.test(clean(tokens[0] ?? '')));
  if (head.words.length === 0) return undefined;
  words.push(...head.words);
  i = head.next;
  let qualifier: string[] = [];
  const preposition = clean(tokens[i] ?? '').toLowerCase();
  if (!head.closed && EN_NOUN_PREPOSITIONS.has(preposition) && tokens[i] === preposition) {
    let k = i + 1;
    const article = EN_DETERMINERS.has(clean(tokens[k] ?? '').toLowerCase()) ? [clean(tokens[k]!)] : [];
    k += article.length;
    const object = nounRun(tokens, k);
    if (
      object.words.length > 0 &&
      !EN_EMPTY_HEAD.has(object.words.at(-1)!.toLowerCase()) &&
      (object.closed || endsPhrase(tokens[object.next]))
    )
      qualifier = [preposition, ...article, ...object.words];
  }
  // "The app version of me": a phrase qualified by a pronoun names nothing without it.
  if (
    qualifier.length === 0 &&
    EN_NOUN_PREPOSITIONS.has(preposition) &&
    /^(?:me|us|you|him|her|it|them|mine|ours|yours|his|hers|theirs)$/iu.test(clean(tokens[i + 1] ?? ''))
  )
    return undefined;
  // A name cut short ("Prime Minister Habib" of "Habib Essid"), or an adjective before "to" ("loyal to").
  const after = clean(tokens[i] ?? '');
  if (qualifier.length === 0 && (/^[A-Z]/u.test(after) || after === 'to') && !head.closed) return undefined;
  // "A sharp chisel slices end grain": a phrase not followed by its verb was misread.
  if (qualifier.length === 0 && !head.closed && !endsPhrase(tokens[i]) && !EN_NOUN_PREPOSITIONS.has(after))
    return undefined;
  const last = words.at(-1)!.toLowerCase();
  if (EN_EMPTY_HEAD.has(last) || ADJECTIVE.test(last) || isModifier(last) || /^\d/u.test(last))
    return undefined;
  const forms = [
    [...words, ...qualifier],
    [...words, ...qualifier.filter((w) => !/^(?:the|a|an)$/iu.test(w))],
    words,
  ];
  const fitting = forms.find((f) => f.join(' ').length <= SLIDE_TITLE_MAX.en);
  if (!fitting) return undefined;
  // A single word ("Money", "Residents") is a bare noun, not a subject worth a title.
  if (fitting.length === 1) return undefined;
  const surface = fitting.join(' ');
  const content = fitting.filter((w) => !EN_NOUN_PREPOSITIONS.has(w) && !/^(?:the|a|an)$/iu.test(w));
  // Keyed by all its words, as the sentence says them (see normalizeText).
  return {
    key: titleKey(surface, 'en'),
    surface: lowerFirst(surface),
    words: content.map(stem),
    kind: 'subject',
  };
}

/**
 * "that recovered energy covers…", "the polished surface": after an article or demonstrative, a
 * participle in -ed and the noun it describes, followed by a verb or a break.
 */
function englishDescribedNouns(sentence: string): Phrase[] {
  const phrases: Phrase[] = [];
  const pattern =
    /\b(?:the|that|this|these|those|its|their|our|your)\s+([a-z]{3,}ed)\s+([a-z]{3,})\b(?:\s+(\S+))?/gu;
  for (const match of sentence.matchAll(pattern)) {
    const [, participle, noun, after] = match as unknown as [string, string, string, string | undefined];
    if (EN_BREAKS.has(noun) || EN_EMPTY_HEAD.has(noun) || isVerb(noun) || /(?:ed|ly|ing)$/u.test(noun))
      continue;
    if (!endsPhrase(after) && !EN_NOUN_PREPOSITIONS.has(clean(after ?? '').toLowerCase())) continue;
    const surface = `${participle} ${noun}`;
    phrases.push({
      key: titleKey(surface, 'en'),
      surface,
      words: [stem(participle), stem(noun)],
      kind: 'phrase',
    });
  }
  return phrases;
}

/** A run of modifiers and nouns from `start`: stops at a verb, a function word or a comma. */
function nounRun(
  tokens: readonly string[],
  start: number,
  singular = false,
): { words: string[]; next: number; closed: boolean } {
  const words: string[] = [];
  let k = start;
  for (; k < tokens.length && words.length < 4; k++) {
    const token = tokens[k]!;
    const word = clean(token);
    const lower = word.toLowerCase();
    if (word === '' || !/^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u.test(word)) break;
    if (EN_SUBJECT_END.has(lower) || EN_NOUN_PREPOSITIONS.has(lower) || EN_DETERMINERS.has(lower)) break;
    if (isVerb(word) || (/(?:ed|ly)$/u.test(lower) && lower.length > 4)) break;
    // A possessive opens the phrase ("Northfield's two schools"); it is not its head.
    if (/['’]s$/u.test(lower)) break;
    // "A sharp chisel slices …": after "a", a word in -s is the verb.
    if (singular && words.length > 0 && /^[a-z]+[^su]s$/u.test(word)) break;
    // "The routine works for chisels": after a noun, a word in -s before a preposition is its verb.
    const after = clean(tokens[k + 1] ?? '').toLowerCase();
    if (
      words.length > 0 &&
      /[^su]s$/u.test(lower) &&
      !isModifier(words.at(-1)!.toLowerCase()) &&
      (EN_NOUN_PREPOSITIONS.has(after) ||
        EN_DETERMINERS.has(after) ||
        AFTER_VERB.has(after) ||
        after === 'as')
    )
      break;
    // "Some council members argue that …": after a plural noun, a plain word before "that" is its verb.
    if (words.length > 0 && /[^su]s$/u.test(words.at(-1)!.toLowerCase()) && after === 'that') break;
    const nameInside = words.length > 0 && /^[A-Z]/u.test(word);
    if (EN_BREAKS.has(lower) && !/^\d/u.test(word) && !nameInside && !isModifier(lower)) break;
    words.push(word);
    // A comma after a word ends the phrase there.
    if (token !== word && /[,;:.!?)]$/u.test(token)) return { words, next: k + 1, closed: true };
  }
  return { words, next: k, closed: false };
}

/** Whether a token can follow a subject: its verb (in -s, -ed, an auxiliary), an adverb, a break word, or nothing. */
function endsPhrase(token: string | undefined): boolean {
  if (token === undefined) return true;
  const word = clean(token).toLowerCase();
  if (word === '') return true;
  return (
    EN_SUBJECT_END.has(word) ||
    EN_BREAKS.has(word) ||
    isVerb(word) ||
    /(?:ed|ly)$/u.test(word) ||
    /[^su]s$/u.test(word) ||
    /^(?:that|which|who|where|when|whose)$/u.test(word)
  );
}

/** Break words that may still qualify a noun: "small machine", "two busiest routes", "new substation". */
function isModifier(lower: string): boolean {
  return /^(?:small|large|big|high|low|little|long|short|new|old|first|second|third|last|next|two|three|four|five|six|seven|eight|nine|ten|single)$/u.test(
    lower,
  );
}

function clean(token: string): string {
  return token.replace(/^[“"‘'(]+|[”"’')\],;:.!?]+$/gu, '');
}

function lowerFirst(text: string): string {
  // Names keep their capital: "Mill Street", "NASA".
  if (/^[A-Z][a-z]/u.test(text) && !/^[A-Z][a-z]+\s[A-Z]/u.test(text))
    return text.charAt(0).toLowerCase() + text.slice(1);
  return text;
}

/**
 * The title of a slide that shows a quotation: whose words they are ("In Whitfield's words",
 * 「佐々木隆組合長の言葉」), so the title says what the panel is rather than a word of the quote.
 */
export function quoteSlideTitle(speaker: string, language: Language): string {
  const by = speaker.trim();
  if (language === 'ja') {
    // 「漁協の佐々木隆組合長」: the person, without the organisation before の.
    const person = by.replace(/^[\p{Script=Han}\p{Script=Katakana}ー]{2,10}の(?=[^の]{3,})/u, '');
    return `${person}の言葉`.slice(0, SLIDE_TITLE_MAX.ja + 4);
  }
  const names = by.split(/\s+/u).filter((w) => /^[A-Z]/u.test(w) && !/^(?:Mr|Mrs|Ms|Dr|Prof)\.?$/u.test(w));
  const name = names.at(-1) ?? by;
  return `In ${name}${name.endsWith('s') ? '’' : '’s'} words`;
}

const EN_SCOPE =
  /^(?:in\s+)?this\s+(chapter|article|post|guide|section|book|tutorial|essay|piece|report|page)\s*,?\s+(?:explains|covers|describes|shows|looks at|walks|discusses|sets out|introduces|we (?:explain|cover|describe|look at|show)|I (?:explain|cover|describe|look at|show)|(?:we|I) will|you will learn)\b/iu;
const JA_SCOPE = /^(?:この|本)(記事|章|ページ|ガイド|文章)(?:では|で)[^。]*(?:紹介|説明|解説|まとめ)/u;

/**
 * The title of a slide that says what the text covers ("This chapter explains what 'sharp'
 * means…", 「この記事では…を紹介します」): its scope, not a noun of the sentence.
 */
export function scopeTitle(sentences: readonly string[], language: Language): string | undefined {
  for (const sentence of sentences) {
    const match = (language === 'ja' ? JA_SCOPE : EN_SCOPE).exec(sentence.trim());
    if (!match) continue;
    const what = match[1]!;
    return language === 'ja' ? `この${what}の内容` : `What this ${what.toLowerCase()} covers`;
  }
  return undefined;
}

/** The sentences of a slide's narrations. */
export function slideSentences(texts: readonly string[], language: Language): string[] {
  return texts.flatMap((t) => splitSentences(t, language));
}

/** 「群来は、…乳白色に変わる現象だ」: a sentence that says what a term is. */
const JA_DEFINITION =
  /^([^\s、。「」『』]{2,10}?)(?:とは|は)、?[^。]*(?:現象|こと|仕組み|方法|状態|言葉)(?:だ|です|である|のことだ|のことです)。?$/u;
/** "A micro-bevel is a second, steeper bevel…": a sentence that says what a term is. */
const EN_DEFINITION =
  /^(?:an?\s+|the\s+)?([a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,2}),?\s+(?:is|means)\s+(?:an?|the)\s+[^.]*?\b(?:phenomenon|process|practice|technique|method|term|word|way)\b/u;
/**
 * 「鰊は北太平洋に広く生息する魚で、…」: a sentence that opens by saying what kind of thing its
 * topic is (a noun said plainly before は, then a clause ending in the class it belongs to).
 */
const JA_CLASS =
  /^([\p{Script=Han}\p{Script=Katakana}ー々]{1,8})は、?[^。、「」]{2,30}?(?:する|した|いる|な|の)([\p{Script=Han}\p{Script=Katakana}ー]{1,4})(?:で、|だ。?$|です。?$|である)/u;
/** Nouns that end such a clause without classifying its topic: plans, intentions, outlooks. */
const JA_NOT_CLASS =
  /^(?:方針|予定|計画|意向|見込み?|見通し|方向|狙い|目的|予想|見方|様子|状態|模様|結果|場合|時期|日|年|人|声|一方|中)$/u;
/** Words that are no term a slide is about. */
const NOT_TERMS = /^(?:これ|それ|あれ|ここ|そこ|今回|今年|今日|this|that|it|there|one)$/iu;

/**
 * The title of a slide that opens by saying what a term is (「群来は、…現象だ」 → 「群来とは」,
 * "A micro-bevel is a … technique" → "Micro-bevel"): the term, not a noun of its explanation.
 */
export function definitionTitle(sentence: string | undefined, language: Language): string | undefined {
  const text = sentence?.trim() ?? '';
  // The English term in lower case (a proper name is no term to define).
  const term = (language === 'ja' ? JA_DEFINITION : EN_DEFINITION).exec(
    language === 'ja' ? text : text.charAt(0).toLowerCase() + text.slice(1),
  )?.[1];
  if (!term || NOT_TERMS.test(term)) return language === 'ja' ? classTitle(text) : undefined;
  return language === 'ja' ? `${term}とは` : term.charAt(0).toUpperCase() + term.slice(1);
}

/** 「鰊は北太平洋に広く生息する魚で、…」 → 「鰊とは」: the first sentence says what kind of thing its topic is. */
function classTitle(text: string): string | undefined {
  const first = splitSentences(text, 'ja')[0]?.trim() ?? '';
  const match = JA_CLASS.exec(first);
  if (!match) return undefined;
  const [, term, kind] = match as unknown as [string, string, string];
  if (NOT_TERMS.test(term) || JA_NOT_CLASS.test(kind) || JA_ROLE.test(term)) return undefined;
  return `${term}とは`;
}

/** Verbs of deciding, saying and expecting, with the noun that names the act: "will vote" → "vote". */
const EN_ACTS: Readonly<Record<string, string>> = {
  vote: 'vote',
  decide: 'decision',
  predict: 'prediction',
  expect: 'expectation',
  warn: 'warning',
  argue: 'argument',
  promise: 'promise',
  propose: 'proposal',
  approve: 'approval',
  recommend: 'recommendation',
  fear: 'fears',
  hope: 'hopes',
  complain: 'complaints',
  estimate: 'estimate',
  choose: 'choice',
  plan: 'plan',
  forecast: 'forecast',
};

/** Auxiliaries and adverbs that may stand between a subject and its verb ("will", "has so far"). */
const EN_BEFORE_VERB =
  /^(?:will|would|could|may|might|must|should|can|has|have|had|did|does|do|so|far|also|now|still|already|then|soon|later|finally|once|first|again|eventually|all|both)$/iu;

/**
 * A slide that opens with someone deciding, predicting or warning is about that act: "The council
 * will vote on the extension in March." → "The council’s vote", "Residents predicted that…" →
 * "Residents’ prediction". Undefined when the sentence does not open with a named subject and such a verb.
 */
export function eventTitle(sentence: string | undefined, language: Language): string | undefined {
  if (language !== 'en' || sentence === undefined) return undefined;
  const text = sentence
    .trim()
    .replace(/^[“"‘'(]+/u, '')
    .replace(EN_LEADING_ADVERBIAL, '');
  const tokens = text.split(/\s+/u).map(clean);
  let i = 0;
  const article = /^the$/iu.test(tokens[0] ?? '');
  if (article || /^(?:some|many|most|several)$/iu.test(tokens[0] ?? '')) i++;
  const subject: string[] = [];
  for (; i < tokens.length && subject.length < 3; i++) {
    const word = tokens[i]!;
    const lower = word.toLowerCase();
    if (!/^[\p{L}][\p{L}'’-]*$/u.test(word) || EN_BREAKS.has(lower) || EN_SUBJECT_END.has(lower)) break;
    if (actOf(lower) !== undefined && subject.length > 0) break;
    subject.push(word);
  }
  if (subject.length === 0) return undefined;
  const last = subject.at(-1)!.toLowerCase();
  if (EN_EMPTY_HEAD.has(last) || ADJECTIVE.test(last) || /(?:ed|ly)$/u.test(last)) return undefined;
  while (i < tokens.length && EN_BEFORE_VERB.test(tokens[i]!)) i++;
  const act = actOf((tokens[i] ?? '').toLowerCase());
  if (act === undefined) return undefined;
  // "Residents’ prediction", "The council’s vote": a plural in -s takes the apostrophe alone.
  const plural = /[^s]s$/u.test(last);
  const owner = `${subject.join(' ')}${plural ? '’' : '’s'}`;
  const title = `${article && !plural ? 'The ' : ''}${article && !plural ? lowerFirst(owner) : upperFirst(owner)} ${act}`;
  return title.length <= SLIDE_TITLE_MAX.en ? title : undefined;
}

/** The act a verb form names: "votes", "voted", "predicted", "argue" → its noun. */
function actOf(word: string): string | undefined {
  for (const form of [
    word,
    word.replace(/s$/u, ''),
    word.replace(/ed$/u, ''),
    word.replace(/d$/u, ''),
    word.replace(/ied$/u, 'y'),
  ]) {
    const act = EN_ACTS[form];
    if (act !== undefined) return act;
  }
  return undefined;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The title of an opening slide that previews the article's sections. */
const OVERVIEW_TITLE: Record<Language, string> = { en: 'At a glance', ja: '概要' };

/**
 * The title of a slide that previews the article: its sentences say the words of at least two of
 * the article's later headings ("…118 years until it was automated…", "…served as a small maritime
 * museum…" before "The keepers" and "Museum"). Such a slide covers several topics, so a phrase of one
 * of them ("Round brick tower") would mislabel it. `headings` are title keys (see titleKey).
 */
export function overviewTitle(
  sentences: readonly string[],
  headings: readonly string[],
  language: Language,
): string | undefined {
  const text = sentences.join(' ');
  const words = new Set(normalizeText(text, language).trim().split(' '));
  const said = new Set(
    headings.filter((heading) =>
      headingWords(heading, language).some((w) => (language === 'ja' ? text.includes(w) : words.has(w))),
    ),
  );
  return said.size >= 2 ? OVERVIEW_TITLE[language] : undefined;
}

/** The words of a heading that name its topic: 「群来とは」 → 群来, "The keepers" → keeper. */
function headingWords(heading: string, language: Language): string[] {
  if (language === 'ja') return heading.match(/[\p{Script=Han}\p{Script=Katakana}ー々]{2,}/gu) ?? [];
  return heading.split(' ').filter((w) => w.length >= 4 && !EN_BREAKS.has(w) && !EN_VAGUE.has(w));
}
