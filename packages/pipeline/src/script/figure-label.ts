import type { Language } from '../schema/script.ts';

/** A label up to this long says what its number measures; a longer one is no label. */
const MAX_LABEL: Record<Language, number> = { en: 72, ja: 30 };
/** A label this long reads at a glance; longer clauses are trimmed at a joint when one is left. */
const SHORT_LABEL: Record<Language, number> = { en: 60, ja: 25 };
/** Characters a label needs to say anything about its number. */
const MIN_LABEL: Record<Language, number> = { en: 10, ja: 6 };

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
  /\b(?:an?\s)?(estimated|average|total|peak|record|maximum|minimum|median|(?:increase|rise|drop|fall|decline|decrease|growth|cut)(?=\sof\s))(?:\s(?:of|total|cost|sum))?\s$/iu;
/** A spending verb before the number: the label says whose cost it is. */
const COST_VERB =
  /^(.+?)\s(?:will\s|would\s|could\s|is expected to\s|are expected to\s)?(?:cost|costs|costing)\s(an estimated\s)?$/iu;
/** A verb before the number: the label says who did it ("Logged by the counter …", "of a crane's needs, covered by …"). */
const VERB_BEFORE =
  /^(.+?)\s(?:(will|would|can|could|may|might|must|should)\s)?([a-z]+)\s(?:the\s|an?\s(?:[a-z]+\s)?)?$/iu;
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
  // A sentence's first word loses its capital when it is a determiner or a plural noun
  // ("The counter", "Surveyors"); a name keeps it ("Citi mortgage units", "Amazon").
  return /^(?:(?:The|A|An|This|That|These|Those|Its|Their|Our|Some|All|Most|Many|Each|Every)\b|[A-Z][a-z]+s\b)/u.test(
    text,
  )
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

/** A cell written in sentence case ("Oil boiler", "Air-to-water heat pump") reads lower case inside a label; a name keeps its capitals. */
function sentenceCase(text: string): string {
  return /^[A-Z][a-z]+(?:[\s-][a-z][\w-]*)*$/u.test(text)
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
  // "The eradication, which cost…": the relative word stands for the piece before it, or for the
  // last noun phrase of a clause ("… served as a small maritime museum, which receives …").
  if (pieces.length > 1 && /^\s*(?:which|who)\s/iu.test(clause)) {
    const antecedent = pieces.at(-2)!.trim();
    const phrase = /(?:^|\s)((?:a|an|the|its|their)\s[^\s]+(?:\s[^\s]+){0,3})$/iu.exec(antecedent)?.[1];
    clause = `${phrase ?? antecedent} ${clause.trimStart().replace(/^\w+\s/u, '')}`;
  }
  const openers = [...clause.matchAll(CLAUSE_OPENER)].map((m) => m.index);
  const opener = openers.at(-1);
  if (opener !== undefined) clause = clause.slice(opener).replace(/^\s*\w+\s/u, '');
  return clause
    .replace(/^\s*(?:and|but|or|so)\s/iu, '')
    .replace(ADVERB, '')
    .trimStart();
}

/** A qualifier of a number, when the value shown leaves it out. */
const LEFT_QUALIFIER =
  /(?<=^|\s)(?:about|roughly|around|nearly|almost|approximately|some|more than|less than|fewer than|at least|up to|over|under)\s$/iu;
/** Words that may stand before a number opening its clause ("all 34 diesel machines"). */
const QUANTIFIER = /^(?:(?:all|the|some|another|a further|each|every|only|just)\s)*$/iu;
/** A share of a whole ("roughly 15 percent"): its label names the whole ("Share of a crane's needs"). */
const SHARE_VALUE = /(?:%|percent|per cent)$/iu;
/** The rate after a count ("610 cyclists a day"): not part of what is counted. */
const RATE_TAIL = /\s(?:an?|per|each|every)\s\w+$/iu;
/** Nouns of measure: "24 degrees" measures, it counts no thing a label can name. */
const MEASURE_WORD =
  /^(?:degrees|miles|kilometres|kilometers|metres|meters|feet|inches|hours|minutes|seconds|days|weeks|months|years|kilobytes|megabytes|gigabytes|bytes|grams|kilograms|tonnes|tons|litres|liters|percent|times)$/iu;
/** Verbs whose subject is the number's own measure, not who did something ("sales totaled $726 billion"). */
const NO_AGENT =
  /^(?:totall?(?:ed|s)|amount(?:ed|s)|stood|stands|came|comes|reached|reaches|equals|equalled|numbered)$/iu;
/** A verb that says a thing comes to a place: "receives 40,000 visitors" → "Visitors to …". */
const RECEIVE_VERB = /^(?:receives|received|attracts|attracted|draws|drew|welcomes|welcomed)$/iu;
/** A verb that says a level was reached: "it reaches 1,300 °C" is the peak. */
const PEAK_BEFORE =
  /\b(?:reach(?:es|ed)?|peak(?:s|ed)? at|tops? out at|topped out at|hits?|climb(?:s|ed)? to|rises to|rose to)\s$/iu;
const TEMPERATURE = /°|\bdegrees\b/iu;
/** A verb opening the rest of a share's phrase ("of the pots came out …"): the whole ends before it. */
const VERB_WORD =
  /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do|never|not|still|came|went|got|made|took|gave|saw|ran|fell|rose|grew|became|stayed|[a-z]{3,}ed)$/iu;
/** Words that open a phrase after a head noun ("Average in December …"). */
const PHRASE_START = /^(?:in|of|for|on|at|over|per|across|during|between|from|since|among|within)\b/iu;
/** Words no verb can be: a label built as "… that <verb>" cannot go on with them. */
const NOT_A_VERB =
  /^(?:the|a|an|that|which|who|of|que|qui|de|du|des|la|le|les|et|der|die|das|und|el|los|y)$/iu;
/** Words that open no label: a preposition, a conjunction or a verb leaves the label a fragment. */
const BAD_START =
  /^(?:of|to|in|on|at|for|from|with|into|by|and|but|or|so|than|as|go|goes|went|compared|up|down|said|says|accounting|really|which|who|that|this|it|its)\b/iu;

/** The noun a count names ("About 400 pots" → "pots"), without a rate; undefined for a measure or an amount. */
function countedNoun(value: string): string | undefined {
  const noun = /\d[\d,.]*\s([a-z][a-z\s]*[a-z])$/iu.exec(value.replace(RATE_TAIL, ''))?.[1];
  if (!noun || MEASURE_WORD.test(noun.split(' ').at(-1)!) || /\b(?:million|billion|thousand)\b/iu.test(noun))
    return undefined;
  return noun;
}

/**
 * A share's whole and what is said of it ("of the pots came out as we had hoped"): the whole is a
 * short phrase (no relative clause) up to the first verb; undefined when no verb follows it.
 */
function shareOf(rest: string): { whole: string; said: string } | undefined {
  const words = rest.replace(/^of\s/iu, '').split(' ');
  const verb = words.findIndex((word, k) => k > 0 && VERB_WORD.test(word));
  if (verb < 1 || verb > 3) return undefined;
  const whole = words.slice(0, verb);
  if (whole.some((word) => /^(?:who|that|which|and|or)$/iu.test(word))) return undefined;
  return { whole: whole.join(' '), said: words.slice(verb).join(' ') };
}

/** A label reads as a caption: it opens with a capital and no preposition, conjunction or verb, and does not restate its number. */
function readsAsCaption(label: string, value: string): boolean {
  const digits = /\d[\d,.]*/u.exec(value)?.[0] ?? value;
  return (
    /^[A-Z]/u.test(label) &&
    !BAD_START.test(label) &&
    !/\s(?:of|to|in|on|at|by|for|from|with|and|or|the|a|an)$/iu.test(label) &&
    !label.includes(digits) &&
    !/\d:\d\d/u.test(label)
  );
}

/** A long label without its closing span ("… from April to October"), when what is left still reads. */
function shortened(label: string): string {
  const text = tidy(label);
  if (text.length <= SHORT_LABEL.en || text.includes(',')) return text;
  const span = /\s(?:from|during|between)\s[^,]+$/u.exec(text);
  return span && span.index >= MIN_LABEL.en * 2 ? text.slice(0, span.index) : text;
}

/** The English label of a number: what it measures, from its sentence (see figureLabel). */
function englishLabel(sentence: string, at: number, end: number, parts: string): string | undefined {
  const before = sentence.slice(0, at);
  const value = sentence.slice(at, end);
  const after = sentence.slice(end);
  const rest = restOfClause(after);
  // A qualifier the value left out ("receives about 40,000 visitors a year") belongs to the number.
  const left = clauseBefore(before).replace(LEFT_QUALIFIER, '');
  const subject = (text: string) => lowerFirst(tidy(text).replace(POINTER, ''));
  const noun = countedNoun(value);
  const share = SHARE_VALUE.test(value);
  const opensClause = QUANTIFIER.test(left.trim() ? `${left.trim()} ` : '');
  const candidates: string[] = [];
  // "Annual cost: £990": the words before the colon name the number, of the row a table line
  // opens with ("Oil boiler — Efficiency: 85 percent; …" → "Efficiency of the oil boiler").
  const colonName = /(?:^|[;—–]\s)([^:;,.—–]{3,40}):\s$/u.exec(before)?.[1];
  const row = /^([^:;,.—–]{3,40})\s[—–]\s/u.exec(sentence)?.[1];
  if (colonName && row && row.length < before.length)
    candidates.push(
      `${tidy(colonName)} of ${/^(?:the|a|an)\s/iu.test(row) ? '' : 'the '}${sentenceCase(tidy(row))}`,
    );
  if (colonName) candidates.push(tidy(colonName));
  const head = HEAD_NOUN.exec(left);
  if (head && !/estimated/iu.test(head[1]!) && (rest === '' || PHRASE_START.test(rest)))
    candidates.push(`${upperFirst(head[1]!.toLowerCase())} ${rest}`);
  const cost = COST_VERB.exec(left);
  // "cost £20 a year less to run than …" is a difference, not a cost.
  if (cost && namable(cost[1]!) && !/^(?:less|more|fewer|cheaper|dearer|higher|lower)\b/iu.test(rest))
    candidates.push(`${cost[2] ? 'Estimated cost' : 'Cost'} of ${subject(cost[1]!)} ${rest}`);
  // "the city bought a narrow tractor …, at a cost of $148,000": the cost of what the clause before names.
  const pieces = before.replace(ATTRIBUTION.en, '').split(/,\s/u);
  if (
    pieces.length > 1 &&
    /^(?:at\s)?an?\s(?:total\s|estimated\s)?(?:cost|price)\sof\s$/iu.test(pieces.at(-1)!)
  ) {
    const bought =
      /\b(?:bought|built|paid for|ordered|installed|acquired|[a-z]+ed)\s((?:a|an|the|its|their)\s.+)$/iu.exec(
        pieces.at(-2)!,
      )?.[1];
    if (bought) candidates.push(`Cost of ${lowerFirst(tidy(bought))}`);
  }
  // "it reaches 1,300 °C": the peak of what the unit measures.
  if (PEAK_BEFORE.test(left) && TEMPERATURE.test(value)) candidates.push('Peak temperature');
  // "The harbour froze at −24°C last night": the temperature at which it happened.
  const atTemperature = /^(.+?)\s([a-z]+(?:ed|s)|froze|rose|fell|stood|held|kept|began)\sat\s$/iu.exec(left);
  if (atTemperature && TEMPERATURE.test(value) && namable(atTemperature[1]!))
    candidates.push(`Temperature at which ${subject(atTemperature[1]!)} ${atTemperature[2]} ${rest}`);
  // "The kiln cools down by about 30 degrees an hour": the rate at which it happens.
  const byRate = /^(.+?)\s([a-z]+(?:ed|s)(?:\s(?:down|up|off|out|back))?)\sby\s$/iu.exec(left);
  if (byRate && RATE_TAIL.test(value) && namable(byRate[1]!))
    candidates.push(`Rate at which ${subject(byRate[1]!)} ${byRate[2]} ${rest}`);
  const verb = VERB_BEFORE.exec(left);
  // "18 times more likely": a comparison, not something done to the number.
  if (verb && !/^(?:more|less|fewer|as|likely)\b/iu.test(rest)) {
    const [, who, modal, word] = verb as unknown as [string, string, string | undefined, string];
    const done = modal
      ? baseParticiple(word)
      : /ed$/iu.test(word)
        ? word.toLowerCase()
        : /s$/iu.test(word)
          ? participle(word)
          : undefined;
    // A word taken for a present-tense verb ("cancer patients 18 times") needs a subject that
    // opens like one: a determiner, a pointer or a name; and no subject holds a number.
    const whoNamed =
      namable(who) &&
      !/\d/u.test(who) &&
      (modal !== undefined ||
        !/s$/iu.test(word) ||
        /^(?:the|a|an|its|their|our|this|that|these|those|[A-Z])/u.test(who));
    const ofWhole = /^of\s/iu.test(rest);
    if (whoNamed && noun && RECEIVE_VERB.test(word))
      candidates.push(`${upperFirst(noun)} to ${subject(who)}`);
    else if (done && share && ofWhole) {
      // "that recovered energy covers roughly 15 percent of a crane's needs" → "Share of a crane's
      // needs covered by recovered energy"; a subject that is no name leaves "by …" out.
      const [whole, ...more] = rest.split(/,\s/u);
      const by = whoNamed ? ` by ${subject(who)}` : '';
      candidates.push([`Share ${whole} ${done}${by}`, ...more].join(', '));
    } else if (whoNamed && done && !ofWhole && !NO_AGENT.test(word)) {
      // Head noun first ("Riders logged by the counter …"), else what was done when that is too long.
      if (noun) candidates.push(shortened(`${upperFirst(noun)} ${done} by ${subject(who)} ${rest}`));
      candidates.push(`${upperFirst(done)} by ${subject(who)} ${rest}`);
    }
  }

  // A size after its noun ("The tower, 38 metres tall,"): what it measures, of what.
  const dimension = DIMENSION[rest.toLowerCase()];
  const owner = /([^,;]+),\s$/u.exec(before.replace(ATTRIBUTION.en, ''))?.[1];
  if (dimension && owner && namable(owner)) candidates.push(`${dimension} of ${subject(owner)}`);
  if (opensClause && share) {
    // "roughly 70 percent of the pots came out as we had hoped": the whole, then what is said of it.
    const clause = CLAUSE_END.exec(after.trimStart());
    const split = shareOf(tidy(clause ? after.trimStart().slice(0, clause.index) : after));
    if (split) {
      const plain = /^the\s/iu.test(split.whole) && !/\d/u.test(split.whole);
      const whole = split.whole.replace(/^(?:its|their|our|my|his|her)\s/iu, 'the ');
      candidates.push(
        plain
          ? `${upperFirst(whole.replace(/^the\s/iu, ''))} that ${split.said}${parts}`
          : `Share of ${whole} that ${split.said}${parts}`,
      );
    }
  } else if (opensClause && noun && rest.length > 0 && !dimension) {
    // The number opens its clause with its noun: "About 400 pots go in, stacked …" → "Pots that go in, stacked …".
    const first = /^[a-z]+/iu.exec(rest)?.[0] ?? '';
    // "retired by 2030", "on …", "charging 0% …" follow the noun; "produced fickle weather" or
    // "go in" say what the things did: "that …". A word no verb can be ("de", "que") leaves no label.
    const follows =
      /^(?:in|on|at|by|for|from|with|to)$/iu.test(first) ||
      /ing$/iu.test(first) ||
      (/ed$/iu.test(first) &&
        /^[a-z]+ed(?:\s(?:by|in|on|at|to|for|from|with|until|since|into)\b|\s\d|$)/iu.test(rest));
    if (follows) candidates.push(`${upperFirst(noun)} ${rest}${parts}`);
    else if (!NOT_A_VERB.test(first)) candidates.push(`${upperFirst(noun)} that ${predicate(after)}${parts}`);
  }
  for (const candidate of candidates) {
    const label = tidy(candidate);
    if (label.length >= MIN_LABEL.en && label.length <= MAX_LABEL.en && readsAsCaption(label, value))
      return label;
  }
  return undefined;
}

/** What follows a number that opens its clause, to the first joint past a few words, whole clauses only. */
function predicate(after: string): string {
  const pieces = after.split(/(?<=,)\s|\s(?=(?:and|but|or|so|which|who|while|because)\s)/u);
  let label = '';
  for (const piece of pieces) {
    const next = `${label} ${piece}`;
    // A clause opened by a conjunction goes on to something else ("…, but even so").
    if (
      tidy(label).length >= MIN_LABEL.en &&
      (tidy(next).length > SHORT_LABEL.en || /^(?:and|but|or|so)\s/u.test(piece))
    )
      break;
    label = next;
  }
  return tidy(label);
}

/** The dictionary form of a verb's continuative ending (置き → 置く, 続け → 続ける). */
const PLAIN_ENDING: Record<string, string> = {
  り: 'る',
  き: 'く',
  ぎ: 'ぐ',
  し: 'す',
  み: 'む',
  び: 'ぶ',
  ち: 'つ',
  け: 'ける',
  せ: 'せる',
  ね: 'ねる',
  べ: 'べる',
  め: 'める',
  れ: 'れる',
  え: 'える',
  げ: 'げる',
};

/**
 * A clause cut at its comma ends on a verb's continuative form (「約８キロにわたり」「机を置き」),
 * which reads as broken off: it takes the dictionary form (「にわたる」「机を置く」; a noun of two or
 * more kanji with し is a する verb: 「増加し」→「増加する」). A noun after の keeps its ending
 * (「冬の終わり」).
 */
function plainForm(label: string): string {
  const fixed = /(?:にわた|とな|であ)り$/u.exec(label);
  if (fixed) return `${label.slice(0, -1)}る`;
  const stem = /(?<!の)(\p{Script=Han}+)([りきぎしみびちけせねべめれえげ])$/u.exec(label);
  if (!stem) return label;
  const [, kanji, kana] = stem as unknown as [string, string, string];
  const plain = kana === 'し' && kanji.length >= 2 ? 'する' : PLAIN_ENDING[kana]!;
  return `${label.slice(0, -1)}${plain}`;
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
      const cut = /[、，]$/u.test(label);
      label = label.replace(/[、，]$/u, '');
      if (cut) label = plainForm(label);
      return label.length <= MAX_LABEL.ja ? label : undefined;
    }
    offset += piece.length;
  }
  return undefined;
}

/**
 * A short label of what a number measures, from its sentence (`at`..`end` is the number as
 * shown), read as a caption under the number: for English a noun phrase, head noun first — the
 * noun it is a value of ("Average in December and January, about 45 percent of the summer
 * figure"), whose cost it is ("Cost of the plan over six years"), the whole of a share ("Share of
 * a crane's needs covered by recovered energy", "Pots that came out as we had hoped"), the things
 * it counts and who did what to them ("Riders logged by the counter on River Street"), the peak,
 * rate or size it is ("Peak temperature", "Height of the tower"). A label never opens with a
 * preposition, a conjunction or a bare verb nor says its number again: undefined then, and the
 * section shows no figure. For Japanese, the clause the number stands in. `parts` is the other
 * shares of a split, shown with it. Never cut inside a clause.
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
