import type { Language, Script, Section } from '../schema/script.ts';
import { leansOnPrevious, standsAlone } from './takeaway.ts';

/** The longest key point: a rule read at a glance in a large panel. */
const MAX_CHARS: Record<Language, number> = { en: 75, ja: 30 };

/**
 * Words of a rule or a conclusion: an always/never, a must or should, a comparison ("more
 * dangerous than"), a general "if you …, …", a consequence (", so both matter"), something that
 * "can work"; 「…しましょう」「…べき」「…ものです」, a general 「…すると、…」.
 */
const RULE: Record<Language, RegExp> = {
  en: /\b(?:always|never|must|should|need to|needs to|have to|has to|can work|cannot|can't|don't|do not|is key|the key|the secret|the lesson|the rule|matters?|more [a-z]+ than|less [a-z]+ than|[a-z]{3,}er than|better|worse|as long as)\b|^(?:if|when|whenever|once) you\b[^,]*,|,\s(?:so|which is why)\s[a-z]/iu,
  ja: /(?:ましょう|しよう|なさい|べき|べからず|てはいけない|てはならない|なければならない|必要がある|(?:が|は|ことが|のが)(?:大切|大事|重要|肝心)|ほうが(?:よい|いい)|方が(?:よい|いい)|ものです|ものだ|よい方法|[うくすつぬむぶぐる]と[、，][^。]*[うくすつぬむぶぐる]$)/u,
};

/**
 * An order in a few words ("Sharpen little and often", "Keep the stones flat", "Start small"): a
 * first word that is not a determiner, pronoun, preposition or a noun's plural, then an object's
 * determiner, a pronoun, a particle or an adverb (a noun phrase such as "New sounds and tweaks"
 * has none there).
 */
const EN_IMPERATIVE =
  /^(?!(?:a|an|the|this|that|these|those|my|our|your|his|her|its|their|in|on|at|for|with|by|from|of|to|as|after|before|most|many|some|every|each|all|no|one|two|three|i|we|you|he|she|it|they|there|here|what|why|how|who|new|old)\b)[A-Z][a-z]+(?<![^s]s|ed|ing|ly)\s(?:the|a|an|your|it|them|this|that|each|every|one|up|down|out|back|away|little|less|more|often|small|early|late|slow|slowly|[a-z]{3,}ly)\b[a-z ,]*$/u;
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
  if (!standsAlone(t, language, { maxim: true }) || leansOnPrevious(t, language)) return false;
  if (NARRATIVE_PAST[language].test(t)) return false;
  if (RULE[language].test(t)) return true;
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

/** The fewest plain slides in a row that a key point breaks up. */
const MIN_RUN = 3;

/**
 * Breaks up runs of three or more plain bullet slides: a slide of such a run whose bullets include a
 * short standalone rule or conclusion shows it in a large panel instead. At most one slide in four
 * takes the panel, never two slides in a row, and the first pick of a run is the candidate nearest
 * its middle (it splits the run into the shortest parts).
 */
export function withKeyPoints(script: Script): Script {
  const sections = [...script.sections];
  const bodyCount = sections.filter((s) => s.kind === 'body').length;
  let budget = Math.floor(bodyCount / 4);
  const candidates = sections.map((s) => candidate(s, script.language));
  let k = 0;
  while (k < sections.length && budget > 0) {
    if (!isPlain(sections[k]!)) {
      k++;
      continue;
    }
    let end = k;
    while (end < sections.length && isPlain(sections[end]!)) end++;
    // Picks in this run of plain slides [k, end), each leaving parts shorter than MIN_RUN where it can.
    const picks: number[] = [];
    const split = (from: number, to: number) => {
      if (to - from < MIN_RUN || budget === 0) return;
      const middle = (from + to - 1) / 2;
      const options = Array.from({ length: to - from }, (_, j) => from + j).filter(
        (j) => candidates[j] !== undefined && !picks.some((p) => Math.abs(p - j) <= 1),
      );
      const pick = options.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0];
      if (pick === undefined) return;
      picks.push(pick);
      budget -= 1;
      split(from, pick);
      split(pick + 1, to);
    };
    split(k, end);
    for (const p of picks) sections[p] = withKeyPoint(sections[p]!, candidates[p]!);
    k = end;
  }
  return { ...script, sections };
}
