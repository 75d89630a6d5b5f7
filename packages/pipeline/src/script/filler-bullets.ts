import type { Language, Narration, Section } from '../schema/script.ts';
import { needsPredecessor } from './dependence.ts';
import { informationScore, isLeadIn } from './key-sentences.ts';
import { splitSentences } from './sentences.ts';
import { scopeTitle } from './slide-title.ts';
import { extractTerms } from './terms.ts';

/** Longest an English sentence is that only sets the scene. */
const SCENE_CHARS = 72;

/** An invitation to picture the scene: "Walk along the eastern terminal at dawn and…", "Imagine…". */
const EN_SCENE = /^(?:Walk|Stand|Stroll|Step|Drive|Look|Listen|Imagine|Picture|Visit)\s/u;

/**
 * Whether a narration only leads in or sets the scene: a lead-in ("Money is the other question…",
 * 「もう一つのコツは…」), or (English) one short sentence without a number or a name that invites
 * the viewer to picture a scene ("Walk along the eastern terminal at dawn and the difference is
 * obvious.") or only comments on what came before ("That is a good result for a wood firing."),
 * and shares no word with the slide's title.
 */
function isFiller(text: string, title: string, language: Language): boolean {
  if (isLeadIn(text, language)) return true;
  if (language !== 'en') return false;
  const sentences = splitSentences(text, language);
  if (sentences.length !== 1 || text.length > SCENE_CHARS || /\d|(?<=\s)(?!I\b)[A-Z]/u.test(text))
    return false;
  if (!EN_SCENE.test(text) && !needsPredecessor(text, language)) return false;
  const titleTerms = new Set(extractTerms(title, language));
  return !extractTerms(text, language).some((term) => titleTerms.has(term));
}

/** English counts in words and names (a capitalised word after the first): what a plain remark lacks. */
const EN_SUBSTANCE =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|million|billion|percent|half|dozen)\b|(?<=\s)(?!I\b)[A-Z][\w'’-]+/u;

/** Whether a narration says something with a number or a name (a quotation, for Japanese, too). */
function hasSubstance(text: string, language: Language): boolean {
  return language === 'en' ? EN_SUBSTANCE.test(text) : informationScore(text, language) > 0;
}

/**
 * A sentence about the text or its readers rather than the subject: where the text goes next
 * ("In the next chapter we will…", "This chapter explains…", 「次の章では」), or an appeal to the
 * reader ("send us a note", "We always need more people for the night shifts", 「ご連絡ください」).
 */
const EN_META =
  /^(?:In\s)?(?:this|the\s(?:next|previous|following|last)|our\s(?:next|last))\s(?:chapter|article|post|blog post|guide|tutorial|episode|newsletter|video)\b|\b(?:send|drop)\sus\s(?:a|an)\s(?:note|message|line|email|e-mail)\b|\b(?:get in touch|contact us|let us know|sign up for|subscribe to|follow us)\b|^(?:We|I)\s(?:always\s|still\s|urgently\s|really\s)?need\s(?:more\s|a few\s|some\s|extra\s)?(?:people|volunteers|helpers|hands|help)\b/iu;
const JA_META =
  /^(?:次の章|次章|次回|前の章|この章|本章|この記事|本記事|今回の記事)(?:では|で|は|でも)|お問い合わせ|ご連絡(?:を)?(?:ください|お待ち)|ご応募(?:ください|お待ち)|募集して(?:い)?ます/u;

/**
 * Whether the narration opens its slide by saying what the text covers: its bullet stays (the
 * slide is about it; without it the slide showed nothing while it was said).
 */
function opensWithScope(slide: Section, narration: Narration, language: Language): boolean {
  return slide.narrations[0] === narration && scopeTitle([narration.text], language) !== undefined;
}

/** Whether a bullet is about the text or its readers, not the subject (see EN_META). */
export function isMetaBullet(bullet: string, language: Language): boolean {
  return (language === 'ja' ? JA_META : EN_META).test(bullet);
}

/**
 * A slide's bullets are its most informative narrations: a narration that only leads in or sets
 * the scene shows no bullet when another narration of the slide says something with a number or a
 * name (it is still said). A slide whose narrations are all plain keeps them all, and so does a
 * list item (`keep`: the narrations read from a list).
 */
export function withoutFillerBullets(
  slide: Section,
  language: Language,
  keep: ReadonlySet<string> = new Set(),
): Section {
  const bulleted = slide.narrations.filter((n) => n.bullet !== undefined && n.speaker === 'narrator');
  // A bullet about the text or its readers gives way to any other bullet of the slide.
  const meta = new Set(
    bulleted
      .filter(
        (n) =>
          !keep.has(n.text) &&
          isMetaBullet(slide.bullets[n.bullet!] ?? '', language) &&
          !opensWithScope(slide, n, language),
      )
      .map((n) => n.bullet!),
  );
  const hasOther = slide.bullets.some((_, b) => !meta.has(b));
  const filler = new Set(
    bulleted
      .filter((n) => !keep.has(n.text) && !meta.has(n.bullet!) && isFiller(n.text, slide.title, language))
      .map((n) => n.bullet!),
  );
  const better = bulleted.some(
    (n) =>
      !filler.has(n.bullet!) &&
      !meta.has(n.bullet!) &&
      !isLeadIn(n.text, language) &&
      hasSubstance(n.text, language),
  );
  const dropped = new Set([...(hasOther ? meta : []), ...(better ? filler : [])]);
  if (dropped.size === 0) return slide;
  const kept = slide.bullets.map((_, b) => b).filter((b) => !dropped.has(b));
  const narrations = slide.narrations.map((n): Narration => {
    if (n.bullet === undefined) return n;
    if (dropped.has(n.bullet)) {
      const { bullet: _bullet, ...rest } = n;
      return rest;
    }
    return { ...n, bullet: kept.indexOf(n.bullet) };
  });
  return { ...slide, bullets: kept.map((b) => slide.bullets[b]!), narrations };
}
