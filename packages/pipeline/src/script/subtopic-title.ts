import type { Language, Section } from '../schema/script.ts';
import { SLIDE_TITLE_MAX, slideSentences, slideTitle } from './slide-title.ts';
import { titleKey } from './topic-title.ts';
import { WORDING } from './wording.ts';

/** A heading with its subtopic or subsection ("A quiet quay: energy recovery", "History: Construction") is at most this long. */
export const SUBTOPIC_TITLE_MAX: Record<Language, number> = { ja: 24, en: 48 };

/** A heading shown over this many slides in a row has continuation slides that may have moved on. */
const MIN_RUN = 2;

/**
 * A sentence that turns away from what came before: "Noise is not the main argument, though.",
 * "However, …", 「一方、…」. Under one heading, the slides from it on are about something else.
 */
const TURNS: Record<Language, RegExp> = {
  en: /^(?:(?:but|however|yet|meanwhile|on the other hand)\b|[^.!?]{3,80},\s+though[.!?])/iu,
  ja: /^(?:一方|しかし|ところが|とはいえ)[、，]/u,
};

export interface SubtopicContext {
  /** The article's sentences. */
  sentences: readonly string[];
  /** Keys (titleKey) of the article's headings: no subtopic repeats one. */
  headings: readonly string[];
  /** Narrations that say a list item: a list goes on under its heading unchanged. */
  listed: ReadonlySet<string>;
}

/**
 * Titles for the continuation slides of a section with a real heading. The heading stays (it is the
 * article's structure), but when a later slide turns away from it ("Noise is not the main argument,
 * though. Each diesel crane burns…"), that slide and the rest of the run carry the heading with
 * their subtopic ("A quiet quay: Battery store"): the phrase that names what they say. The first
 * slide, quote slides, and a turn inside a list keep the heading.
 * `headings[k]` is the heading title of slide k's section, undefined for a section without one.
 */
export function withSubtopicTitles(
  slides: Section[],
  headings: ReadonlyArray<string | undefined>,
  language: Language,
  context: SubtopicContext,
): void {
  for (let start = 0; start < slides.length; ) {
    const heading = headings[start];
    let end = start + 1;
    while (end < slides.length && heading !== undefined && slides[end]!.title === heading) end++;
    if (heading !== undefined && slides[start]!.title === heading && end - start >= MIN_RUN)
      retitleRun(slides, start, end, heading, language, context);
    start = end;
  }
}

function retitleRun(
  slides: Section[],
  start: number,
  end: number,
  heading: string,
  language: Language,
  context: SubtopicContext,
): void {
  const turn = slides.findIndex(
    (slide, k) =>
      k > start &&
      k < end &&
      slide.layout !== 'quote' &&
      TURNS[language].test(slide.narrations[0]?.text.trim() ?? '') &&
      !slide.narrations.some((n) => context.listed.has(n.text)),
  );
  // A slide that opens by naming its point ("Another tip is water temperature.") is titled by that name.
  for (let k = start + 1; k < end; k++) {
    const slide = slides[k]!;
    if (slide.layout === 'quote' || slide.narrations.some((n) => context.listed.has(n.text))) continue;
    const named = announcedTopic(slide.narrations[0]?.text ?? '', language);
    if (named !== undefined && named !== heading) slides[k] = { ...slide, title: named };
  }
  const long = end - start >= LONG_RUN;
  // A story's slides are its scenes: each one after the first is named by what happens in it.
  const story = heading === WORDING[language].storyTitle;
  if (turn < 0 && !long && !story) return;
  const from = turn >= 0 ? turn : start + 1;
  const titles: Array<string | undefined> = [];
  let previous: { title: string; subtopic: string } | undefined;
  for (let k = from; k < end; k++) {
    const slide = slides[k]!;
    const listed = slide.narrations.some((n) => context.listed.has(n.text));
    const subtopic =
      slide.layout === 'quote' || listed ? undefined : ownSubtopic(slide, heading, language, context, story);
    // A scene keeps its story's title before it; a heading's later slide is titled by what it adds alone
    // ("Recovered energy", not "A quiet quay: Recovered energy", which reads as machine-made).
    const titled =
      subtopic === undefined ? undefined : story ? joinTitle(heading, subtopic, language) : subtopic;
    // The subtopic of the slide before goes on when this slide says it too.
    const title =
      titled !== undefined && titled.length <= SUBTOPIC_TITLE_MAX[language] && titled !== heading
        ? { title: titled, subtopic: subtopic! }
        : previous !== undefined && saysTitle(slide, previous.subtopic, language)
          ? previous
          : undefined;
    previous = title;
    titles.push(title?.title);
  }
  // A slide without a subtopic keeps the heading plainly: a number ("What you need (2)") says nothing of it.
  for (let k = from; k < end; k++) {
    // A quote slide, and a slide that names its own point, keep their titles.
    if (slides[k]!.layout === 'quote' || slides[k]!.title !== heading) continue;
    slides[k] = { ...slides[k]!, title: titles[k - from] ?? heading };
  }
}

/**
 * 「もう一つのコツは、ぬるま湯の温度です。」, "Another tip is water temperature.": a sentence that
 * names the next point of a list the heading announces. Its noun phrase says what the slide is about.
 */
const ANNOUNCED: Record<Language, RegExp> = {
  ja: /^(?:もう一つ|もうひとつ|二つ目|三つ目|最後)の[\p{Script=Han}\p{Script=Katakana}ー]{1,6}は、?([^、。「」をがにでともはや]{0,8}[\p{Script=Han}\p{Script=Katakana}ー々](?:の[^、。「」をがにでともはや]{0,6}[\p{Script=Han}\p{Script=Katakana}ー々])?)(?:です|だ|である)。/u,
  en: /^(?:another|a second|the second|a third|the third|the other|the last|the final)\s+[a-z]+\s+is\s+(?:the\s+)?(?!(?:that|to|because|how|what|when|why|if|it|this|they|we|you|not|also|just|simple|easy|important)\b)([a-z]+(?:\s+[a-z]+){0,2})\.(?:\s|$)/iu,
};

function announcedTopic(text: string, language: Language): string | undefined {
  const topic = ANNOUNCED[language].exec(text.trim())?.[1];
  if (topic === undefined || topic.length > SLIDE_TITLE_MAX[language]) return undefined;
  return language === 'ja' ? topic : topic.charAt(0).toUpperCase() + topic.slice(1);
}

/** A run of this many slides under one heading has each continuation slide named by what it says, else by the heading. */
const LONG_RUN = 3;

/** A turn that only announces a change ("Noise is not the main argument, though."): not what the slide is about. */
const SHORT_TURN: Record<Language, number> = { en: 60, ja: 25 };

/**
 * What one slide says, as a subtopic of its heading: a phrase of its key sentence (its first, after
 * a short turn sentence), else of any of its sentences, named by what the slide shows.
 */
function ownSubtopic(
  slide: Section,
  heading: string,
  language: Language,
  context: SubtopicContext,
  story = false,
): string | undefined {
  const own = slide.narrations.map((n) => n.text);
  const sentences = slideSentences(own, language);
  const opening = sentences[0]?.trim() ?? '';
  const key =
    sentences.length > 1 && TURNS[language].test(opening) && opening.length <= SHORT_TURN[language]
      ? sentences[1]
      : opening;
  const said = own.join(' ');
  const options = {
    elsewhere: context.sentences.filter((s) => !said.includes(s)),
    avoid: [titleKey(heading, language), ...context.headings],
    phrasesOnly: true,
    shown: [
      ...(key ? [key] : []),
      ...slide.bullets,
      ...(slide.figure?.context ? [slide.figure.context] : []),
    ],
    ...(key ? { key } : {}),
    // A subtopic is true of every point the slide shows, not of one ("A quiet quay: Diesel crane" over fuel and energy recovery);
    // a scene of a story is named by what happens in it.
    ...(story ? { plot: true } : { covers: slide.bullets.length > 0 ? slide.bullets : key ? [key] : [] }),
  };
  // A subtopic names what several points of the slide share: over one point or one panel it only
  // repeats that point's detail ("What comes next: Diesel machines" over "34 diesel machines").
  // One point (or a panel): a phrase of its key sentence names what the slide adds, so long as it is not
  // what the panel already shows in large ("Diesel machines" over "34 diesel machines").
  if (!story && slide.bullets.length < 2) {
    if (!key) return undefined;
    const one = slideTitle(sentences, language, {
      ...options,
      keyOnly: true,
      covers: [key, ...slide.bullets],
      // What the sentence is about (its subject, a described noun), not a noun of its setting ("Typical pull request").
      strong: true,
      minShare: 0.3,
      minWeight: 1,
    });
    if (one !== undefined && !repeatsValue(one, slide.figure?.value, language)) return one;
    return occasionTitle(key, language);
  }
  // A scene is named by what it opens with (its first narration), never by a later turn of the
  // plot: a title that names the reveal gives the twist away before the narration tells it.
  if (story) return slideTitle(slideSentences(own.slice(0, 1), language), language, options);
  return (
    // A subtopic only has to stand out under its heading: what the key sentence is about, even when said again later.
    slideTitle(sentences, language, { ...options, keyOnly: true, minShare: 0.3, minWeight: 1 }) ??
    slideTitle(sentences, language, options)
  );
}

/** 「食べるときは、電子レンジで…」: a point that opens with the occasion it is for. */
const JA_OCCASION =
  /^((?:[\p{Script=Han}\p{Script=Katakana}ー]{1,6}[をにで])?[\p{Script=Han}]{1,4}(?:する|べる|める|ける|れる|せる|く|ぐ|す|つ|ぬ|ぶ|む|う|る)とき)(?:は|には)、/u;

/** The occasion a one-point slide opens with (「食べるとき」): what the slide adds to its heading. */
function occasionTitle(key: string, language: Language): string | undefined {
  if (language !== 'ja') return undefined;
  const occasion = JA_OCCASION.exec(key.trim())?.[1];
  return occasion !== undefined && occasion.length <= SLIDE_TITLE_MAX.ja ? occasion : undefined;
}

/** Whether a title says a word of the figure the slide shows in large. */
function repeatsValue(title: string, value: string | undefined, language: Language): boolean {
  if (value === undefined) return false;
  if (language === 'ja')
    return [...title.matchAll(/[\p{Script=Han}\p{Script=Katakana}ー]{2,}/gu)].some((m) =>
      value.includes(m[0]),
    );
  const words = new Set(titleKey(value, language).split(' '));
  return titleKey(title, language)
    .split(' ')
    .some((w) => words.has(w));
}

/** "A quiet quay: energy recovery", 「作り方：生地の発酵」, "Why wood? Natural glaze". */
function joinTitle(heading: string, subtopic: string, language: Language): string {
  if (language === 'ja')
    return /[？！?!]$/u.test(heading) ? `${heading}　${subtopic}` : `${heading}：${subtopic}`;
  if (/[?!]$/u.test(heading)) return `${heading} ${subtopic}`;
  return `${heading}: ${subtopic}`;
}

/** Whether a slide's narrations say a title's words (every word of it, in any form). */
export function saysTitle(slide: Section, title: string, language: Language): boolean {
  const text = slide.narrations.map((n) => n.text).join(' ');
  if (language === 'ja') return text.includes(title);
  const words = new Set(titleKey(text.replace(/[^\p{L}\p{N}'’\s-]/gu, ' '), language).split(' '));
  return titleKey(title, language)
    .split(' ')
    .every((w) => words.has(w));
}
