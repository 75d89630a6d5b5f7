import type { Language, Section } from '../schema/script.ts';
import { slideSentences, slideTitle } from './slide-title.ts';
import { titleKey } from './topic-title.ts';

/** A heading with its subtopic ("A quiet quay: energy recovery") is at most this long. */
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
  if (turn < 0) return;
  const own = slides.slice(turn, end).flatMap((s) => s.narrations.map((n) => n.text));
  const said = own.join(' ');
  const subtopic = slideTitle(slideSentences(own, language), language, {
    elsewhere: context.sentences.filter((s) => !said.includes(s)),
    avoid: [titleKey(heading, language), ...context.headings],
  });
  if (!subtopic) return;
  const title = joinTitle(heading, subtopic, language);
  if (title.length > SUBTOPIC_TITLE_MAX[language]) return;
  for (let k = turn; k < end; k++) if (slides[k]!.layout !== 'quote') slides[k] = { ...slides[k]!, title };
}

/** "A quiet quay: energy recovery", 「作り方：生地の発酵」, "Why wood? Natural glaze". */
function joinTitle(heading: string, subtopic: string, language: Language): string {
  if (language === 'ja')
    return /[？！?!]$/u.test(heading) ? `${heading}　${subtopic}` : `${heading}：${subtopic}`;
  if (/[?!]$/u.test(heading)) return `${heading} ${subtopic}`;
  return `${heading}: ${subtopic}`;
}
