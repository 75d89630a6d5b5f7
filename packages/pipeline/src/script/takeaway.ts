import type { Language } from '../schema/script.ts';
import { sameBullet } from './bullets.ts';
import { needsPredecessor } from './dependence.ts';
import { CHANGE, informationScore, isLeadIn } from './key-sentences.ts';

/**
 * What a conclusion is not: a plan or an announcement ("will", 「方針だ」, a date, "on sale"),
 * a pointer to what comes next ("In the next chapter"), or a call to the reader ("send us a
 * note"). An article's last paragraph is often one of these; said as "the conclusion" it misleads.
 */
const NOT_A_CONCLUSION: Record<Language, RegExp> = {
  en: /^in \d{4}\b|\b(?:will|plans? to|expects?|expected to|next (?:step|chapter|week|month|year|time)|in the next|on sale|tickets?|send us|sign up|open to visitors|subscribe|contact us|join us|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2})\b/iu,
  ja: /^[\d０-９]{4}年|^今後|(?:(?:検討|調べ|計画)して(?:い|お)|方針|予定|考えだ|見通し|次回|次の章|発売|販売|お知らせ|募集|お問い合わせ|\d{1,2}月\d{1,2}日|[０-９]{1,2}月[０-９]{1,2}日)/u,
};

/** Whether the sentence can be said as the article's takeaway. */
export function readsAsConclusion(sentence: string, language: Language): boolean {
  return !NOT_A_CONCLUSION[language].test(sentence);
}

/** 「一つ目は…」 / "First, …": an item that leans on the list it belongs to. */
const ENUMERATED = /^(?:[一二三四五1-5１-５]つ目|first|second|third)/iu;
/** A point said on its own: a sentence with a verb, not a list item ("A fine stone, around 6,000 grit"). */
const HAS_PREDICATE: Record<Language, RegExp> = {
  en: /\s(?:is|are|was|were|be|been|has|have|had|will|would|can|could|must|may|might|do|does|did|[a-z]{2,}ed|[a-z]{3,}s)\b/u,
  ja: /(?:[ぁ-ん]|[だたするいうくつぬむ])$/u,
};
/** A verb among a sentence's first words: an auxiliary, a past form, or a present -s form after the subject. */
const EN_EARLY_VERB =
  /\b(?:is|are|was|were|has|have|had|will|would|can|could|must|may|might|does|did|found|made|took|gave|went|came|became|rose|fell|left|kept|got|said|told|built|cost|sent|ran|began|[a-z]{2,}ed)\b|^(?:\S+\s){0,2}[a-z]{3,}s\b/u;
const MIN_POINT_CHARS: Record<Language, number> = { en: 30, ja: 12 };
/** Words of a conclusion or a finding: such a point is worth repeating at the end. */
export const CONCLUDES: Record<Language, RegExp> = {
  en: /\b(?:can work|works|worked|the lesson|means|shows|showed|found|proved|key|matters|point is)\b/iu,
  ja: /(?:実を結|成功|分かった|わかった|大切|重要|ポイント|結論|教訓|できます|でしょう)/u,
};

/**
 * A point that refers to something said before it: "The difference…", "This…", a pronoun. Out of
 * the body's context, at the end, it means nothing.
 */
const NEEDS_CONTEXT: Record<Language, RegExp> = {
  en: /^(?:the (?:difference|change|result|answer|reason|problem|idea|move|plan|same)\b|this|that|these|those|it|its|they|them|their|he|she|his|her|we|our|such|so|but|and|then|still|instead|others?|both)\b/iu,
  ja: /^(?:これ|それ|あれ|この|その|あの|こう|そう|そこ|ここ|彼|彼女|しかし|でも|だが|また|さらに|そして|ただ)/u,
};

/** A point worth repeating carries a number, a change or a finding. */
function carriesFinding(text: string, language: Language): boolean {
  return /[\d０-９]/u.test(text) || CONCLUDES[language].test(text) || CHANGE[language].test(text);
}

/** A pointer to what comes after the article, not a point of it. */
const POINTS_AHEAD: Record<Language, RegExp> = {
  en: /\b(?:in the next|next (?:chapter|post|week|time|part))\b/iu,
  ja: /(?:次回|次の章|次章|今後)/u,
};
/** The start of a story's scene rather than a point: "Last January I bought…", 「ある日のこと、…」. */
const ANECDOTE: Record<Language, RegExp> = {
  en: /^(?:last|one|for most of|years ago|when I|back in)\b|\bI\s(?:bought|went|had|was|used)\b/iu,
  ja: /^(?:ある日|むかし|昔|そのとき|その日)/u,
};

/**
 * The points a closing repeats: up to `max` (2) bullets of the sentences said in the body that tell
 * the most (key-sentence score, numbers, changes, findings, conclusions), at most one from each
 * section, in the order they were
 * shown. Lead-ins, cut clauses, quotations without their speaker, list items, and points that
 * lean on the sentence before or on the body's context ("The difference…", "This…") are left
 * out, and so is what the takeaway says; points with a number, a change or a finding come first
 * (only they are repeated when there are any).
 */
export function closingPoints(
  slides: ReadonlyArray<ReadonlyArray<{ bullet: string; score: number }>>,
  language: Language,
  options: { max?: number; except?: string } = {},
): string[] {
  const { max = 2, except } = options;
  const best: Array<{ text: string; worth: number; at: number }> = [];
  for (const [at, slide] of slides.entries()) {
    const points = slide
      .filter(
        ({ bullet: b }) =>
          !b.endsWith('…') &&
          b.length >= MIN_POINT_CHARS[language] &&
          !/^[“"「『[【(（]/u.test(b) &&
          // "To this, other changes…", "As the report states: …": leans on something not said here.
          !/^(?:to|in|with|for|by|of|from|after|besides|like)\s(?:this|that|these|those|it|them)\b|^as\s[^,:]{0,40}(?:states|said|says|puts it|notes)\b/iu.test(
            b,
          ) &&
          !/[？?]$/u.test(b) &&
          !ENUMERATED.test(b) &&
          !needsPredecessor(b, language) &&
          !NEEDS_CONTEXT[language].test(b) &&
          !isLeadIn(b, language) &&
          HAS_PREDICATE[language].test(b) &&
          // "A coarse stone, around 1,000 grit, for…": an item of a list of things, not a point.
          !(
            language === 'en' &&
            /^(?:A|An)\s/u.test(b) &&
            !EN_EARLY_VERB.test(b.split(/\s+/u).slice(1, 6).join(' '))
          ) &&
          !POINTS_AHEAD[language].test(b) &&
          // A plan or an announcement is repeated only when it carries a number ("will cost €310 million").
          (readsAsConclusion(b, language) || /[\d０-９]/u.test(b)) &&
          !except?.includes(b),
      )
      .map(({ bullet: text, score }) => ({
        text,
        at,
        worth:
          0.5 * score +
          informationScore(text, language) +
          (CONCLUDES[language].test(text) ? 0.3 : 0) +
          (CHANGE[language].test(text) ? 0.4 : 0) +
          (carriesFinding(text, language) ? 1 : 0),
      }))
      // The start of a story's scene is not a point to repeat.
      .filter((p) => !ANECDOTE[language].test(p.text));
    const top = points.reduce<(typeof points)[number] | undefined>(
      (a, b) => (!a || b.worth > a.worth ? b : a),
      undefined,
    );
    if (top && !best.some((p) => sameBullet(p.text, top.text))) best.push(top);
  }
  // Points with a number or a finding, when there are any.
  const findings = best.filter((p) => carriesFinding(p.text, language));
  return (findings.length > 0 ? findings : best)
    .sort((a, b) => b.worth - a.worth || a.at - b.at)
    .slice(0, max)
    .sort((a, b) => a.at - b.at)
    .map((p) => p.text);
}
