import { type StageContext, throwIfAborted } from '../context.ts';
import { PipelineError } from '../errors.ts';
import type { Article } from '../extract/types.ts';
import type { Language, Narration, Script, ScriptImage, Section } from '../schema/script.ts';
import { distributeWithWholeStories, fitToBounds } from './bounds.ts';
import { findBulletDefects } from './bullet-defects.ts';
import { narrationBullet, sameBullet, stripLeadingConnective, toBullet } from './bullets.ts';
import { shortenAtBoundary } from './clauses.ts';
import { needsPredecessor } from './dependence.ts';
import { ASKER_SHARE, toDialogue } from './dialogue.ts';
import { withoutFillerBullets } from './filler-bullets.ts';
import { japaneseReading } from './katakana.ts';
import { findRankedKeyFigure } from './key-figure.ts';
import { pickKeySentences, type ScoredSentence, scoreSentences } from './key-sentences.ts';
import { narratableLanguage, TEXT_LIMITS, type TextLimits } from './language.ts';
import { chooseLayouts, type LayoutOptions } from './layouts.ts';
import { type PickedNarration, pickNarrations, storyChars, toSourceSentences } from './narration-pick.ts';
import { appendSpeech } from './narrations.ts';
import { MAX_SENTENCE_ITEMS, outlineArticle, type Topic, topicLength } from './outline.ts';
import { pictureCaption } from './picture-caption.ts';
import { matchingNarration, placePictures } from './picture-placement.ts';
import { findQuote } from './quote.ts';
import { splitSentences } from './sentences.ts';
import { toSpeakable } from './speakable.ts';
import { CONCLUDES, closingPoints, readsAsConclusion } from './takeaway.ts';
import { extractTerms, termFrequencies } from './terms.ts';
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
/** Share of the budget the closing's recap of key points may take. */
const RECAP_SHARE = 0.1;
/** A slide shows at most this many bullets (the schema's limit). */
const MAX_SLIDE_BULLETS = 6;
const MAX_SECTION_BULLETS = MAX_BODY_NARRATIONS + MAX_LIST_NARRATIONS;
/** A takeaway shorter than this is a fragment (a credit line, a caption), not a conclusion. */
const MIN_TAKEAWAY_CHARS: Record<Language, number> = { ja: 20, en: 50 };
const TITLE_MAX = { script: 200, section: 120, spoken: { ja: 50, en: 100 } } as const;
/** Words that mark a sentence as the article's summary or moral. */
const CONCLUSION_CUES: Record<Language, RegExp> = {
  ja: /(?:つまり|結局|このように|要するに|まとめ|結論|教訓|大切なのは|重要なのは|ということです)/u,
  en: /\b(?:in short|overall|ultimately|in the end|the lesson|the moral|in conclusion|the takeaway|the point is|bottom line|what matters)\b/iu,
};

const MORAL_HEADING = /(?:教訓|moral|lesson)/iu;

/** Headings of the part of an article that states its conclusion or moral. */
const CONCLUSION_HEADING =
  /(?:まとめ(?![てたるりろれま])|結論|教訓|おわりに|さいごに|終わりに|conclusion|summary|takeaway|lesson|moral|bottom line|final thoughts|what we learned|wrapping up)/iu;

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
  const intro = introduction(title, siteName, language, options.charBudget);
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
  // Closing: the article's conclusion and the points made, then the pointer to the source.
  const takeaway = takeawayLine(plans, leadScored, language, title, limits.narration);
  // The takeaway is not said twice, unless it is all its section has to say.
  const isTakeaway = (s: ScoredSentence) => takeaway?.endsWith(s.text) ?? false;
  const sayable = (plan: BodyPlan) =>
    plan.scored.some((s) => !isTakeaway(s)) ? plan.scored.filter((s) => !isTakeaway(s)) : plan.scored;
  const speaking = plans.filter((p) => p.scored.length > 0 || p.listed.length > 0);
  // Stands for the recap of the key points until the body has been written; the recap may take
  // up to RECAP_SHARE of the budget, which the body leaves it.
  const points = pickVariant(wording.mainPoints, title, 2);
  const recapChars = Math.min(limits.narration, Math.floor(options.charBudget * RECAP_SHARE));
  let closingLines = [takeaway, points, seeOriginal].filter((l): l is string => l !== undefined);
  const closingChars = (lines: readonly string[]) =>
    lines.reduce((s, l) => s + (l === points ? recapChars : l.length), 0);
  while (
    closingLines.length > 1 &&
    options.charBudget - intro.length - closingChars(closingLines) < limits.minSectionChars * speaking.length
  ) {
    closingLines = closingLines.slice(1);
  }

  let remaining = options.charBudget - intro.length - closingChars(closingLines);
  const leadSaid = leadLines(
    leadScored,
    language,
    Math.floor(remaining * LEAD_SHARE) + limits.narration / 2,
    limits.narration,
  );
  remaining -= leadSaid.reduce((sum, line) => sum + line.length, 0);
  // The title slide says the lead point; the rest of the lead opens the first body slide, so the
  // title card is not held for half a minute.
  // Only into a part without a heading: under a heading, the lead's words would be off its topic.
  const split =
    speaking.length > 0 && !speaking[0]!.topic.heading
      ? leadOpening(leadSaid, language, limits.narration)
      : { opening: leadSaid, rest: [] };
  const openingLead = split.opening;
  // Lead lines moved to the first body slide, with the sentences they say (lines without any are dropped).
  const leadMoved: PickedNarration[] = split.rest
    .map((text) => ({ text, sentences: leadScored.filter((s) => text.includes(s.text)) }))
    .filter((m) => m.sentences.length > 0);

  const budgets = distributeWithWholeStories(
    remaining,
    speaking.map((p) => topicLength(p.topic)),
    speaking.map((p) => storyChars(p.scored, language)),
  );
  let carry = 0;
  // A section says more than one slide holds only when there is a slide to continue on.
  let spareSlides = options.maxSections - 2 - speaking.length;
  const bodies = speaking.map((plan, i) => {
    const maxNarrations = spareSlides > 0 ? MAX_BODY_NARRATIONS : MAX_SLIDE_NARRATIONS;
    const listChars = plan.listed.reduce((sum, s) => sum + s.text.length, 0);
    const budget = budgets[i]! + carry - listChars;
    const others = pickNarrations(sayable(plan), budget, language, {
      maxNarrations: Math.max(1, maxNarrations - plan.listed.length),
      required: plan.listed.length === 0,
      maxChars: limits.narration,
      minChars: limits.minSectionChars,
    });
    const listed = plan.listed.map((s) => ({ text: s.text, sentences: [s], listItem: true }));
    // In the article's order: a recipe's ingredients before its buying tips.
    const ordered = [...listed, ...others].sort((a, b) => a.sentences[0]!.index - b.sentences[0]!.index);
    const picked = i === 0 ? [...leadMoved, ...ordered] : ordered;
    carry = Math.max(0, budget - others.reduce((s, n) => s + n.text.length, 0));
    spareSlides -= Math.ceil(picked.length / MAX_SLIDE_NARRATIONS) - 1;
    return { plan, ...slideContent(picked, language, limits) };
  });

  const offered = bodies.map((b) => layoutOptions(b.picked, language));
  const layouts = chooseLayouts(offered);
  const bodySections: Section[] = [];
  /** Index in `bodies` of each body slide's section. */
  const owners: number[] = [];
  // Extra slides (a panel shown from the narration that says it, a continuation of a long
  // section) fit in the slides left after one per section.
  let room = options.maxSections - 2 - bodies.filter((b) => b.narrations.length > 0).length;
  const panelAt = (i: number) =>
    layouts[i]!.layout === 'figure'
      ? offered[i]!.figureAt
      : layouts[i]!.layout === 'quote'
        ? offered[i]!.quoteAt
        : undefined;
  // Panels said after a section's first narration need a slide of their own; continuations of
  // earlier sections leave room for them (without it the quote was read over an unrelated slide).
  const panelCutsFrom = (i: number) => bodies.slice(i).filter((_, j) => (panelAt(i + j) ?? 0) > 0).length;
  for (const [i, body] of bodies.entries()) {
    const section: Section = {
      title: body.plan.title,
      kind: 'body',
      bullets: body.bullets,
      narrations: body.narrations,
      ...layouts[i]!,
    };
    const at = panelAt(i);
    const moved = i === 0 ? leadMoved.length : 0;
    // Moved lead lines take the label of the first narration of the part itself.
    const labels = body.picked.map((_, k) =>
      subsectionTitle(
        body.plan,
        body.picked[Math.min(Math.max(k, moved), body.picked.length - 1)]!.sentences[0]?.paragraph ?? 0,
        language,
      ),
    );
    const cuts = slideCuts(section.narrations.length, at, room, labelChanges(labels), panelCutsFrom(i + 1));
    room -= cuts.length;
    const slides = splitSlides(section, cuts, at, labels);
    if (!body.plan.topic.heading)
      retitleSlides(slides, bodySections.at(-1)?.title, i === 0 ? wording.introTitle : undefined, language);
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
    bodyPictures(images, leadImage),
    language,
    room,
  );

  for (let k = 0; k < bodySections.length; ) {
    let end = k;
    while (end < bodySections.length && generated.has(bodySections[end]!.title)) end++;
    if (end > k) {
      const run = bodySections.slice(k, end);
      retitleSlides(run, bodySections[k - 1]?.title, k === 0 ? wording.introTitle : undefined, language);
      bodySections.splice(k, run.length, ...run);
    }
    k = Math.max(end, k + 1);
  }

  // Bullets show each slide's substance, not its lead-in or scene-setting.
  const listed = new Set(bodies.flatMap((b) => b.picked.filter((p) => p.listItem).map((p) => p.text)));
  for (const [k, slide] of bodySections.entries())
    bodySections[k] = withoutFillerBullets(slide, language, listed);

  // The recap says the body's key points (numbers, findings), and its slide shows them.
  const recap = recapLine(
    closingPoints(
      bodies.map((b) =>
        b.picked
          .filter((n) => !n.listItem)
          .flatMap((n) => n.sentences)
          .map((s) => ({ bullet: toBullet(s.text, language), score: s.score })),
      ),
      language,
      takeaway ? { except: takeaway } : {},
    ),
    language,
    recapChars,
  );
  const recapBullets = recap?.points ?? [];
  closingLines = closingLines.flatMap((line) => (line !== points ? [line] : recap ? [recap.line] : []));
  // The closing slide names the source; the pointer to it is said only when there is nothing else to say.
  if (closingLines.some((line) => line !== seeOriginal))
    closingLines = closingLines.filter((line) => line !== seeOriginal);
  const opening: Section = {
    title: shortenAtBoundary(title, language, TITLE_MAX.section),
    kind: 'opening',
    bullets: [],
    narrations: [intro, ...openingLead].map((text) => ({ text, speaker: 'narrator' })),
  };
  const closing: Section = {
    title: wording.closingTitle,
    kind: 'closing',
    bullets: recapBullets,
    narrations: closingLines.map((text) => ({ text, speaker: 'narrator' })),
  };
  const sections = [opening, ...bodySections.filter((s) => s.narrations.length > 0), closing];
  const fitted = fitToBounds({ title, language, ...(leadImage ? { leadImage } : {}), sections }, options);
  return language === 'ja' ? withReadings(fitted) : fitted;
}

/**
 * The pictures body slides may show: the title slide already shows the lead picture, so a body
 * slide repeats it only when the article has no other picture.
 */
function bodyPictures(images: Article['images'], leadImage: ScriptImage | undefined): Article['images'] {
  const others = images.filter((img) => img.url !== leadImage?.url);
  return others.length > 0 ? others : images;
}

/**
 * Puts each picture on the body slide whose narration says what it shows (see placePictures),
 * near its place on the page; a picture whose content is not said is left out. When that
 * narration is not the slide's first and `room` allows another slide, the slide is cut before it
 * so the picture appears as it is said.
 */
function withPictures(
  slides: Section[],
  owners: readonly number[],
  topics: readonly Topic[],
  images: Article['images'],
  language: Language,
  room: number,
): void {
  // A label for a caption (「いぬのかお」) says nothing about the picture.
  const descriptions = images.map((img) =>
    [pictureCaption({ caption: img.caption }, language), img.alt].filter(
      (d): d is string => d !== undefined && d !== '',
    ),
  );
  const placed = placePictures(
    images.map((img, p) => ({
      descriptions: descriptions[p]!,
      section: pictureSection(img.afterBlock, topics),
    })),
    slides.map((slide, k) => ({
      section: owners[k]!,
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
    const at = matchingNarration(
      descriptions[p]!,
      slide.narrations.map((n) => n.text),
      language,
    );
    if (at > 0 && room > 0) {
      room -= 1;
      const [before, after] = splitSlides({ ...slide, layout: 'bullets' }, [at], undefined);
      slides.splice(slot, 1, before!, { ...after!, layout: 'picture', image });
    } else {
      slides[slot] = { ...slide, layout: 'picture', image };
    }
  }
}

/** The section a picture sits in on the page: the one holding its block, else the first one after it. */
function pictureSection(afterBlock: number, topics: readonly Topic[]): number {
  const holding = topics.findIndex((t) => t.blocks.includes(afterBlock));
  if (holding >= 0) return holding;
  const next = topics.findIndex((t) => t.blocks.length > 0 && Math.min(...t.blocks) > afterBlock);
  return next >= 0 ? next : Math.max(0, topics.length - 1);
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

function layoutOptions(picked: readonly PickedNarration[], language: Language): OfferedLayouts {
  const offered: OfferedLayouts = {};
  // The section's most telling number (money over a count over a measure), the first of equal ones.
  let figureRank = 0;
  for (const [i, narration] of picked.entries()) {
    if (!narration.listItem) {
      const ranked = narration.sentences
        .map((s) => findRankedKeyFigure(s.text, language))
        .find((f) => f !== undefined);
      if (ranked && ranked.rank > figureRank) {
        figureRank = ranked.rank;
        Object.assign(offered, { figure: ranked.figure, figureAt: i });
      }
    }
    // Quotes are looked for in the whole narration: a quotation often spans two sentences.
    if (!offered.quote) {
      const quote = findQuote(toSpeakable(narration.text), language, picked[i - 1]?.text);
      if (quote) Object.assign(offered, { quote, quoteAt: i });
    }
  }
  return offered;
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

/**
 * Where a section's narrations go on to a new slide: at the narration that says its quote or
 * figure (so the panel shows while it is said), and after every MAX_SLIDE_NARRATIONS, as far as
 * `room` allows.
 */
function slideCuts(
  narrations: number,
  panelAt: number | undefined,
  room: number,
  subsectionStarts: readonly number[] = [],
  reserved = 0,
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

/**
 * A section as consecutive slides under the same title, cut before the given narrations. The
 * quote or figure shows on the slide that starts with the narration saying it (on none when it
 * could not get a slide of its own). Pictures are placed afterwards (see withPictures).
 */
function splitSlides(
  section: Section,
  cuts: readonly number[],
  panelAt: number | undefined,
  labels: ReadonlyArray<string | undefined> = [],
): Section[] {
  const {
    title: sectionTitle,
    kind,
    bullets: allBullets,
    narrations,
    layout,
    figure,
    quote,
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
    const panelHere = panelAt !== undefined && panelAt === start;
    const hasPanel = (layout === 'figure' || layout === 'quote') && panelHere;
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
      ...(hasPanel
        ? { layout, ...(figure ? { figure } : {}), ...(quote ? { quote } : {}) }
        : { layout: rest.image ? 'picture' : 'bullets' }),
    };
    return hasPanel ? withPanelBullet(slide, panelAt! - start) : slide;
  });
}

/** Slide titles up to this long say the section and its subsection ("History: Construction"). */
const SUBSECTION_TITLE_MAX: Record<Language, number> = { ja: 24, en: 48 };

/** The title of the subsection a paragraph of the section is under, or undefined when directly under its heading. */
function subsectionTitle(plan: BodyPlan, paragraph: number, language: Language): string | undefined {
  const sub = plan.topic.subsections?.filter((s) => s.from <= paragraph).at(-1);
  if (!sub || sub.heading === plan.topic.heading) return undefined;
  const heading = shortenAtBoundary(sub.heading, language, TEXT_LIMITS[language].headingTitle);
  if (heading === plan.title) return undefined;
  const joined = language === 'ja' ? `${plan.title}：${heading}` : `${plan.title}: ${heading}`;
  // "Section: Subsection" only when the section's title has no colon of its own.
  return joined.length <= SUBSECTION_TITLE_MAX[language] && !/[:：]/u.test(plan.title) ? joined : heading;
}

/** Narrations where the label changes from the one before (a new subsection starts). */
function labelChanges(labels: ReadonlyArray<string | undefined>): number[] {
  return labels.flatMap((label, i) => (i > 0 && label !== labels[i - 1] ? [i] : []));
}

/** "To recap: A. B. C." with as many of the points as fit one narration, and those points. */
function recapLine(
  points: readonly string[],
  language: Language,
  maxChars: number,
): { line: string; points: string[] } | undefined {
  const lead = WORDING[language].recapLead;
  let recap: { line: string; points: string[] } | undefined;
  for (let count = 1; count <= points.length; count++) {
    const candidate = `${lead}${points
      .slice(0, count)
      // A point that ends like a sentence ("…fully compatible!", "…countries.”") gets no second stop.
      .map((p) => (/[.!?。！？][”"」』]?$/u.test(p) ? p : language === 'ja' ? `${p}。` : `${p}.`))
      .join(language === 'ja' ? '' : ' ')}`;
    if (candidate.length > maxChars) break;
    recap = { line: candidate, points: points.slice(0, count) };
  }
  return recap;
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

/** Lead characters the title slide says before the rest moves to the first body slide. */
const OPENING_LEAD_CHARS: Record<Language, number> = { ja: 90, en: 200 };

/**
 * The lead split between the title slide and the first body slide: the title slide says the first
 * sentence and the next ones while they stay within OPENING_LEAD_CHARS; the rest is regrouped
 * into narrations of at most `narrationChars`.
 */
function leadOpening(
  lines: readonly string[],
  language: Language,
  narrationChars: number,
): { opening: string[]; rest: string[] } {
  const sentences = lines.flatMap((line) => splitSentences(line, language));
  const opening: string[] = [];
  let used = 0;
  let k = 0;
  for (; k < sentences.length; k++) {
    const sentence = sentences[k]!;
    if (k > 0 && used + sentence.length > OPENING_LEAD_CHARS[language]) break;
    used += sentence.length;
    appendSpeech(opening, sentence, language, narrationChars);
  }
  const rest: string[] = [];
  for (const sentence of sentences.slice(k)) appendSpeech(rest, sentence, language, narrationChars);
  return { opening, rest };
}

/**
 * The article's conclusion: the best sentence of its last paragraph, else the strongest sentence
 * that reads as a summary, in one of the wording's forms.
 */
function takeawayLine(
  plans: readonly BodyPlan[],
  leadScored: readonly ScoredSentence[],
  language: Language,
  title: string,
  maxChars: number,
): string | undefined {
  // A section whose only sentence became the takeaway would vanish: its sentences are not candidates.
  const roomy = plans.filter((p) => p.scored.length >= 2);
  const all = [...leadScored, ...roomy.flatMap((p) => p.scored)];
  const summaries = all.filter((s) => CONCLUSION_CUES[language].test(s.text));
  // A section headed "Conclusion" / 「教訓」 holds the takeaway.
  const concluding = roomy
    .filter((p) => CONCLUSION_HEADING.test(p.topic.heading ?? ''))
    .flatMap((p) => p.scored);
  // The moral the article states, or a sentence that sums up. The last paragraph is not taken
  // for the conclusion: reviewers found it was as often a detail or an announcement. Without
  // either, there is no takeaway and the closing names the points made.
  const candidates = [
    ...[...concluding].sort((a, b) => b.score - a.score),
    ...summaries.sort((a, b) => b.score - a.score),
  ].filter(
    (s) =>
      !/[？?]$/u.test(s.text) &&
      s.text.length >= MIN_TAKEAWAY_CHARS[language] &&
      readsAsConclusion(s.text, language),
  );
  // A story's moral is announced as one, not as "the article's conclusion".
  const isMoral = roomy.some((p) => MORAL_HEADING.test(p.topic.heading ?? ''));
  const template = isMoral ? WORDING[language].moral : pickVariant(WORDING[language].takeaway, title, 1);
  return (
    candidates
      .map((s) => stripLeadingConnective(s.text, language))
      // Said on its own at the end, it cannot lean on the sentence before it.
      .filter((text) => !needsPredecessor(text, language))
      .map((text) => template(capitalizeFirst(text, language)))
      .find((line) => line.length <= maxChars) ?? endingLine(roomy.at(-1), language, title, maxChars)
  );
}

/** A quotation with its speaker named: "…," Ms Halvorsen said. / In the words of …: "…" / 組合長は「…」と話した。 */
const SPOKEN_QUOTE: Record<Language, RegExp> = {
  en: /^(?:in the words of [^:"“]{3,100}:\s*["“].{20,}["”]|["“].{20,}[,.!?]["”]\s+(?:(?:said|says|added)\s+\S.*|\S.{0,60}\s(?:said|says|added))\.)$/iu,
  ja: /^[^「」]{2,40}[はが]「[^」]{8,}」と(?:話|語|述べ|期待|分析|笑|締めくく)/u,
};

/**
 * The article's own ending, when it is a real one: the closing quotation of its last paragraph
 * with its speaker named, else a sentence of the last paragraph that concludes ("…can work, as
 * long as…"). Plans, announcements and sentences that lean on the one before are not endings.
 */
function endingLine(
  last: BodyPlan | undefined,
  language: Language,
  title: string,
  maxChars: number,
): string | undefined {
  // A short last part keeps its quotation (and its quote panel) in the body.
  if (!last || last.scored.length < 4) return undefined;
  const lastParagraph = Math.max(...last.scored.map((s) => s.paragraph));
  const final = last.scored.filter((s) => s.paragraph === lastParagraph);
  const closingQuote = final.at(-1);
  if (closingQuote && SPOKEN_QUOTE[language].test(closingQuote.text.trim())) {
    const line = pickVariant(WORDING[language].lastWord, title)(closingQuote.text.trim());
    if (line.length <= maxChars) return line;
  }
  const concluding = final.find(
    (s) =>
      CONCLUDES[language].test(s.text) &&
      readsAsConclusion(s.text, language) &&
      !needsPredecessor(s.text, language) &&
      s.text.length >= MIN_TAKEAWAY_CHARS[language],
  );
  if (!concluding) return undefined;
  const line = pickVariant(WORDING[language].takeaway, title, 1)(capitalizeFirst(concluding.text, language));
  return line.length <= maxChars ? line : undefined;
}

function capitalizeFirst(text: string, language: Language): string {
  return language === 'en' && text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** Whether a slide's narrations say the title's words (every word of it, in any form). */
function saysTitle(slide: Section, title: string, language: Language): boolean {
  const text = slide.narrations.map((n) => n.text).join(' ');
  if (language === 'ja') return text.includes(title);
  const words = new Set(titleKey(text.replace(/[^\p{L}\p{N}'’\s-]/gu, ' '), language).split(' '));
  return titleKey(title, language)
    .split(' ')
    .every((w) => words.has(w));
}

/**
 * A generated title stays on the slides of its part that say it. A slide that does not say it
 * gets a title of its own narrations (the phrase they say most and its neighbours do not), else
 * the title of the slide before it when that one fits, else the neutral title for its part.
 */
function retitleSlides(
  slides: Section[],
  before: string | undefined,
  neutralTitle: string | undefined,
  language: Language,
): void {
  const wording = WORDING[language];
  const neutral = [wording.storyTitle, wording.introTitle];
  for (const [k, slide] of slides.entries()) {
    if (neutral.includes(slide.title) || saysTitle(slide, slide.title, language)) continue;
    const own = slide.narrations.map((n) => n.text);
    const others = slides.filter((_, j) => j !== k).map((o) => o.narrations.map((n) => n.text));
    const previous = k > 0 ? slides[k - 1]!.title : before;
    const avoid = previous ? [titleKey(previous, language)] : [];
    // What this slide says and its neighbours do not; else what it opens with.
    const found =
      topicTitle(own, others, language, { avoid, once: true }) ??
      topicTitle(own, [], language, { avoid, once: true });
    const title =
      found ??
      (previous && saysTitle(slide, previous, language) ? previous : undefined) ??
      // "Introduction" only opens the run: a later slide keeps its part's title.
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

function introduction(
  title: string,
  siteName: string | undefined,
  language: Language,
  charBudget: number,
): string {
  const wording = WORDING[language];
  const template = pickVariant(wording.introduce, title);
  const limit = Math.min(TEXT_LIMITS[language].narration, Math.floor(charBudget * INTRO_SHARE));
  // Quotes inside a quoted title become single quotes.
  const spokenTitle = shortenAtBoundary(title, language, TITLE_MAX.spoken[language]).replace(
    /["“]([^"“”]*)["”]/gu,
    '‘$1’',
  );
  const candidates = [
    template(spokenTitle, siteName),
    template(spokenTitle, undefined),
    template(shortenAtBoundary(title, language, TEXT_LIMITS[language].generatedTitle), undefined),
  ];
  return candidates.find((c) => c.length <= limit) ?? wording.introduceBriefly;
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
    const inline = images.find((img) => img.url === article.leadImage);
    return inline ? toScriptImage(inline, language) : { url: article.leadImage };
  }
  return images[0] ? toScriptImage(images[0], language) : undefined;
}

/** Japanese narrations with Latin-script words get a katakana reading. */
function withReadings(script: Script): Script {
  return {
    ...script,
    sections: script.sections.map((section) => ({
      ...section,
      narrations: section.narrations.map((n) => {
        const reading = n.reading ?? japaneseReading(n.text);
        return reading && reading.length <= 600 ? { ...n, reading } : n;
      }),
    })),
  };
}
