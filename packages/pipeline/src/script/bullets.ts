import type { Language } from '../schema/script.ts';
import { ELLIPSIS, findBulletDefects } from './bullet-defects.ts';
import { splitClauses } from './clauses.ts';
import { needsPredecessor } from './dependence.ts';
import { informationScore, isLeadIn } from './key-sentences.ts';
import { TEXT_LIMITS } from './language.ts';
import { splitSentences } from './sentences.ts';

/** Sentence openers that mean nothing on a slide. */
const LEADING_CONNECTIVES: Record<Language, RegExp> = {
  ja: /^(?:しかし|しかしながら|そこで|また|まず|次に|さらに|そして|ただし|なお|つまり|一方|一方で|実は|例えば|たとえば|特に|最後に|このように|その結果|そのため|ですから|だから|でも|具体的には|けれども|けれど|だけど|ですが|だが|ところが|ところで|それでも|すると|それから|その後|こうして|ちなみに|実際|結局|要するに|とはいえ|もちろん)、/u,
  en: /^(?:however|so|also|first|second|third|then|next|finally|in fact|for example|for instance|in short|moreover|furthermore|but|and|still|thus|therefore|as a result|in addition|of course|yet|indeed|meanwhile|instead|after all|even so|that said|in other words|besides|now|well|in the end|in practice|in turn)\b,?\s+/iu,
};

const TRAILING_STOP = /[。．.]+$/u;
const TRAILING_CLAUSE_MARKS = /[\s、，,;；:：\-—–]+$/u;
/**
 * English words that start a new clause: cutting right before them ends the bullet at a natural
 * boundary ("…rebuilt every layer" | "because the cache…").
 */
const EN_CLAUSE_STARTERS =
  /\s(?=(?:because|which|who|whose|where|while|although|though|unless|whereas|so that|so|but|and then|after|before|since|when|if|as well as)\b)|\s(?=and\s(?:the|a|an|every|each|its|their|it|they|he|she|we|I|this|these|those|most|many|some|all|no)\s)/giu;

/**
 * A sentence as a slide bullet that reads as a whole point, or '' when none fits `maxChars`:
 * - the whole sentence (without a leading connective or the final 。/.) when it fits;
 * - Japanese: the main clause (the clauses from the last 、 break on), a complete sentence of its own;
 * - the first clauses up to a natural break (comma, semicolon, colon, or before "because"/"which"…),
 *   ending with "…".
 * Every candidate is checked with findBulletDefects against the sentence.
 */
export function toBullet(
  sentence: string,
  language: Language,
  maxChars = TEXT_LIMITS[language].bullet,
): string {
  const text = bulletText(sentence, language);
  if (!text) return '';
  for (const candidate of bulletCandidates(text, language, maxChars)) {
    if (candidate.length > maxChars || candidate.length < 4) continue;
    if (
      findBulletDefects(candidate, language, { source: text }).length === 0 &&
      !weakCut(candidate, language)
    ) {
      return candidate;
    }
  }
  return '';
}

/** The sentence without a leading connective, the final stop, or quotes around all of it. */
function bulletText(sentence: string, language: Language): string {
  // A whole sentence in brackets ("(The fleet numbers about 100 vessels.)") is shown without them.
  const bracketed = /^[（(]([^()（）]+)[)）]$/u.exec(sentence.trim());
  let text = stripLeadingConnective(bracketed?.[1]?.trim() ?? sentence.trim(), language);
  if (language === 'en' && text.length > 0) text = text[0]!.toUpperCase() + text.slice(1);
  text = text.replace(TRAILING_STOP, '');
  // A fully quoted sentence keeps its quotation marks (it is someone's words, not the article's
  // claim), without the full stop inside them.
  const quoted = /^[「『“"](.*)[」』”"]$/u.exec(text);
  if (quoted?.[1] && !/[「『」』“”"]/u.test(quoted[1])) {
    const words = quoted[1].replace(/[。．.,]+$/u, '');
    text = language === 'ja' ? `「${words}」` : `“${words}”`;
  }
  // Half a quotation split off by the sentence splitter: drop the lone mark.
  if (!/^[“「].*[”」]$/u.test(text)) {
    text = text.replace(/^[“"](?=[^”"]*$)/u, '').replace(/^([^“"]*)[”"]$/u, '$1');
  }
  if (language === 'en' && text.length > 0) text = text[0]!.toUpperCase() + text.slice(1);
  return text.replace(TRAILING_STOP, '').trim();
}

/** Said-clauses at the end: ", a senior source told Reuters", ", he said", ", said Jane Smith". */
const EN_ATTRIBUTION_TAIL =
  /,\s(?:(?:he|she|they|it|[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*|(?:a|an|the)\s[^,]{1,40})\s(?:said|says|told\s[A-Z][\w]*|added|explained|wrote)|(?:said|says|added)\s[A-Z][^,]{1,40})(?:\sin a statement)?(?:\s(?:on|this|last)\s\w+)?$/u;
/** An aside set off by commas right after the subject: ", 21,", ", Fidelis Mukonori,", ", a member of X,". */
const EN_APPOSITIVE = /^([A-Z][^,]{1,40}?),\s[^,]{1,50},\s(?=[a-z])/u;
/** Asides in parentheses or between dashes. */
const EN_ASIDES = /\s\([^()]{1,80}\)|\s[—–]\s[^—–]{1,60}\s[—–](?=\s)|\s--\s[^-]{1,60}\s--(?=\s)/gu;
/** A leading phrase before the main clause: "In January, …", "Despite the lingering admiration for X, …". */
const EN_LEADING_PHRASE =
  /^(?:According to|In the words of|In|On|At|By|For|During|After|Before|Since|Despite|Last|This|Earlier|Later|Today|Yesterday|Now|Meanwhile|Instead|Still|Yet|Overall|Ultimately|Indeed|Instead)\b[^,]{0,60},\s/u;

/** A quotation introduced by its speaker: `As one member put it: "…"`. */
const EN_INTRODUCED_QUOTE =
  /^(?:In the words of|As)\b[^:"“]{1,100}(?:put it|said|says|wrote)?:\s*["“]([^"“”]+?)[.,!?]?["”]$/u;

/**
 * A shorter form of an English sentence that keeps its point: without asides in parentheses or
 * dashes, an appositive after the subject, a leading time/place phrase, or a trailing "…, he said".
 * Returns the forms from the lightest change to the heaviest.
 */
function condensedForms(text: string, language: Language): string[] {
  if (language !== 'en') return [];
  const forms: string[] = [];
  let current = text;
  const steps: Array<(t: string) => string> = [
    (t) => t.replace(EN_ATTRIBUTION_TAIL, ''),
    (t) => t.replace(EN_ASIDES, ''),
    (t) => {
      // Only an aside between a subject (no verb yet) and its verb: "The priest, Fidelis Mukonori, is acting…".
      const match = EN_APPOSITIVE.exec(t);
      if (!match?.[1] || EN_PREDICATE.test(match[1].split(/\s+/u).slice(1).join(' '))) return t;
      const rest = t.slice(match[0].length);
      return EN_PREDICATE.test(rest.split(/\s+/u)[0] ?? '') ? `${match[1]} ${rest}` : t;
    },
    // "The results surprised us: more than half of the time…" → what comes after the colon.
    (t) => {
      const match = /^([^:"“]{8,45}):\s+([a-zA-Z][^:]{30,})$/u.exec(t);
      if (!match?.[2] || /\d/u.test(match[1]!)) return t;
      return match[2][0]!.toUpperCase() + match[2].slice(1);
    },
    // "In the words of one council member: "I was wrong."" → the words themselves.
    (t) => {
      const words = EN_INTRODUCED_QUOTE.exec(t)?.[1];
      return words && words.length >= 20 ? `“${words[0]!.toUpperCase()}${words.slice(1)}”` : t;
    },
    (t) => {
      // Only a phrase without a verb of its own ("In 1989 the light was automated, …" is a clause).
      const lead = EN_LEADING_PHRASE.exec(t)?.[0];
      if (!lead || EN_PREDICATE.test(lead.split(/\s+/u).slice(1).join(' '))) return t;
      const rest = t.slice(lead.length);
      return rest[0]!.toUpperCase() + rest.slice(1);
    },
  ];
  for (const step of steps) {
    const next = step(current)
      .replace(/\s{2,}/gu, ' ')
      .trim();
    if (next !== current && next.length >= 20) {
      current = next;
      forms.push(current);
    }
  }
  return forms;
}

function* bulletCandidates(text: string, language: Language, maxChars: number): Generator<string> {
  yield text;
  const condensed = condensedForms(text, language);
  yield* condensed;
  // Cuts are made from the most condensed form.
  if (condensed.length > 0) text = condensed.at(-1)!;
  yield* innerSentences(text, language);
  const clauses = splitClauses(text, language);
  if (language === 'ja') {
    // The main clause: whole clauses from the end (the predicate comes last).
    for (let start = 1; start < clauses.length; start++) {
      const suffix = clauses.slice(start).join('').trim();
      if (suffix.length <= maxChars && suffix.length >= maxChars / 3) {
        yield suffix;
        break;
      }
    }
    // Without 、: the main clause after a conjunctive ending (〜したことで / 〜ため / 〜ので).
    for (const match of text.matchAll(JA_CONJUNCTIVE)) {
      const suffix = text.slice(match.index + match[0].length).trim();
      if (suffix.length <= maxChars && suffix.length >= maxChars / 3) {
        yield suffix;
        break;
      }
    }
  }
  // Leading clauses with an ellipsis, longest first.
  const breaks = clauseBreaks(text, language);
  for (const end of breaks.reverse()) {
    const head = text.slice(0, end).replace(TRAILING_CLAUSE_MARKS, '').trim();
    if (head.length + 1 <= maxChars && head.length >= Math.min(12, maxChars / 3)) yield `${head}${ELLIPSIS}`;
  }
  for (const end of phraseBreaks(text, language).reverse()) {
    const head = text.slice(0, end).trim();
    if (head.length + 1 <= maxChars && head.length >= maxChars / 2) yield `${head}${ELLIPSIS}`;
  }
}

/**
 * Whole sentences inside a text of several (a quotation of two sentences): the last one first,
 * as a quote's punch line comes last ("I said nobody would ride. I was wrong, and I am happy to
 * say so."), each in the quotation marks the text had.
 */
function innerSentences(text: string, language: Language): string[] {
  const quoted = /^([“「])(.*)([”」])$/u.exec(text);
  const words = quoted ? quoted[2]! : text;
  const sentences = splitSentences(words, language)
    .map((s) => s.trim().replace(TRAILING_STOP, ''))
    .filter((s) => s.length >= (language === 'ja' ? 10 : 20));
  if (sentences.length < 2) return [];
  const wrap = (s: string) => (quoted ? `${quoted[1]}${s}${quoted[3]}` : s);
  return [...sentences.slice(1).reverse(), sentences[0]!]
    .filter((s) => !needsPredecessor(s, language))
    .map(wrap);
}

/** Offsets in `text` where a clause ends (after 、/,/;/: or before an English clause starter). */
function clauseBreaks(text: string, language: Language): number[] {
  const offsets = new Set<number>();
  let offset = 0;
  for (const clause of splitClauses(text, language).slice(0, -1)) {
    offset += clause.length;
    offsets.add(offset);
  }
  if (language === 'en') {
    for (const match of text.matchAll(EN_CLAUSE_STARTERS)) offsets.add(match.index);
  }
  return [...offsets].sort((a, b) => a - b);
}

/** Japanese endings that join a subordinate clause to the main one. */
const JA_CONJUNCTIVE =
  /(?:ことで|ことにより|ことによって|ため(?:に)?|ので|のに|ながら|けれど(?:も)?|ところ|結果)(?=[^、。])/gu;

/** Before a preposition: the end of a phrase, the last resort for a long English sentence without clauses. */
const EN_PHRASE_STARTERS =
  /\s(?=(?:in|on|at|for|with|during|across|over|under|through|by|to|from|and|or)\s)/giu;
/** Words that need the preposition after them ("due to", "able to", "concerned by", "used to"). */
const NEEDS_COMPLEMENT =
  /(?:\b(?:due|able|going|according|want|wants|need|needs|have|has|had|is|are|was|were|be|been|used|likely|set|way|order|close|next|up|down)|\w+ed)$/iu;

function phraseBreaks(text: string, language: Language): number[] {
  if (language !== 'en') return [];
  return [...text.matchAll(EN_PHRASE_STARTERS)]
    .map((m) => m.index)
    .filter((at) => !NEEDS_COMPLEMENT.test(text.slice(0, at)));
}

/** English subordinators: a clause starting with one is not a point on its own. */
const EN_SUBORDINATE_START =
  /^(?:as|when|while|if|because|although|though|after|before|since|unless|whereas|whatever|whether|despite|once|until)\b/iu;
/** Verbs and auxiliaries that show an English fragment has a predicate. */
const EN_PREDICATE =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|may|might|do|does|did|said|says|\w+ed|\w{3,}s)\b/iu;

/** An instruction: a verb first, then its object or a preposition ("Start by flattening…", "Set the blade…"). */
const EN_IMPERATIVE =
  /^(?!(?:The|A|An|This|That|These|Those|It|Its|In|On|At|By|For|With|Most|Many|Some|All|Each|Every|One|No)\s)[A-Z][a-z]+\s(?:by|the|a|an|your|it|them|each|every|both|three|two|four|five|up|down|off|out|over|with|until)\b/u;

/** An ellipsis cut that does not carry a point: a lone subordinate clause, or (en) no predicate before the cut. */
function weakCut(bullet: string, language: Language): boolean {
  if (!bullet.endsWith(ELLIPSIS)) return false;
  const head = bullet.slice(0, -1);
  if (language === 'ja') return false;
  if (EN_SUBORDINATE_START.test(head)) return true;
  // "The priest, Fidelis Mukonori…": the cut must come after the subject and its verb.
  const words = head.split(/\s+/u);
  return (
    (!EN_PREDICATE.test(words.slice(1).join(' ')) && !EN_IMPERATIVE.test(head)) ||
    /\b(?:due|able|according|such|part|set|going)$/iu.test(head) ||
    // "According to the port's engineers…": only who says it, not what they say.
    (/^(?:According to|In the words of)\b/u.test(head) && !head.includes(',')) ||
    // "By the 1930s…": only when, not what happened.
    /^(?:By|In|On|At|During|After|Before|Since|From|Until|For|Over|Within)\s[^,]{0,40}$/u.test(head) ||
    // "A study found that students…": cut inside the clause that carries the finding.
    /\bthat\s+\S+$/iu.test(head) ||
    // "Dr Hanna Berg, a seabird ecologist who was not involved…": a name and who they are.
    /^(?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’.-]*,\s(?:a|an|the)\s[^,]+$/u.test(head)
  );
}

/** Without an opening "However," / 「しかし、」. */
export function stripLeadingConnective(sentence: string, language: Language): string {
  return sentence.replace(LEADING_CONNECTIVES[language], '');
}

/** True when the two bullets say (nearly) the same thing: one contains the other, ellipsis aside. */
export function sameBullet(a: string, b: string): boolean {
  const x = a.replace(/…$/u, '');
  const y = b.replace(/…$/u, '');
  return x.includes(y) || y.includes(x);
}

export interface BulletOptions {
  max?: number;
  maxChars?: number;
}

/**
 * Distinct whole-point bullets from sentences, in their order (sentences that give no bullet,
 * or the same bullet as an earlier one, are skipped).
 */
export function makeBullets(
  sentences: readonly string[],
  language: Language,
  options: BulletOptions = {},
): string[] {
  const { max = 4, maxChars = TEXT_LIMITS[language].bullet } = options;
  const bullets: string[] = [];
  for (const sentence of sentences) {
    if (bullets.length >= max) break;
    const bullet = toBullet(sentence, language, maxChars);
    if (!bullet || bullets.some((b) => sameBullet(b, bullet))) continue;
    bullets.push(bullet);
  }
  return bullets;
}

/** A sentence of a narration with its score as a key sentence. */
export interface ScoredText {
  text: string;
  score: number;
}

/**
 * The bullet that shows a narration's point: from the sentence said first (it appears as its
 * words are heard) unless another of its sentences tells more (numbers, names, a finding) or the
 * first only leads in ("Not everyone is convinced.") or leans on what came before ("You only do
 * this once…"). A narration that is only a lead-in gets no bullet (undefined).
 */
export function narrationBullet(
  sentences: readonly ScoredText[],
  language: Language,
  maxChars = TEXT_LIMITS[language].bullet,
): string | undefined {
  const options = sentences
    .map((s, order) => {
      const bullet = toBullet(s.text, language, maxChars);
      let worth = informationScore(s.text, language) + (order === 0 ? 0.3 : 0) + 0.1 * s.score;
      if (isLeadIn(s.text, language)) worth -= 1;
      if (needsPredecessor(bullet, language)) worth -= 0.5;
      // A clause cut short shows less of the point than a whole sentence.
      if (bullet.endsWith(ELLIPSIS)) worth -= 0.25;
      return { bullet, worth, leadIn: isLeadIn(s.text, language) };
    })
    .filter((b) => b.bullet.length > 0);
  const best = options.reduce<(typeof options)[number] | undefined>(
    (a, b) => (!a || b.worth > a.worth ? b : a),
    undefined,
  );
  return best && !best.leadIn ? best.bullet : undefined;
}
