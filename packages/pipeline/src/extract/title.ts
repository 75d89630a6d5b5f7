import { normaliseText } from './text.ts';

const SEPARATORS = ['|', '｜', '-', '–', '—', '::', '·', '•', '»', '/', ':', '：', '_'];

/**
 * Removes the site name from a title such as "Story | Site" or "Site - Story", but only when the
 * part removed is the site name itself, so a title that merely contains a dash stays whole.
 */
export function stripSiteName(title: string, siteName: string | undefined): string {
  const clean = normaliseText(title);
  if (!siteName) return clean;
  const site = normaliseText(siteName).toLowerCase();
  for (const sep of SEPARATORS) {
    const parts = clean.split(sep);
    if (parts.length < 2) continue;
    const last = parts.at(-1)!.trim();
    const first = parts[0]!.trim();
    if (last.toLowerCase() === site) {
      const rest = parts.slice(0, -1).join(sep).trim();
      if (rest !== '') return rest;
    }
    if (first.toLowerCase() === site) {
      const rest = parts.slice(1).join(sep).trim();
      if (rest !== '') return rest;
    }
  }
  return clean;
}

/**
 * Separators that set a site, section or author name apart in a <title>: spaced bars, dashes and
 * dots ("Story | Site", "Story – Site", "Story · Site"), full-width bars, and underscores next to
 * CJK text ("标题_频道_网站").
 */
const PART_SEPARATOR = /\s+(?:\||-|–|—|·|•|»|::)\s+|\s*｜\s*|\s*_(?=\s*\P{ASCII})|(?<=\P{ASCII}\s*)_\s*/u;
const SEPARATOR_START = /^\s*(?:\||-|–|—|·|•|»|::|｜|_|:|：)/u;
/** A site name is short: "Harbour Gazette", "Wikipedia", "むかしばなし広場". */
const MAX_SITE_LENGTH = 40;

/** The parts of a title split at its separators: "A | by B | Medium" → A, by B, Medium. */
export function titleParts(title: string): string[] {
  return normaliseText(title)
    .split(PART_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The site name a title ends with ("Story - Wikipedia" → "Wikipedia"), if it has one. */
export function siteNameFromTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const parts = titleParts(title);
  const last = parts.at(-1);
  if (parts.length < 2 || !last || last.length > MAX_SITE_LENGTH || last.split(/\s+/).length > 5)
    return undefined;
  if (/^by\s/i.test(last)) return undefined;
  return last;
}

export interface TitleSources {
  ogTitle?: string;
  documentTitle?: string;
  /** Readability's own pick, used when nothing better is found. */
  readabilityTitle?: string;
  /** Texts of the page's h1 elements, in document order. */
  h1s: string[];
  siteName?: string;
}

/**
 * The article's own title. When og:title or <title> is an h1 of the page followed by a separator
 * and more ("Story | Author", "Story · Site", "Story｜Section｜Site"), the h1 is the title. When
 * <title> carries a site suffix but no h1 in it (a book chapter titled by its book and site),
 * the page's single h1 is the title. Otherwise og:title or <title> without the site name.
 */
export function chooseTitle(sources: TitleSources): string {
  const site = sources.siteName?.toLowerCase();
  const h1s = sources.h1s.filter((h) => h.length >= 2 && h.toLowerCase() !== site);
  for (const candidate of [sources.ogTitle, sources.documentTitle]) {
    if (!candidate) continue;
    const h1 = h1s
      .filter(
        (h) =>
          candidate === h || (candidate.startsWith(h) && SEPARATOR_START.test(candidate.slice(h.length))),
      )
      .sort((a, b) => b.length - a.length)[0];
    if (h1) return h1;
  }
  if (sources.ogTitle) return withoutBylines(stripSiteName(sources.ogTitle, sources.siteName));
  if (sources.documentTitle) {
    const stripped = withoutBylines(stripSiteName(sources.documentTitle, sources.siteName));
    const single = h1s.length === 1 ? h1s[0] : undefined;
    if (single && stripped !== normaliseText(sources.documentTitle)) return single;
    return stripped;
  }
  return sources.readabilityTitle ?? h1s[0] ?? sources.siteName ?? '';
}

/** Drops " | by Author" parts left after the site name is gone. */
function withoutBylines(title: string): string {
  const parts = title.split(/\s+\|\s+/);
  const kept = parts.filter((part, i) => i === 0 || !/^by\s/i.test(part));
  return kept.join(' | ');
}
