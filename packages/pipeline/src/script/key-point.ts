import type { Language, Script, Section } from '../schema/script.ts';
import { leansOnPrevious, standsAlone } from './takeaway.ts';

/** The longest key point: a rule read at a glance in a large panel. */
const MAX_CHARS: Record<Language, number> = { en: 75, ja: 35 };

/**
 * Words of a rule or a conclusion: an always/never, a must or should, a comparison ("more
 * dangerous than"), a general "if you …, …", a consequence (", so both matter"), something that
 * "can work", a claim about an activity in general ("Sharpening is not a chore…"); 「…しましょう」
 * 「…べき」「…ものです」, a general 「…すると、…」, a firm order (「必ず…てください」「…ないでください」),
 * a judgement (「いちばん多い失敗は…」「…のが弱点です」「…考えだ」「…かどうかは、まだわからない」).
 */
const RULE: Record<Language, RegExp> = {
  en: /\b(?:always|never|must|should|need to|needs to|have to|has to|can work|cannot|can't|don't|do not|is key|the key|the secret|the lesson|the rule|matters?|more [a-z]+ than|less [a-z]+ than|[a-z]{3,}er than|better|worse|as long as)\b|^(?:if|when|whenever|once) you\b[^,]*,|,\s(?:so|which is why)\s[a-z]/iu,
  ja: /(?:ましょう|しよう|なさい|べき|べからず|てはいけない|てはならない|なければならない|必要がある|(?:が|は|ことが|のが)(?:大切|大事|重要|肝心)|ほうが(?:よい|いい)|方が(?:よい|いい)|ものです|ものだ|よい方法|[うくすつぬむぶぐる]と[、，][^。]*[うくすつぬむぶぐる]$|必ず[^。]*[てで]ください$|ないでください$|^(?:いちばん|一番|最も)[^、。]*は[、，]|のが(?:弱点|欠点|長所|利点|特長|特徴|コツ|ポイント|秘訣|近道)(?:です|だ)$|^[^、。]{1,12}(?:では|は)[、，][^。]*考えだ$|(?:かどうか|か)は[、，]?(?:まだ)?(?:わからない|分からない|わかっていない|不透明だ|未知数だ)$)/u,
};

/**
 * An order in a few words ("Sharpen little and often", "Keep the stones flat", "Start small"): a
 * first word that is not a determiner, pronoun, preposition or a noun's plural, then an object's
 * determiner, a pronoun, a particle or an adverb (a noun phrase such as "New sounds and tweaks"
 * has none there).
 */
const EN_IMPERATIVE =
  /^(?!(?:a|an|the|this|that|these|those|my|our|your|his|her|its|their|in|on|at|for|with|by|from|of|to|as|after|before|most|many|some|every|each|all|no|one|two|three|i|we|you|he|she|it|they|there|here|what|why|how|who|new|old)\b)[A-Z][a-z]+(?<![^s]s|ed|ing|ly)\s(?:the|a|an|your|it|them|this|that|each|every|one|up|down|out|back|away|little|less|more|often|small|early|late|slow|slowly|[a-z]{3,}ly)\b[a-z ,]*$/u;
/** A claim about an activity in general: a bare gerund subject denied something ("Sharpening is not a chore…"). */
const ACTIVITY_CLAIM =
  /^(?!(?:Noth|Someth|Anyth|Everyth|Morn|Even|Build|Spr|K)ing\b)[A-Z][a-z]{2,}ing (?:is|are) (?:not|never|no)\b/u;
const EN_FINITE = /\b(?:is|are|was|were|has|have|had|does|did|will|would|[a-z]{3,}ed)\b/iu;

/** Narrative past (「…ました」「…った」, "-ed"): what happened in a story, not its rule. */
const NARRATIVE_PAST: Record<Language, RegExp> = {
  en: /^(?:[A-Z][a-z]+\s){0,3}[a-z]+ed\b/u,
  ja: /(?:ました|でした|った|だった|んだ)[。]?$/u,
};

/** Whether a bullet states a short rule or conclusion that makes sense on its own. */
export function isKeyPoint(text: string, language: Language): boolean {
  const t = text.trim().replace(/[。.!！]+$/u, '');
  if (t.length === 0 || t.length > MAX_CHARS[language]) return false;
  // One sentence, no quotation (that is the quote panel's), no number (the figure panel's).
  if (/[.。!?！？][\s\u3000]|[“”"「」『』:：;；]|[\d０-９]/u.test(t)) return false;
  // Not the author's own story ("I", "my"), nor a "this" standing for what was said before ("try this,").
  if (language === 'en' && /\b(?:I|my|me)\b|\b(?:this|that|these|those)(?:\s*[,;]|$)/u.test(t)) return false;
  // A named body's intent (「町では、…生かしたい考えだ」) is no takeaway of the whole article, but a
  // slide's point: it is judged as the wish it states.
  const judged =
    language === 'ja' ? t.replace(/^([^、。]{1,12}(?:では|は)[、，][^。]*)考えだ$/u, '$1と考える') : t;
  if (!standsAlone(judged, language, { maxim: true }) || leansOnPrevious(t, language)) return false;
  if (NARRATIVE_PAST[language].test(t)) return false;
  if (RULE[language].test(t) || (language === 'en' && ACTIVITY_CLAIM.test(t))) return true;
  return language === 'en' && t.split(/\s+/u).length <= 6 && EN_IMPERATIVE.test(t) && !EN_FINITE.test(t);
}

/** A body slide drawn as bullets only: no picture, figure, quote or numbered steps. */
const isPlain = (section: Section): boolean =>
  section.kind === 'body' && (section.layout ?? 'bullets') === 'bullets' && !section.steps;

/** The bullet of a plain slide that could be its key point: the shortest such bullet said by a narration. */
function candidate(section: Section, language: Language): number | undefined {
  if (!isPlain(section)) return undefined;
  const said = new Set(section.narrations.flatMap((n) => (n.bullet === undefined ? [] : [n.bullet])));
  let best: number | undefined;
  section.bullets.forEach((bullet, b) => {
    if (!said.has(b) || !isKeyPoint(bullet, language)) return;
    if (best === undefined || bullet.length < section.bullets[best]!.length) best = b;
  });
  return best;
}

/** The slide with bullet `b` moved into the key-point panel, shown from the narration that says it. */
function withKeyPoint(section: Section, b: number): Section {
  const at = section.narrations.findIndex((n) => n.bullet === b);
  const bullets = section.bullets.filter((_, k) => k !== b);
  const narrations = section.narrations.map((n) => {
    if (n.bullet === undefined || n.bullet < b) return n;
    const { bullet, ...rest } = n;
    return bullet === b ? rest : { ...rest, bullet: bullet - 1 };
  });
  return {
    ...section,
    bullets,
    narrations,
    layout: 'keypoint',
    keyPoint: { text: section.bullets[b]!.replace(/[。.]$/u, ''), ...(at > 0 ? { narration: at } : {}) },
  };
}

/** A slide that looks like a plain one: a plain body slide, or a closing slide of bullets. */
const looksPlain = (section: Section): boolean =>
  isPlain(section) ||
  (section.kind === 'closing' && (section.layout ?? 'bullets') === 'bullets' && section.bullets.length > 0);

/** The runs [from, to) of slides in a row that look plain, longest first. */
function plainRuns(sections: readonly Section[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let k = 0; k < sections.length; k++) {
    if (!looksPlain(sections[k]!)) continue;
    let end = k;
    while (end < sections.length && looksPlain(sections[end]!)) end++;
    runs.push([k, end]);
    k = end;
  }
  return runs.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
}

/**
 * Breaks up runs of plain bullet slides (a closing slide of bullets counts towards a run, but keeps
 * its bullets): a body slide of such a run whose bullets include a short standalone rule or
 * conclusion shows it in a large panel instead. First every run of three or more is cut, longest
 * first, each pick the candidate nearest the middle of what is left (it splits the run into the
 * shortest parts), until no part is longer than two; then a run of two takes one where the budget
 * allows. At most one body slide in three takes the panel, and never two slides in a row.
 */
export function withKeyPoints(script: Script): Script {
  const sections = [...script.sections];
  const bodyCount = sections.filter((s) => s.kind === 'body').length;
  let budget = Math.floor(bodyCount / 3);
  const candidates = sections.map((s) => candidate(s, script.language));
  const isPanel = (j: number) => sections[j]?.layout === 'keypoint';
  // Picks in the run [from, to), cutting it while a part is at least `shortest` long.
  const split = (from: number, to: number, shortest: number) => {
    if (to - from < shortest || budget === 0) return;
    const middle = (from + to - 1) / 2;
    const options = Array.from({ length: to - from }, (_, j) => from + j).filter(
      (j) => candidates[j] !== undefined && isPlain(sections[j]!) && !isPanel(j - 1) && !isPanel(j + 1),
    );
    const pick = options.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0];
    if (pick === undefined) return;
    sections[pick] = withKeyPoint(sections[pick]!, candidates[pick]!);
    budget -= 1;
    split(from, pick, Math.max(shortest, 3));
    split(pick + 1, to, Math.max(shortest, 3));
  };
  for (const shortest of [3, 2]) for (const [from, to] of plainRuns(sections)) split(from, to, shortest);
  return { ...script, sections };
}
