import { BULLET_MAX_CHARS, type Language } from '../schema/script.ts';
import { ELLIPSIS, findBulletDefects, JA_HEARSAY_FRAME } from './bullet-defects.ts';
import { EN_FINITE_VERB, EN_NOT_BUT, EN_PREDICATE, JA_ENUMERATOR, shorterForms } from './bullet-forms.ts';
import { splitClauses } from './clauses.ts';
import { deniesPrevious, needsPredecessor, turnsPrevious } from './dependence.ts';
import { informationScore, isLeadIn } from './key-sentences.ts';
import { TEXT_LIMITS } from './language.ts';
import { splitSentences } from './sentences.ts';

/** Sentence openers that mean nothing on a slide. */
const LEADING_CONNECTIVES: Record<Language, RegExp> = {
  ja: /^(?:そう|しかし|しかしながら|そこで|また|まず|次に|さらに|そして|ただし|なお|つまり|一方|一方で|実は|例えば|たとえば|特に|最後に|このように|その結果|そのため|ですから|だから|でも|具体的には|けれども|けれど|だけど|ですが|だが|ところが|ところで|それでも|すると|それから|その後|こうして|ちなみに|実際|結局|要するに|とはいえ|もちろん)、/u,
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
 * How much longer than its aim a bullet may run when a shorter cut would lose the number or the
 * outcome the sentence exists for (two lines on a slide).
 */
const LONG_BULLET_RATIO = 1.3;
/**
 * How much longer than its aim a bullet may run when every shorter form drops a number, a
 * negation, a caveat or a time limit of its sentence.
 */
const ESSENTIAL_RATIO = 1.6;
/** The longest such bullet in any case (a Japanese line holds fewer characters). */
const ESSENTIAL_MAX_CHARS: Record<Language, number> = { en: BULLET_MAX_CHARS, ja: 86 };

/** The longest cut or shorter form toBullet gives for an aim of `maxChars`. */
function longestCut(maxChars: number): number {
  return Math.min(BULLET_MAX_CHARS, Math.round(maxChars * LONG_BULLET_RATIO));
}

/** The longest bullet toBullet gives for an aim of `maxChars`. */
export function longestBullet(maxChars: number, language: Language = 'en'): number {
  return Math.min(BULLET_MAX_CHARS, ESSENTIAL_MAX_CHARS[language], Math.round(maxChars * ESSENTIAL_RATIO));
}

/**
 * A sentence as a slide bullet that keeps its point, or '' when none fits:
 * - the whole sentence (without a leading connective or the final 。/.) when it fits `maxChars`;
 * - else the best of its shorter forms (see shorterForms: the set-up dropped, the main clause
 *   kept), and of cuts at a natural boundary ending with "…" (Japanese: its main clause), up to
 *   longestCut(maxChars). The best keeps the most of the sentence's numbers and words within
 *   `maxChars`, keeps a Japanese enumerator (「二つ目は」) and subject, and does not start with a
 *   pronoun the sentence did not start with;
 * - when that best drops a number, a negation, a caveat or a time limit ("until 1931", "above
 *   minus five", "although a surcharge has not been ruled out"), the best form that keeps them
 *   all, the whole sentence included, up to longestBullet(maxChars).
 * Every candidate is checked with findBulletDefects against the sentence.
 */
export function toBullet(
  sentence: string,
  language: Language,
  maxChars = TEXT_LIMITS[language].bullet,
  options: { complete?: boolean } = {},
): string {
  const text = bulletText(sentence, language);
  if (!text) return '';
  const whole = (candidate: string, longest = longestCut(maxChars)) =>
    candidate.length >= 4 &&
    // "…president of Mercer Island-based Dana F": a sentence split at an initial.
    !(language === 'en' && /\s[A-Z]$/u.test(candidate)) &&
    candidate.length <= longest &&
    !listWithoutFrame(candidate, text) &&
    findBulletDefects(candidate, language, { source: statedBefore(candidate, text, language) }).length ===
      0 &&
    !weakCut(candidate, language);
  const short = condensed(text, language, maxChars, whole);
  if (short) return short;
  const bullet = cutOrWhole(text, language, maxChars, whole);
  if (!bullet.endsWith(ELLIPSIS) || options.complete === false) return bullet;
  return completeForm(text, language, maxChars, whole) ?? bullet;
}

/** What condensing a sentence must save at least to be worth a form that differs from what is heard. */
const MIN_SAVING = { chars: 12, share: 0.1 };

/**
 * The sentence said in fewer words (see shorterForms: who says it, an aside, the list a colon
 * spells out, set-up, a filler word gone) within `maxChars`, keeping every number, negation and
 * caveat, and the sentence's own subject (not a pronoun the sentence did not start with); the
 * shortest such form, or undefined when none saves enough.
 */
function condensed(
  text: string,
  language: Language,
  maxChars: number,
  whole: (candidate: string, longest?: number) => boolean,
): string | undefined {
  const most = Math.min(text.length - MIN_SAVING.chars, Math.floor(text.length * (1 - MIN_SAVING.share)));
  const forms = shorterForms(text, language)
    .filter(
      (form) =>
        form.keepsMain &&
        readsWhole(form.text, text, language) &&
        form.text.length <= Math.min(maxChars, most) &&
        keepsEssentials(form.text, text, language) &&
        (!needsPredecessor(form.text, language) || needsPredecessor(text, language)) &&
        whole(form.text, maxChars),
    )
    .map((form) => form.text)
    .sort((a, b) => a.length - b.length);
  return forms[0];
}

/** The statement a hearsay frame follows (「…増えている」と、…話題になっていた), or else the sentence. */
function statedBefore(candidate: string, text: string, language: Language): string {
  return language === 'ja' &&
    text.startsWith(candidate) &&
    JA_HEARSAY_FRAME.test(text.slice(candidate.length))
    ? candidate
    : text;
}

/** A sentence that opens on a verb, an auxiliary or a past participle. */
const EN_VERB_FIRST =
  /^(?:is|are|was|were|be|has|have|had|will|would|can|could|should|shall|must|may|might|do|does|did|[a-z]+ed)\b/iu;
/** A sentence that opens on a concession or a contrast. */
const EN_CONCESSION =
  /^(?:Despite|Although|Though|Even though|Even if|While|Whereas|Unlike|Instead of|Rather than)\b/u;

/**
 * Whether a condensed form still reads as the sentence's own statement: English keeps a verb,
 * does not open on a participle ("Adding a few logs…") and has no comma between its subject and
 * verb ("The snowiest the city has recorded, was…"); Japanese drops only what leads in (who says
 * it, a quotation), never a step between the topic and the predicate (「冷めてから…包み、」).
 */
function readsWhole(form: string, source: string, language: Language): boolean {
  if (language === 'ja') return source.endsWith(form) || JA_HEARSAY_FRAME.test(source.slice(form.length));
  // "Concluded that…", "SHOULD be responded to…": a verb with no subject.
  if (EN_VERB_FIRST.test(form) && !EN_VERB_FIRST.test(source)) return false;
  // "Despite all the power inside, …": the concession the claim is set against stays.
  if (EN_CONCESSION.test(source) && !EN_CONCESSION.test(form)) return false;
  return (
    EN_PREDICATE.test(form) &&
    // "Sharpening is…" is a subject; "Adding a few logs…" is not.
    !(
      /^[A-Z][a-z]+ing\b/u.test(form) &&
      !/^[A-Z][a-z]+ing\b/u.test(source) &&
      !/^[A-Z][a-z]+ing\s(?:is|are|was|were|has|had|will|would|can|could|may|might|must|should)\b/u.test(form)
    ) &&
    !/^[^,]{1,60},\s(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might)\b/u.test(form)
  );
}

/**
 * A complete bullet instead of a cut ("…"): the whole sentence up to longestBullet, else the
 * shorter whole form that keeps the most of the sentence (its negations and caveats always; its
 * numbers when it can), or undefined when there is none.
 */
function completeForm(
  text: string,
  language: Language,
  maxChars: number,
  whole: (candidate: string, longest?: number) => boolean,
): string | undefined {
  const longest = longestBullet(maxChars, language);
  const short = condensed(text, language, longest, whole);
  if (short) return short;
  if (whole(text, longest)) return text;
  let best: { bullet: string; worth: number } | undefined;
  for (const form of shorterForms(text, language)) {
    const candidate = form.text;
    if (
      !whole(candidate, longest) ||
      !readsWhole(candidate, text, language) ||
      // Only an aside may take its numbers with it; a form without a clause of the sentence keeps them all.
      !keepsEssentials(candidate, form.keepsMain ? keptParts(candidate, text, language) : text, language, {
        numbers: !form.keepsMain,
      }) ||
      (needsPredecessor(candidate, language) && !needsPredecessor(text, language))
    )
      continue;
    const worth = bulletWorth(candidate, text, language, longest) + (form.keepsMain ? SHORTER_FORM_BONUS : 0);
    if (!best || worth > best.worth) best = { bullet: candidate, worth };
  }
  return best?.bullet;
}

/**
 * The parts of a sentence (between commas, colons and semicolons) a shorter form keeps at least
 * some of: an aside it drops whole ("kept without a break from 1871 to 1989", "a strip of asphalt
 * that nobody could use") holds nothing the form must keep.
 */
function keptParts(candidate: string, source: string, language: Language): string {
  const parts = source.split(language === 'ja' ? /(?<=[、，：；])/u : /(?<=[,;:])\s/u);
  return parts.filter((part) => coverage(candidate, part, language) >= 0.3).join(' ');
}

/** The bullet of a sentence that does not condense: the whole sentence, a shorter form or a cut. */
function cutOrWhole(
  text: string,
  language: Language,
  maxChars: number,
  whole: (candidate: string, longest?: number) => boolean,
): string {
  if (text.length <= maxChars && whole(text)) return text;
  const best = bestCandidate(text, language, maxChars, whole);
  // A complete bullet of two lines is shown rather than a cut ("…or the two surfaces will never
  // meet…"): the whole sentence or a shorter whole form up to longestCut(maxChars) that keeps every
  // number, negation and caveat.
  if (best?.endsWith(ELLIPSIS)) {
    // A cut that leaves out only a few words ("…never meet" | "in a fine line") saves too little:
    // the whole may run to longestBullet.
    const left = text
      .slice(best.length - 1)
      .trim()
      .split(/\s+/u).length;
    const room =
      language === 'en' && text.startsWith(best.slice(0, -1)) && left <= SHORT_TAIL_WORDS
        ? longestBullet(maxChars, language)
        : longestCut(maxChars);
    const complete = bestCandidate(
      text,
      language,
      maxChars,
      (candidate) =>
        !candidate.endsWith(ELLIPSIS) && keepsEssentials(candidate, text, language) && whole(candidate, room),
    );
    if (complete) return complete;
  }
  if (best && keepsEssentials(best, text, language) && !dropsPoint(best, text, language)) return best;
  // A cut that drops a number, a negation, a caveat or a time limit can say something else than
  // the sentence: a longer form that keeps them all, or the whole sentence, up to the schema's limit.
  // A whole sentence of a quotation is not a cut.
  const forms = [text, ...shorterForms(text, language).map((f) => f.text)];
  if (best && forms.some((form) => innerSentences(form, language).includes(best))) return best;
  const longest = longestBullet(maxChars, language);
  const keeping = (candidate: string) =>
    keepsEssentials(candidate, text, language) &&
    !dropsPoint(candidate, text, language) &&
    !(best && shorterCutOf(candidate, best, text)) &&
    whole(candidate, longest);
  return bestCandidate(text, language, maxChars, keeping) ?? best ?? '';
}

/**
 * Clauses that carry an English sentence's point: its reason ("because…"), its result or purpose
 * ("so that…", ", so…", "which is why…"), and "which" said of a whole clause ("…we are starving
 * it, which changes the colour of the clay").
 */
const EN_POINT_CLAUSE =
  /\b(?:because|so that|so as to|which means|which is why|as a result)\b|,\s(?:so|thus|therefore)\s|\b(?:it|this|that|them),\swhich\s/iu;

/**
 * Whether a cut ("…") leaves out the sentence's point: it ends before or inside a clause that
 * gives the reason, result or purpose ("…because the point had no harbour…" without "…every
 * iron plate would have had to be landed by boat"), or before the last item of a list ("…a new
 * substation, twelve kilometres of cable…" without "and a battery store"). Dropping the set-up
 * of a sentence keeps its point; dropping its ending does not.
 */
export function dropsPoint(candidate: string, source: string, language: Language): boolean {
  if (language !== 'en' || !candidate.endsWith(ELLIPSIS)) return false;
  const head = candidate.slice(0, -1).trim();
  // The cut of a shorter form ("…goes into the power grid…" of "…goes not into the cranes but into…") is read against it.
  const whole = source.includes(head)
    ? source
    : shorterForms(source, language).find((form) => form.text.includes(head))?.text;
  if (whole === undefined) return false;
  const at = whole.indexOf(head);
  const tail = whole.slice(at + head.length);
  if (!/\w/u.test(tail)) return false;
  // A second claim joined by and/but/or, with its own subject and verb (", and it requires that any
  // repairs use the original materials", ", and a delegation from a Baltic port visited…").
  const joined = /^,\s(?:and|but|or|yet)\s((?:\S+\s){0,6}\S+)/u.exec(tail)?.[1] ?? '';
  if (EN_FINITE_VERB.test(joined) || /^(?:it|they|he|she|we|I|you|both|the\s+\S+\s+says)\s/u.test(joined))
    return true;
  // A cut inside such a claim's subject ("…, and a delegation…").
  const second = /,\s(?:and|but|or|yet)\s([^,;:]*)$/u.exec(head)?.[1];
  if (second !== undefined && !EN_PREDICATE.test(second)) return true;
  // A reason or result after the cut, or the cut inside one.
  const lastWord = /\S+$/u.exec(head)?.[0] ?? '';
  if (EN_POINT_CLAUSE.test(`${lastWord}${tail}`)) return true;
  const opened = [...head.matchAll(new RegExp(EN_POINT_CLAUSE.source, 'giu'))].at(-1);
  if (opened && !/[,;:]\s/u.test(head.slice(opened.index + opened[0].length))) return true;
  // The last item of a list: "…: a new substation, twelve kilometres of cable" | "and a battery
  // store…". The items are short and have no verb ("…that Freud was right" | "and the mind…" is a
  // clause, not an item).
  const clause = head.split(/[;:]\s|\s[—–]\s/u).at(-1) ?? head;
  const items = clause.split(/,\s/u);
  const item = items.at(-1) ?? '';
  return (
    /^,?\s(?:and|or)\s(?:a|an|the|some|its|their|his|her|our|two|three|four|five|six|\d)\b/u.test(tail) &&
    items.length >= 2 &&
    item.split(/\s+/u).length <= 6 &&
    !EN_FINITE_VERB.test(item) &&
    !/,\s(?:and|or)\s/u.test(tail)
  );
}

/**
 * Whether `candidate` is only what follows a colon of the sentence ("A new substation, twelve
 * kilometres of cable…" without "Most of the money goes into the power grid"): a list without
 * what it is a list of.
 */
function listWithoutFrame(candidate: string, source: string): boolean {
  const colon = source.search(/[:：]\s?/u);
  if (colon < 0) return false;
  const after = source
    .slice(colon + 1)
    .trim()
    .toLowerCase();
  const body = candidate.replace(/…$/u, '').toLowerCase();
  // A list: three items or more, short and without a verb ("a new substation, twelve kilometres of cable and
  // …"), not a clause that is the point ("The results surprised us: more than half of the time was
  // spent…", "…told like this: Using the LGP-30, Lorenz made…").
  const items = after.split(/,\s|\s(?:and|or)\s/u);
  return (
    body.length > 0 &&
    after.startsWith(body) &&
    items.length >= 3 &&
    items.slice(0, 2).every((item) => !EN_FINITE_VERB.test(item) && item.split(/\s+/u).length <= 5)
  );
}

/**
 * Whether `candidate` is a cut shorter than the cut `best` from the same start: whatever `best`
 * left out, it leaves out too. A cut right before a colon leaves out what the colon introduces
 * whole ("…into the power grid that has to feed them…" without its list), not half of it.
 */
function shorterCutOf(candidate: string, best: string, source: string): boolean {
  if (!candidate.endsWith(ELLIPSIS) || !best.endsWith(ELLIPSIS)) return false;
  const head = candidate.slice(0, -1);
  if (!best.startsWith(head)) return false;
  const at = source.indexOf(head);
  return !(at >= 0 && /^[:;]\s/u.test(source.slice(at + head.length)));
}

/**
 * Words that can turn a sentence around when dropped: a negation ("not", 「ない」), a caveat or a
 * warning ("although", "warn", 「ただし」「恐れ」), a time limit or a threshold ("until 1931",
 * "above minus five", 「まで」).
 */
const EN_ESSENTIAL =
  /\b(?:not|no|never|nobody|none|nothing|neither|nor|without|unless|except|although|though|until|since|above|below|warns?|warned|warning|risks?|harms?|danger\w*|injur\w*|up from|down from)\b|n['’]t\b/giu;
const JA_ESSENTIAL = /ない|ません|ず(?=[、。に])|ただし|ものの|恐れ|危険|注意|以上|以下|未満|まで/gu;

/** Every number and every essential word of the sentence, with how often it occurs. */
function essentials(text: string, language: Language, numbers = true): Map<string, number> {
  const counts = new Map<string, number>();
  // "not into the cranes but into the grid": the contrast's "not" turns nothing around.
  const lower = text
    .replace(/…$/u, '')
    .replace(new RegExp(EN_NOT_BUT.source, 'giu'), (m) => m.replace(/^not\s/iu, ''))
    .toLowerCase();
  const patterns = (language === 'ja' ? [JA_NUMBER, JA_ESSENTIAL] : [EN_NUMBER, EN_ESSENTIAL]).slice(
    numbers ? 0 : 1,
  );
  for (const pattern of patterns) {
    for (const match of lower.matchAll(pattern)) {
      // "one council member", "one of the longest": rarely a count that matters.
      if (match[0] === 'one') continue;
      counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    }
  }
  return counts;
}

/** Whether the candidate keeps every number and essential word of the sentence (as often). */
export function keepsEssentials(
  candidate: string,
  source: string,
  language: Language,
  options: { numbers?: boolean } = {},
): boolean {
  const numbers = options.numbers ?? true;
  const kept = essentials(candidate, language, numbers);
  for (const [token, count] of essentials(source, language, numbers)) {
    if ((kept.get(token) ?? 0) < count) return false;
  }
  return true;
}

/** The candidate bullet of the sentence worth most among those `accept` takes. */
function bestCandidate(
  text: string,
  language: Language,
  maxChars: number,
  accept: (candidate: string) => boolean,
): string | undefined {
  let best: { bullet: string; worth: number } | undefined;
  for (const candidate of bulletCandidates(text, language, maxChars)) {
    if (!accept(candidate.bullet)) continue;
    const worth =
      bulletWorth(candidate.bullet, text, language, maxChars) -
      (candidate.midClause ? MID_CLAUSE_COST : 0) +
      (candidate.bullet.length <= maxChars &&
      (candidate.shorter === 'main' ||
        // The clause of "…, and extending them would cost $4.2 million"; a Japanese sentence's
        // leading clauses leave its main predicate out, whatever numbers they keep.
        (candidate.shorter === 'part' &&
          language === 'en' &&
          keepsEveryNumber(candidate.bullet, text, language)))
        ? SHORTER_FORM_BONUS
        : 0);
    if (!best || worth > best.worth) best = { bullet: candidate.bullet, worth };
  }
  return best?.bullet;
}

/** A cut that leaves out at most this many words of an English sentence saves too little. */
const SHORT_TAIL_WORDS = 6;

/** What a cut between phrases costs beyond a cut between clauses. */
const MID_CLAUSE_COST = 0.2;

/** Whether the candidate says every number of the sentence (and the sentence has one). */
function keepsEveryNumber(candidate: string, source: string, language: Language): boolean {
  const numbers = [...source.matchAll(language === 'ja' ? JA_NUMBER : EN_NUMBER)].map((m) =>
    m[0].toLowerCase(),
  );
  const lower = candidate.toLowerCase();
  return numbers.length > 0 && numbers.every((n) => lower.includes(n));
}

/**
 * What a shorter whole form within the aim gains: it drops set-up or an aside, or a clause that
 * holds none of the sentence's numbers, not the point.
 */
const SHORTER_FORM_BONUS = 0.3;

/** Numbers with their digits, and counts said in words ("three", "half", 「二つ」). */
const EN_NUMBER =
  /\d[\d,.]*\d|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|third|quarter|tenth|dozen)\b(?!-(?:off|time|party|hand|thirds?|quarters?)\b)/giu;
const JA_NUMBER =
  /[\d０-９][\d０-９,，.．]*|[一二三四五六七八九十百千万億数]+(?=[つ年月日人匹頭羽本枚個回倍割分秒時度キ万億トメ])/gu;
/** English words that carry no content of their own. */
const EN_FUNCTION =
  /^(?:the|and|for|with|that|this|these|those|from|into|onto|than|then|but|was|were|are|has|have|had|been|its|their|our|his|her|they|them|which|who|whom|whose|what|when|where|while|also|not|any|all|each|every|some|such|one|there|here|very|just|about|over|under|after|before|will|would|can|could|should|may|might|must)$/u;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

/** Share of the sentence's content (English words, Japanese characters) the candidate keeps. */
function coverage(candidate: string, source: string, language: Language): number {
  if (language === 'ja') {
    const kept = new Map<string, number>();
    for (const c of candidate.match(/[\p{L}\p{N}]/gu) ?? []) kept.set(c, (kept.get(c) ?? 0) + 1);
    const all = source.match(/[\p{L}\p{N}]/gu) ?? [];
    let hits = 0;
    for (const c of all) {
      const left = kept.get(c) ?? 0;
      if (left > 0) {
        hits++;
        kept.set(c, left - 1);
      }
    }
    return all.length === 0 ? 1 : hits / all.length;
  }
  const content = (t: string) => words(t).filter((w) => w.length >= 3 && !EN_FUNCTION.test(w));
  const kept = new Set(content(candidate));
  const all = content(source);
  return all.length === 0 ? 1 : all.filter((w) => kept.has(w)).length / all.length;
}

/** Japanese endings that leave a phrase open: a particle or a continuative form. */
const JA_OPEN_END = /(?:[がをにへとでやのもは]|から|まで|より|ので|のに|ため|て|で|し|り|き|け|め|れ|え)$/u;

/** A subject or topic marked by は/が after a noun (「研究員は」「イヌが」). */
const JA_SUBJECT =
  /[\p{Script=Han}\p{Script=Katakana}ー」』A-Za-z0-9０-９][はが](?![いえ])|(?:もの|こと|人|の)[はが](?![いえ])/u;

/** How well a candidate shows the sentence's point: its numbers, its content, its subject, within the aim. */
function bulletWorth(candidate: string, source: string, language: Language, aim: number): number {
  const body = candidate.replace(/…$/u, '');
  const numbers = [...source.matchAll(language === 'ja' ? JA_NUMBER : EN_NUMBER)].map((m) =>
    m[0].toLowerCase(),
  );
  const lower = body.toLowerCase();
  // A count in words ("three", "half") weighs half a number in digits.
  const weight = (n: string) => (/\d/u.test(n) ? 1 : 0.5);
  const total = numbers.reduce((sum, n) => sum + weight(n), 0);
  const kept = numbers.filter((n) => lower.includes(n)).reduce((sum, n) => sum + weight(n), 0);
  const numberShare = total === 0 ? 1 : kept / total;
  let worth = 1.2 * numberShare + 0.7 * coverage(body, source, language);
  if (candidate.endsWith(ELLIPSIS)) {
    worth -= 0.1;
    // "…stabilise her. As the drug kicked in…": a cut that runs on into a second sentence.
    if (/[.!?。！？]\s*\S/u.test(body)) worth -= 0.3;
  }
  // 「…古代ギリシャで…」: a Japanese cut on a particle reads as half a phrase.
  if (language === 'ja' && candidate.endsWith(ELLIPSIS) && JA_OPEN_END.test(body)) worth -= 0.25;
  if (candidate.length > aim) worth -= 0.1 + (candidate.length - aim) / aim;
  if (needsPredecessor(body, language) && !needsPredecessor(source, language)) worth -= 0.6;
  if (language === 'ja') {
    const enumerator = JA_ENUMERATOR.exec(source)?.[0].replace(/[、，]$/u, '');
    if (enumerator && !body.startsWith(enumerator)) worth -= 1;
    // 「イソップ童話は、…集めたものです」: the topic the main clause is about.
    const topic = /^[^、。]{2,20}[は][、，]/u.exec(source)?.[0].slice(0, -1);
    // 「パン用の米粉の中には、…ものもあり」: the set the claim picks from is its subject.
    const about = topic && (!/(?:では|には|とは|からは|までは)$/u.test(topic) || /中には$/u.test(topic));
    if (about && !body.includes(topic)) worth -= 0.4;
    else if (JA_SUBJECT.test(source) && !JA_SUBJECT.test(body)) worth -= 0.2;
  }
  return worth;
}

/** The sentence as a bullet shows it whole: without a leading connective, the final stop, or quotes around all of it. */
export function bulletText(sentence: string, language: Language): string {
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
  // …no such thing as “the sharing economy.” → the stop inside the closing quotation mark goes too.
  return text
    .replace(TRAILING_STOP, '')
    .replace(/[.。](?=[”"’」』]$)/u, '')
    .trim();
}

/**
 * Bullets a sentence may give: the sentence, its shorter forms, the sentences inside a quotation,
 * and (from each of these) its main clause (Japanese) or its first clauses up to a natural break
 * with an ellipsis. `maxChars` is the aim; none is longer than longestBullet(maxChars, language).
 */
interface Candidate {
  bullet: string;
  /** Cut between phrases, not clauses ("…on sale on June 14 and…"): a last resort. */
  midClause?: boolean;
  /**
   * A shorter whole form (see shorterForms) that keeps the main clause ('main': only set-up or an
   * aside went) or only part of the sentence ('part': the clause of "…, and extending them would
   * cost $4.2 million").
   */
  shorter?: 'main' | 'part';
}

function* bulletCandidates(text: string, language: Language, maxChars: number): Generator<Candidate> {
  const longest = longestBullet(maxChars, language);
  yield { bullet: text };
  for (const { text: form, keepsMain } of [{ text, keepsMain: true }, ...shorterForms(text, language)]) {
    if (form !== text) yield { bullet: form, shorter: keepsMain ? 'main' : 'part' };
    for (const inner of innerSentences(form, language)) yield { bullet: inner };
    if (language === 'ja') {
      // The main clause: whole clauses from the end (the predicate comes last).
      const clauses = splitClauses(form, language);
      for (let start = 1; start < clauses.length; start++) {
        // 「橋の上のイヌと、水にうつったイヌを並べて…」: a noun joined by と is half of a pair, not a clause.
        if (JA_PAIRED_NOUN.test(clauses[start - 1]!)) continue;
        const suffix = clauses.slice(start).join('').trim();
        if (suffix.length <= longest && suffix.length >= maxChars / 3) yield { bullet: suffix };
      }
      // Without 、: the main clause after a conjunctive ending (〜したことで / 〜ため / 〜ので).
      for (const match of form.matchAll(JA_CONJUNCTIVE)) {
        const suffix = form.slice(match.index + match[0].length).trim();
        if (suffix.length <= longest && suffix.length >= maxChars / 3) yield { bullet: suffix };
      }
    }
    // Leading clauses with an ellipsis, longest first.
    for (const end of clauseBreaks(form, language).reverse()) {
      const head = form.slice(0, end).replace(TRAILING_CLAUSE_MARKS, '').trim();
      if (head.length + 1 <= longest && head.length >= Math.min(12, maxChars / 3))
        yield { bullet: `${head}${ELLIPSIS}` };
    }
    for (const end of phraseBreaks(form, language).reverse()) {
      const head = form.slice(0, end).trim();
      if (head.length + 1 <= longest && head.length >= maxChars / 2)
        yield { bullet: `${head}${ELLIPSIS}`, midClause: true };
    }
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

/** A noun and と before 、: the first of two things the main clause names together (「AとBを並べる」). */
const JA_PAIRED_NOUN = /[\p{Script=Han}\p{Script=Katakana}ー]と[、，]$/u;

/** Japanese endings that join a subordinate clause to the main one. */
const JA_CONJUNCTIVE =
  /(?:ことで|ことにより|ことによって|ため(?:に)?|ので|のに|ながら|けれど(?:も)?|ところ|結果)(?=[^、。])/gu;

/** Before a preposition: the end of a phrase, the last resort for a long English sentence without clauses. */
const EN_PHRASE_STARTERS =
  /\s(?=(?:in|on|at|for|with|during|across|over|under|through|by|to|from|and|or)\s)|\s(?=[a-z]+\senough\s(?:to|for)\s)/giu;
/** Words that need the preposition after them ("due to", "able to", "concerned by", "used to"). */
const NEEDS_COMPLEMENT =
  /(?:\b(?:due|able|going|according|want|wants|need|needs|have|has|had|is|are|was|were|be|been|used|likely|set|way|order|close|next|up|down)|\w+ed|\w{3,}ing)$/iu;

function phraseBreaks(text: string, language: Language): number[] {
  if (language !== 'en') return [];
  return [...text.matchAll(EN_PHRASE_STARTERS)]
    .map((m) => m.index)
    .filter((at) => !NEEDS_COMPLEMENT.test(text.slice(0, at)));
}

/** English subordinators: a clause starting with one is not a point on its own. */
const EN_SUBORDINATE_START =
  /^(?:as|when|while|if|because|although|though|after|before|since|unless|whereas|whatever|whether|despite|once|until)\b/iu;
/** An instruction: a verb first (not a plural noun: "Deliveries by bike…"), then its object or a preposition ("Start by flattening…", "Set the blade…"). */
const EN_IMPERATIVE =
  /^(?!(?:The|A|An|This|That|These|Those|It|Its|In|On|At|By|For|With|Most|Many|Some|All|Each|Every|One|No)\s)(?![A-Z][a-z]*[^s]s\s)[A-Z][a-z]+\s(?:by|the|a|an|your|it|them|each|every|both|three|two|four|five|up|down|off|out|over|with|until)\b/u;

/** A pronoun and its verb: "We light a small fire…". */
const EN_PRONOUN_SUBJECT = /^(?:We|I|You|They|He|She|It)\s[a-z]{2,}\s/u;

/** An ellipsis cut that does not carry a point: a lone subordinate clause, or (en) no predicate before the cut. */
function weakCut(bullet: string, language: Language): boolean {
  if (!bullet.endsWith(ELLIPSIS)) return false;
  const head = bullet.slice(0, -1);
  if (language === 'ja') return false;
  if (EN_SUBORDINATE_START.test(head)) return true;
  // "The priest, Fidelis Mukonori…", "Deliveries by cargo bike, which businesses started…": the
  // cut must come after the subject and its verb (not a verb inside an aside).
  const main = head.replace(/,\s(?:which|who|whom|whose|where)\b.*$/u, '');
  const words = main.split(/\s+/u);
  const lastClause = head.split(/[,:;]\s/u).at(-1) ?? head;
  return (
    (!EN_PREDICATE.test(words.slice(1).join(' ')) &&
      !EN_IMPERATIVE.test(main) &&
      !EN_PRONOUN_SUBJECT.test(main)) ||
    // "The logbooks, kept without a break from 1871 to 1989…": a subject and an aside, no verb.
    (/^[A-Z][^,]{1,40},\s(?:[a-z]+(?:ed|en|ing)|kept|made|built|held|known|found|left|led|seen|sold|paid)\s[^,]+$/u.test(
      head,
    ) &&
      !EN_FINITE_VERB.test(head)) ||
    // "…recover energy: when a crane lowers a box…": the clause it sets up is cut off.
    (lastClause !== head && EN_SUBORDINATE_START.test(lastClause)) ||
    // "…in addition to the slain foreigners — from Italy…": an aside between dashes cut after a word or two.
    /\s[—–]\s(?:\S+\s){0,2}\S+$/u.test(head) ||
    // "…to the high school, which sits…": a relative clause cut after a word or two.
    /,\s(?:which|who|whom|whose|where|when)(?:\s\S+){0,2}$/u.test(head) ||
    /\b(?:due|able|according|such|part|set|going|enough)$/iu.test(head) ||
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

/** What a narration's caveat or reveal gains over the sentence it turns, as its bullet. */
const TURN_WORTH = 1;

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
      // A caveat or a reveal after the claim is what the slide must not leave out: the claim
      // shown alone says more than the article (「一方で、…恐れもあり」, 「そう、…自分の姿だったのです」).
      if (order > 0 && turnsPrevious(s.text, language) && !deniesPrevious(s.text, language))
        worth += TURN_WORTH;
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
  if (!best || best.leadIn) return undefined;
  const order = sentences.findIndex((s) => toBullet(s.text, language, maxChars) === best.bullet);
  const topic = order > 0 ? leadInTopic(sentences[order - 1]!.text, language) : undefined;
  const labelled = topic && language === 'ja' ? `${topic}：${best.bullet}` : undefined;
  // 「熱すぎると…」 says what is too hot only with the topic its lead-in named.
  if (labelled && labelled.length <= maxChars && !best.bullet.includes(topic!)) return labelled;
  // 「…」とくぎを刺した with no one said to say it: the speaker of the sentence before it (「研究員は」).
  const speaker =
    order > 0 ? saidBySameSpeaker(sentences[order - 1]!.text, sentences[order]!.text, language) : undefined;
  if (speaker && best.bullet === bulletText(sentences[order]!.text, language)) {
    const named = `${speaker}は、${best.bullet}`;
    if (named.length <= longestBullet(maxChars, language)) return named;
  }
  // "…was supposed to prove them right. It did not": the reply that turns the claim down is shown with it.
  const reply = sentences[order + 1]?.text.trim();
  if (order >= 0 && reply && deniesPrevious(reply, language) && !best.bullet.endsWith(ELLIPSIS)) {
    const turned = `${best.bullet}${language === 'ja' ? '。' : '. '}${reply.replace(TRAILING_STOP, '')}`;
    if (turned.length <= longestBullet(maxChars, language)) return turned;
  }
  return best.bullet;
}

/** A Japanese sentence that ends by saying who said the quotation before it: 「…」と分析する / とくぎを刺した. */
const JA_SAID_END =
  /」と[^。「」]{0,12}(?:語|話|述べ|説明|指摘|強調|分析|言|くぎを刺|訴え|期待)[^。「」]{0,8}。?$/u;
/** The speaker a Japanese sentence opens with: 「研究員は」. */
const JA_SPEAKER = /^([^、。「」はが]{1,12})は[、，]?(?=「)/u;

/**
 * The speaker of `previous` when `sentence` goes on with the same speaker's words without naming
 * them (「研究員は「…」と分析する。一方で、…「…」とくぎを刺した」), else undefined.
 */
function saidBySameSpeaker(previous: string, sentence: string, language: Language): string | undefined {
  if (language !== 'ja') return undefined;
  const text = stripLeadingConnective(sentence.trim(), language);
  if (!JA_SAID_END.test(text) || !JA_SAID_END.test(previous.trim())) return undefined;
  // The sentence names its own speaker or topic outside its quotation.
  const outside = text.replace(/「[^」]*」/gu, '');
  if (/^[^、。]{1,12}は[、，]?/u.test(outside)) return undefined;
  return JA_SPEAKER.exec(stripLeadingConnective(previous.trim(), language))?.[1];
}

/** The topic a Japanese lead-in names: 「もう一つのコツは、ぬるま湯の温度です」 → 「ぬるま湯の温度」. */
const JA_LEAD_IN_TOPIC =
  /^(?:もう一つ|もうひとつ|もう1つ|もう１つ|ほかに|他に|次)の?(?:コツ|ポイント|注意点|秘訣|決め手|理由|特徴|違い)は、?([^、。「」]{2,16}?)(?:です|だ|でした)。?$/u;

function leadInTopic(text: string, language: Language): string | undefined {
  if (language !== 'ja' || !isLeadIn(text, language)) return undefined;
  return JA_LEAD_IN_TOPIC.exec(text.trim())?.[1];
}
