import type { Language } from '../schema/script.ts';
import { sameBullet } from './bullets.ts';
import { needsPredecessor } from './dependence.ts';
import { CHANGE, informationScore, isFragment, isLeadIn } from './key-sentences.ts';
import { extractTerms } from './terms.ts';

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
  en: /\s(?:is|are|was|were|be|been|has|have|had|will|would|can|could|must|may|might|do|does|did|[a-z]{2,}ed|[a-z]{3,}s)\b|\b(?:we|they|you|I)\s[a-z]{2,}\b/u,
  ja: /(?:[ぁ-ん]|[だたするいうくつぬむ])$/u,
};
/** A verb among a sentence's first words: an auxiliary, a past form, or a present -s form after the subject. */
const EN_EARLY_VERB =
  /\b(?:is|are|was|were|has|have|had|will|would|can|could|must|may|might|does|did|found|made|took|gave|went|came|became|rose|fell|left|kept|got|said|told|built|cost|sent|ran|began|[a-z]{2,}ed)\b|^(?:\S+\s){0,2}[a-z]{3,}s\b/u;
const MIN_POINT_CHARS: Record<Language, number> = { en: 30, ja: 12 };
/** A rule stated in a few words ("Sharpen little and often.") is a point however short. */
const MIN_MAXIM_CHARS: Record<Language, number> = { en: 15, ja: 8 };
/** Words of a conclusion or a finding: such a point is worth repeating at the end. */
export const CONCLUDES: Record<Language, RegExp> = {
  en: /\b(?:(?:can|could|does|did) work|it works|worked (?:well|out)|the lesson|means|shows|showed|found|proved|key|matters|point is)\b/iu,
  ja: /(?:実を結|成功|分かった|わかった|大切|重要|ポイント|結論|教訓|できます|でしょう)/u,
};
/** Words that mark a sentence as the article's summary or moral. */
export const CONCLUSION_CUES: Record<Language, RegExp> = {
  ja: /(?:つまり|結局|このように|要するに|まとめる(?:と|なら)|結論|教訓|大切なのは|重要なのは|ということです)/u,
  en: /\b(?:in short|overall|ultimately|in the end|the lesson|the moral|in conclusion|the takeaway|the point is|bottom line|what matters)\b/iu,
};
/** Words that state a finding: what was measured, found or changed ("58 percent", 「実を結んだ」). */
const FINDS: Record<Language, RegExp> = {
  en: /\b(?:found|showed|shows|concluded|proved|percent|record(?:ed|s)?|rose|fell|doubled|halved|reduced|increased|cut|saved|skips?|faster|slower|more than|less than)\b|\b(?:down|up) (?:to|from|by) (?:about |around |roughly )?[€$£¥]?\d/iu,
  ja: /(?:結果|判明|分かった|わかった|実を結|成功|初めて|増え|減っ|倍に|割|短く|長く|達した|上回|下回|なくなり)/u,
};

/** An amount of money or a magnitude ("€310 million", 「４億円」): the figure a reader remembers. */
const MONEY: Record<Language, RegExp> = {
  en: /[€$£¥]\s?\d|\d\s?(?:million|billion)\b/u,
  ja: /(?:[万億]円|[\d０-９]円)/u,
};

/**
 * A point that refers to something said before it: "The difference…", "This…", a pronoun. Out of
 * the body's context, at the end, it means nothing.
 */
const NEEDS_CONTEXT: Record<Language, RegExp> = {
  en: /^(?!this (?:year|week|month|summer|winter|spring|autumn|fall|morning|evening|time|post|article|chapter|guide|book|story)\b)(?:the (?:difference|change|result|answer|reason|problem|idea|move|plan|same)\b|this|that|these|those|it|its|they|them|their|he|she|his|her|we|our|such|so|but|and|then|still|instead|others?|both)\b/iu,
  ja: /^(?!この(?:冬|夏|春|秋|日|年|週|月|たび|記事|章|本|お話|話))(?:同様|同じ|前述|これ|それ|あれ|この|その|あの|こう|そう|そこ|ここ|彼|彼女|しかし|でも|だが|また|さらに|そして|ただ)/u,
};

/** A pointer to what comes after the article, not a point of it. */
const POINTS_AHEAD: Record<Language, RegExp> = {
  en: /\b(?:in the next|next (?:chapter|post|week|time|part)|(?:covered|explained|described) in (?:chapter|part|section) \d+)\b/iu,
  ja: /(?:次回|次の章|次章|今後)/u,
};
/** The start of a story's scene rather than a point: "Last January I bought…", 「ある日のこと、…」. */
const ANECDOTE: Record<Language, RegExp> = {
  en: /^(?:last|one|for most of|years ago|when I|back in)\b|^I\s(?:still\s)?(?:remember|recall|[a-z]{3,}ed)\b|^when\s[^,]{0,80}\b(?:[a-z]{3,}ed|was|were|had|did|came|went|began|built|bought)\b|\bI\s(?:bought|went|had|was|used)\b/iu,
  ja: /^(?:ある日|むかし|昔|そのとき|その日)/u,
};
/**
 * What people expected before the article shows otherwise ("…was supposed to prove them right",
 * 「…と予想されていた」): the set-up of a point, not the point.
 */
const SET_UP: Record<Language, RegExp> = {
  en: /\b(?:(?:was|were) supposed to|(?:had )?expected (?:the|that|it|them)|predicted|nobody (?:expected|thought))\b/iu,
  ja: /(?:はずだった|と思われていた|と予想されていた|と言われていた|と見られていた)/u,
};
/** A greeting or the writer introducing themselves (「こんにちは、…の山田です。」). */
const GREETING: Record<Language, RegExp> = {
  en: /^(?:hi|hello|hey|welcome)\b|^my name is\b|^(?:many )?thanks\b|\bthank you\b|\bcontributed to this (?:report|article)\b/iu,
  ja: /^(?:こんにちは|こんばんは|はじめまして|おはようございます)|^[^。]{0,20}の[^。、]{1,8}です。?$|ありがとうございました/u,
};
/** A sentence that announces what follows ("…were as follows: 1.", "…is usually told like this:"). */
const ANNOUNCES: Record<Language, RegExp> = {
  en: /(?:as follows|like this|the following)\s*:|:\s*\d+\.?$/iu,
  ja: /(?:次の|以下の)(?:とおり|通り)|[:：]\s*[\d０-９]+\.?$/u,
};
/** The article talking about itself ("This chapter explains…", 「この記事では…紹介します」). */
const ABOUT_ITSELF: Record<Language, RegExp> = {
  en: /\b(?:this|the) (?:chapter|post|article|guide|page|piece|story|video|tutorial) (?:explains|tries|covers|looks|describes|shows|walks|will)\b/iu,
  ja: /(?:この記事|本記事|この章|本章|このページ)(?:では|で)|(?:を|について)(?:紹介|説明|解説)(?:します|していきます)/u,
};
/**
 * A procedure's step ("Next, set the blade…", "Then raise the angle…", 「ふたをして、…焼きます」): a
 * step of a how-to, not its point.
 */
const STEP: Record<Language, RegExp> = {
  en: /^(?:next|then|finally|after that|start by|begin by|finish (?:by|with)|now)\b|^(?:if|once|when)\b[^,]{0,80},\s(?:the|it|you)\b[^,]{0,40}\b(?:is|are) (?:right|done|ready|fine)\b/iu,
  ja: /^(?:次に|それから|最後に|まず)|[ぁ-ん]ば[、，]?[^。]{0,12}(?:大丈夫|OK|完成|目安|十分)|(?:て|てから|たら)、[^。]*(?<!でき|なり|あり|い)ます。?$/u,
};

/**
 * Whether a sentence makes sense on its own at the end of the video: a whole sentence with a
 * predicate, not a quotation without its speaker, a question, a list item, a lead-in, a step of a
 * procedure, the set-up of a point, the article announcing itself, a pointer ahead, the start of
 * a story's scene, or a plan without a number. `maxim` admits a short rule ("Sharpen little and
 * often.").
 */
export function standsAlone(text: string, language: Language, options: { maxim?: boolean } = {}): boolean {
  const t = text.trim();
  const min = options.maxim ? MIN_MAXIM_CHARS[language] : MIN_POINT_CHARS[language];
  return (
    !t.endsWith('…') &&
    t.length >= min &&
    // A quotation without its speaker, or a list item's marker ("* Newly finished things…").
    !/^[“"「『[【(（*•・]/u.test(t) &&
    // "To this, other changes…", "As the report states: …": leans on something not said here.
    !/^(?:to|in|with|for|by|of|from|after|besides|like)\s(?:this|that|these|those|it|them)\b|^as\s[^,:]{0,40}(?:states|said|says|puts it|notes)\b/iu.test(
      t,
    ) &&
    !/[？?]$/u.test(t) &&
    !ENUMERATED.test(t) &&
    !STEP[language].test(t) &&
    !isLeadIn(t, language) &&
    (options.maxim && language === 'en'
      ? !isFragment(t)
      : HAS_PREDICATE[language].test(t.replace(/[。.!！]+$/u, ''))) &&
    // "A coarse stone, around 1,000 grit, for…": an item of a list of things, not a point.
    !(
      language === 'en' &&
      /^(?:A|An)\s/u.test(t) &&
      !EN_EARLY_VERB.test(t.split(/\s+/u).slice(1, 6).join(' '))
    ) &&
    !POINTS_AHEAD[language].test(t) &&
    !ANECDOTE[language].test(t) &&
    !GREETING[language].test(t) &&
    !ANNOUNCES[language].test(t) &&
    !SET_UP[language].test(t) &&
    // The article announcing what it covers is a point only when it names a result.
    !(ABOUT_ITSELF[language].test(t) && !/[\d０-９]/u.test(t)) &&
    // A plan or an announcement is a point only when it carries a number ("will cost €310 million")
    // or sums up ("Ultimately, … gamers will notice").
    (readsAsConclusion(t, language) || /[\d０-９]/u.test(t) || CONCLUSION_CUES[language].test(t))
  );
}

/** Whether a sentence leans on the one before it: said at the end, it must follow that sentence. */
export function leansOnPrevious(text: string, language: Language): boolean {
  const t = text.trim();
  return (
    needsPredecessor(t, language) ||
    NEEDS_CONTEXT[language].test(t) ||
    REFERS_BACK[language].test(t) ||
    (language === 'en' && EARLY_THEM.test(t))
  );
}

/** Words inside a sentence that point back: "everyone else", "we also found", "that one". */
const REFERS_BACK: Record<Language, RegExp> = {
  en: /\b(?:everyone|everybody|anyone|anything|something) else\b|\b(?:we|it|they|he|she|this|that) also\b|\b(?:that|this) one\b|\bthe (?:same|latter|former)\b|\b(?:by|in) contrast\b|,\s(?:however|though|too|instead),/iu,
  ja: /(?:同様に|同じように|前述)/u,
};

/** "The port wants the first of them…": a pronoun among the first words, before anything it could name. */
const EARLY_THEM = /^(?:\S+\s){0,6}(?:of|from|for|with|about) (?:them|these|those)\b/iu;

/** Where a candidate point comes from in the article. */
export type PointOrigin =
  /** The lead: what the headline and the first paragraphs say. */
  | 'lead'
  /** A finding of the body (a measured result) the video said. */
  | 'finding'
  /** A sentence that sums up ("In short, …", a "Conclusion" section) or the article's concluding last words. */
  | 'conclusion';

export interface PointCandidate {
  /** The sentence, as the article says it. */
  text: string;
  /** How the slide shows it. */
  bullet: string;
  origin: PointOrigin;
  /** The sentence's place in the article (consecutive sentences have consecutive numbers). */
  at: number;
  /** The part of the article it is in (the lead, or a body section): one finding per part. */
  part: number;
  /** Always repeated when it fits (the article's concluding last words). */
  required?: boolean;
  /** The first sentence its part says: a section states its point first. */
  opens?: boolean;
  /**
   * The clause of the point before it that its bullet left out (the headline number: "Its managers
   * say the change will cut … by 40 percent"): said right after that point, whenever it is.
   */
  completes?: boolean;
  /** The point it completes is never said without it (a warning's stated response). */
  needed?: boolean;
  /** Its part's heading asks a question ("Why wood?", 「なぜ…」): a reason there is the part's answer. */
  answers?: boolean;
}

export interface RecapOptions {
  /** Characters the points may take together. */
  maxChars: number;
  /** Characters one point may take. */
  maxPointChars: number;
  /** Terms of the article's title: the headline states the main point. */
  titleTerms: readonly string[];
  max?: number;
}

/** At most this many recap points: more reads as a second pass through the body. */
const MAX_POINTS = 4;
/** At most this many points from the lead: the recap names the body's points too. */
const MAX_LEAD_POINTS = 2;
/** A point is repeated only when it is worth at least this share of the best point. */
const WORTH_SHARE = 0.55;
const CHAINED_WORTH_SHARE = 0.45;
/** A point worth less than this is a detail, however weak the others are. */
const MIN_WORTH = 0.8;
/**
 * Words a writer marks a main point with ("must", "the most common mistake", 「必ず」「いちばん」):
 * the instruction or the warning a reader should keep.
 */
const EMPHASIS: Record<Language, RegExp> = {
  en: /\b(?:always|never|must|the (?:most|main|biggest|key|weak) (?:\w+ )?(?:mistake|point|reason|risk|problem|thing|argument)|weak point|most important|warn(?:s|ed|ing)?)\b/iu,
  ja: /(?:必ず|いちばん|一番|最も|もっとも|大切|重要|ポイント|欠かせ)/u,
};
/**
 * A reason or what something becomes: why a section exists ("because…", "which is why…", "the ash
 * melts into a natural glaze", 「…ため」).
 */
const REASON: Record<Language, RegExp> = {
  en: /\b(?:because|which is why|that is why|the reason|thanks to|(?:melts?|turns?|becomes?|changes?) into)\b/iu,
  ja: /(?:ため(?:だ|です)。?$|から(?:だ|です)。?$|のはこのため|おかげで)/u,
};
/**
 * A caveat or a warning of the article ("warned", "risk", "has not been ruled out", 「恐れ」
 * 「まだわからない」): what a reader must not forget, a point of the recap.
 */
const CAVEAT: Record<Language, RegExp> = {
  en: /\b(?:warn(?:s|ed|ing)?|risks?|not (?:yet )?(?:been )?ruled out|remains to be seen|too early to|unclear)\b/iu,
  ja: /(?:恐れ|おそれ|まだ(?:わから|分から)|かどうかは|懸念|くぎを刺|注意が必要|課題)/u,
};
/** Whether the sentence states a caveat or a warning. */
export function isCaveat(text: string, language: Language): boolean {
  return CAVEAT[language].test(text);
}

/**
 * A side fact: a scene, a sound or a feeling of the body ("At night the only sounds are…",
 * 「…の姿も増えている」, "…is strangely calm"), or what people talk about rather than what happened.
 */
const SIDE_FACT: Record<Language, RegExp> = {
  en: /\b(?:sounds?|smells?|strangely|hum|roar|quiet|calm)\b/iu,
  ja: /(?:話題になって|姿も|とも言われ|ようだ。?$)/u,
};

/**
 * The points the closing repeats as the article's main point, in the article's order: the
 * conclusions and the required last words first, then the lead's statement of the headline and
 * the body's measured findings, as far as `maxChars` allows, at most MAX_POINTS and only those
 * worth WORTH_SHARE of the best (fewer, better points). A point that leans on the sentence
 * before it ("The plan will cost €310 million") is repeated only right after that sentence.
 * Lead sentences count only when they carry a number, a finding or most of the title's words.
 */
export function recapPoints(
  candidates: readonly PointCandidate[],
  language: Language,
  options: RecapOptions,
): PointCandidate[] {
  const { maxChars, maxPointChars, titleTerms, max = MAX_POINTS } = options;
  const worthOf = (c: PointCandidate): number | undefined => {
    if (c.text.length > maxPointChars || c.bullet.length === 0) return undefined;
    const share = titleShare(c.text, titleTerms, language);
    const numbers = /[\d０-９]/u.test(c.text);
    const concludes = CONCLUDES[language].test(c.text);
    const finds =
      FINDS[language].test(c.text) || CHANGE[language].test(c.text) || MONEY[language].test(c.text);
    // The article's first sentence (its lede) states its point; the rest of the lead must carry one.
    const lede = c.origin === 'lead' && c.at === 0;
    const emphasised = EMPHASIS[language].test(c.text);
    const reason = REASON[language].test(c.text);
    const caveat = CAVEAT[language].test(c.text);
    if (c.origin === 'lead' && !lede && !numbers && !finds && !concludes && share < 0.5) return undefined;
    // A finding of the body states a result or a conclusion, or at least carries a number
    // ("promised for the autumn of 2027"; worth less: it may be a step of a procedure).
    // A reason or a caveat is a section's point too.
    if (c.origin === 'finding' && !numbers && !concludes && !finds && !emphasised && !reason && !caveat)
      return undefined;
    const onlyNumbers = c.origin === 'finding' && !concludes && !finds && !emphasised && !reason && !caveat;
    const base = c.origin === 'conclusion' ? 1.2 : c.origin === 'lead' ? (lede ? 1.1 : 0.8) : 0.4;
    return (
      base +
      informationScore(c.text, language) +
      0.6 * share +
      (concludes ? 0.3 : 0) +
      (finds ? 0.2 : 0) +
      (MONEY[language].test(c.text) ? 0.2 : 0) +
      (emphasised ? 0.4 : 0) +
      (reason ? (c.answers ? 0.7 : 0.3) : 0) +
      (caveat ? 0.6 : 0) +
      (c.opens ? 0.3 : 0) -
      (SIDE_FACT[language].test(c.text) ? 0.5 : 0) -
      // A plan or an announcement of the body ("The next step is a tender…") is news, not its point
      // (the lead's plan is the headline).
      (c.origin === 'finding' && !readsAsConclusion(c.text, language) ? 0.3 : 0) -
      (onlyNumbers ? 0.3 : 0) -
      // A bullet cut before its numbers ("…by 2030…" without the "40 percent") loses the finding.
      (keepsNumbers(c.bullet, c.text) ? 0 : 0.4)
    );
  };
  const completions = candidates.filter((c) => c.completes);
  const scored = candidates
    .filter((c) => !c.completes)
    .map((c) => ({ c, worth: worthOf(c) }))
    .filter((x): x is { c: PointCandidate; worth: number } => x.worth !== undefined)
    // The required first; then by worth.
    .sort((a, b) => Number(b.c.required ?? false) - Number(a.c.required ?? false) || b.worth - a.worth);
  // The best point said on its own (one that leans on the sentence before it may never be said),
  // of the lead and of the body apart: a strong headline does not silence every section.
  const bestOf = (lead: boolean) =>
    Math.max(
      0,
      ...scored
        .filter(
          (x) => !x.c.required && (x.c.origin === 'lead') === lead && !leansOnPrevious(x.c.text, language),
        )
        .map((x) => x.worth),
    );
  const bestLead = bestOf(true);
  const bestBody = bestOf(false);
  const worthy = (x: { c: PointCandidate; worth: number }) =>
    x.c.required ||
    (x.worth >= MIN_WORTH &&
      x.worth >=
        (leansOnPrevious(x.c.text, language) ? CHAINED_WORTH_SHARE : WORTH_SHARE) *
          (x.c.origin === 'lead' ? bestLead : bestBody));
  // One point for each part of the body that has one worth repeating, its later parts included:
  // the lead's second point takes a place only when no part's point worth a share of it needs it.
  const secondLead =
    scored.filter((x) => x.c.origin === 'lead' && !x.c.required && worthy(x)).map((x) => x.worth)[1] ?? 0;
  const partsWithPoints = new Set(
    scored
      .filter(
        (x) =>
          x.c.origin !== 'lead' &&
          worthy(x) &&
          x.worth >= WORTH_SHARE * secondLead &&
          !leansOnPrevious(x.c.text, language),
      )
      .map((x) => x.c.part),
  ).size;
  const maxLead = Math.max(1, Math.min(MAX_LEAD_POINTS, max - partsWithPoints));
  const chosen: PointCandidate[] = [];
  let used = 0;
  let leadCap = maxLead;
  let onePerPart = true;
  const allowed = (c: PointCandidate) =>
    chosen.length < max &&
    !chosen.some((p) => p.at === c.at || sameBullet(p.bullet, c.bullet)) &&
    // One point from each part of the body: the recap is not a second pass through one section.
    (c.origin === 'lead'
      ? chosen.filter((p) => p.origin === 'lead' && !p.completes).length < leadCap
      : // A part's caveat is a point besides its finding (one of each).
        onePerPart === false ||
        !chosen.some(
          (p) =>
            p.origin !== 'lead' &&
            p.part === c.part &&
            CAVEAT[language].test(p.text) === CAVEAT[language].test(c.text),
        )) &&
    (!leansOnPrevious(c.text, language) || chosen.some((p) => p.at === c.at - 1));
  // A point that leans on the one before may be taken once that one is: look again after each pick.
  const fill = () => {
    for (let added = true; added; ) {
      added = false;
      for (const { c, worth } of scored) {
        // A point that completes the one before it ("The plan will cost €310 million") needs less on its own.
        const share = leansOnPrevious(c.text, language) ? CHAINED_WORTH_SHARE : WORTH_SHARE;
        const best = c.origin === 'lead' ? bestLead : bestBody;
        if ((!c.required && (worth < share * best || worth < MIN_WORTH)) || !allowed(c)) continue;
        // A point is said as its bullet shows it (its short whole form, never a cut), so what the
        // viewer hears is what appears; the concluding last words are said as the article says them.
        const said = c.required || !isWholeForm(c.bullet) ? c : { ...c, text: c.bullet };
        // The clause its bullet left out (the headline number), or the response to a warning, is
        // said right after it; a warning is never said without its response.
        const tail = completions.find((t) => t.at === c.at + COMPLETION_STEP);
        const needs = tail?.needed ? tail.text.length : 0;
        if (tail?.needed && chosen.length + 2 > max) continue;
        // The best point that does not fit ends the recap: a lesser one is not said in its place.
        if (used + said.text.length + needs > maxChars) {
          if (c.required || tail?.needed) continue;
          return;
        }
        chosen.push(said);
        used += said.text.length;
        if (tail && chosen.length < max && used + tail.text.length <= maxChars) {
          chosen.push(tail);
          used += tail.text.length;
        }
        added = true;
        break;
      }
    }
  };
  fill();
  // The lead's second point takes a place the parts left free.
  if (leadCap < MAX_LEAD_POINTS) {
    leadCap = MAX_LEAD_POINTS;
    fill();
  }
  // A recap of one point, when a part has a second one worth repeating, names that one too.
  if (chosen.filter((p) => !p.completes).length === 1) {
    onePerPart = false;
    fill();
  }
  return done(chosen);
}

/** A completion's place: right after the point it completes, before the next sentence. */
export const COMPLETION_STEP = 0.5;

/** Whether a bullet is a sentence of its own (not a cut ending with "…"). */
function isWholeForm(bullet: string): boolean {
  return bullet.length > 0 && !bullet.endsWith('…');
}

/** Whether the bullet shows every number of its sentence. */
function keepsNumbers(bullet: string, text: string): boolean {
  const numbers = text.match(/[\d０-９][\d０-９.,，．]*/gu) ?? [];
  return numbers.every((n) => bullet.includes(n.replace(/[.,，．]+$/u, '')));
}

/** The chosen points in the article's order. */
function done(chosen: PointCandidate[]): PointCandidate[] {
  return chosen.sort((a, b) => a.at - b.at);
}

/** Share of the title's terms a sentence says (a prefix match: "sharpen" says "sharp"). */
function titleShare(text: string, titleTerms: readonly string[], language: Language): number {
  const unique = [...new Set(titleTerms)];
  if (unique.length === 0) return 0;
  const terms = extractTerms(text, language);
  const says = (term: string) =>
    terms.some(
      (t) =>
        t === term || (Math.min(t.length, term.length) >= 4 && (t.startsWith(term) || term.startsWith(t))),
    );
  return unique.filter(says).length / unique.length;
}
