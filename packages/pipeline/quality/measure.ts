import { urlNamesFile } from '../fixtures/real-world/expectations.ts';
import { isPipelineError } from '../src/errors.ts';
import { extractArticle } from '../src/extract/index.ts';
import type { Article } from '../src/extract/types.ts';
import { fetchPage } from '../src/fetch/index.ts';
import type { Language, Script } from '../src/schema/script.ts';
import { findBulletDefects } from '../src/script/bullet-defects.ts';
import { spokenDay } from '../src/script/dated-intro.ts';
import { generateScript } from '../src/script/index.ts';
import { findKeyFigure } from '../src/script/key-figure.ts';
import { findQuote } from '../src/script/quote.ts';
import { splitSentences } from '../src/script/sentences.ts';
import { storyLineFinder } from '../src/script/story-line.ts';
import { readsAsStory } from '../src/script/topic-title.ts';
import { makeTestContext } from '../src/test-context.ts';

/** What a page's expected.json says the script must (not) contain. */
export interface PageExpectations {
  /** Text of page furniture (menus, bylines, related links…) that must never be narrated or shown. */
  furniture: readonly string[];
  /** File names of decorative pictures that must never be used. */
  decorativeImages: readonly string[];
  /** File names of the article's content pictures; one of them must be used when any exist. */
  contentImages: readonly string[];
  /** An error code the offline script must fail with (e.g. UNSUPPORTED_LANGUAGE). */
  expectError?: string;
  /** The article's own title: a page decoded with the wrong charset would not match it. */
  title?: string;
  /** The language the script must be in. */
  language?: string;
  siteName?: string;
}

export interface PageQuality {
  page: string;
  url: string;
  language?: Language;
  error?: string;
  /** Narrations, bullets or titles that contain furniture. */
  boilerplate: string[];
  /** Bullets that do not read as a whole point, with why. */
  defectiveBullets: string[];
  sections: number;
  layouts: string[];
  /** Layouts the article's content offers (pictures, key numbers, attributed quotes, bullets): the most a video can vary. */
  layoutsOffered: number;
  /** Pictures the video shows (lead image and section pictures). */
  pictures: string[];
  decorativePictures: string[];
  /** Seconds, estimated from the narration length (or measured with --video). */
  durationSec: number;
  /** The script's title (tells whether the page was decoded correctly). */
  title?: string;
  script?: Script;
}

/** Narration characters per second of the offline voices (see DEFAULT_CHAR_BUDGET in script/language.ts). */
export const SPEECH_RATE: Record<Language, number> = { ja: 4.4, en: 17.2 };

/**
 * Generic page furniture, whatever the page: breadcrumb trails, language switchers, share and
 * follow prompts, related-article and cookie notices, table-of-contents numbers, edit links.
 */
export const FURNITURE_PATTERNS: readonly RegExp[] = [
  /\S\s*[>›»]\s*\S+\s*[>›»]\s*\S/u,
  /←→|⇔/u,
  /\b(?:share (?:on|this)|follow us|subscribe|sign up|newsletter|related (?:articles|stories|posts)|read more|recommended for you|all rights reserved|cookie|advertisement)\b/iu,
  /(?:シェアする|ツイートする|フォローする|関連記事|続きを読む|この記事をシェア|広告|Copyright|著作権)/u,
  /^\d+(?:\.\d+)+\s/u,
  /\[\s*(?:edit|編集)\s*\]/iu,
  /\b\d+\s+(?:claps?|responses)\b/iu,
];

function lines(script: Script): string[] {
  return script.sections.flatMap((s) => [
    s.title,
    ...s.bullets,
    ...listLines(s),
    ...s.narrations.map((n) => n.text),
    ...(s.quote ? [s.quote.text] : []),
  ]);
}

/** What a compact list slide shows, line by line: its lead, then each item as it reads (head, then tail). */
function listLines(section: Script['sections'][number]): string[] {
  if (!section.list) return [];
  const items = section.list.items.map((item) => (item.tail ? `${item.head} ${item.tail}` : item.head));
  return [...(section.list.lead ? [section.list.lead] : []), ...items];
}

function matchesUrl(url: string, fileNames: readonly string[]): boolean {
  return fileNames.some((name) => urlNamesFile(url, name));
}

/** Fetches the page through the real fetch stage, extracts it and writes the offline script; measures the result. */
export async function measurePage(
  page: string,
  url: string,
  expected: PageExpectations,
): Promise<PageQuality> {
  const ctx = makeTestContext();
  const result: PageQuality = {
    page,
    url,
    boilerplate: [],
    defectiveBullets: [],
    sections: 0,
    layouts: [],
    layoutsOffered: 1,
    pictures: [],
    decorativePictures: [],
    durationSec: 0,
  };
  let article: Article;
  let script: Script;
  try {
    const fetched = await fetchPage(url, { allowPrivateNetwork: true }, ctx);
    article = await extractArticle(fetched, ctx);
    script = await generateScript(article, { provider: 'offline' }, ctx);
  } catch (error) {
    result.error = isPipelineError(error) ? error.code : String(error);
    return result;
  }
  return { ...result, ...measureScript(script, article, expected) };
}

/** The measures of one script against its article and the page's expectations. */
export function measureScript(
  script: Script,
  article: Article,
  expected: PageExpectations,
): Omit<PageQuality, 'page' | 'url'> {
  const source = article.blocks.map((b) => b.text).join('\n');
  const shown = lines(script);
  // Naming the site in the introduction is intended, even where the site's name is also furniture
  // (a breadcrumb's first step).
  const furniture = expected.furniture
    .map((f) => f.trim())
    .filter((f) => f.length > 0 && f !== expected.siteName);
  // Saying the publication day once in the introduction is intended, even where the dateline is furniture.
  const intro = script.sections[0]?.narrations[0]?.text;
  const day = article.published ? spokenDay(article.published, script.language) : undefined;
  const statesDay = (line: string, f: string) => line === intro && day !== undefined && day.includes(f);
  const boilerplate = shown.filter(
    (line) =>
      furniture.some((f) => line.includes(f) && !statesDay(line, f)) ||
      FURNITURE_PATTERNS.some((p) => p.test(line)),
  );
  // The closing slide lists the article's headings: a heading is a title, not a cut sentence.
  const titles = new Set(script.sections.map((s) => s.title));
  const defectiveBullets = script.sections.flatMap((s) =>
    [...s.bullets, ...listLines(s)].flatMap((bullet) => {
      if (s.kind === 'closing' && titles.has(bullet)) return [];
      const defects = findBulletDefects(bullet, script.language, { source });
      return defects.length > 0 ? [`${bullet}  ← ${defects.map((d) => d.code).join(', ')}`] : [];
    }),
  );
  const pictures = [
    ...(script.leadImage ? [script.leadImage.url] : []),
    ...script.sections.flatMap((s) => (s.layout === 'picture' && s.image ? [s.image.url] : [])),
  ];
  const chars = script.sections.reduce(
    (sum, s) => sum + s.narrations.reduce((n, x) => n + x.text.length, 0),
    0,
  );
  return {
    language: script.language,
    boilerplate,
    defectiveBullets,
    sections: script.sections.length,
    layouts: [...new Set(script.sections.filter((s) => s.kind === 'body').map((s) => s.layout ?? 'bullets'))],
    layoutsOffered: layoutsOffered(article, script),
    pictures: [...new Set(pictures)],
    decorativePictures: pictures.filter((p) => matchesUrl(p, expected.decorativeImages)),
    durationSec: Math.round(chars / SPEECH_RATE[script.language] + timelinePauses(script)),
    title: script.title,
    script,
  };
}

/** The timeline's silences: 1 s at the start and the end, 1 s between slides, 0.5 s between narrations. */
function timelinePauses(script: Script): number {
  const narrations = script.sections.reduce((n, s) => n + s.narrations.length, 0);
  return 2 + (script.sections.length - 1) + 0.5 * (narrations - script.sections.length);
}

/**
 * How many layouts the video's content offers: bullets always; pictures when the article has
 * them; key numbers and attributed quotes when the narration says one (a panel shows what is
 * being said, so a number the video never says offers nothing), a character's line when a part
 * (its slides under one title) tells a story.
 */
function layoutsOffered(article: Article, script: Script): number {
  const language = script.language;
  const said = script.sections
    .filter((s) => s.kind === 'body')
    .flatMap((s) => s.narrations.map((n) => n.text));
  const picture = article.images.length > 0;
  const figure = said.some((n) => splitSentences(n, language).some((s) => findKeyFigure(s, language)));
  const parts = new Map<string, string[]>();
  for (const s of script.sections.filter((s) => s.kind === 'body'))
    parts.set(s.title, [...(parts.get(s.title) ?? []), ...s.narrations.map((n) => n.text)]);
  const storyLine = [...parts.values()].some((texts) => {
    if (!readsAsStory(texts, language)) return false;
    const linesOf = storyLineFinder(
      texts.map((text) => ({ text })),
      language,
      script.title,
    );
    return texts.some((n) => linesOf(n).length > 0);
  });
  const quote = said.some((n) => findQuote(n, language)) || storyLine;
  return 1 + Number(picture) + Number(figure) + Number(quote);
}

/** What keeps the page from meeting the corpus bar (empty when it does; see quality.test.ts). */
export function pageProblems(quality: PageQuality, expected: PageExpectations): string[] {
  const problems: string[] = [];
  if (expected.expectError) {
    if (quality.error !== expected.expectError)
      problems.push(`expected ${expected.expectError}, got ${quality.error ?? 'a script'}`);
    return problems;
  }
  if (quality.error) return [`failed: ${quality.error}`];
  if (quality.boilerplate.length > 0) problems.push(`furniture: ${quality.boilerplate.join(' | ')}`);
  if (quality.defectiveBullets.length > 0) problems.push(`bullets: ${quality.defectiveBullets.join(' | ')}`);
  if (quality.decorativePictures.length > 0)
    problems.push(`decorative pictures: ${quality.decorativePictures.join(', ')}`);
  if (
    expected.contentImages.length > 0 &&
    !quality.pictures.some((p) => matchesUrl(p, expected.contentImages))
  ) {
    problems.push('none of the content pictures is used');
  }
  // At least three layouts in a video over 90 s, when the content offers three and there are three slides.
  const bodies = quality.sections - 2;
  const wanted = Math.min(3, quality.layoutsOffered, bodies);
  if (quality.durationSec > 90 && quality.layouts.length < wanted) {
    problems.push(`only ${quality.layouts.join(', ')} layouts of ${quality.layoutsOffered} offered`);
  }
  const bare = (t: string | undefined) => t?.replace(/[\s\u3000]+/gu, '');
  if (expected.title && bare(quality.title) !== bare(expected.title))
    problems.push(`title read as "${quality.title}"`);
  if (expected.language && quality.language !== expected.language)
    problems.push(`language ${quality.language}`);
  return problems;
}
