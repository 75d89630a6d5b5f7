import type { Language } from '../schema/script.ts';
import { JA_HEARSAY_FRAME } from './bullet-defects.ts';

/**
 * Shorter whole forms of a sentence for a slide bullet, each keeping a main clause: the set-up
 * (a leading "After …," clause, an aside, who said it) goes, the point stays. None of them ends
 * with "…": each reads as a sentence of its own. The caller cuts them further when they are
 * still too long, and chooses among them.
 */
export function shorterForms(text: string, language: Language): ShorterForm[] {
  const steps = language === 'en' ? EN_STEPS : JA_STEPS;
  const forms: ShorterForm[] = [];
  const seen = new Set([text]);
  // Each step on the sentence and on the forms already found (an aside dropped, then the leading clause).
  let frontier: ShorterForm[] = [{ text, keepsMain: true }];
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const next: ShorterForm[] = [];
    for (const form of frontier) {
      for (const { step, keepsMain } of steps) {
        for (const result of step(form.text)) {
          const tidy = result.replace(/\s{2,}/gu, ' ').trim();
          if (tidy.length < MIN_FORM[language] || seen.has(tidy)) continue;
          seen.add(tidy);
          const found = { text: tidy, keepsMain: form.keepsMain && keepsMain };
          forms.push(found);
          next.push(found);
        }
      }
    }
    frontier = next;
  }
  return forms;
}

export interface ShorterForm {
  text: string;
  /**
   * Only set-up or an aside went (who said it, a leading "After …," clause); false when a clause
   * that may hold the point went too (the first of two joined clauses, a Japanese main clause).
   */
  keepsMain: boolean;
}

const MIN_FORM: Record<Language, number> = { en: 20, ja: 10 };

type Step = (text: string) => string[];
interface FormStep {
  step: Step;
  keepsMain: boolean;
}

const keeping = (step: Step): FormStep => ({ step, keepsMain: true });

const capitalize = (t: string) => (t.length > 0 ? t[0]!.toUpperCase() + t.slice(1) : t);

/** Said-clauses at the end: ", a senior source told Reuters", ", he said", ", said Jane Smith". */
const EN_ATTRIBUTION_TAIL =
  /,\s(?:(?:he|she|they|it|[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*|(?:a|an|the)\s[^,]{1,40})\s(?:said|says|told\s[A-Z][\w]*|added|explained|wrote)|(?:said|says|added)\s[A-Z][^,]{1,40})(?:\sin a statement)?(?:\s(?:on|this|last)\s\w+)?$/u;
/** A said-clause between two clauses: ", the board said, although…", ", she added, and…". */
const EN_ATTRIBUTION_INSIDE =
  /,\s(?:he|she|they|it|[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*|(?:a|an|the)\s[^,]{1,40})\s(?:said|says|added|explained|wrote),\s(?=(?:although|though|but|and|while|because|as|so)\s)/u;
/** An aside set off by commas right after the subject: ", 21,", ", Fidelis Mukonori,", ", a member of X,". */
const EN_APPOSITIVE = /^([A-Z][^,]{1,40}?),\s[^,]{1,50},\s(?=[a-z])/u;
/** Asides in parentheses or between dashes. */
const EN_ASIDES = /\s\([^()]{1,80}\)|\s[—–]\s[^—–]{1,60}\s[—–](?=\s)|\s--\s[^-]{1,60}\s--(?=\s)/gu;
/** A leading phrase before the main clause: "In January, …", "Despite the lingering admiration for X, …". */
const EN_LEADING_PHRASE =
  /^(?:According to|In the words of|In|On|At|By|For|During|After|Before|Since|Despite|Last|This|Earlier|Later|Today|Yesterday|Now|Meanwhile|Instead|Still|Yet|Overall|Ultimately|Indeed)\b[^,]{0,60},\s/u;
/** A quotation introduced by its speaker: `As one member put it: "…"`. */
const EN_INTRODUCED_QUOTE =
  /^(?:In the words of|As)\b[^:"“]{1,100}(?:put it|said|says|wrote)?:\s*["“]([^"“”]+?)[.,!?]?["”]$/u;
/**
 * A leading clause that sets the scene for the main one: when ("After three ships were lost…,"),
 * a concession ("Although …,"). Conditions and reasons ("If …", "Because …") are the point more
 * often than not, so they stay.
 */
const EN_LEADING_CLAUSE =
  /^(?:After|Before|Until|Once|When|Whenever|While|Whereas|Although|Though|As|Despite|Since)\s[^,:;"“]{3,110},\s(?=[a-zA-Z])/u;
/** A non-defining relative clause or participle aside inside the sentence: ", which …,", ", in which …,". */
const EN_RELATIVE_ASIDE =
  /,\s(?:which|who|whom|whose|where|(?:in|of|on|at|by|for|through) which|(?:in|of|for) whom)\s[^,;:]{3,120},\s/u;
/** Verbs and auxiliaries that show an English fragment has a predicate. */
export const EN_PREDICATE =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|may|might|do|does|did|said|says|\w+ed|\w{3,}s)\b/iu;
/** A verb that is surely one (not a plural noun like "logbooks"): an auxiliary or a past form in -ed. */
export const EN_FINITE_VERB =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|may|might|do|does|did|said|says|\w+ed)\b/iu;
/** Auxiliaries and past forms that end an English subject: "The lanes | were built…". */
const EN_FINITE =
  /\s(is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|do|does|did|[a-z]{3,}ed)\b/u;
/** A leading phrase that is not a subject ("After a few minutes", "In 2019"). */
const EN_NOT_SUBJECT =
  /^(?:After|Before|In|On|At|By|For|During|Since|Until|When|While|If|As|Although|Though|Because|Once|With|Without|Despite|From|Over|Under)\b/u;
/** A whole word that is a verb (not "temperature-controlled", not a name). */
const EN_VERB_WORD =
  /^(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|do|does|did|[a-z]+ed|[a-z]{3,}s)$/u;
/** A subordinate clause at the start of a sentence, not yet closed by a comma. */
const EN_LEADING_SUBORDINATE =
  /^(?:While|When|If|Although|Though|As|Because|Since|After|Before|Until|Once)\b[^,]*$/u;
/** Words ending in s that are not plural nouns. */
const NOT_PLURAL = new Set(
  'is was has its this thus us as yes his hers ours yours does less unless across always perhaps whereas'.split(
    ' ',
  ),
);

/**
 * "not into the cranes themselves but into the power grid": what something is not, said before
 * what it is with the same preposition. Dropped, the sentence says what it is ("goes into the power
 * grid"); its "not" turns nothing around.
 */
export const EN_NOT_BUT =
  /\bnot\s+((?:into|in|on|at|to|for|from|by|with|about|because of)\s[^,;:]{1,60}?)\s+but\s+(?=(?:into|in|on|at|to|for|from|by|with|about|because of)\s)/iu;

/** Steps that drop set-up or an aside and keep the main clause. */
const EN_ASIDE_STEPS: readonly Step[] = [
  (t) => [t.replace(EN_ATTRIBUTION_TAIL, '')],
  (t) => {
    const match = EN_NOT_BUT.exec(t);
    const prep = match?.[1]?.split(/\s/u)[0];
    return match && t.slice(match.index + match[0].length).startsWith(`${prep} `)
      ? [t.replace(EN_NOT_BUT, '')]
      : [];
  },
  // "Fees will not rise until 2028, the board said, although…" → who said it goes, both clauses stay.
  (t) => [t.replace(EN_ATTRIBUTION_INSIDE, ', ')],
  // "While he doesn't buy halibut much — he's got a freezer full of it — Bassi keeps…": the aside
  // ended the leading clause, so its comma comes back.
  (t) => [
    t.replace(EN_ASIDES, (aside, at: number) =>
      /[—–-]/u.test(aside) && EN_LEADING_SUBORDINATE.test(t.slice(0, at)) ? ',' : '',
    ),
  ],
  // An aside that explains an object, before the phrase that goes on with the verb: "We watch
  // cones, small pyramids of clay that bend at known temperatures, through spy holes…" → "We
  // watch cones through spy holes…".
  (t) => {
    const match =
      /^((?:We|I|You|They|He|She|It|The\s[a-z]+)\s[a-z]+\s[a-z][\w\s'’-]{1,40}?),\s((?!(?:and|or|but|which|who|where|when|while|because|so|in|on|at|by|for|with|from|to|of|through|into)\s)[a-z][^,;:]{10,90}),\s((?:through|in|at|on|from|with|into|by|to)\s.+)$/u.exec(
        t,
      );
    if (!match) return [];
    const [, before, aside, rest] = match as unknown as [string, string, string, string];
    if (EN_FINITE_VERB.test(aside.split(/\s(?:that|which|who)\s/u)[0]!)) return [];
    return aside.length > 0 ? [`${before} ${rest}`] : [];
  },
  // Only an aside between a subject (no verb yet) and its verb: "The priest, Fidelis Mukonori, is acting…".
  (t) => {
    const match = EN_APPOSITIVE.exec(t);
    if (!match?.[1] || EN_FINITE_VERB.test(match[1].split(/\s+/u).slice(1).join(' '))) return [];
    // "After a few minutes, I was whisked into…,": a leading phrase and a clause, not a subject and an aside.
    if (EN_NOT_SUBJECT.test(match[1]) || /^,\s(?:I|we|he|she|they|it|you)\s/iu.test(t.slice(match[1].length)))
      return [];
    const rest = t.slice(match[0].length);
    return EN_VERB_WORD.test(rest.split(/\s+/u)[0] ?? '') ? [`${match[1]} ${rest}`] : [];
  },
  // "Where each pot sits matters more than anything: pots near the firebox get heavy ash…" → after the colon.
  (t) => {
    const match = /^([^:"“]{8,70}):\s+([a-zA-Z][^:]{30,})$/u.exec(t);
    if (!match?.[2] || /\d/u.test(match[1]!) || !EN_PREDICATE.test(match[2])) return [];
    // "…titles to test: Gears of War 4, Killer Instinct and Super Lucky's Tale": a list, not a point.
    if (/^[^,]+(?:,\s[^,]+)*,?\s(?:and|or)\s[^,]+$/u.test(match[2]) && !EN_FINITE_VERB.test(match[2]))
      return [];
    return [capitalize(match[2])];
  },
  // "In the words of one council member: "I was wrong."" → the words themselves.
  (t) => {
    const words = EN_INTRODUCED_QUOTE.exec(t)?.[1];
    return words && words.length >= 20 ? [`“${capitalize(words)}”`] : [];
  },
  // Only a phrase without a verb of its own ("In 1989 the light was automated, …" is a clause),
  // and not the place of "there was" ("In the center of the screen, there was a fixed point").
  (t) => {
    const lead = EN_LEADING_PHRASE.exec(t)?.[0];
    if (!lead || EN_PREDICATE.test(lead.split(/\s+/u).slice(1).join(' '))) return [];
    if (/^there\s(?:is|are|was|were|will|has|have|had)\b/iu.test(t.slice(lead.length))) return [];
    return [capitalize(t.slice(lead.length))];
  },
  // "After three ships were lost on the bank, the commission asked for a light" → the main clause.
  (t) => {
    const lead = EN_LEADING_CLAUSE.exec(t)?.[0];
    if (!lead) return [];
    const rest = t.slice(lead.length);
    return EN_PREDICATE.test(rest) ? [capitalize(rest)] : [];
  },
  // "Deliveries by cargo bike, which a handful of businesses started, have carried on" → without the aside.
  (t) => {
    const match = EN_RELATIVE_ASIDE.exec(t);
    if (!match || match.index < 8) return [];
    const rest = t.slice(match.index + match[0].length);
    // "…what sharp means, which stones you need, and a routine…": items of a list, not an aside.
    if (/^(?:and|or)\s(?:a|an|the|some|any|how|what|why|which)\s/u.test(rest)) return [];
    // Before "and they kept running…" the comma stays; before the main verb it goes. Anything else
    // ("…Kasukuwere, who fled…, the source told Reuters") starts a clause the aside belonged to.
    const joined = /^(?:and|but|so|while|yet)\s/u.test(rest);
    if (
      !joined &&
      !/^(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|do|does|did|[a-z]+ed|[a-z]{2,}s)\b/u.test(
        rest,
      )
    )
      return [];
    const joiner = joined ? ', ' : ' ';
    return [`${t.slice(0, match.index)}${joiner}${rest}`];
  },
];

/** Counts said in words that a dropped aside must not hold ("twice a year", "four-lane"). */
const EN_COUNT_WORD =
  /\d|\b(?:once|twice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|third|quarter|dozen)\b/iu;
/** Verbs of a relative clause that says what follows from the clause before ("which leaves little room for delay"). */
const EN_CONSEQUENCE =
  /^(?:which|who|where|when)\s(?:\w+\s)?(?:leaves?|left|means?|meant|makes?|made|gives?|gave|puts?|allows?|allowed|lets?|keeps?|kept|forces?|forced|explains?|explained|causes?|caused|costs?|saves?|saved|cuts?|doubles?|doubled|halves|halved|raises?|raised|lowers?|lowered)\b/iu;
/** Words that say how many of a group: the group is not everyone. */
const EN_QUANTIFIER =
  /\d|%|\b(?:half|most|many|some|few|several|all|majority|minority|percent|nearly|almost|over|about|around|one|two|three|four|five|six|seven|eight|nine|ten|other|others)\b/iu;
/** Auxiliaries: surely a verb, never an adjective. */
const EN_AUXILIARY =
  /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|do|does|did|says|said)\b/iu;
/** A speaker named by a role in something ("the owner", "its director"): whose, only the clause before says. */
const EN_RELATIONAL_SPEAKER =
  /^(the|its|their|his|her)\s((?:\S+\s)?(?:owners?|heads?|directors?|managers?|chiefs?|founders?|spokes(?:man|woman|person)|staff|boss|operators?|landlords?|tenants?|principal|captain|members?|residents?))\s(says|said|say)\s/iu;
/** The thing a clause is about, before its verb: "The bakery on Mill Street | now sends…". */
const EN_NAMED_THING =
  /^((?:The|A|An)\s[a-z][\w'’-]*(?:\s(?:on|in|at|of)\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*)?)\s(?:now\s|also\s|still\s)?(?:[a-z]{2,}s|[a-z]{2,}ed|is|are|was|were|has|have|had)\s/u;
/** A claim that is someone's forecast, estimate or judgement, not a fact: its source stays with it. */
const EN_FORECAST_OR_JUDGEMENT =
  /\b(?:will|would|could|may|might|should|must|ought|won['’]t|likely|unlikely|expects?|expected|estimated?|forecasts?|projected|predicted|probably|hopes?|believes?|thinks?|better|worse|best|worst|good|bad|too|enough)\b/iu;
/** Subjects that stand for the speaker of an attribution frame ("Dock workers say they…"). */
const EN_PRONOUN_START =
  /^(?:they|them|he|she|it|we|i|you|this|that|these|those|there|his|her|its|their|our)\b/iu;

/**
 * Steps that condense a sentence that is all one point: who says it, a trailing aside on a noun,
 * the list a colon elaborates, a filler adverb. Each keeps the subject and the main verb.
 */
const EN_CONDENSE_STEPS: readonly Step[] = [
  // "Its managers say the change will cut…" → "The change will cut…": the claim, when its subject is
  // a noun of its own (not "they", which only the frame explains).
  (t) => {
    const match =
      /^((?:[A-Z][\w'’-]*)(?:\s[\w'’-]+){0,6}?)\s(?:(?:say|says|said|reported|noted)\s(?:that\s)?|(?:learn|learns|learned|explain|explains|explained|point out|points out|pointed out)\sthat\s)(?=[A-Za-z])/u.exec(
        t,
      );
    // "Over half (55%) of respondents said…": a share of people says it, not everyone.
    if (
      !match?.[1] ||
      EN_FINITE_VERB.test(match[1]) ||
      /[,(]/u.test(match[1]) ||
      EN_QUANTIFIER.test(match[1])
    )
      return [];
    const rest = t.slice(match[0].length);
    if (EN_PRONOUN_START.test(rest) || !EN_PREDICATE.test(rest) || /^(?:so|yes|no|nothing)\b/iu.test(rest))
      return [];
    // "Prosecutors say Uber has been lying": what someone says is only their claim; it stands alone
    // when it is a plan or a figure already counted ("…plans to close 3 quays"), or when the verb
    // vouches for it ("learns that", "points out that"). A forecast, an estimate or a judgement
    // ("…will cut emissions by 40 percent") keeps who makes it.
    const vouched = !/\s(?:say|says|said|reported|noted)\s(?:that\s)?$/u.test(match[0]);
    if (!vouched && (!/\d|\bplans?\b/u.test(rest) || EN_FORECAST_OR_JUDGEMENT.test(rest))) return [];
    return [capitalize(rest)];
  },
  // "…, according to the port's engineers" / "…, according to X, …": who says it goes.
  (t) => [t.replace(/,\saccording to\s[^,;:]{3,60}(?=,\s|$)/u, '')],
  // "Shop owners who opposed the lanes, fearing that losing parking would cost them customers, have
  // mostly gone quiet" → without the participle aside between the subject and its verb.
  (t) => {
    const match =
      /^([A-Z][^,;:]{8,90}?),\s[a-z]+ing\s[^,;:]{3,90},\s(?=(?:have|has|had|is|are|was|were|will|would|can|could|did|[a-z]{3,}ed)\s)/u.exec(
        t,
      );
    if (!match?.[1] || EN_NOT_SUBJECT.test(match[1])) return [];
    return [`${match[1]} ${t.slice(match[0].length)}`];
  },
  // "The electric machines also recover energy" → without "also"; ", though" at the end goes too.
  (t) => [
    t.replace(/^([A-Z][^,;:]{2,60}?)\salso\s(?=[a-z]{3,})/u, '$1 ').replace(/,\s(?:though|however)$/u, ''),
  ],
  // "…maintained by the national maritime authority, which visits the station" → the claim without
  // the closing aside on its last noun, when the aside holds no count and says no consequence.
  (t) => {
    const match = /,\s((?:which|who|where|when)\s[^,;:]{3,120})$/u.exec(t);
    if (!match?.[1] || match.index < 30) return [];
    // "…we are starving it, which changes the colour of the clay": "which" said of a whole clause.
    if (/\b(?:it|this|that|them|so)$/iu.test(t.slice(0, match.index))) return [];
    const aside = match[1];
    if (EN_COUNT_WORD.test(aside) || EN_CONSEQUENCE.test(aside) || /^which\s(?:is|was)\swhy\b/u.test(aside))
      return [];
    // ", where parking is close to impossible": a reason for the claim when the claim compares.
    if (
      /\b(?:faster|slower|cheaper|better|worse|easier|harder|safer|more|less|than)\b/u.test(
        t.slice(0, match.index),
      )
    )
      return [];
    return [t.slice(0, match.index)];
  },
  // "Most of the money goes into the grid: a new substation, twelve kilometres of cable and a
  // battery store…" → the claim without the list that spells it out.
  (t) => {
    const match = /^([^:"“]{20,}?):\s(.+)$/u.exec(t);
    if (!match?.[1] || !match[2] || !EN_PREDICATE.test(match[1].split(/\s+/u).slice(1).join(' '))) return [];
    const items = match[2].split(/,\s|\s(?:and|or)\s/u);
    const listed =
      items.length >= 3 &&
      items.slice(0, 2).every((item) => !EN_FINITE_VERB.test(item) && item.split(/\s+/u).length <= 6) &&
      /^(?:a|an|the|some|its|their|his|her|our|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/iu.test(
        match[2],
      );
    return listed ? [match[1]] : [];
  },
];

/**
 * The sentence without a closing noun phrase that restates its claim ("…sit empty until April, a
 * strip of wasted asphalt that nobody could use"). It may also say why ("…after the US legalised
 * gay marriage, a move many there oppose"), so it is not a form that only drops an aside.
 */
function withoutClosingAppositive(t: string): string[] {
  const match = /,\s((?:a|an)\s[^,;:]{3,100})$/u.exec(t);
  if (!match?.[1] || match.index < 30) return [];
  // "a strip of wasted asphalt": a participle before the noun is no verb of its own.
  const head = match[1].split(/\s(?:that|which|who|whose|where)\s/u)[0]!;
  return EN_AUXILIARY.test(head) ? [] : [t.slice(0, match.index)];
}

const EN_STEPS: readonly FormStep[] = [
  ...EN_ASIDE_STEPS.map(keeping),
  ...EN_CONDENSE_STEPS.map(keeping),
  { step: withoutClosingAppositive, keepsMain: false },
  { step: secondClause, keepsMain: false },
  { step: secondAction, keepsMain: false },
];

/** Words that do not start a verb phrase after "and" ("and the kiln…", "and then…"). */
const NOT_A_VERB =
  /^(?:a|an|the|this|that|these|those|its|their|our|his|her|my|your|some|any|all|each|every|no|not|then|so|also|it|they|we|he|she|i|you|in|on|at|by|for|with|from|to|of|as|more|less|one|two|three)$/u;

/**
 * The second of two actions of one person when the sentence's reason or purpose belongs to it
 * ("We light a small fire in front of the firebox and let the kiln warm slowly for the first day,
 * so that any water can escape" → "We let the kiln warm slowly…, so that any water can escape").
 */
function secondAction(text: string): string[] {
  const match = /^(We|I|You|They|He|She)\s[a-z]+\s[^,;:]{3,90}?\sand\s([a-z]+)\s(.+)$/u.exec(text);
  if (!match) return [];
  const [, subject, verb, rest] = match as unknown as [string, string, string, string];
  if (NOT_A_VERB.test(verb) || !/,\s(?:so that|so as to|so|because|which means)\s/u.test(rest)) return [];
  return [`${subject} ${verb} ${rest}`];
}

/**
 * The clause after ", and" / ", but" when it holds the point ("…, and extending them would cost
 * $4.2 million"), its "they/them/their" said as the first clause's subject when nothing else in
 * that clause could be meant ("Extending the lanes … would cost $4.2 million").
 */
function secondClause(text: string): string[] {
  const match = /^(.{20,}?),\s(?:and|but)\s(.{25,})$/u.exec(text);
  if (!match) return [];
  const [, first, second] = match as unknown as [string, string, string];
  // "…means, which stones you need, and a routine that…": a list's last item, not a clause.
  // "…, and the owner says the riders are faster…": a clause when a verb follows its noun.
  const clause = /^(?:the|a|an|its|their)\s(?:\S+\s){0,2}(?:says|said)\s/u.test(second);
  // "The bakery on Mill Street…, and the owner says…": the owner of what the first clause named
  // ("The owner of the bakery on Mill Street says…"), or no bullet of the second clause.
  const role = EN_RELATIONAL_SPEAKER.exec(second);
  if (role) {
    const owner = EN_NAMED_THING.exec(first)?.[1];
    if (role[1]!.toLowerCase() !== 'the' || !owner) return [];
    const named = owner.replace(/^(?:The|A|An)\s/u, (a) => a.toLowerCase());
    return [`The ${role[2]} of ${named} ${second.slice(role[0].length - role[3]!.length - 1)}`];
  }
  if (
    !EN_PREDICATE.test(second) ||
    first.includes(',') ||
    (/^(?:a|an|the|some|any|its|their)\s/u.test(second) && !clause)
  )
    return [];
  // "…, and it has switched to…": a pronoun that only the first clause explains.
  if (/^(?:it|its|he|she|his|her|this|that|these|those|so|then|there)\b/iu.test(second)) return [];
  const pronouns = second.match(/\b(?:they|them|their)\b/giu) ?? [];
  if (pronouns.length === 0) return [capitalize(second)];
  const finite = EN_FINITE.exec(first);
  if (pronouns.length > 1 || !finite) return [];
  const subject = first.slice(0, finite.index);
  // The subject's noun comes before what qualifies it: "Biologists | at the regional university".
  const noun = subject.split(/\s(?:at|of|in|from|on|with|for)\s/u)[0]!;
  const head = noun.split(/\s+/u).at(-1) ?? '';
  const plural = /^(?:are|were|have)$/u.test(finite[1]!) || (/[^s]s$/u.test(head) && !NOT_PLURAL.has(head));
  // Another plural in the first clause ("organised bike buses, and they…") could be meant, unless
  // "they" says, warns or finds something: only people do ("…chloride levels…, and they warn…").
  const speaking =
    /^they\s(?:say|warn|argue|believe|fear|think|expect|estimate|report|found|said|warned)\b/u.test(second);
  const others = first
    .slice(finite.index)
    .split(/[\s,;"“”]+/u)
    .filter((w) => /^[a-z]{3,}s$/u.test(w) && !/ss$/u.test(w) && !NOT_PLURAL.has(w));
  const namesSubject =
    /^(?:The|These|Those|Its|Their)\s/u.test(subject) || (speaking && /^[A-Z][a-z]+s$/u.test(noun.trim()));
  if (!plural || (others.length > 0 && !speaking) || !namesSubject) return [];
  const named = subject.replace(/^The\s/u, 'the ');
  const resolved = second.replace(/\b(?:they|them|their)\b/iu, (p) =>
    p.toLowerCase() === 'their' ? `${named}’` : named,
  );
  return [capitalize(resolved)];
}

/** 「二つ目は、」「まず、」: an enumerator a bullet keeps. */
export const JA_ENUMERATOR =
  /^(?:[一二三四五六1-6１-６]つ目|ひとつ目|ふたつ目|もう一つ|もうひとつ|第[一二三四五六1-6１-６])(?:は|に|の|が)?[、，]?/u;
/** 「Xによると、」「Xについて、」: where a statement comes from or what it is about. */
const JA_SOURCE = /^[^、。「」]{2,25}(?:によると|によれば|について|では)[、，]/u;

/** Clauses split at top-level 、 (not inside 「」 or brackets), each with its 、. */
export function topLevelClauses(text: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('「『（(【'.includes(c)) depth++;
    else if ('」』）)】'.includes(c)) depth = Math.max(0, depth - 1);
    else if ((c === '、' || c === '，') && depth === 0) {
      clauses.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) clauses.push(text.slice(start));
  return clauses;
}

/** How a Japanese sentence ends: plain or polite, present or past. */
function jaStyle(text: string): { polite: boolean; past: boolean } {
  const end = text.replace(/[。」』）)\s]+$/u, '');
  return {
    polite: /(?:です|ます|ました|でした|ません|ませんでした)$/u.test(end),
    past: /(?:た|[んい]だ|だった|でした|ました)$/u.test(end),
  };
}

/**
 * A clause ending in a continuative form (「〜があり、」「〜を沈め、」「〜取り組みで、」) finished as a
 * sentence in the style of the sentence's own ending, or undefined when the form is not certain.
 */
function finishClause(
  clause: string,
  style: { polite: boolean; past: boolean },
  enumerated: boolean,
): string | undefined {
  const body = clause.replace(/[、，]$/u, '');
  const table: Array<[RegExp, string, string, string, string]> = [
    // ending, plain present, plain past, polite present, polite past
    [/であり$/u, 'だ', 'だった', 'です', 'でした'],
    [/あり$/u, 'ある', 'あった', 'あります', 'ありました'],
    [/ており$/u, 'ている', 'ていた', 'ています', 'ていました'],
    [/(?<=[にく])なり$/u, 'なる', 'なった', 'なります', 'なりました'],
    [/され$/u, 'される', 'された', 'されます', 'されました'],
  ];
  for (const [ending, plain, plainPast, polite, politePast] of table) {
    if (!ending.test(body)) continue;
    return body.replace(
      ending,
      style.polite ? (style.past ? politePast : polite) : style.past ? plainPast : plain,
    );
  }
  // 「放流し、」「増やし、」 (a verb of two kanji or more, or 〜やし/〜らし): only its past or polite form is certain.
  if (/(?:[\p{Script=Han}]{2}|[やらかばろ])し$/u.test(body) && (style.past || style.polite)) {
    return `${body}${style.polite ? (style.past ? 'ました' : 'ます') : 'た'}`;
  }
  // 「沈め、」「増え、」: an ichidan verb after its kanji.
  if (/\p{Script=Han}[えけげせねべめれ]$/u.test(body) && !/向け$/u.test(body)) {
    return `${body}${style.polite ? (style.past ? 'ました' : 'ます') : style.past ? 'た' : 'る'}`;
  }
  // 「二つ目は、…取り組みで、」: after an enumerator, で is the copula; the noun ends the point (体言止め).
  if (
    enumerated &&
    /[\p{Script=Han}\p{Script=Katakana}ーぁ-ん]で$/u.test(body) &&
    !/(?:して|んで|いで|ので|まで|など|にて|とで)$/u.test(body)
  ) {
    return body.slice(0, -1);
  }
  return undefined;
}

/** Steps that drop set-up (who says it, a quotation before the narration) and keep the main clause. */
const JA_ASIDE_STEPS: readonly Step[] = [
  // 「Xによると、…」: what is said, without who says it.
  (t) => {
    const lead = JA_SOURCE.exec(t)?.[0];
    return lead && !JA_ENUMERATOR.test(t) ? [t.slice(lead.length)] : [];
  },
  // 「…姿も増えていると、漁業者の間で話題になっていた」 → what is said, without who says it (not a
  // quotation: its speaker stays).
  (t) => {
    const match = /^([^「」]{10,}?(?:る|た|い|だ|ない))(?=と)/u.exec(t);
    return match?.[1] && JA_HEARSAY_FRAME.test(t.slice(match[1].length)) ? [match[1]] : [];
  },
  // 「…見えるぞ」欲張りなイヌは、…: the narration after a quotation that opens the sentence.
  (t) => {
    const match = /^「[^「」]+」(?![とってのやをにがはもで、])/u.exec(t);
    return match && t.length - match[0].length >= 10 ? [t.slice(match[0].length)] : [];
  },
  // 「Xは、A、Bしてきました」 → 「Xは、Bしてきました」: the topic with its main clause.
  (t) => {
    const clauses = topLevelClauses(t);
    const topic = clauses[0];
    if (!topic || clauses.length < 3 || !/[はが][、，]$/u.test(topic) || topic.length > 20) return [];
    // 「場面では、」「中には、」 set the scene; they are not what the sentence is about.
    if (/(?:では|には|とは|からは|までは|でも)[、，]$/u.test(topic)) return [];
    if (JA_ENUMERATOR.test(topic)) return [];
    const main = clauses.at(-1)!;
    // A clause after the topic with a subject of its own, or a turn (「〜が、」「〜けれど、」): the
    // main clause may be about something else (「小麦粉のパンは、…が、米粉のパンは…失敗しにくい」).
    const own =
      /[\p{Script=Han}\p{Script=Katakana}ー」][はが](?![いえ])|(?:もの|こと|人|の)[はが](?![いえ])/u;
    const turn = /(?:が|けど|けれど|けれども|のに|ものの|ても|でも)[、，]$/u;
    if (clauses.slice(1).some((c) => own.test(c)) || clauses.slice(1, -1).some((c) => turn.test(c)))
      return [];
    return [`${topic}${main}`];
  },
];

const JA_STEPS: readonly FormStep[] = [
  ...JA_ASIDE_STEPS.map(keeping),
  { step: leadingClausesAsSentence, keepsMain: false },
];

// 「北浜では、最盛期には数十万トンが水揚げされ、…」 → 「…水揚げされた」: leading clauses as a sentence.
function leadingClausesAsSentence(t: string): string[] {
  const clauses = topLevelClauses(t);
  const style = jaStyle(t);
  const enumerated = JA_ENUMERATOR.test(t);
  const forms: string[] = [];
  for (let k = clauses.length - 2; k >= 0; k--) {
    const finished = finishClause(clauses[k]!, style, enumerated && k > 0);
    if (finished) forms.push(`${clauses.slice(0, k).join('')}${finished}`);
  }
  return forms;
}
