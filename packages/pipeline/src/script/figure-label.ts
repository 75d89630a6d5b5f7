import type { Language } from '../schema/script.ts';

/** A label up to this long says what its number measures; a longer one is no label. */
const MAX_LABEL: Record<Language, number> = { en: 90, ja: 30 };
/** A label this long reads at a glance; longer clauses are trimmed at a joint when one is left. */
const SHORT_LABEL: Record<Language, number> = { en: 60, ja: 25 };
/** Characters a label needs to say anything about its number. */
const MIN_LABEL: Record<Language, number> = { en: 12, ja: 6 };

/** Who says so opens a sentence without being part of what the number measures. */
const ATTRIBUTION: Record<Language, RegExp> = {
  en: /^(?:according to|in the words of|as reported by)\s[^,]+,\s*/iu,
  ja: /^[^、。]{1,30}?(?:によると|によれば|の発表では|の調べでは)、/u,
};

/** Words after which the number's clause opens (a conjunction or a relative word starts a new clause). */
const CLAUSE_OPENER =
  /\s(?=(?:and|but|or|so|until|when|while|where|which|who|because|although|though|after|before|if|as)\s)/giu;
/** Where a clause after the number ends. */
const CLAUSE_END =
  /,\s|;\s|:\s|\s[—–]\s|\s(?=(?:and|but|or|so)\s(?![A-Z\d]))|\s(?=(?:which|who|where|while|because|until)\s)/u;

/** An auxiliary or a verb opening a comma piece: the piece goes on from the subject before it. */
const PREDICATE_START =
  /^(?:will|would|can|could|may|might|must|shall|should|is|are|was|were|has|have|had|does|did|costs?|covers?|reaches|reached|rose|fell|grew|recorded|logged)\b/u;
/** Words between a subject and its verb that tell nothing about the number. */
const ADVERB = /\s(?:still|also|only|already|just|now|then|\w+ly)(?=\s)/giu;
/** Demonstratives that point back to an earlier sentence ("that recovered energy"). */
const POINTER = /^(?:that|this|these|those)\s/iu;
const PRONOUN_SUBJECT = /^(?:it|they|he|she|we|you|i|this|that|these|those)$/iu;

/** Head nouns the number is a value of ("an average of 610 cyclists"): the label opens with them. */
const HEAD_NOUN =
  /\b(?:an?\s)?(estimated|average|total|peak|record|maximum|minimum|median)(?:\s(?:of|total|cost|sum))?\s$/iu;
/** A spending verb before the number: the label says whose cost it is. */
const COST_VERB =
  /^(.+?)\s(?:will\s|would\s|could\s|is expected to\s|are expected to\s)?(?:cost|costs|costing)\s(an estimated\s)?$/iu;
/** A verb before the number: the label says who did it ("Logged by the counter …", "of a crane's needs, covered by …"). */
const VERB_BEFORE = /^(.+?)\s(?:(will|would|can|could|may|might|must|should)\s)?([a-z]+)\s(?:the\s)?$/iu;
const IRREGULAR_PARTICIPLE: Record<string, string> = {
  holds: 'held',
  takes: 'taken',
  makes: 'made',
  gets: 'got',
  has: 'had',
  gives: 'given',
  sees: 'seen',
  brings: 'brought',
  buys: 'bought',
  sells: 'sold',
  wins: 'won',
  loses: 'lost',
  spends: 'spent',
  keeps: 'kept',
  draws: 'drawn',
  grows: 'grown',
  pays: 'paid',
  meets: 'met',
  sends: 'sent',
  builds: 'built',
  feeds: 'fed',
  finds: 'found',
  leads: 'led',
};
/** A following clause that compares the number with another ("about 45 percent of the summer figure"). */
const COMPARISON =
  /^(?:(?:about|roughly|around|nearly|almost|some|just|only|more than|less than|over|under)\s)?(?:\d|up from|down from|compared with|compared to|twice|half|double|triple|a third|a quarter|a tenth|than)/iu;

/** A finite verb: a clause with one says something of its own. */
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|[a-z]{3,}ed)\b/iu;

/** Whether a clause only compares the number before it with another, without a verb of its own. */
export function isComparison(clause: string): boolean {
  return COMPARISON.test(clause.trim()) && !FINITE_VERB.test(clause);
}

/** Adjectives of size a number can go with ("38 metres tall"), and the noun they measure. */
const DIMENSION: Record<string, string> = {
  tall: 'Height',
  high: 'Height',
  long: 'Length',
  wide: 'Width',
  deep: 'Depth',
  thick: 'Thickness',
  old: 'Age',
  heavy: 'Weight',
};

/** A subject a label can name: a short noun phrase, not a clause nor an opening phrase. */
function namable(subject: string): boolean {
  const text = tidy(subject);
  return (
    text.length > 0 &&
    text.length <= 45 &&
    !PRONOUN_SUBJECT.test(text) &&
    !/^(?:on|in|at|for|during|after|before|by|with|over|under|since|from|to|of|which|who)\b/iu.test(text) &&
    !/\b(?:is|are|was|were|has|have|had|will|would|can|could|which|who|that)\b/iu.test(
      text.replace(POINTER, ''),
    )
  );
}

/** The past participle of a verb's base form ("climb" → "climbed"). */
function baseParticiple(verb: string): string {
  const lower = verb.toLowerCase();
  const irregular = Object.entries(IRREGULAR_PARTICIPLE).find(([present]) => present.slice(0, -1) === lower);
  if (irregular) return irregular[1];
  if (/e$/u.test(lower)) return `${lower}d`;
  if (/[^aeiou]y$/u.test(lower)) return `${lower.slice(0, -1)}ied`;
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/u.test(lower)) return `${lower}${lower.at(-1)}ed`;
  return `${lower}ed`;
}

function participle(verb: string): string | undefined {
  const lower = verb.toLowerCase();
  if (IRREGULAR_PARTICIPLE[lower]) return IRREGULAR_PARTICIPLE[lower];
  if (/(?:ss|us|is)$/u.test(lower)) return undefined;
  if (/ies$/u.test(lower)) return `${lower.slice(0, -3)}ied`;
  if (/(?:sh|ch|x|z|ss)es$/u.test(lower)) return `${lower.slice(0, -2)}ed`;
  return baseParticiple(lower.slice(0, -1));
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  // A name or "I" keeps its capital; a sentence's first word does not.
  return /^[A-Z][a-z]+\b/u.test(text) && !/^(?:I)\b/u.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

function tidy(text: string): string {
  return text.replace(/^[\s,;:—–]+|[\s,;:—–]+$/gu, '').replace(/\s+/gu, ' ');
}

/** The words after the number up to the end of its clause, and any comparison clauses after it. */
function restOfClause(after: string): string {
  const end = CLAUSE_END.exec(after);
  let rest = end ? after.slice(0, end.index) : after;
  let tail = end ? after.slice(end.index) : '';
  while (tail) {
    const piece = tail.replace(/^(?:,|;|:|\s[—–])\s*/u, '');
    const next = CLAUSE_END.exec(piece);
    if (!/^[,;:]|^\s[—–]/u.test(tail) || !isComparison(next ? piece.slice(0, next.index) : piece)) break;
    rest += `, ${next ? piece.slice(0, next.index) : piece}`;
    tail = next ? piece.slice(next.index) : '';
  }
  return tidy(rest);
}

/**
 * The part of the sentence before the number that belongs to the number's clause: an opening
 * attribution ("According to the port's engineers,") and asides set off by commas ("The plan,
 * approved by the board on Thursday, will cost") are left out, and a clause opened by a
 * conjunction starts there. The subject of a comma piece that goes on from it is kept.
 */
function clauseBefore(before: string): string {
  const text = before.replace(ATTRIBUTION.en, '');
  const pieces = text.split(/,\s|;\s|\s[—–]\s/u);
  let clause = pieces.at(-1) ?? '';
  if (pieces.length > 1 && PREDICATE_START.test(clause.trimStart()) && pieces[0]!.trim().length > 0)
    clause = `${pieces[0]!.trim()} ${clause.trimStart()}`;
  // "The eradication, which cost…": the relative word stands for the piece before it.
  if (pieces.length > 1 && /^\s*(?:which|who)\s/iu.test(clause))
    clause = `${pieces.at(-2)!.trim()} ${clause.trimStart().replace(/^\w+\s/u, '')}`;
  const openers = [...clause.matchAll(CLAUSE_OPENER)].map((m) => m.index);
  const opener = openers.at(-1);
  if (opener !== undefined) clause = clause.slice(opener).replace(/^\s*\w+\s/u, '');
  return clause.replace(ADVERB, '').trimStart();
}

/** The English label of a number: what it measures, from its sentence (see figureLabel). */
function englishLabel(sentence: string, at: number, end: number, parts: string): string | undefined {
  const before = sentence.slice(0, at);
  const rest = restOfClause(sentence.slice(end));
  const left = clauseBefore(before);
  const subject = (text: string) => lowerFirst(tidy(text).replace(POINTER, ''));
  const candidates: string[] = [];
  const head = HEAD_NOUN.exec(left);
  if (head && !/estimated/iu.test(head[1]!)) candidates.push(`${upperFirst(head[1]!.toLowerCase())} ${rest}`);
  const cost = COST_VERB.exec(left);
  if (cost && namable(cost[1]!))
    candidates.push(`${cost[2] ? 'Estimated cost' : 'Cost'} of ${subject(cost[1]!)} ${rest}`);
  const verb = VERB_BEFORE.exec(left);
  if (verb && namable(verb[1]!)) {
    const [, who, modal, word] = verb as unknown as [string, string, string | undefined, string];
    const done = modal
      ? baseParticiple(word)
      : /ed$/iu.test(word)
        ? word.toLowerCase()
        : /s$/iu.test(word)
          ? participle(word)
          : undefined;
    if (done && /^of\s/iu.test(rest)) {
      const [complement, ...more] = rest.split(/,\s/u);
      candidates.push([`${complement}, ${done} by ${subject(who)}`, ...more].join(', '));
    } else if (done) candidates.push(`${upperFirst(done)} by ${subject(who)} ${rest}`);
  }
  // A size after its noun ("The tower, 38 metres tall,"): what it measures, of what.
  const dimension = DIMENSION[rest.toLowerCase()];
  const owner = /([^,;]+),\s$/u.exec(before.replace(ATTRIBUTION.en, ''))?.[1];
  if (dimension && owner && namable(owner)) candidates.push(`${dimension} of ${subject(owner)}`);
  // The number opens its clause: what follows says what it counts ("About 400 pots" "go in, stacked on …").
  if (tidy(left) === '' && rest.length > 0 && !dimension)
    candidates.push(parts ? `${rest}${parts}` : predicate(sentence.slice(end)));
  // Else the number's own clause, asides and attribution left out.
  const own = tidy(`${left}${sentence.slice(at, end)}`);
  const opening = /^(?:it|they|he|she|we|which|who)\b/iu.test(own)
    ? tidy(before.replace(ATTRIBUTION.en, ''))
    : '';
  const clause = opening ? `${opening} ${sentence.slice(at, end)}` : own;
  candidates.push(
    upperFirst(`${tidy(clause)} ${rest}`.replace(/^(?:and|but|or|so)\s/iu, '').replace(POINTER, '')),
  );
  for (const candidate of candidates) {
    const label = tidy(candidate);
    if (label.length >= MIN_LABEL.en && label.length <= MAX_LABEL.en) return label;
  }
  return undefined;
}

/** What follows a number that opens its clause, to the first joint past a few words, whole clauses only. */
function predicate(after: string): string {
  const pieces = after.split(/(?<=,)\s|\s(?=(?:and|but|or|so|which|who|while|because)\s)/u);
  let label = '';
  for (const piece of pieces) {
    const next = `${label} ${piece}`;
    if (tidy(label).length >= MIN_LABEL.en && tidy(next).length > SHORT_LABEL.en) break;
    label = next;
  }
  return tidy(label);
}

/** The Japanese label of a number: the clause it stands in, without an opening attribution. */
function japaneseLabel(sentence: string, at: number, end: number): string | undefined {
  const attribution = ATTRIBUTION.ja.exec(sentence)?.[0] ?? '';
  const start = attribution.length <= at ? attribution.length : 0;
  const text = sentence.slice(start).replace(/[。．.]$/u, '');
  if (text.length <= SHORT_LABEL.ja) return text;
  const pieces = text.split(/(?<=[、，])/u);
  let offset = start;
  for (const [k, piece] of pieces.entries()) {
    if (at < offset + piece.length) {
      let label = piece;
      let last = k;
      while (offset + label.length < end && last + 1 < pieces.length) label += pieces[++last];
      // A clause little longer than its number takes the next one too.
      while (label.replace(/[、，]$/u, '').length < end - at + MIN_LABEL.ja && last + 1 < pieces.length)
        label += pieces[++last];
      label = label.replace(/[、，]$/u, '');
      return label.length <= MAX_LABEL.ja ? label : undefined;
    }
    offset += piece.length;
  }
  return undefined;
}

/**
 * A short label of what a number measures, from its sentence (`at`..`end` is the number as
 * shown): for English, the noun it is a value of ("Average in December and January, about 45
 * percent of the summer figure"), whose cost it is ("Cost of the plan over six years"), who did
 * what it counts ("Logged by the counter on River Street before eight o'clock"), what follows a
 * number that opens its clause ("go in, stacked on shelves…"), else the number's clause without
 * attribution and asides; for Japanese, the clause the number stands in. `parts` is the other
 * shares of a split, shown with it. Never cut inside a clause: undefined when no label fits.
 */
export function figureLabel(
  sentence: string,
  at: number,
  end: number,
  language: Language,
  parts = '',
): string | undefined {
  const text = sentence.replace(/\s+$/u, '').replace(/[.!?]$/u, '');
  if (language === 'ja') return japaneseLabel(text, at, end);
  return englishLabel(text, at, end, parts);
}
