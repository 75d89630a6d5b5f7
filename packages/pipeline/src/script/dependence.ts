import type { Language } from '../schema/script.ts';

/**
 * Openers that point back to the sentence before: a pronoun or determiner standing for
 * something already said, or a connective that continues an argument ("It did not.",
 * "Whatever it decides, …", 「しかもそのイヌも…」, 「二つ目は…」), or one that backs up the claim just
 * made ("Indeed, …", 「実際、…」).
 */
const POINTS_BACK: Record<Language, RegExp> = {
  en: /^[(“"‘']?(?!this (?:year|week|month|summer|winter|spring|autumn|fall|morning|evening|time|article|chapter|story|book|post|guide|page|video)\b)(?:it|this|that|these|those|he|she|they|his|her|their|its|him|them|such|whatever|but|and|so|also|yet|still|instead|however|nor|both|neither|the other|another|the second|the third|the latter|the former|even so|as a result|in turn|indeed|in fact)\b/iu,
  ja: /^[「『（(]?(?!この(?:冬|夏|春|秋|日|年|週|月|ほど|たび|お話|話|記事|本|章|作品|ページ)|ここ数)(?:それ|これ|あれ|その|この|あの|そこ|ここ|そう|こう|しかし|しかも|また[、，]|さらに|そして|でも|だが|ただ[、，し]|つまり|一方|ところが|実際(?:[、，]|には|は[、，])|けれども|けれど[、，]|だけど|ですが|とはいえ|それなのに|だから|そこで|すると|それでも|なお|もう一つ|もうひとつ|もう1つ|もう１つ|[二三四五2-5２-５]つ目|第[二三四五]に|彼|同氏|同社|同市|同町|同村|[ぁ-んァ-ヶ一-龠]{1,4}すぎ(?:ると|れば|たら|ては))/u,
};

/** "A dull one crushes the fibres…": 'one' standing for a noun the sentence before named ("A sharp chisel…"). */
const ONE_FOR_NOUN = /^(?:A|An|The)\s(?!number\b)[a-z]+\sones?(?![-\w])(?!\sof\b)/u;

/** "A pharmacy and two restaurants have followed": did what someone in the sentence before did. */
const FOLLOWS_SOMEONE =
  /\b(?:(?:have|has|had)\s(?:since\s|now\s|also\s)?(?:followed(?:\ssuit)?|done\sthe\ssame)|followed\ssuit|did\sthe\ssame|(?:will|would|may|might|could)\s(?:soon\s)?(?:follow(?:\ssuit)?|do\sthe\ssame))[.!]?$/iu;

/**
 * "According to the port's engineers, that recovered energy covers…", "If it has gone evenly…": a
 * demonstrative after a leading attribution, or a pronoun opening a leading condition, points back
 * just as it does at the start.
 */
const POINTS_BACK_AFTER_ATTRIBUTION =
  /^(?:(?:according to [^,]{1,80}|in (?:practice|fact|turn)|on (?:average|paper)),\s+(?!this (?:year|week|month|time)\b)(?:that|this|these|those|such)\s+[a-z]|(?:if|when|once|until|unless|as soon as|because|although)\s+(?:it|they|this|these|those)\b)/iu;

/**
 * A Japanese predicate said as "more so" (より after 、 or at the start, not 「Xより」 "than X"),
 * with nothing in the sentence it is more than: it compares with what the sentence before did.
 */
const COMPARES_WITH_PREVIOUS =
  /(?:^|[、，])(?:より|いっそう|一層)(?:深く|よく|強く|多く|早く|大きく|確かに|はっきり|いっそう)[^。]*[。]?$/u;

/** A quote whose speaker is only a pronoun: the sentence naming who speaks is needed. */
const PRONOUN_SPEAKER =
  /[,，!?！？]["”’']\s+(?:he|she|they)\s+(?:said|says|added|adds|told|explained|argued|recalled|noted|warned)\b|\b(?:said|says|added)\s+(?:he|she|they)\s*[.!?]\s*$/iu;

/**
 * Whether a sentence only makes sense right after the one before it in the article, so that it
 * is either narrated after it or not at all.
 */
export function needsPredecessor(text: string, language: Language): boolean {
  const trimmed = text.trim();
  if (POINTS_BACK[language].test(trimmed)) return true;
  if (language === 'en' && (ONE_FOR_NOUN.test(trimmed) || FOLLOWS_SOMEONE.test(trimmed))) return true;
  // 「…という教えが、より深く伝わります」: "more deeply" than without what the sentence before did.
  if (language === 'ja' && COMPARES_WITH_PREVIOUS.test(trimmed)) return true;
  return language === 'en' && (PRONOUN_SPEAKER.test(trimmed) || POINTS_BACK_AFTER_ATTRIBUTION.test(trimmed));
}

/** 「三つの要因を挙げる」 / "for three reasons": a sentence announcing a count of items. */
export const ANNOUNCES_ITEMS: Record<Language, RegExp> = {
  ja: /[二三四五六2-6２-６]つの(?:理由|要因|ポイント|方法|コツ|特徴|点|ステップ|段階|課題)|[二三四五六2-6２-６]点(?:が|を|あり|ある)/u,
  en: /\b(?:two|three|four|five|six|2|3|4|5|6)\s(?:main\s|key\s|big\s)?(?:reasons|factors|ways|steps|things|points|lessons|changes|findings|rules|problems|questions)\b/iu,
};
export const FIRST_ITEM: Record<Language, RegExp> = {
  ja: /^[「『（(]?(?:一つ目|ひとつ目|1つ目|１つ目|第一に|第1に|まず[、，])/u,
  en: /^(?:first(?:ly)?|the first|start by|begin by)\b/iu,
};
export const LATER_ITEM: Record<Language, RegExp> = {
  ja: /^[「『（(]?(?:[二三四五六2-6２-６]つ目|ふたつ目|みっつ目|第[二三四五六2-6]に|最後に)/u,
  en: /^(?:second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth|finally|next,|then\b(?! again)|the (?:second|third|fourth|last))\b/iu,
};

/**
 * Whether a text (one or more sentences) announces an enumeration or says one of its items: it is
 * said with the rest of the enumeration or not at all.
 */
export function isEnumerationPart(text: string, language: Language): boolean {
  return text
    .split(/(?<=[。！？.!?])\s*/u)
    .map((sentence) => sentence.trim())
    .some(
      (sentence) =>
        ANNOUNCES_ITEMS[language].test(sentence) ||
        FIRST_ITEM[language].test(sentence) ||
        LATER_ITEM[language].test(sentence),
    );
}

/** A story's sentence: told in the polite past (「…ました。」「…のです。」). */
const STORY_SENTENCE_END =
  /(?:ました|でした|ません|ませんか|のです|ということです|ています)[」』）)]*[。！？!?]?[」』]*$/u;
const STORY_OPENING = /^(?:once upon a time|long,? long ago|long ago,|むかしむかし|昔々|むかし、|ある日)/iu;
/** Share of a part's sentences told like a story for the part to be one. */
const STORY_SHARE = 0.8;
const MIN_STORY_SENTENCES = 4;

/**
 * Whether sentences tell a story: each event leads to the next, so the story is told whole and in
 * order, or from its start without gaps. A story opens like one, or (in Japanese) most of its
 * sentences end in the polite past.
 */
export function isStory(sentences: readonly string[], language: Language): boolean {
  if (sentences.length < MIN_STORY_SENTENCES) return false;
  if (STORY_OPENING.test(sentences[0]!.trim())) return true;
  if (language !== 'ja') return false;
  const told = sentences.filter((s) => STORY_SENTENCE_END.test(s.trim())).length;
  return told / sentences.length >= STORY_SHARE;
}

const NOT_A_THING = new Set([
  'same',
  'other',
  'first',
  'last',
  'next',
  'most',
  'best',
  'rest',
  'way',
  'time',
  'end',
]);

/**
 * Whether `earlier` introduces ("you can feel a small burr") a thing `later` names with "the"
 * ("remove the burr"): said without it, "the burr" names nothing the viewer has heard of.
 */
export function introducesThingOf(earlier: string, later: string): boolean {
  return [...later.matchAll(/\bthe ([a-z]{3,})\b(?![-'’])/giu)]
    .map((m) => m[1]!.toLowerCase())
    .some(
      (noun) =>
        !NOT_A_THING.has(noun) && new RegExp(`\\ban? (?:[a-z-]+ ){0,2}${noun}\\b`, 'iu').test(earlier),
    );
}

/**
 * Openers of a sentence that qualifies the claim right before it: a condition, an exception or
 * the other side (「ただし…必ず表示を確認してください」「一方で…恐れもあり」, "But…", "Unless…").
 * The claim is not said without it.
 */
const QUALIFIES: Record<Language, RegExp> = {
  ja: /^(?:ただし|ただ[、，]|しかし|だが|でも[、，]|けれども|けれど[、，]|ところが|とはいえ|もっとも|一方で?[、，]|それでも)/u,
  en: /^(?:(?:but|however|yet|unless)\b|even so\b|that said\b|on the other hand\b|still,)/iu,
};

/**
 * A short reply that turns the sentence before it down ("It did not.", 「そうはならなかった。」): the
 * expectation before it, said alone, claims the opposite of the article.
 */
const DENIES_PREVIOUS: Record<Language, RegExp> = {
  en: /^(?:it|they|he|she|that|this|nobody|no one|none of (?:it|them))\s(?:did|does|was|were|is|are|has|have|had|would|could|will)(?:\s?not|n['’]t)(?:\s\w+)?[.!]?$/iu,
  ja: /^(?:しかし、|だが、|ところが、)?(?:そうはならなかった|そうではなかった|そうはいかなかった)(?:のです|のだ)?。?$/u,
};

/** Whether `text` is a short reply that turns the sentence before it down ("It did not."). */
export function deniesPrevious(text: string, language: Language): boolean {
  return DENIES_PREVIOUS[language].test(text.trim());
}

/**
 * Narrations (in order) that must share a slide, as [first, last] spans: a claim and the caveat
 * that opens the next narration in the same paragraph (「ただし、…必ず表示を確認してください」). On a
 * slide of its own, a caveat reads as a tip about nothing in particular. A paragraph that opens
 * with 「一方、」 turns to another topic, not to a caveat.
 */
export function caveatSpans(
  narrations: ReadonlyArray<{ text: string; sentences: ReadonlyArray<{ paragraph: number }> }>,
  language: Language,
): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 1; i < narrations.length; i++) {
    const claim = narrations[i - 1]!.sentences.at(-1)?.paragraph;
    const caveat = narrations[i]!;
    if (claim === caveat.sentences[0]?.paragraph && qualifiesPrevious(caveat.text, language))
      spans.push([i - 1, i]);
  }
  return spans;
}

/** Narrations a run of leaning sentences may hold together on one slide. */
const MAX_LEANING_RUN = 4;

/**
 * Narrations (in order) that must share a slide, as [first, last] spans: one that leans on the
 * sentence right before it in the article, as its bullet shows it (`shown`, undefined for none) ("A dull one crushes the fibres…" after "A sharp
 * chisel slices end grain cleanly…", "The burr is the sign…" after "…a small burr") and that
 * sentence, a chain of them as one span (up to MAX_LEANING_RUN narrations). On a slide of its own,
 * its words point at nothing on screen.
 */
export function leaningSpans(
  narrations: ReadonlyArray<{ text: string; sentences: ReadonlyArray<{ index: number; paragraph: number }> }>,
  language: Language,
  shown: (text: string, at: number) => string | undefined = (text) => text,
): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 1; i < narrations.length; i++) {
    const before = narrations[i - 1]!;
    const leaning = narrations[i]!;
    const last = before.sentences.at(-1);
    const first = leaning.sentences[0];
    if (!last || !first || first.index !== last.index + 1) continue;
    // A paragraph that opens on a contrast (「一方、…」, "However, …") turns to another topic.
    if (first.paragraph !== last.paragraph && qualifiesPrevious(leaning.text, language)) continue;
    // What its bullet shows leans, not what is only said: a connective the bullet leaves out
    // (「さらに、」, "Also,") or a narration without a bullet shows nothing that points back.
    const text = shown(leaning.text, i);
    if (
      text === undefined ||
      (!needsPredecessor(text, language) && !(language === 'en' && introducesThingOf(before.text, text)))
    )
      continue;
    const open = spans.at(-1);
    if (open && open[1] === i - 1 && i - open[0] < MAX_LEANING_RUN) open[1] = i;
    else spans.push([i - 1, i]);
  }
  return spans;
}

/**
 * Slide cuts moved out of `spans` (narrations a slide may not be cut inside): a cut inside a span
 * goes where `place` puts it, given the span, the cut before it and the one after it; `fixed` (the
 * cut before a panel's narration) stays.
 */
export function cutsOutsideSpans(
  cuts: readonly number[],
  spans: ReadonlyArray<[number, number]>,
  narrations: number,
  fixed: number | undefined,
  place: (span: [number, number], before: number, next: number) => number,
): number[] {
  const sorted = [...cuts].sort((a, b) => a - b);
  const moved = sorted.map((cut, k) => {
    const span = spans.find(([first, last]) => cut > first && cut <= last);
    if (!span || cut === fixed) return cut;
    return place(span, k > 0 ? sorted[k - 1]! : 0, sorted[k + 1] ?? narrations);
  });
  return [...new Set(moved)].filter((cut) => cut > 0 && cut < narrations).sort((a, b) => a - b);
}

/**
 * Slide cuts moved out of `spans` of narrations that lean on each other (see leaningSpans): a
 * cut inside one moves to after it when the slide before stays within `maxPerSlide` narrations
 * (the point and what leans on it close the slide), else to its start. `fixed` (the cut before a
 * panel's narration) stays.
 */
export function cutsKeepingTogether(
  cuts: readonly number[],
  spans: ReadonlyArray<[number, number]>,
  narrations: number,
  maxPerSlide: number,
  fixed?: number,
): number[] {
  return cutsOutsideSpans(cuts, spans, narrations, fixed, ([first, last], before, next) => {
    const after = last + 1;
    if (after < next && after - before <= maxPerSlide) return after;
    return first > before ? first : after;
  });
}

/**
 * Openers and forms of a sentence that reveals what the one before really was: 「そう、川の中にいた
 * のは、水にうつった自分の姿だったのです」, "It turned out…", "In fact…".
 */
const REVEALS: Record<Language, RegExp> = {
  ja: /^(?:そう|実は|じつは|本当は|ほんとうは)[、，]|のは[、，]?[^。]{2,40}(?:だったのです|だったのでした|だったのだ)。?$/u,
  en: /^(?:in fact|actually|in reality|it turned out|as it turned out)\b/iu,
};

/**
 * Whether `text` turns or settles the sentence before it: a caveat (see qualifiesPrevious) or a
 * reveal. Shown without it, the sentence before says something else than the article.
 */
export function turnsPrevious(text: string, language: Language): boolean {
  return qualifiesPrevious(text, language) || REVEALS[language].test(text.trim());
}

/**
 * Whether `text` qualifies the sentence before it (in the same paragraph): that sentence said
 * alone would claim more than the article does.
 */
export function qualifiesPrevious(text: string, language: Language): boolean {
  return QUALIFIES[language].test(text.trim()) || deniesPrevious(text, language);
}

/** A sentence that is nothing but quoted words: “…” / 「…」, with no one said to say them. */
const QUOTE_ONLY: Record<Language, RegExp> = {
  ja: /^「[^「」]+」[。]?$/u,
  en: /^[“"][^“”"]+[”"]$/u,
};
/** A sentence that quotes someone and names who: “…,” said X / X said: “…” / 「…」と話した. */
const QUOTES_SOMEONE: Record<Language, RegExp> = {
  ja: /」と[^。「」]{0,20}(?:語|話|述べ|説明|指摘|強調|分析|言|期待|くぎを刺)/u,
  en: /[”"],?\s+(?:[^.”"]{0,60}\s)?(?:said|says|added|adds|told|explained|argued|warned|recalled)\b|\b(?:said|says|added|told [^:]{1,40}):\s*[“"]/u,
};

/**
 * Whether `text` goes on with the quotation of the sentence before (`previous`): “Once they were
 * cleared first, people trusted them…” after “We stopped treating the bike lanes as an
 * afterthought,” said Dana Whitfield. The two halves are one quotation, said together.
 */
export function continuesQuote(previous: string, text: string, language: Language): boolean {
  return QUOTE_ONLY[language].test(text.trim()) && QUOTES_SOMEONE[language].test(previous);
}
