/**
 * The day the page says it was published, as an ISO date (2026-03-14), from what the page states
 * for machines: the article:published_time meta tag, a JSON-LD datePublished, or the <time> of
 * the article's byline (marked as the publication time, or the first <time> of the article outside
 * comments and side columns). Read before the furniture removal takes the byline away. Undefined
 * when the page states none: a date is never guessed from the text.
 */
export function publishedDate(document: Document): string | undefined {
  const day = statedDay(document);
  const modified =
    isoDay(
      document
        .querySelector('meta[property="article:modified_time"], meta[itemprop="dateModified"]')
        ?.getAttribute('content'),
    ) ?? linkedDataDate(document, 'dateModified');
  // A page edited for years after it was first published (an encyclopedia entry, a living guide)
  // is not dated by its first day.
  if (day && modified && Date.parse(modified) - Date.parse(day) > LIVING_PAGE_MS) return undefined;
  return day;
}

const LIVING_PAGE_MS = 365 * 24 * 3600 * 1000;

function statedDay(document: Document): string | undefined {
  const meta = document
    .querySelector(
      'meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], meta[name="pubdate"], meta[name="date"]',
    )
    ?.getAttribute('content');
  const fromMeta = isoDay(meta);
  if (fromMeta) return fromMeta;
  const fromLinkedData = linkedDataDate(document, 'datePublished');
  if (fromLinkedData) return fromLinkedData;
  const marked = document.querySelector(
    'time[itemprop="datePublished"][datetime], time.published[datetime], time[pubdate][datetime]',
  );
  const fromMarked = isoDay(marked?.getAttribute('datetime'));
  if (fromMarked) return fromMarked;
  const scope = document.querySelector('article') ?? document.querySelector('main');
  for (const time of scope?.querySelectorAll('time[datetime]') ?? []) {
    if (time.closest(ASIDE)) continue;
    return isoDay(time.getAttribute('datetime'));
  }
  return datelineDay(document);
}

/**
 * The first short element named as a date ("dateline", "date", "entry-date"; not "updated")
 * outside comments and side columns, read as a day: 「2026年3月14日 10時20分」, "Sat 12 Jul 2026",
 * "Published January 9, 2026 · Updated January 10, 2026" (its first day).
 */
function datelineDay(document: Document): string | undefined {
  for (const element of document.querySelectorAll('[class*="date" i], [id*="date" i]')) {
    const name = `${element.getAttribute('class') ?? ''} ${element.id}`.toLowerCase();
    if (/update|modif|mandat|validat|candidat/u.test(name) || element.closest(ASIDE)) continue;
    const text = (element.textContent ?? '').replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10));
    if (text.trim().length === 0 || text.length > 80) continue;
    const day = dayInText(text);
    if (day) return day;
  }
  return undefined;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

function dayInText(text: string): string | undefined {
  const iso = (year: string, month: number, day: string) =>
    isoDay(`${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`);
  const ja = /(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日/u.exec(text);
  if (ja) return iso(ja[1]!, Number(ja[2]), ja[3]!);
  const dayFirst = new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'iu').exec(text);
  if (dayFirst) return iso(dayFirst[3]!, MONTH_NAMES.indexOf(dayFirst[2]!.toLowerCase()) + 1, dayFirst[1]!);
  const monthFirst = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'iu').exec(text);
  if (monthFirst)
    return iso(monthFirst[3]!, MONTH_NAMES.indexOf(monthFirst[1]!.toLowerCase()) + 1, monthFirst[2]!);
  const numeric = /\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})\b/u.exec(text);
  if (numeric) return iso(numeric[1]!, Number(numeric[2]), numeric[3]!);
  return undefined;
}

/** Where a <time> dates something else: a comment, a related story, a side column. */
const ASIDE = 'aside, nav, footer, [class*="comment" i], [id*="comment" i], [class*="related" i]';

function linkedDataDate(document: Document, key: 'datePublished' | 'dateModified'): string | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const found = new RegExp(`"${key}"\\s*:\\s*"([^"]{8,40})"`, 'u').exec(script.textContent ?? '');
    const day = isoDay(found?.[1]);
    if (day) return day;
  }
  return undefined;
}

/** The day of an ISO date or date-time ("2026-03-14T07:30:00Z" → "2026-03-14"), when it is a real day. */
function isoDay(value: string | null | undefined): string | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/u.exec(value ?? '');
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}
