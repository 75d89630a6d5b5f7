import { loadDefaultJapaneseParser } from 'budoux';
import type { Language } from '../schema/script.ts';

const japaneseParser = loadDefaultJapaneseParser();
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const japaneseWords = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * What a reader sees as one character: an emoji with its skin tone or ZWJ family, a flag, a
 * letter with its combining marks. Lines are cut between these, never inside one.
 */
function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** Display width in full-width units: CJK, full-width forms and emoji count 1, the rest 0.5. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const grapheme of graphemes(text)) width += isWide(grapheme) ? 1 : 0.5;
  return width;
}

function isWide(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f000
  );
}

// ---------------------------------------------------------------------------------------------
// Atoms: the pieces a line or a cue may never be cut inside, and how good a cut between two is.
// ---------------------------------------------------------------------------------------------

/** One unbreakable piece of a narration. `space`: a space separates it from the piece before. */
interface Atom {
  text: string;
  width: number;
  space: boolean;
}

/**
 * A narration cut into atoms, with the cost of a break before each atom (index 0 unused):
 * 0 after a sentence, about 1 after a clause, 2–4 between phrases, more inside a phrase, 20
 * inside a word too long for a line.
 */
interface Atoms {
  atoms: Atom[];
  cost: number[];
  /** A sentence ends just before this atom. */
  sentenceEnd: boolean[];
  /** This atom is inside a quotation or a quoted title (a cue should not cut it). */
  inQuote: boolean[];
}

/** Closing brackets, quotes and punctuation: they stay with the text before them. */
const CLOSING =
  '」』）)］]】〉》〕｝}”’。、，,．.！？!?：:；;…‥ー〜～・%％' +
  // Small kana, iteration marks: never at the start of a line (JIS X 4051), so 「話し合|って」 stays whole.
  'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々ゝゞヽヾ';
/** Opening brackets and quotes: they stay with the text after them. */
const OPENING = '「『（(［[【〈《〔｛{“‘';
const startsWithClosing = (s: string) => CLOSING.includes(s[0] ?? '');
const endsWithOpening = (s: string) => OPENING.includes(s.at(-1) ?? '');
const endsWithDigit = (s: string) => /[0-9０-９]$/.test(s);
/** English number words, glued to what they count like digits ("three tonnes"). */
const NUMBER_WORDS = new Set(
  'two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred thousand million billion dozen'.split(
    ' ',
  ),
);
const startsWithDigit = (s: string) => /^[0-9０-９]/.test(s);

const BREAK = {
  sentence: 0,
  clause: 1,
  beforeConjunction: 2,
  beforePreposition: 2.5,
  /** "the price | of batteries", "the first | of them": "of" binds its noun phrase together. */
  beforeOf: 8,
  phrase: 3,
  /** After a Japanese case particle (湾が|, 春に|, 肉を|): where a reader pauses. */
  afterParticle: 2.5,
  /** 川の|中, 春に|なる, 確認と|いう: a phrase boundary inside one noun phrase or set expression. */
  insideJapaneseSetPhrase: 9,
  word: 4,
  beforeHelperVerb: 10,
  insideJapanesePhrase: 12,
  insideJapaneseWord: 30,
  afterWeakWord: 25,
  /** "River | Street", "August | 1871": a name or a date reads as one. */
  insideName: 12,
  /** "from 1871 | to 1989", "between 2001 | and 2004": a range reads as one. */
  insideRange: 12,
  insideQuote: 4,
  insideWord: 20,
} as const;

/** English words a clause may start with: breaking before them reads naturally. */
const CONJUNCTIONS = new Set(
  'and but or nor so yet because which who whom whose where when while although though if unless until since as whereas'.split(
    ' ',
  ),
);
const PREPOSITIONS = new Set(
  'of to in on at for with by from into onto over under about through without within between during against across after before around like per'.split(
    ' ',
  ),
);
/** Words a line should not end with: they belong to what follows. */
const WEAK_ENDINGS = new Set(
  'the a an of to in on at by for with from into and or but nor his her its their our my your this these those every each mr mrs ms dr st no not very been be'.split(
    ' ',
  ),
);
/** Words a number is not glued to ("in 2019 the lighthouse" may break after 2019). */
const FUNCTION_WORDS = new Set(
  'the a an and or but of to in on at for with by from that which who is was were are be been as so than then'.split(
    ' ',
  ),
);
const ABBREVIATION = /^(mr|mrs|ms|dr|st|mt|jr|sr|prof|vs|etc|e\.g|i\.e|no|fig|approx|ca)\.$|^\p{Lu}\.$/iu;
const JAPANESE_CONJUNCTIONS =
  /^(しかし|でも|そして|また|ただし|だから|ところが|それで|さらに|つまり|なお|一方|そのため|すると|けれども|ところで)/;

/** Case and topic particles that close a phrase (湾が, 春に, 肉を, 町では, 川にも). */
const JAPANESE_PARTICLE_END = /(?:は|が|を|に|で|へ|も|から|まで|より|には|では|にも|とは)$/u;

const JAPANESE_HELPER_VERBS =
  /^(い[るたまてな]|しま|お[くきいか]|あ[るり]|く[るれ]|き[たま]|み[るたま]|もら|あげ|ほし)/;

/** Letters only, lower case: "“The" → "the". */
const bare = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}.]/gu, '');

/** Splits a text into the words and punctuation Intl.Segmenter finds (Japanese dictionary). */
function japaneseTokens(text: string): { tokens: Atom[]; starts: number[] } {
  const tokens: Atom[] = [];
  const starts: number[] = [];
  let space = false;
  for (const s of japaneseWords.segment(text)) {
    if (/^\s+$/.test(s.segment)) {
      space = true;
      continue;
    }
    tokens.push({ text: s.segment, width: 0, space });
    starts.push(s.index);
    space = false;
  }
  return { tokens, starts };
}

/**
 * Whether two neighbouring tokens must stay together: a closing bracket or punctuation with the
 * text before it, an opening bracket with the text after it, a number with its unit or the word
 * it counts ("1 November", "200 grams", "１０分"), a doubled word (「もちもち」).
 */
function glued(prev: string, next: string, language: Language): boolean {
  if (startsWithClosing(next) || endsWithOpening(prev)) return true;
  if (prev === next && /\p{L}/u.test(prev)) return true;
  const counts = endsWithDigit(prev) || (language !== 'ja' && NUMBER_WORDS.has(prev.toLowerCase()));
  if (counts && !startsWithDigit(next) && /^[\p{L}%％]/u.test(next)) {
    return language === 'ja' || !FUNCTION_WORDS.has(bare(next));
  }
  // "River Street", "Anna Rolfsen": capitalised words in a row are one name (not after a full stop).
  if (language !== 'ja' && /^\p{Lu}[\p{L}'’-]*$/u.test(prev) && /^\p{Lu}[\p{L}'’-]*[,.;:!?]?$/u.test(next)) {
    return prev !== 'I';
  }
  // 約４０年, 第3章, $5, €310: a prefix stays with its number.
  if (startsWithDigit(next) && /(約|第|毎|計|全|各|[$£€¥＄￥#＃])$/.test(prev)) return true;
  return false;
}

/**
 * Cuts a narration into atoms. Japanese: the words of Intl.Segmenter('ja') (so 「もちもち」 or
 * 「確認された」 are never cut), cheap to break where budoux also sees a phrase boundary. Other
 * languages: the words between spaces. Punctuation and brackets are glued as above; an atom
 * wider than a line is cut between graphemes as a last resort.
 */
function atomsOf(text: string, language: Language, maxWidth: number): Atoms {
  const normalised = text.replace(/\s+/g, ' ').trim();
  let tokens: Atom[];
  let phraseStart: (i: number) => boolean = () => true;
  if (language === 'ja') {
    const { tokens: t, starts } = japaneseTokens(normalised);
    tokens = t;
    const boundaries = new Set<number>();
    let offset = 0;
    for (const phrase of japaneseParser.parse(normalised)) {
      boundaries.add(offset);
      offset += phrase.length;
    }
    phraseStart = (i) => boundaries.has(starts[i]!) || tokens[i]!.space;
  } else {
    tokens = normalised
      .split(' ')
      .filter((w) => w.length > 0)
      .map((w, i) => ({ text: w, width: 0, space: i > 0 }));
  }

  // Glue tokens into atoms, remembering which original token each atom starts with.
  const merged: { atom: Atom; first: number; last: number }[] = [];
  tokens.forEach((token, i) => {
    const prev = merged.at(-1);
    if (prev && glued(prev.atom.text, token.text, language)) {
      prev.atom.text += (token.space ? ' ' : '') + token.text;
      prev.last = i;
    } else {
      merged.push({ atom: { ...token }, first: i, last: i });
    }
  });

  const atoms: Atom[] = [];
  const cost: number[] = [];
  const sentenceEnd: boolean[] = [];
  const inQuote: boolean[] = [];
  let quoteDepth = 0;
  merged.forEach(({ atom, first }, i) => {
    const prev = i > 0 ? merged[i - 1]!.atom.text : '';
    let c = 0;
    let endsSentence = false;
    if (i > 0) {
      const breakInfo =
        language === 'ja'
          ? japaneseBreak(prev, atom.text, phraseStart(first))
          : englishBreak(prev, atom.text);
      c = breakInfo.cost + (quoteDepth > 0 ? BREAK.insideQuote : 0);
      endsSentence = breakInfo.sentenceEnd && quoteDepth === 0;
    }
    const quoted = quoteDepth > 0;
    quoteDepth = Math.max(0, quoteDepth + quoteBalance(atom.text));
    // A piece wider than a line: cut between graphemes.
    const pieces = displayWidth(atom.text) <= maxWidth ? [atom.text] : splitWide(atom.text, maxWidth);
    pieces.forEach((piece, k) => {
      atoms.push({ text: piece, width: displayWidth(piece), space: k === 0 ? atom.space : false });
      cost.push(k === 0 ? c : BREAK.insideWord);
      sentenceEnd.push(k === 0 ? endsSentence : false);
      inQuote.push(quoted);
    });
  });
  return { atoms, cost, sentenceEnd, inQuote };
}

/** Opening minus closing quotes and brackets (straight double quotes toggle). */
function quoteBalance(text: string): number {
  let balance = 0;
  for (const ch of text) {
    if ('「『（“(【'.includes(ch)) balance += 1;
    else if ('」』）”)】'.includes(ch)) balance -= 1;
  }
  const straight = (text.match(/"/g) ?? []).length;
  if (straight % 2 === 1) balance += /^["(]*"/.test(text) ? 1 : -1;
  return balance;
}

function splitWide(text: string, maxWidth: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const grapheme of graphemes(text)) {
    if (current && displayWidth(current + grapheme) > maxWidth) {
      pieces.push(current);
      current = '';
    }
    current += grapheme;
  }
  if (current) pieces.push(current);
  return pieces;
}

function japaneseBreak(prev: string, next: string, phraseStart: boolean) {
  if (/[。．！？!?]$/.test(prev)) return { cost: BREAK.sentence, sentenceEnd: true };
  if (/[。．！？!?][」』）)]+$/.test(prev) && !/^(と|って|など)/.test(next)) {
    return { cost: BREAK.sentence, sentenceEnd: true };
  }
  if (/[、，,：:；;]$/.test(prev)) return { cost: BREAK.clause, sentenceEnd: false };
  if (JAPANESE_CONJUNCTIONS.test(next)) return { cost: BREAK.beforeConjunction, sentenceEnd: false };
  // 持って|いる, 書いて|おく, なくして|しまう: a helper verb belongs to the verb before it.
  if (/[てで]$/.test(prev) && JAPANESE_HELPER_VERBS.test(next)) {
    return { cost: BREAK.beforeHelperVerb, sentenceEnd: false };
  }
  if (phraseStart) {
    // 川の|中にも: の ties a noun to the noun it describes. 春に|なると, 確認と|いう: set expressions.
    if (
      /の$/u.test(prev) ||
      (/に$/u.test(prev) && /^な[るりっられ]/u.test(next)) ||
      (/と$/u.test(prev) && /^(?:い[うっ]|言)/u.test(next))
    ) {
      return { cost: BREAK.insideJapaneseSetPhrase, sentenceEnd: false };
    }
    if (JAPANESE_PARTICLE_END.test(prev)) return { cost: BREAK.afterParticle, sentenceEnd: false };
    return { cost: BREAK.phrase, sentenceEnd: false };
  }
  // 聞|かせ, 戻っ|た: the dictionary splits a verb from its kana ending; a reader sees one word.
  const inflection = /[\p{sc=Han}\p{sc=Hiragana}]$/u.test(prev) && /^\p{sc=Hiragana}/u.test(next);
  return { cost: inflection ? BREAK.insideJapaneseWord : BREAK.insideJapanesePhrase, sentenceEnd: false };
}

function englishBreak(prev: string, next: string) {
  const nextWord = bare(next);
  const prevWord = bare(prev);
  if (/[.!?…]["'”’)\]]*$/.test(prev) && !ABBREVIATION.test(prev.replace(/^["'“‘(]+/, ''))) {
    return /^["'“‘(]*[\p{Lu}\p{N}]/u.test(next)
      ? { cost: BREAK.sentence, sentenceEnd: true }
      : { cost: BREAK.clause, sentenceEnd: false };
  }
  if (/[,;:]["'”’)\]]*$/.test(prev) || /^[—–-]+$/.test(prev))
    return { cost: BREAK.clause, sentenceEnd: false };
  if (/^[—–-]+$/.test(next)) return { cost: BREAK.phrase, sentenceEnd: false };
  if (WEAK_ENDINGS.has(prevWord)) return { cost: BREAK.afterWeakWord, sentenceEnd: false };
  if (/^["“‘(]/.test(next)) return { cost: BREAK.phrase, sentenceEnd: false };
  if (nextWord === 'than') {
    // "less | than" splits a comparison; "a week later | than" is a clause.
    return /^(more|less|fewer|rather|other)$/.test(prevWord)
      ? { cost: BREAK.afterWeakWord, sentenceEnd: false }
      : { cost: BREAK.beforePreposition, sentenceEnd: false };
  }
  if (/^\d[\d,.]*$/u.test(prevWord) && /^(?:to|and|until|till)$/u.test(nextWord)) {
    return { cost: BREAK.insideRange, sentenceEnd: false };
  }
  if (CONJUNCTIONS.has(nextWord)) return { cost: BREAK.beforeConjunction, sentenceEnd: false };
  if (nextWord === 'of') return { cost: BREAK.beforeOf, sentenceEnd: false };
  if (PREPOSITIONS.has(nextWord)) return { cost: BREAK.beforePreposition, sentenceEnd: false };
  // "Harbour | Gazette", "August | 1871": a name or a date reads as one.
  if (/^\p{Lu}/u.test(prev) && /^[\p{Lu}\p{N}]/u.test(next))
    return { cost: BREAK.insideName, sentenceEnd: false };
  return { cost: BREAK.word, sentenceEnd: false };
}

// ---------------------------------------------------------------------------------------------
// Lines and cues: optimal partitions of the atoms.
// ---------------------------------------------------------------------------------------------

/** Cost of a sentence ending inside a line (the line then reads "…end. Start…"). */
const MID_LINE_SENTENCE = 10;
/** How much a cue boundary counts against a line break at the same place. */
const CUE_BREAK_WEIGHT = 2;
/** Cues of unequal width: weight of ((width − mean) / mean)². */
const CUE_BALANCE = 20;
/** Lines of one cue of unequal width: weight of ((w1 − w2) / maxWidth)². */
const LINE_BALANCE = 3;
/** A line of a two-line cue narrower than this share of a line ("The plan," over a full line) reads as a stub. */
const STUB_LINE_SHARE = 0.25;
/** What a stub line costs on top of the lines' imbalance: about a phrase break. */
const STUB_LINE = 2;
/** A cue shorter than the minimum (time or width): weight of the missing share. */
const SHORT_CUE = 60;
/** A cue narrower than this share of a line is a stub, whatever the time. */
const STUB_SHARE = 0.35;
/** A cue boundary inside a quotation or quoted title: the quote is read as one. */
const CUE_IN_QUOTE = 12;
/** Each cue beyond the fewest possible. */
const EXTRA_CUE = 4;
/** Seconds a cue should stay on screen when the narration is long enough. */
export const MIN_CUE_SECONDS = 1.2;

const joinAtoms = (atoms: readonly Atom[]) =>
  atoms.map((a, i) => (i > 0 && a.space ? ` ${a.text}` : a.text)).join('');

class Layout {
  private readonly prefix: number[] = [0];
  private readonly spaces: number[] = [0];
  private readonly cueMemo = new Map<number, { cost: number; split: number }>();

  constructor(
    readonly a: Atoms,
    readonly maxWidth: number,
  ) {
    for (const atom of a.atoms) {
      this.prefix.push(this.prefix.at(-1)! + atom.width);
      this.spaces.push(this.spaces.at(-1)! + (atom.space ? 0.5 : 0));
    }
  }

  get count() {
    return this.a.atoms.length;
  }

  /** Display width of atoms [i, j) on one line. */
  width(i: number, j: number): number {
    return this.prefix[j]! - this.prefix[i]! + this.spaces[j]! - this.spaces[i + 1]!;
  }

  /** Cost of atoms [i, j) as one line; Infinity when it does not fit. */
  lineCost(i: number, j: number): number {
    if (this.width(i, j) > this.maxWidth) return Number.POSITIVE_INFINITY;
    let cost = 0;
    for (let k = i + 1; k < j; k++) if (this.a.sentenceEnd[k]) cost += MID_LINE_SENTENCE;
    return cost;
  }

  /** Best layout of atoms [i, j) as a cue of one or two lines: its cost and where line 2 starts. */
  cue(i: number, j: number): { cost: number; split: number } {
    const key = i * (this.count + 1) + j;
    const memo = this.cueMemo.get(key);
    if (memo) return memo;
    let best = { cost: this.lineCost(i, j), split: j };
    if (this.width(i, j) <= 2 * this.maxWidth) {
      for (let k = i + 1; k < j; k++) {
        const narrower = Math.min(this.width(i, k), this.width(k, j));
        const cost =
          this.lineCost(i, k) +
          this.lineCost(k, j) +
          this.a.cost[k]! +
          LINE_BALANCE * ((this.width(i, k) - this.width(k, j)) / this.maxWidth) ** 2 +
          (narrower < STUB_LINE_SHARE * this.maxWidth ? STUB_LINE : 0);
        if (cost < best.cost) best = { cost, split: k };
      }
    }
    this.cueMemo.set(key, best);
    return best;
  }

  lines(i: number, j: number): string[] {
    const { split } = this.cue(i, j);
    const atoms = this.a.atoms;
    return split < j
      ? [joinAtoms(atoms.slice(i, split)), joinAtoms(atoms.slice(split, j))]
      : [joinAtoms(atoms.slice(i, j))];
  }
}

/**
 * The cheapest cut of atoms [0, n) into exactly `parts` segments; segmentCost(i, j) may be
 * Infinity (does not fit). `tooWide(i, j)`: no segment starting at i or before can end at j.
 * Returns the segment starts, or undefined when no cut fits.
 */
function partition(
  n: number,
  parts: number,
  segmentCost: (i: number, j: number) => number,
  tooWide: (i: number, j: number) => boolean,
): { cost: number; starts: number[] } | undefined {
  const best: number[][] = [
    Array.from({ length: n + 1 }, (_, j) => (j === 0 ? 0 : Number.POSITIVE_INFINITY)),
  ];
  const from: number[][] = [[]];
  for (let p = 1; p <= parts; p++) {
    best.push(Array(n + 1).fill(Number.POSITIVE_INFINITY));
    from.push(Array(n + 1).fill(-1));
    for (let j = p; j <= n; j++) {
      for (let i = j - 1; i >= p - 1; i--) {
        if (tooWide(i, j)) break;
        const before = best[p - 1]![i]!;
        if (before === Number.POSITIVE_INFINITY) continue;
        const cost = segmentCost(i, j);
        if (before + cost < best[p]![j]!) {
          best[p]![j] = before + cost;
          from[p]![j] = i;
        }
      }
    }
  }
  if (best[parts]![n] === Number.POSITIVE_INFINITY) return undefined;
  const starts: number[] = [];
  let j = n;
  for (let p = parts; p > 0; p--) {
    const i = from[p]![j]!;
    starts.unshift(i);
    j = i;
  }
  return { cost: best[parts]![n]!, starts };
}

/** The fewest segments atoms [0, n) can be cut into, each fitting (finite cost). */
function fewestParts(n: number, fits: (i: number, j: number) => boolean): number {
  const fewest = Array(n + 1).fill(Number.POSITIVE_INFINITY);
  fewest[0] = 0;
  for (let j = 1; j <= n; j++) {
    for (let i = j - 1; i >= 0; i--) {
      if (!fits(i, j)) break;
      fewest[j] = Math.min(fewest[j], fewest[i] + 1);
    }
  }
  return fewest[n];
}

/**
 * Breaks text into lines of at most `maxWidth`, as few as possible, at the best places:
 * sentence and clause ends first, then phrase or word boundaries; never inside a Japanese word,
 * between a number and its unit, or before a closing bracket.
 */
export function wrapLines(text: string, language: Language, maxWidth: number): string[] {
  const layout = new Layout(atomsOf(text, language, maxWidth), maxWidth);
  const n = layout.count;
  if (n === 0) return [];
  const fits = (i: number, j: number) => layout.width(i, j) <= maxWidth;
  const parts = fewestParts(n, fits);
  const result = partition(
    n,
    parts,
    (i, j) => layout.lineCost(i, j) + (i > 0 ? layout.a.cost[i]! : 0),
    (i, j) => !fits(i, j),
  );
  const starts = result?.starts ?? [0];
  return starts.map((s, k) => joinAtoms(layout.a.atoms.slice(s, starts[k + 1] ?? n)));
}

export interface SubtitleCardOptions {
  /** How long the narration is spoken: cues get at least MIN_CUE_SECONDS each where it allows. */
  seconds?: number;
}

/**
 * Breaks a narration into subtitle cues of at most two lines of `maxWidth` each. Instead of
 * filling cues greedily (which leaves a one-word stub at the end), it picks the number of cues
 * and their boundaries together: as few cues as fit (one or two more when that lets them follow
 * sentences), of about equal width, none shorter than MIN_CUE_SECONDS (its share of the spoken
 * time is its share of the width) or a stub of a few characters, cut at sentence ends first, then
 * clause ends, then phrase or word boundaries. Lines inside a cue break the same way.
 */
export function subtitleCards(
  text: string,
  language: Language,
  maxWidth: number,
  options: SubtitleCardOptions = {},
): string[][] {
  const layout = new Layout(atomsOf(text, language, maxWidth), maxWidth);
  const n = layout.count;
  if (n === 0) return [];
  const total = layout.width(0, n);
  const fits = (i: number, j: number) => layout.cue(i, j).cost < Number.POSITIVE_INFINITY;
  const fewest = fewestParts(n, (i, j) => layout.width(i, j) <= 2 * maxWidth && fits(i, j));
  const seconds = options.seconds ?? 0;
  const timeFloor = seconds > 0 ? (total * MIN_CUE_SECONDS) / seconds : 0;
  const floor = Math.min(total, Math.max(timeFloor, STUB_SHARE * maxWidth));
  const shortQuote = cutsShortQuote(layout, maxWidth);

  let best: { cost: number; starts: number[] } | undefined;
  for (let parts = fewest; parts <= Math.min(n, fewest + 2); parts++) {
    // More cues than the minimum only when each can still stay on screen long enough.
    if (parts > fewest && seconds > 0 && seconds / parts < MIN_CUE_SECONDS) break;
    const mean = total / parts;
    const result = partition(
      n,
      parts,
      (i, j) => {
        const cue = layout.cue(i, j);
        if (cue.cost === Number.POSITIVE_INFINITY) return cue.cost;
        const w = layout.width(i, j);
        return (
          cue.cost +
          (i > 0 ? CUE_BREAK_WEIGHT * layout.a.cost[i]! + (shortQuote[i] ? CUE_IN_QUOTE : 0) : 0) +
          CUE_BALANCE * ((w - mean) / mean) ** 2 +
          (parts > 1 && w < floor ? (SHORT_CUE * (floor - w)) / floor : 0)
        );
      },
      (i, j) => layout.width(i, j) > 2 * maxWidth,
    );
    if (!result) continue;
    const cost = result.cost + EXTRA_CUE * (parts - fewest);
    if (!best || cost < best.cost) best = { cost, starts: result.starts };
  }
  const starts = best?.starts ?? [0];
  return starts.map((s, k) => layout.lines(s, starts[k + 1] ?? n));
}

/**
 * For each atom, whether a cue boundary before it would cut a quotation short enough to show
 * whole in one cue with its lines broken well (a quoted title, a short remark); a longer one is
 * cut anyway.
 */
function cutsShortQuote(layout: Layout, maxWidth: number): boolean[] {
  const { inQuote } = layout.a;
  const cuts = inQuote.map(() => false);
  for (let start = 0; start < inQuote.length; start++) {
    if (!inQuote[start]) continue;
    let end = start;
    while (end < inQuote.length && inQuote[end]) end++;
    // The quotation opens in the atom before the run.
    const from = Math.max(0, start - 1);
    const fits = layout.width(from, end) <= 2 * maxWidth && layout.cue(from, end).cost < BREAK.afterWeakWord;
    for (let k = start; k < end; k++) cuts[k] = fits;
    start = end;
  }
  return cuts;
}
