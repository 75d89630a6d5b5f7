import { type StageContext, throwIfAborted } from '../context.ts';
import { PipelineError } from '../errors.ts';
import { withRubyReadings } from '../extract/ruby-readings.ts';
import type { Article } from '../extract/types.ts';
import {
  type KeyFigure,
  type Language,
  type Narration,
  type Quote,
  type Script,
  type ScriptImage,
  SECTION_TITLE_MAX_CHARS,
  type Section,
} from '../schema/script.ts';
import { fitToBounds } from './bounds.ts';
import { findBulletDefects } from './bullet-defects.ts';
import { narrationBullet, sameBullet } from './bullets.ts';
import { shortenAtBoundary } from './clauses.ts';
import {
  articleEnding,
  CONCLUSION_HEADING,
  closingRecap,
  closingSections,
  moralChars,
  recapBudget,
  recapNarrationChars,
  storyMoral,
} from './closing.ts';
import { chooseSentences, partRoom } from './coverage.ts';
import { spokenDay } from './dated-intro.ts';
import {
  ANNOUNCES_ITEMS,
  caveatSpans,
  cutsKeepingTogether,
  cutsOutsideSpans,
  FIRST_ITEM,
  LATER_ITEM,
  leaningSpans,
  needsPredecessor,
} from './dependence.ts';
import { ASKER_SHARE, toDialogue } from './dialogue.ts';
import { withoutFillerBullets } from './filler-bullets.ts';
import { speaksInFirstPerson, withAuthorAttributed } from './first-person.ts';
import { japaneseReading } from './katakana.ts';
import { findRankedKeyFigure } from './key-figure.ts';
import { withKeyPoints } from './key-point.ts';
import { pickKeySentences, type ScoredSentence, scoreSentences } from './key-sentences.ts';
import { narratableLanguage, TEXT_LIMITS, type TextLimits } from './language.ts';
import { chooseLayouts, type LayoutOptions } from './layouts.ts';
import { withListSlides } from './list-slides.ts';
import {
  type PickedNarration,
  pickNarrations,
  sentenceGroups,
  storyChars,
  toSourceSentences,
} from './narration-pick.ts';
import { appendSpeech } from './narrations.ts';
import { MAX_SENTENCE_ITEMS, outlineArticle, type Topic } from './outline.ts';
import { figureEnd, foreshadows } from './panel-topic.ts';
import { pictureCaption } from './picture-caption.ts';
import { matchingNarration, placePictures } from './picture-placement.ts';
import { politeGrowth, politeNarration } from './polite-form.ts';
import { findQuote } from './quote.ts';
import { samePicture } from './same-picture.ts';
import { splitSentences } from './sentences.ts';
import { shortTitle } from './short-title.ts';
import { withShownReadings } from './shown-readings.ts';
import {
  definitionTitle,
  eventTitle,
  overviewTitle,
  quoteSlideTitle,
  scopeTitle,
  slideSentences,
  slideTitle,
} from './slide-title.ts';
import { toSpeakable } from './speakable.ts';
import { stepNumberOf, withStepNumbers } from './step-numbers.ts';
import { mainStoryLine, storyLineFinder } from './story-line.ts';
import { SUBTOPIC_TITLE_MAX, saysTitle, withSubtopicTitles } from './subtopic-title.ts';
import { extractTerms, termFrequencies } from './terms.ts';
import { mergeThinSlides } from './thin-slides.ts';
import { readsAsStory, titleKey, topicTitle } from './topic-title.ts';
import type { ScriptProvider } from './types.ts';
import { pickVariant, WORDING } from './wording.ts';

export interface OfflineScriptOptions {
  language: Language;
  maxSections: number;
  charBudget: number;
}

/** Share of the narration budget (after the fixed sentences) that the article's lead may use. */
const LEAD_SHARE = 0.12;
/** Narrations a section may say; past MAX_SLIDE_NARRATIONS they go on a continuation slide. */
const MAX_BODY_NARRATIONS = 8;
const MAX_SLIDE_NARRATIONS = 4;
/**
 * A list read out two short items at a time, or one item of a sentence at a time (see outline's
 * MAX_SENTENCE_ITEMS): up to twelve narrations, on two slides of six bullets at most.
 */
const MAX_LIST_NARRATIONS = MAX_SENTENCE_ITEMS;
/** A slide shows at most this many bullets (the schema's limit). */
const MAX_SLIDE_BULLETS = 6;
const MAX_SECTION_BULLETS = MAX_BODY_NARRATIONS + MAX_LIST_NARRATIONS;
const TITLE_MAX = { script: 200, section: SECTION_TITLE_MAX_CHARS, spoken: { ja: 50, en: 100 } } as const;
/** The offline script provider: an extractive script, no network. */
export function createOfflineProvider(): ScriptProvider {
  return {
    id: 'offline',
    async generate(article, options, ctx: StageContext) {
      throwIfAborted(ctx.signal);
      const script =
        options.style === 'dialogue'
          ? buildOfflineDialogue(article, options)
          : buildOfflineScript(article, options);
      if (script.language !== options.language) {
        ctx.log.warn(
          { requested: options.language, used: script.language },
          'offline scripts cannot translate; using the language the article is written in',
        );
      }
      return script;
    },
  };
}

/**
 * An extractive dialogue: the narration script retold by the explainer, with the asker's
 * questions and reactions on top (at most ASKER_SHARE more characters; see toDialogue).
 */
export function buildOfflineDialogue(article: Article, options: OfflineScriptOptions): Script {
  const narration = buildOfflineScript(article, options);
  return toDialogue(narration, Math.floor(options.charBudget * (1 + ASKER_SHARE)));
}

/** The language an offline script for the article is written in; UNSUPPORTED_LANGUAGE when neither ja nor en. */
export function offlineLanguage(article: Article): Language {
  const text = [article.title, ...article.blocks.map((b) => b.text), ...article.paragraphs].join('\n');
  const language = narratableLanguage(text, article.language);
  if (!language) {
    throw new PipelineError('UNSUPPORTED_LANGUAGE', {
      detail: `offline scripts speak Japanese and English; the article is "${article.language}"`,
    });
  }
  return language;
}

interface BodyPlan {
  topic: Topic;
  scored: ScoredSentence[];
  /** Sentences of the topic's lists: always said, each as a narration of its own with itself as the bullet. */
  listed: ScoredSentence[];
  title: string;
}

/**
 * An extractive script: an opening that introduces the article and says its lead point, one
 * body section per main heading (or per topic found in an article without headings), each slide
 * showing one bullet per narration in the order they are spoken, and a closing that says the
 * article's conclusion and names the points made. Body slides take a picture, key-figure or quote
 * layout when their part of the article offers one. Written in the article's own language
 * (nothing is translated); throws UNSUPPORTED_LANGUAGE for articles in other languages.
 */
export function buildOfflineScript(article: Article, options: OfflineScriptOptions): Script {
  const language = offlineLanguage(article);
  const limits = TEXT_LIMITS[language];
  const wording = WORDING[language];

  const title = scriptTitle(article);
  const siteName = article.siteName ? toSpeakable(article.siteName).slice(0, 60) || undefined : undefined;
  const firstPerson = speaksInFirstPerson(article.paragraphs, language);
  const day = article.published ? spokenDay(article.published, language) : undefined;
  const intro = withAuthorsVoice(
    introduction(title, siteName, day, language, options.charBudget),
    firstPerson,
    language,
  );
  const seeOriginal = pickVariant(wording.seeOriginal, title);

  const fixedChars = intro.length + seeOriginal.length;
  const roomForTopics = Math.floor((options.charBudget - fixedChars) / limits.minSectionChars);
  const maxTopics = Math.max(1, Math.min(options.maxSections - 2, roomForTopics));
  // When the budget, not the section count, limits the topics, speak about the biggest ones
  // rather than squeezing several headings into one section.
  const overflow = roomForTopics < options.maxSections - 2 ? 'drop' : 'merge';
  const outline = outlineArticle(article, language, maxTopics, { overflow });
  let lead = outline.lead;
  if (lead.length === 0 && outline.topics[0] && outline.topics[0].paragraphs.length > 1) {
    // No text before the first heading: the first paragraph under it leads.
    lead = [outline.topics[0].paragraphs[0]!];
    const { subsections, ...first } = outline.topics[0];
    const shifted = subsections?.map((sub) => ({ ...sub, from: Math.max(0, sub.from - 1) }));
    outline.topics[0] = {
      ...first,
      paragraphs: first.paragraphs.slice(1),
      ...(shifted ? { subsections: shifted } : {}),
    };
  }

  const titleTerms = new Set(extractTerms(title, language));
  const articleFrequencies = termFrequencies(
    [...lead, ...outline.topics.flatMap((t) => t.paragraphs)],
    language,
  );
  const scoreFor = (paragraphs: readonly string[], headings: readonly string[]) =>
    scoreSentences(toSourceSentences(paragraphs, language, limits.narration), {
      language,
      titleTerms,
      headingTerms: new Set(headings.flatMap((h) => extractTerms(h, language))),
      articleFrequencies,
    });

  const images = articleImages(article);
  const topicTitles = untitledTopicTitles(outline.topics, lead, language);
  const titleContext: TitleContext = {
    sentences: [...lead, ...outline.topics.flatMap((t) => t.paragraphs)].flatMap((p) =>
      splitSentences(p, language),
    ),
    headings: outline.topics
      .flatMap((t) => [t.heading, ...t.subheadings])
      .filter((h): h is string => h !== undefined)
      .map((h) => titleKey(h, language)),
  };
  const plans: BodyPlan[] = outline.topics.map((topic) => {
    const all = scoreFor(
      topic.paragraphs,
      topic.heading ? [topic.heading, ...topic.subheadings] : topic.subheadings,
    );
    const isListed = (s: ScoredSentence) => outline.lists?.has(topic.paragraphs[s.paragraph]!) ?? false;
    const scored = all.filter((s) => !isListed(s));
    const listed = all.filter(isListed).slice(0, MAX_LIST_NARRATIONS);
    const sectionTitle = topic.heading
      ? shortenAtBoundary(topic.heading, language, limits.headingTitle)
      : topicTitles.get(topic)!;
    return { topic, scored, listed, title: sectionTitle };
  });

  // Opening: the introduction, then the article's lead point.
  const leadScored = scoreFor(lead, [title]);
  // Closing: the article's main points (or a story's moral) and its own last words. What the
  // article ends on (its closing quotation, its concluding last sentence) is said there, in its
  // place at the end, and not in the body. The body leaves the closing the room its recap is
  // expected to take (the points it would repeat if the body said every sentence it may).
  const ending = articleEnding(plans, language, title);
  const moral = storyMoral(plans, language);
  const maxRecap = recapBudget(options.charBudget, language);
  const concluding =
    !moral && ending.concluding && ending.concluding.text.length <= maxRecap ? ending.concluding : undefined;
  const recapOf = (said: ReadonlyArray<readonly ScoredSentence[]>, maxChars: number) =>
    moral
      ? []
      : closingRecap({
          language,
          titleTerms: [...titleTerms],
          lead: leadScored,
          parts: plans,
          said,
          ending: concluding ? { concluding } : {},
          maxChars,
        });
  const expected = recapOf(
    plans.map((p) => p.scored),
    maxRecap,
  );
  const recapChars = expected.reduce((sum, p) => sum + p.text.length, 0);
  const recapSaid = moral ? moralChars(moral, language) : recapNarrationChars(expected, language);
  const signOff = intro === wording.introduceBriefly ? undefined : closingLine(title, siteName, language);
  const speaking = plans.filter((p) => p.scored.length > 0 || p.listed.length > 0);
  // The quotation goes first when the budget has no room for it.
  const roomy = (closingChars: number) =>
    options.charBudget - intro.length - closingChars >= limits.minSectionChars * speaking.length;
  const quote = ending.quote && roomy(recapSaid + ending.quote.line.length) ? ending.quote : undefined;
  // The closing quotation is said once, at the end. The concluding sentence is said in its place
  // in the body too: the recap repeats the conclusion, it does not make it for the first time.
  const leftToClosing = new Set([quote?.sentence].filter((s) => s !== undefined));
  // What the closing says is not said in the body too, unless it is all its section has to say.
  const sayable = (plan: BodyPlan) =>
    plan.scored.some((s) => !leftToClosing.has(s))
      ? plan.scored.filter((s) => !leftToClosing.has(s))
      : plan.scored;
  // Nothing to repeat: the closing points to the source.
  const closingChars =
    (recapSaid || seeOriginal.length) +
    (quote?.line.length ?? ((expected.length > 0 || moral) && signOff ? signOff.length : 0));

  let remaining = options.charBudget - intro.length - closingChars;
  const leadSaid = leadLines(
    leadScored,
    language,
    Math.floor(remaining * LEAD_SHARE) + limits.narration / 2,
    limits.narration,
  );
  remaining -= leadSaid.reduce((sum, line) => sum + line.length, 0);
  // A lead of several paragraphs ("…staffed by keepers for 118 years…", "…40,000 visitors a year")
  // before the first heading says more than the title slide can: the rest is an introduction part
  // of its own, when it has two points to make and a slide is free.
  const leadRest = leadPart(leadScored, leadSaid, language, wording.introTitle, outline.leadBlocks);
  // The title slide says the introduction and the lead point; the rest of the lead opens the first
  // body slide, so the title card is not held for half a minute. A lead that is an epigraph is
  // shown as a quote on the first body slide, the title slide only introducing the article.
  const epigraph = lead.length === 1 && outline.quoted?.has(lead[0]!) === true;
  const leadSplit = epigraph
    ? { opening: [], rest: leadSaid }
    : leadOpening(leadSaid, intro.length, language, limits.narration, {
        mainMoves: leadRest !== undefined || (speaking[0] !== undefined && !speaking[0].topic.heading),
      });
  // Under a heading, the lead's words would be off its topic: they go on an introduction slide of
  // their own, when a slide is free and they hold it for a while (else the title slide says them).
  const restChars = leadSplit.rest.reduce((sum, line) => sum + line.length, 0);
  const introPart: BodyPlan | undefined =
    leadRest ??
    (restChars >= MIN_INTRO_SLIDE_SECONDS * SPOKEN_CHARS_PER_SECOND[language]
      ? {
          topic: { subheadings: [], paragraphs: [], blocks: [...outline.leadBlocks] },
          scored: [],
          listed: [],
          title: wording.introTitle,
        }
      : undefined);
  const parts =
    introPart && speaking[0]?.topic.heading && speaking.length < options.maxSections - 2
      ? [introPart, ...speaking]
      : speaking;
  const split = parts.length > 0 && !parts[0]!.topic.heading ? leadSplit : { opening: leadSaid, rest: [] };
  const openingLead = split.opening;
  // Lead lines moved to the first body slide, with the sentences they say (lines without any are dropped).
  const leadMoved: PickedNarration[] = split.rest
    .map((text) => ({ text, sentences: leadScored.filter((s) => text.includes(s.text)) }))
    .filter((m) => m.sentences.length > 0);

  const listChars = (plan: BodyPlan) => plan.listed.reduce((sum, s) => sum + s.text.length, 0);
  // Narrations said in a part besides its chosen sentences: its list items and the moved lead.
  const fixedNarrations = (plan: BodyPlan, i: number) =>
    plan.listed.length + (i === 0 ? leadMoved.length : 0);
  // Which sentences are said is decided over the whole article (see chooseSentences); lists are
  // always said. A section says more than one slide holds only when there is a slide to continue on.
  const choice = chooseSentences(
    parts.map((plan, i) => {
      const story = storyChars(plan.scored, language);
      return {
        scored: sayable(plan),
        ...(story !== undefined ? { story } : {}),
        fixedNarrations: fixedNarrations(plan, i),
        concludes: CONCLUSION_HEADING.test(plan.topic.heading ?? ''),
      };
    }),
    Math.floor(
      (remaining - parts.reduce((sum, plan) => sum + listChars(plan), 0)) /
        (language === 'ja' ? politeGrowth(parts.flatMap((plan) => plan.scored.map((s) => s.text))) : 1),
    ),
    language,
    {
      maxChars: limits.narration,
      slideNarrations: MAX_SLIDE_NARRATIONS,
      maxSlidesPerPart: MAX_BODY_NARRATIONS / MAX_SLIDE_NARRATIONS,
      spareSlides: options.maxSections - 2 - parts.length,
    },
  );
  const separator = language === 'en' ? 1 : 0;
  const bodies = parts.map((plan, i) => {
    const said = choice.sentences[i]!;
    const pickOptions = {
      maxNarrations: partRoom(choice.slides[i]!, MAX_SLIDE_NARRATIONS, fixedNarrations(plan, i)),
      required: plan.listed.length === 0,
      maxChars: limits.narration,
      minChars: limits.minSectionChars,
    };
    // A part left without a sentence that fits still says its best one, cut down (see pickNarrations).
    const others =
      said.length > 0
        ? pickNarrations(
            said,
            said.reduce((sum, s) => sum + s.text.length + separator, 0),
            language,
            pickOptions,
          )
        : pickNarrations(sayable(plan), 0, language, pickOptions);
    const listed = plan.listed.map((s) => ({ text: s.text, sentences: [s], listItem: true }));
    // In the article's order: a recipe's ingredients before its buying tips.
    const ordered = [...listed, ...others].sort((a, b) => a.sentences[0]!.index - b.sentences[0]!.index);
    const picked = i === 0 ? [...leadMoved, ...ordered] : ordered;
    return { plan, ...slideContent(picked, language, limits) };
  });

  // An introduction shows no figure from a sentence about a part still to come (the museum's
  // visitors before the "Museum" part): a panel of its own pulled that part forward.
  const headings = bodies.flatMap((b) => (b.plan.topic.heading ? [b.plan.topic.heading] : []));
  /** The part before the article's first heading: it sums up the parts to come. */
  const isIntroduction = (i: number) => i === 0 && !bodies[0]!.plan.topic.heading && headings.length > 0;
  const stepOf = stepNumberOf(outline.steps);
  const withoutFigure = (i: number) => (text: string) =>
    isIntroduction(i) && foreshadows(text, headings, language);
  const offered = bodies.map((b, i) =>
    layoutOptions(
      b.picked,
      language,
      outline.quoted,
      withoutFigure(i),
      storyChars(b.plan.scored, language) !== undefined
        ? storyLineFinder(b.picked, language, title)
        : undefined,
      (text) => stepOf(text) !== null,
    ),
  );
  // A figure's slide ends before narrations on other things, except in the introduction: its
  // sentences are each on another thing, and cut apart they made slides of one line each.
  const panelEnd = (
    i: number,
    layout: Section['layout'],
    at: number | undefined,
    narrations: readonly Narration[],
  ) => {
    const end = quoteEnd(
      layout === 'figure' && isIntroduction(i) ? 'bullets' : layout,
      at,
      narrations,
      language,
    );
    // A figure said in one short sentence with the section's last point or two after it: they stay
    // on its slide (a slide for a three-second sentence flashed by, the last point alone after it).
    const lone =
      layout === 'figure' &&
      at !== undefined &&
      end === at + 1 &&
      narrations.length - end <= 2 &&
      narrations[at]!.text.length <= SHORT_FIGURE_SENTENCE[language];
    return lone ? undefined : end;
  };
  const layouts = chooseLayouts(offered);
  const bodySections: Section[] = [];
  /** Index in `bodies` of each body slide's section. */
  const owners: number[] = [];
  // Extra slides (a panel shown from the narration that says it, a continuation of a long
  // section) fit in the slides left after one per section and the closing quotation's slide.
  let room = options.maxSections - 2 - bodies.filter((b) => b.narrations.length > 0).length - (quote ? 1 : 0);
  const panelAt = (i: number) =>
    layouts[i]!.layout === 'figure'
      ? offered[i]!.figureAt
      : layouts[i]!.layout === 'quote'
        ? offered[i]!.quoteAt
        : undefined;
  // Panels said after a section's first narration need a slide of their own; continuations of
  // earlier sections leave room for them (without it the quote was read over an unrelated slide).
  const panelCutsFrom = (i: number) =>
    bodies
      .slice(i)
      .reduce(
        (sum, body, j) =>
          sum +
          ((panelAt(i + j) ?? 0) > 0 && !panelSetUp(body.narrations, panelAt(i + j), language) ? 1 : 0) +
          (panelEnd(i + j, layouts[i + j]!.layout, panelAt(i + j), body.narrations) !== undefined ? 1 : 0),
        0,
      );
  /**
   * The other panel a section offers (the figure of a section shown as a quote, or the reverse),
   * shown on a slide of its own from the narration that says it, when a slide is left for it.
   */
  const secondPanel = (i: number): Panel | undefined => {
    const { quote, quoteAt } = offered[i]!;
    const { figure, figureAt } = showableFigure(i);
    const layout = layouts[i]!.layout;
    const others: Panel[] = [
      ...(figure && figureAt !== undefined && layout !== 'figure'
        ? [{ layout: 'figure' as const, at: figureAt, from: figureAt, figure }]
        : []),
      ...(quote && quoteAt !== undefined && layout !== 'quote'
        ? [{ layout: 'quote' as const, at: quoteAt, from: quoteAt, quote }]
        : []),
    ];
    // Not on the section's first slide (next to the slide before, the layout chooser decided;
    // the first section follows the title card) nor on the primary panel's.
    return others.find((p) => (p.at > 0 || i === 0) && p.at !== panelAt(i));
  };
  /**
   * The figure a section can show on a slide of its own: one said inside an enumeration cannot
   * (its items stay on one slide), so the section's next most telling figure said outside one.
   */
  function showableFigure(i: number): { figure?: KeyFigure; figureAt?: number } {
    const { figure, figureAt } = offered[i]!;
    const spans = enumerationSpans(
      bodies[i]!.narrations.map((n) => n.text),
      language,
    );
    const listed = (k: number) => spans.some(([first, last]) => k > first && k <= last);
    if (figureAt === undefined || !listed(figureAt)) return { figure, figureAt };
    const outside = mostTellingFigure(
      bodies[i]!.picked,
      language,
      (narration, k) => listed(k) || withoutFigure(i)(narration.text),
    );
    return { figure: outside?.figure, figureAt: outside?.at };
  }
  for (const [i, body] of bodies.entries()) {
    const section: Section = {
      title: body.plan.title,
      kind: 'body',
      bullets: body.bullets,
      narrations: body.narrations,
      ...layouts[i]!,
    };
    const at = panelAt(i);
    const second = secondPanel(i);
    const moved = i === 0 ? leadMoved.length : 0;
    // Moved lead lines take the label of the first narration of the part itself.
    const labels = body.picked.map((_, k) =>
      subsectionTitle(
        body.plan,
        body.picked[Math.min(Math.max(k, moved), body.picked.length - 1)]!.sentences[0]?.paragraph ?? 0,
        language,
      ),
    );
    const starts = labelChanges(labels);
    // A short set-up ("None of this has come free.") shows the panel it leads to.
    const inSteps = at !== undefined && betweenSteps(section.narrations, at, (text) => stepOf(text) !== null);
    const from =
      panelSetUp(section.narrations, at, language) && !starts.includes(1) ? 0 : inSteps ? at! - 1 : at;
    const end = inSteps ? undefined : panelEnd(i, section.layout, at, section.narrations);
    const cuts = withinEnumerations(
      cutsKeepingTogether(
        slideCuts(section.narrations.length, from, room, starts, panelCutsFrom(i + 1), {
          panelEnd: end,
          ...(second
            ? { second: [second.at, panelEnd(i, second.layout, second.at, section.narrations)] }
            : {}),
        }),
        // A quote's slide still ends with it: what leans on it opens the next slide.
        leaningSpans(body.picked, language, (_, k) => {
          const bullet = section.narrations[k]?.bullet;
          return bullet === undefined ? undefined : section.bullets[bullet];
        }).filter(([a, b]) => end === undefined || end <= a || end > b),
        section.narrations.length,
        MAX_SLIDE_NARRATIONS,
        from,
      ),
      [
        ...enumerationSpans(
          section.narrations.map((n) => n.text),
          language,
        ),
        ...caveatSpans(body.picked, language),
      ],
      section.narrations.length,
      from,
    );
    room -= cuts.length;
    const panels: Panel[] = [
      ...((section.layout === 'figure' || section.layout === 'quote') &&
      at !== undefined &&
      from !== undefined
        ? [
            {
              layout: section.layout,
              at,
              from,
              ...(inSteps ? { stepsBefore: true } : {}),
              ...(section.figure ? { figure: section.figure } : {}),
              ...(section.quote ? { quote: section.quote } : {}),
            },
          ]
        : []),
      ...(second ? [second] : []),
    ];
    const slides = splitSlides(section, cuts, panels, labels);
    if (!body.plan.topic.heading)
      retitleSlides(
        slides,
        bodySections.at(-1)?.title,
        i === 0 ? wording.introTitle : undefined,
        language,
        titleContext,
      );
    bodySections.push(...slides);
    owners.push(...slides.map(() => i));
  }
  // Generated titles, to be checked again once pictures have split slides.
  const generated = new Set(
    bodySections.filter((_, k) => !bodies[owners[k]!]!.plan.topic.heading).map((s) => s.title),
  );
  const leadImage = scriptLeadImage(article, images, language);
  withPictures(
    bodySections,
    owners,
    bodies.map((b) => b.plan.topic),
    images,
    leadImage,
    language,
    room,
  );

  for (let k = 0; k < bodySections.length; ) {
    let end = k;
    while (end < bodySections.length && generated.has(bodySections[end]!.title)) end++;
    if (end > k) {
      const run = bodySections.slice(k, end);
      retitleSlides(
        run,
        bodySections[k - 1]?.title,
        k === 0 ? wording.introTitle : undefined,
        language,
        titleContext,
      );
      bodySections.splice(k, run.length, ...run);
    }
    k = Math.max(end, k + 1);
  }

  // Bullets show each slide's substance, not its lead-in or scene-setting.
  const listed = new Set(bodies.flatMap((b) => b.picked.filter((p) => p.listItem).map((p) => p.text)));
  for (const [k, slide] of bodySections.entries())
    bodySections[k] = withoutFillerBullets(slide, language, listed);
  // A lone bullet joins its neighbour under the same title (or in a part without a heading).
  mergeThinSlides(
    bodySections,
    owners,
    language,
    (a, b) => bodySections[a]!.title === bodySections[b]!.title || !bodies[owners[a]!]!.plan.topic.heading,
    leadImage,
  );
  // A run of short list items goes on one compact list slide.
  withListSlides(bodySections, owners, listed, language);
  // Titles for the continuation slides of a heading, once thin slides have joined their neighbours.
  withSubtopicTitles(
    bodySections,
    // A story's slides share its part's title as they would a heading's.
    owners.map((i) =>
      bodies[i]!.plan.topic.heading || bodies[i]!.plan.title === wording.storyTitle
        ? bodies[i]!.plan.title
        : undefined,
    ),
    language,
    { ...titleContext, listed },
  );

  const shownBody = bodySections.filter((s) => s.narrations.length > 0).map(withoutTitleLabel);
  // The recap says the article's main points the video can repeat, and its slide shows them.
  const points = recapOf(
    plans.map(
      (plan) =>
        bodies
          .find((b) => b.plan === plan)
          ?.picked.filter((n) => !n.listItem)
          .flatMap((n) => n.sentences) ?? [],
    ),
    recapChars,
  );
  const closing = closingSections({
    language,
    points,
    ...(moral ? { moral: moral.text, ...(moral.application ? { application: moral.application } : {}) } : {}),
    ...(quote ? { quote } : {}),
    seeOriginal,
    ...(signOff ? { signOff } : {}),
    spareSlide: shownBody.length + 3 <= options.maxSections,
  });
  const opening: Section = {
    title: shortenAtBoundary(title, language, TITLE_MAX.section),
    kind: 'opening',
    bullets: [],
    narrations: [intro, ...openingLead].map((text) => ({ text, speaker: 'narrator' })),
  };
  const told = [opening, ...shownBody, ...closing];
  // Polite endings come before the budget is checked: what is spoken is what is counted.
  const sections = language === 'ja' ? told.map(inPoliteStyle) : told;
  const fitted = withKeyPoints(
    withStepNumbers(
      fitToBounds(
        withAuthorAttributed({ title, language, ...(leadImage ? { leadImage } : {}), sections }, firstPerson),
        options,
      ),
      outline.steps,
    ),
  );
  return language === 'ja'
    ? withShownReadings(withReadings(fitted, article.readings), article.readings ?? {})
    : fitted;
}

/**
 * Puts each picture on the body slide whose narration says what it shows (see placePictures),
 * near its place on the page; a picture the page describes that no narration says shows at its
 * place, one named only by a label is left out, and the title card's picture shows again only
 * where it is said. When that narration is not the slide's first and `room` allows another slide,
 * the slide is cut before it so the picture appears as it is said (when both parts keep a bullet);
 * `owners` (each slide's section) gets the new slide's too.
 */
function withPictures(
  slides: Section[],
  owners: number[],
  topics: readonly Topic[],
  images: Article['images'],
  leadImage: ScriptImage | undefined,
  language: Language,
  room: number,
): void {
  // A label for a caption (「いぬのかお」) says nothing about the picture.
  const descriptions = images.map((img) =>
    [pictureCaption({ caption: img.caption }, language), img.alt].filter(
      (d): d is string => d !== undefined && d !== '',
    ),
  );
  const count = (k: number) => owners.filter((o) => o === owners[k]).length;
  const said = (p: number, slot: number) =>
    matchingNarration(
      descriptions[p]!,
      slides[slot]!.narrations.map((n) => n.text),
      language,
    );
  // The slide cut before the narration that says the picture, when that is not its first and
  // both parts keep a bullet to show (a slide without one is a title over an empty card).
  const cut = (p: number, slot: number): Section[] | undefined => {
    const slide = slides[slot]!;
    const at = said(p, slot);
    if (at === 0) return undefined;
    const parts = splitSlides({ ...slide, layout: 'bullets' }, [at], []);
    return slide.bullets.length === 0 || parts.every((part) => part.bullets.length > 0) ? parts : undefined;
  };
  const isLead = images.map((img) => leadImage !== undefined && samePicture(img.url, leadImage.url));
  const placed = placePictures(
    images.map((img, p) => ({
      descriptions: descriptions[p]!,
      ...pictureSection(img.afterBlock, topics),
      atPlace: descriptions[p]!.length === 0 || pictureCaption(img, language) !== undefined,
      // The title card shows the lead picture: the first body slide repeats it only after a cut.
      ...(isLead[p] ? { lead: true, firstSlot: room > 0 && cut(p, 0) ? 0 : 1 } : {}),
    })),
    slides.map((slide, k) => ({
      section: owners[k]!,
      within: (owners.slice(0, k).filter((o) => o === owners[k]).length + 0.5) / count(k),
      text: slide.narrations.map((n) => n.text).join(' '),
      free: slide.layout !== 'figure' && slide.layout !== 'quote',
    })),
    language,
  );
  // From the last slide back, so a cut does not move the slides still to be given a picture.
  const order = placed
    .map((slot, p) => ({ slot, p }))
    .filter((x): x is { slot: number; p: number } => x.slot !== undefined)
    .sort((a, b) => b.slot - a.slot);
  for (const { slot, p } of order) {
    const slide = slides[slot]!;
    const image = toScriptImage(images[p]!, language);
    const parts = room > 0 ? cut(p, slot) : undefined;
    if (isLead[p] && slot === 0 && !parts) continue;
    if (parts) {
      room -= 1;
      const [before, after] = parts;
      slides.splice(slot, 1, before!, { ...after!, layout: 'picture', image });
      owners.splice(slot, 0, owners[slot]!);
    } else {
      slides[slot] = { ...slide, layout: 'picture', image };
    }
  }
}

/**
 * The section a picture sits in on the page (the one holding its block, else the first one after
 * it) and where in that section: 0 at its start, 1 at its end.
 */
function pictureSection(afterBlock: number, topics: readonly Topic[]): { section: number; within: number } {
  const holding = topics.findIndex((t) => t.blocks.includes(afterBlock));
  if (holding >= 0) {
    const blocks = topics[holding]!.blocks;
    return { section: holding, within: (blocks.indexOf(afterBlock) + 1) / blocks.length };
  }
  const next = topics.findIndex((t) => t.blocks.length > 0 && Math.min(...t.blocks) > afterBlock);
  return next >= 0 ? { section: next, within: 0 } : { section: Math.max(0, topics.length - 1), within: 1 };
}

/** One bullet per narration, from its best sentence, in the order they are spoken. */
function slideContent(
  picked: readonly PickedNarration[],
  language: Language,
  limits: TextLimits,
): { picked: readonly PickedNarration[]; bullets: string[]; narrations: Narration[] } {
  const bullets: string[] = [];
  const narrations: Narration[] = picked.map((p, i) => {
    const listed = p.listItem ? p.text.replace(/[。.]$/u, '') : undefined;
    const bullet =
      listed !== undefined && listed.length <= limits.bullet
        ? listed
        : (narrationBullet(p.sentences, language, limits.bullet) ??
          // A slide never starts empty: its first narration shows at least its opening words.
          (i === 0 ? openingWords(p.sentences[0]?.text ?? '', language, limits.bullet) : undefined));
    // The cap is per slide (see splitSlides): a section spoken over two slides shows bullets on both.
    if (!bullet || bullets.length >= MAX_SECTION_BULLETS || bullets.some((b) => sameBullet(b, bullet))) {
      return { text: p.text, speaker: 'narrator' };
    }
    bullets.push(bullet);
    return { text: p.text, speaker: 'narrator', bullet: bullets.length - 1 };
  });
  return { picked, bullets, narrations };
}

/** A figure or quote panel of a section: the narration that says it and the one it shows from (its set-up). */
interface Panel {
  layout: 'figure' | 'quote';
  at: number;
  from: number;
  /** The narrations from `from` to `at` are steps of their own, not the panel's set-up: they keep their bullets. */
  stepsBefore?: boolean;
  figure?: KeyFigure;
  quote?: Quote;
}

interface OfferedLayouts extends LayoutOptions {
  /** Index of the narration that says the figure / the quote. */
  figureAt?: number;
  quoteAt?: number;
}

/** What the section's narrations could show: only a number or a quote they actually say. */
/** The start of a sentence cut at a natural boundary, as a bullet, or undefined when that leaves a defect. */
function openingWords(sentence: string, language: Language, maxChars: number): string | undefined {
  const head = shortenAtBoundary(sentence.replace(/[。.]$/u, ''), language, maxChars - 1);
  if (head.length < maxChars / 3) return undefined;
  const bullet = head.length < sentence.replace(/[。.]$/u, '').length ? `${head}…` : head;
  return findBulletDefects(bullet, language, { source: sentence }).length === 0 ? bullet : undefined;
}

/**
 * A narration that says a quotation the page sets apart (a blockquote, an epigraph) and names no
 * speaker in its words: the quotation, by whom the page says it is, if anyone.
 */
function setApartQuote(
  text: string,
  quoted: ReadonlyMap<string, string | undefined> | undefined,
): Quote | undefined {
  if (!quoted) return undefined;
  for (const [paragraph, by] of quoted) {
    if (!paragraph.includes(text.trim())) continue;
    const words = text
      .trim()
      .replace(/^["“「『]|["”」』]$/gu, '')
      .replace(/[.。]$/u, '');
    if (words.length < 10 || words.length > 240) return undefined;
    return { text: words, ...(by ? { by } : {}) };
  }
  return undefined;
}

function layoutOptions(
  picked: readonly PickedNarration[],
  language: Language,
  quoted?: ReadonlyMap<string, string | undefined>,
  withoutFigure: (text: string) => boolean = () => false,
  storyLine?: (text: string) => Quote[],
  isStep: (text: string) => boolean = () => false,
): OfferedLayouts {
  const offered: OfferedLayouts = {};
  // A step's number and words are its point: its figure would take its bullet (step 2 missing).
  const figure = mostTellingFigure(
    picked,
    language,
    (narration) => withoutFigure(narration.text) || isStep(narration.text),
  );
  if (figure) Object.assign(offered, { figure: figure.figure, figureAt: figure.at });
  for (const [i, narration] of picked.entries()) {
    // Quotes are looked for in the whole narration: a quotation often spans two sentences.
    if (!offered.quote) {
      const quote =
        findQuote(toSpeakable(narration.text), language, picked[i - 1]?.text) ??
        setApartQuote(narration.text, quoted);
      if (quote) Object.assign(offered, { quote, quoteAt: i });
    }
  }
  // A told story's panel is its character's most telling line (the longest), when no one is quoted.
  const lines = offered.quote || !storyLine ? [] : picked.map((n) => storyLine(n.text));
  const line = mainStoryLine(lines.flat());
  if (line) Object.assign(offered, { quote: line, quoteAt: lines.findIndex((said) => said.includes(line)) });
  return offered;
}

/**
 * Whether a narration is a step's hint said between two steps of an ordered list ("it should
 * rise to 1.5 times" after step 5): its panel's slide starts with that step and goes on with the
 * steps after it, so the run of steps is not split by a slide of its own.
 */
function betweenSteps(
  narrations: readonly Narration[],
  at: number,
  isStep: (text: string) => boolean,
): boolean {
  return at > 0 && isStep(narrations[at - 1]!.text) && narrations.slice(at + 1).some((n) => isStep(n.text));
}

/**
 * The most telling number of a part's narrations (money over a count over a measure; the first
 * of equal ones) and the narration that says it, skipping list items and the narrations `skip` names.
 */
function mostTellingFigure(
  picked: readonly PickedNarration[],
  language: Language,
  skip: (narration: PickedNarration, at: number) => boolean,
): { figure: KeyFigure; at: number } | undefined {
  let best: { figure: KeyFigure; at: number; rank: number } | undefined;
  for (const [at, narration] of picked.entries()) {
    if (narration.listItem || skip(narration, at)) continue;
    const ranked = narration.sentences
      .map((sentence) => findRankedKeyFigure(sentence.text, language))
      .find((f) => f !== undefined);
    if (ranked && ranked.rank > (best?.rank ?? 0)) best = { figure: ranked.figure, at, rank: ranked.rank };
  }
  return best;
}

/** The narration shown by the panel (figure or quote) gets no bullet of its own: the panel is its point. */
function withPanelBullet(section: Section, at: number | undefined): Section {
  if (at === undefined || (section.layout !== 'figure' && section.layout !== 'quote')) return section;
  const dropped = section.narrations[at]?.bullet;
  if (dropped === undefined) return section;
  const bullets = section.bullets.filter((_, b) => b !== dropped);
  const narrations = section.narrations.map((n, k) => {
    if (n.bullet === undefined) return n;
    if (k === at) return withoutBullet(n);
    return { ...n, bullet: n.bullet > dropped ? n.bullet - 1 : n.bullet };
  });
  return { ...section, bullets, narrations };
}

function withoutBullet(narration: Narration): Narration {
  const { bullet: _bullet, ...rest } = narration;
  return rest;
}

/** A set-up this short before a panel's narration is said with the panel showing. */
const SET_UP_CHARS: Record<Language, number> = { ja: 30, en: 60 };

/**
 * Whether the narration before the panel's is a short set-up of it ("None of this has come
 * free." before the $90,000 figure): the panel then shows from the set-up, which does not get a
 * slide of its own.
 */
function panelSetUp(narrations: readonly Narration[], at: number | undefined, language: Language): boolean {
  if (at !== 1) return false;
  const text = narrations[0]!.text.trim();
  return (
    text.length <= SET_UP_CHARS[language] &&
    splitSentences(text, language).length === 1 &&
    findRankedKeyFigure(text, language) === undefined &&
    findQuote(text, language) === undefined
  );
}

/** A figure's sentence this short is said in a few seconds: too short to hold a slide alone. */
const SHORT_FIGURE_SENTENCE: Record<Language, number> = { ja: 30, en: 90 };

/** Narrations after a quote that start a slide of their own: at least this many. */
const AFTER_QUOTE_NARRATIONS = 2;

/**
 * Where a panel's slide ends: after a quote, when two narrations or more follow it (they go on to
 * other things; a quote shown over them was paired with unrelated bullets); after a figure and
 * the narrations that go on about it (see figureEnd).
 */
function quoteEnd(
  layout: Section['layout'],
  at: number | undefined,
  narrations: readonly Narration[],
  language: Language,
): number | undefined {
  if (layout === 'figure' && at !== undefined)
    return figureEnd(
      narrations.map((n) => n.text),
      at,
      language,
    );
  if (layout !== 'quote' || at === undefined) return undefined;
  // The rest of the quotation ("They found it within two seasons.") stays with it.
  let end = at + 1;
  while (end < narrations.length && /^["“「『]/u.test(narrations[end]!.text.trim())) end++;
  return narrations.length - end >= AFTER_QUOTE_NARRATIONS ? end : undefined;
}

/**
 * Where a section's narrations go on to a new slide: at the narration that says its quote or
 * figure (so the panel shows while it is said), after a quote that more narrations follow
 * (`panelEnd`), and after every MAX_SLIDE_NARRATIONS, as far as `room` allows.
 */
function slideCuts(
  narrations: number,
  panelAt: number | undefined,
  room: number,
  subsectionStarts: readonly number[] = [],
  reserved = 0,
  {
    panelEnd,
    second = [],
  }: { panelEnd?: number | undefined; second?: ReadonlyArray<number | undefined> } = {},
): number[] {
  const cuts: number[] = [];
  // Slides kept for later sections' panels are not used for subsections or continuations.
  const free = Math.max(0, room - reserved);
  // A subsection starts a slide of its own, under its own title.
  for (const start of subsectionStarts) if (cuts.length < free) cuts.push(start);
  // A panel starts its own slide: on a slide of its own, a panel said second showed while the
  // narration before it was said (viewers saw "25 degrees" during step 1).
  const panelCut = panelAt !== undefined && panelAt > 0 ? panelAt : undefined;
  if (panelCut !== undefined && cuts.length < room && !cuts.includes(panelCut)) cuts.push(panelCut);
  if (panelEnd !== undefined && panelEnd < narrations && cuts.length < room && !cuts.includes(panelEnd))
    cuts.push(panelEnd);
  // A second panel (and the end of its quote) only in the slides no later panel needs.
  const secondCuts = second.filter((c): c is number => c !== undefined && c > 0 && c < narrations);
  if (secondCuts.length > 0 && cuts.length + secondCuts.filter((c) => !cuts.includes(c)).length <= free)
    for (const cut of secondCuts) if (!cuts.includes(cut)) cuts.push(cut);
  cuts.sort((a, b) => a - b);
  let start = 0;
  for (const cut of [...cuts, narrations]) {
    // Even slides: five narrations go three and two, thirteen go 3, 4, 3 and 3, never a lone one.
    const pieces = Math.max(1, Math.ceil((cut - start) / MAX_SLIDE_NARRATIONS));
    for (let k = 1; k < pieces && cuts.length < free; k++) {
      cuts.push(start + Math.round((k * (cut - start)) / pieces));
    }
    start = cut;
  }
  return [...new Set(cuts)].sort((a, b) => a - b);
}

/** Narrations an enumeration may run over: its announcement and its items. */
const MAX_ENUMERATION_NARRATIONS = MAX_SLIDE_NARRATIONS;

/**
 * The narrations that enumerate, as [first, last] spans: from the one announcing the items or
 * saying the first («三つの要因を挙げる», "First, …") to the one saying the last item.
 */
function enumerationSpans(texts: readonly string[], language: Language): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const sentencesOf = (text: string) => splitSentences(text, language).map((s) => s.trim());
  for (let i = 0; i < texts.length; i++) {
    const opens = sentencesOf(texts[i]!).some(
      (s) => ANNOUNCES_ITEMS[language].test(s) || FIRST_ITEM[language].test(s),
    );
    if (!opens) continue;
    let last = -1;
    for (let j = i; j < Math.min(texts.length, i + MAX_ENUMERATION_NARRATIONS); j++) {
      if (sentencesOf(texts[j]!).some((s) => LATER_ITEM[language].test(s))) last = j;
    }
    if (last > i) {
      spans.push([i, last]);
      i = last;
    }
  }
  return spans;
}

/**
 * Slide cuts moved out of enumerations: three reasons shown over two slides lost their frame, so a
 * cut inside one moves to its start (or, when that would empty a slide, to after its end). The
 * cut before a panel's narration stays: the panel shows from the slide it starts.
 */
function withinEnumerations(
  cuts: readonly number[],
  spans: ReadonlyArray<[number, number]>,
  narrations: number,
  panelAt: number | undefined,
): number[] {
  return cutsOutsideSpans(cuts, spans, narrations, panelAt, ([first, last], before) =>
    first > before ? first : last + 1,
  );
}

/**
 * A section as consecutive slides under the same title, cut before the given narrations. Each
 * panel (the section's quote or figure, and a second one it offers) shows on the slide that
 * starts with the narration saying it, or with its short set-up (`from`); on none when it could
 * not get a slide of its own. Pictures are placed afterwards (see withPictures).
 */
function splitSlides(
  section: Section,
  cuts: readonly number[],
  panels: readonly Panel[],
  labels: ReadonlyArray<string | undefined> = [],
): Section[] {
  const {
    title: sectionTitle,
    kind,
    bullets: allBullets,
    narrations,
    layout: _layout,
    figure: _figure,
    quote: _quote,
    ...rest
  } = section;
  const starts = [0, ...cuts];
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? narrations.length;
    const part = narrations.slice(start, end);
    // A slide within one subsection is titled by it; a slide spanning two keeps the section's title.
    const slideLabels = new Set(labels.slice(start, end));
    const label = slideLabels.size === 1 ? labels[start] : undefined;
    const title = label ?? sectionTitle;
    const used = part.flatMap((n) => (n.bullet === undefined ? [] : [n.bullet])).slice(0, MAX_SLIDE_BULLETS);
    const panel = panels.find((p) => p.from === start);
    const slide: Section = {
      ...rest,
      title,
      kind,
      bullets: used.map((b) => allBullets[b]!),
      narrations: part.map((n) =>
        n.bullet === undefined
          ? n
          : used.includes(n.bullet)
            ? { ...n, bullet: used.indexOf(n.bullet) }
            : withoutBullet(n),
      ),
      ...(panel
        ? {
            layout: panel.layout,
            ...(panel.figure ? { figure: panel.figure } : {}),
            ...(panel.quote ? { quote: panel.quote } : {}),
          }
        : { layout: rest.image ? 'picture' : 'bullets' }),
    };
    if (!panel) return slide;
    // A set-up said with the panel showing ("None of this has come free.") is no point of its own either.
    let shown = slide;
    for (let k = panel.at - start; k >= (panel.stepsBefore ? panel.at - start : 0); k--)
      shown = withPanelBullet(shown, k);
    return shown;
  });
}

/** The title of the subsection a paragraph of the section is under, or undefined when directly under its heading. */
function subsectionTitle(plan: BodyPlan, paragraph: number, language: Language): string | undefined {
  const sub = plan.topic.subsections?.filter((s) => s.from <= paragraph).at(-1);
  if (!sub || sub.heading === plan.topic.heading) return undefined;
  const heading = shortenAtBoundary(sub.heading, language, TEXT_LIMITS[language].headingTitle);
  if (heading === plan.title) return undefined;
  const joined = language === 'ja' ? `${plan.title}：${heading}` : `${plan.title}: ${heading}`;
  // "Section: Subsection" only when the section's title has no colon of its own.
  return joined.length <= SUBTOPIC_TITLE_MAX[language] && !/[:：]/u.test(plan.title) ? joined : heading;
}

/** Narrations where the label changes from the one before (a new subsection starts). */
function labelChanges(labels: ReadonlyArray<string | undefined>): number[] {
  return labels.flatMap((label, i) => (i > 0 && label !== labels[i - 1] ? [i] : []));
}

/**
 * The lead point: the first of the lead's two best sentences (the lead usually comes first) that
 * fits, followed by the sentences after it in its paragraph while they fit: "…was not about
 * parking or traffic." is a set-up that its next sentence ("It was about snow.") pays off.
 */
function leadLines(
  scored: readonly ScoredSentence[],
  language: Language,
  maxChars: number,
  narrationChars: number,
): string[] {
  const fitting = scored.filter((s) => s.text.length <= maxChars && !needsPredecessor(s.text, language));
  const [first, second] = pickKeySentences(fitting, 2);
  const lead = !first || !second || first.score >= 0.8 * second.score ? first : second;
  if (!lead) return [];
  const lines = [lead.text];
  let used = lead.text.length;
  for (const next of scored) {
    if (next.paragraph !== lead.paragraph || next.position <= lead.position) continue;
    if (used + next.text.length > maxChars) break;
    used += next.text.length;
    appendSpeech(lines, next.text, language, narrationChars);
  }
  return lines;
}

/**
 * The part of the lead the title slide does not say, as a body part titled `title`: the lead's
 * sentences after the last one said, when at least two of them can be said on their own.
 */
function leadPart(
  scored: readonly ScoredSentence[],
  said: readonly string[],
  language: Language,
  title: string,
  blocks: readonly number[],
): BodyPlan | undefined {
  const last = scored.findLastIndex((s) => said.some((line) => line.includes(s.text)));
  if (last < 0) return undefined;
  const rest = scored.slice(last + 1);
  const { groups } = sentenceGroups(rest, language);
  if ([...groups.values()].filter((group) => group.length === 1).length < 2) return undefined;
  return {
    topic: { subheadings: [], paragraphs: [], blocks: [...blocks] },
    scored: rest,
    listed: [],
    title,
  };
}

/** Seconds the title slide is spoken over, at most, before the lead goes on on the first body slide. */
const OPENING_SECONDS = 15;
/** Characters the narration voice says per second. */
const SPOKEN_CHARS_PER_SECOND: Record<Language, number> = { en: 17, ja: 4.4 };
/** The shortest narration, in seconds, an introduction slide is made for. */
const MIN_INTRO_SLIDE_SECONDS = 5;
/** The lead's main statement (its first sentence) stays on the title slide up to this much over OPENING_SECONDS. */
const MAIN_STATEMENT_STRETCH = 1.3;

/**
 * The lead split between the title slide and the first body slide. The title slide says the
 * introduction (`introChars` long) and the lead's first sentence, its main statement, and the
 * next ones while the slide is spoken over for at most OPENING_SECONDS: a static title card held
 * for half a minute reads as a stall. A sentence that only makes sense after the one before it
 * ("It was about snow.") stays with it. The rest is regrouped into narrations of at most
 * `narrationChars`, said on the first body slide. The main statement itself moves only when
 * `mainMoves` (the first body slide is a part of the lead's own, which it opens), never onto a
 * slide of its own.
 */
function leadOpening(
  lines: readonly string[],
  introChars: number,
  language: Language,
  narrationChars: number,
  { mainMoves }: { mainMoves: boolean },
): { opening: string[]; rest: string[] } {
  const sentences = lines.flatMap((line) => splitSentences(line, language));
  const budget = OPENING_SECONDS * SPOKEN_CHARS_PER_SECOND[language];
  let used = introChars;
  let k = 0;
  for (; k < sentences.length; k++) {
    const sentence = sentences[k]!;
    const after = used + sentence.length;
    const stretched = after <= budget * MAIN_STATEMENT_STRETCH;
    const fits =
      after <= budget ||
      (k === 0 && (stretched || !mainMoves)) ||
      (stretched && needsPredecessor(sentence, language));
    if (!fits) break;
    used = after;
  }
  // The body slide does not open on a sentence that needs the one before it.
  const least = mainMoves ? 0 : 1;
  while (k > least && k < sentences.length && needsPredecessor(sentences[k]!, language)) k--;
  const opening: string[] = [];
  for (const sentence of sentences.slice(0, k)) appendSpeech(opening, sentence, language, narrationChars);
  const rest: string[] = [];
  for (const sentence of sentences.slice(k)) appendSpeech(rest, sentence, language, narrationChars);
  return { opening, rest };
}

/** What a slide's generated title is chosen against: the article's sentences and its headings. */
interface TitleContext {
  sentences: readonly string[];
  /** Keys (titleKey) of the article's headings: another section's heading never titles a slide. */
  headings: readonly string[];
}

/** Whether a generated title is a phrase (a noun with its modifier, 「回復の理由」), not a bare word. */
function isPhraseTitle(title: string, language: Language): boolean {
  return language === 'ja' ? title.length >= 4 || title.includes('の') : /\s/u.test(title.trim());
}

/**
 * Titles for the slides of parts without a heading. A quote slide is titled by whose words it
 * shows; a slide that goes on with an enumeration (「二つ目は」, "Second,") keeps the title of the
 * slide before; a part's title that the slide says stays when it is a phrase. Otherwise the slide
 * is titled by a descriptive phrase of its own key sentence (see slideTitle), else by the part's
 * title when it says it, else by the phrase its narrations say most, else the title of the slide
 * before when that one fits, else the neutral title (which only opens the run).
 */
function retitleSlides(
  slides: Section[],
  before: string | undefined,
  neutralTitle: string | undefined,
  language: Language,
  context: TitleContext,
): void {
  const wording = WORDING[language];
  // The introduction's title, unless the article has a heading of that name.
  const introTitle =
    neutralTitle !== undefined && !context.headings.includes(titleKey(neutralTitle, language))
      ? neutralTitle
      : undefined;
  for (const [k, slide] of slides.entries()) {
    if (slide.title === wording.storyTitle) continue;
    const previous = k > 0 ? slides[k - 1]!.title : before;
    const own = slide.narrations.map((n) => n.text);
    if (slide.layout === 'quote') {
      // Whose words they are; words of no one named (an epigraph) go under the part's title, not a word of the quote.
      const title = slide.quote?.by
        ? quoteSlideTitle(slide.quote.by, language)
        : (previous ?? introTitle ?? slide.title);
      slides[k] = { ...slide, title: k === 0 && !slide.quote?.by ? (introTitle ?? title) : title };
      continue;
    }
    const afterQuote = k > 0 && slides[k - 1]!.layout === 'quote';
    // "Three factors:" closing the slide before, 「一つ目は…」 opening this one: the list goes under the title that announced it.
    const announced = k > 0 && ANNOUNCES_ITEMS[language].test(slides[k - 1]!.narrations.at(-1)?.text ?? '');
    if (announced && previous && !afterQuote && FIRST_ITEM[language].test(own[0]?.trim() ?? '')) {
      slides[k] = { ...slide, title: previous };
      continue;
    }
    // 「二つ目は…」 said on this slide, 「一つ目」 on the one before: the same enumeration, the same title.
    const goesOn =
      own.some((t) => LATER_ITEM[language].test(t.trim())) &&
      !own.some((t) => FIRST_ITEM[language].test(t.trim()) || ANNOUNCES_ITEMS[language].test(t));
    if (k > 0 && goesOn && previous && !afterQuote) {
      slides[k] = { ...slide, title: previous };
      continue;
    }
    const says = slide.title !== wording.introTitle && saysTitle(slide, slide.title, language);
    if (says && isPhraseTitle(slide.title, language)) continue;
    const avoid = [...(previous ? [titleKey(previous, language)] : []), ...context.headings];
    const sentences = slideSentences(own, language);
    const said = own.join(' ');
    // What the slide shows: a title names its opening, its panel or a bullet, not only a later narration;
    // a scope statement titles only the slide it opens; said later, the slide is still the introduction.
    const shown = [own[0] ?? '', ...slide.bullets, ...(slide.figure?.context ? [slide.figure.context] : [])];
    const scope = scopeTitle(sentences.slice(0, 1), language);
    const laterScope = introTitle !== undefined && scopeTitle(sentences.slice(1), language) !== undefined;
    if (scope || laterScope) {
      slides[k] = { ...slide, title: scope ?? introTitle! };
      continue;
    }
    // The slide opening the article that previews several of its sections is an overview, not one of them.
    const overview =
      k === 0 && neutralTitle ? overviewTitle(sentences, context.headings, language) : undefined;
    if (overview) {
      slides[k] = { ...slide, title: overview };
      continue;
    }
    const defined = definitionTitle(own[0], language);
    if (defined) {
      slides[k] = { ...slide, title: defined };
      continue;
    }
    const options = {
      elsewhere: context.sentences.filter((s) => !said.includes(s)),
      avoid,
      strong: says,
      shown,
      ...(slide.figure?.context ? { key: slide.figure.context } : {}),
    };
    // Before the article's first heading, a slide of points whose opening names nothing stays the
    // introduction: a phrase of a later sentence ("Sharp chisel") names one detail of its argument.
    const intro =
      introTitle !== undefined && context.headings.length > 0 && !says && !slide.figure && !slide.image;
    const phrase =
      slideTitle(sentences, language, { ...options, keyOnly: true, phrasesOnly: true }) ??
      (intro ? introTitle : slideTitle(sentences, language, options));
    if (phrase) {
      slides[k] = { ...slide, title: phrase };
      continue;
    }
    // A bare word the slide says ("Council"): a phrase of the slide that narrows it ("Council budget"), else the slide before's when that narrows it.
    if (says) {
      const narrower =
        slideTitle(sentences, language, { elsewhere: options.elsewhere, avoid, including: slide.title }) ??
        (previous && titleKey(previous, language).split(' ').includes(titleKey(slide.title, language))
          ? // Not the slide before's title again when the slide opens with an act ("The council’s vote").
            (eventTitle(own[0], language) ?? previous)
          : undefined);
      if (narrower) slides[k] = { ...slide, title: narrower };
      continue;
    }
    const others = slides.filter((_, j) => j !== k).map((o) => o.narrations.map((n) => n.text));
    // What this slide says and its neighbours do not; else what it opens with; never a phrase the rest of the article says more.
    const topicOptions = { avoid, once: true, rest: options.elsewhere };
    const found =
      topicTitle(own, others, language, topicOptions) ?? topicTitle(own, [], language, topicOptions);
    const title =
      found ??
      eventTitle(own[0], language) ??
      (previous && saysTitle(slide, previous, language) ? previous : undefined) ??
      (k === 0 ? neutralTitle : undefined) ??
      slide.title;
    slides[k] = { ...slide, title };
  }
}

/** Share of a part's sentences (and paragraphs) that its generated title must be said in. */
const TITLE_COVERAGE = 0.5;

/**
 * Titles for the topics without a heading. The title is shown over every slide of its part, so it
 * must fit them all: the phrase said in at least half of the part's sentences and paragraphs and
 * least in the rest of the article (see topicTitle). Without one: "The story" for a part that
 * tells a story, "Introduction" for the part before the first heading, else "Part 2" (its
 * slides are then titled by what each says; see retitleSlides). Never a title an earlier part uses.
 */
function untitledTopicTitles(
  topics: readonly Topic[],
  lead: readonly string[],
  language: Language,
): Map<Topic, string> {
  const titles = new Map<Topic, string>();
  const used: string[] = [];
  let part = 0;
  const wording = WORDING[language];
  const untitled = topics.filter((t) => !t.heading).length;
  for (const topic of topics) {
    if (topic.heading) continue;
    part++;
    const others = [lead, ...topics.filter((t) => t !== topic).map((t) => t.paragraphs)];
    const covering = topicTitle(topic.paragraphs, others, language, {
      avoid: used,
      coverage: TITLE_COVERAGE,
    });
    // The one part before the first heading introduces the article.
    const intro = untitled === 1 && topics.indexOf(topic) === 0 && topics.length > 1;
    const story = !covering && readsAsStory(topic.paragraphs, language) ? wording.storyTitle : undefined;
    const found = covering ?? story;
    if (covering) used.push(titleKey(covering, language));
    titles.set(topic, found ?? (intro ? wording.introTitle : wording.partTitle(part)));
  }
  return titles;
}

/** Share of the budget the introduction may take before a shorter form is used. */
const INTRO_SHARE = 0.25;

/**
 * The introduction names the page, its site and the day it was published ("…from Harbour Gazette,
 * published 14 March 2026."): dated news ("approved on Thursday") reads differently a year later.
 * What the budget has no room for is left out: the day first, then the site.
 */
function introduction(
  title: string,
  siteName: string | undefined,
  day: string | undefined,
  language: Language,
  charBudget: number,
): string {
  const wording = WORDING[language];
  const template = pickVariant(wording.introduce, title);
  const limit = Math.min(TEXT_LIMITS[language].narration, Math.floor(charBudget * INTRO_SHARE));
  const spokenTitle = spokenTitleOf(title, language);
  const candidates = [
    template(spokenTitle, siteName, day),
    template(spokenTitle, siteName, undefined),
    template(spokenTitle, undefined, day),
    template(spokenTitle, undefined, undefined),
    template(shortenAtBoundary(title, language, TEXT_LIMITS[language].generatedTitle), undefined, undefined),
  ];
  return candidates.find((c) => c.length <= limit) ?? wording.introduceBriefly;
}

/**
 * The introduction of a first-person article says that the "I" and "we" to come are its author's
 * (the narration keeps the author's words), when the narration has room for it.
 */
function withAuthorsVoice(intro: string, firstPerson: boolean, language: Language): string {
  const said = `${intro}${language === 'ja' ? '' : ' '}${WORDING[language].authorsVoice}`;
  return firstPerson && said.length <= TEXT_LIMITS[language].narration ? said : intro;
}

/** A sign-off line is short: the body's sentences matter more. */
const SIGN_OFF_MAX: Record<Language, number> = { en: 110, ja: 40 };

/** The video's last line after its recap ("That was … from …"), when it is short (without the site if need be). */
function closingLine(title: string, siteName: string | undefined, language: Language): string | undefined {
  const spokenTitle = spokenTitleOf(shortTitle(title, language), language);
  const signOff = WORDING[language].signOff;
  return [signOff(spokenTitle, siteName), signOff(spokenTitle, undefined)].find(
    (line) => line.length <= SIGN_OFF_MAX[language],
  );
}

/** The title as the narration says it: shortened, with quotes inside it as single quotes. */
function spokenTitleOf(title: string, language: Language): string {
  return shortenAtBoundary(title, language, TITLE_MAX.spoken[language]).replace(
    /["“]([^"“”]*)["”]/gu,
    '‘$1’',
  );
}

function scriptTitle(article: Article): string {
  // An ideographic space separates two phrases of a Japanese headline: keep it, or they run together.
  const title = article.title
    .split(/\u3000+/u)
    .map(toSpeakable)
    .filter((part) => part.length > 0)
    .join('\u3000')
    .slice(0, TITLE_MAX.script);
  if (title) return title;
  const siteName = article.siteName ? toSpeakable(article.siteName) : '';
  return (siteName || new URL(article.url).hostname).slice(0, TITLE_MAX.script);
}

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function articleImages(article: Article): Article['images'] {
  return (article.images ?? []).filter((img) => isHttpUrl(img.url));
}

function toScriptImage(image: Article['images'][number], language: Language): ScriptImage {
  const caption = pictureCaption(image, language);
  return { url: image.url, ...(caption ? { caption } : {}) };
}

/** The title slide's picture: the article's lead image, else its first content picture. */
function scriptLeadImage(
  article: Article,
  images: Article['images'],
  language: Language,
): ScriptImage | undefined {
  if (article.leadImage && isHttpUrl(article.leadImage)) {
    // The inline copy, maybe at another size, has the caption.
    const inline = images.find((img) => samePicture(img.url, article.leadImage!));
    const caption = inline ? pictureCaption(inline, language) : undefined;
    return { url: article.leadImage, ...(caption ? { caption } : {}) };
  }
  return images[0] ? toScriptImage(images[0], language) : undefined;
}

/**
 * A bullet labelled by its topic (「ぬるま湯の温度：熱すぎると…」) on a slide titled by that topic
 * shows without the label: the title already says it.
 */
function withoutTitleLabel(section: Section): Section {
  const labels = [`${section.title}：`, `${section.title}:`];
  const labelOf = (bullet: string) => labels.find((label) => bullet.startsWith(label));
  if (!section.bullets.some(labelOf)) return section;
  return {
    ...section,
    bullets: section.bullets.map((b) => {
      const label = labelOf(b);
      return label ? b.slice(label.length).trimStart() : b;
    }),
  };
}

/** A Japanese slide whose narrator speaks in the polite style (see politeNarration); bullets keep the page's wording. */
function inPoliteStyle(section: Section): Section {
  return {
    ...section,
    narrations: section.narrations.map((n) =>
      n.speaker === 'narrator' ? { ...n, text: politeNarration(n.text) } : n,
    ),
  };
}

/** Japanese narrations with Latin-script words get a katakana reading. */
function withReadings(script: Script, rubies: Readonly<Record<string, string>> = {}): Script {
  return {
    ...script,
    sections: script.sections.map((section) => ({
      ...section,
      narrations: section.narrations.map((n) => {
        const spoken = n.reading ?? japaneseReading(n.text) ?? n.text;
        // The page's own readings of its words (ruby), where it gives them.
        const withRubies = withRubyReadings(spoken, rubies);
        const reading = withRubies === n.text ? undefined : withRubies;
        return reading && reading.length <= 600 ? { ...n, reading } : n;
      }),
    })),
  };
}
