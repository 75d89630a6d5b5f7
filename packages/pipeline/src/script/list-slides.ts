import {
  type Language,
  type ListItem,
  type ListPanel,
  MAX_LIST_ITEMS,
  type Narration,
  type Section,
} from '../schema/script.ts';

/** A run of list items shorter than this stays a bullet list. */
export const MIN_LIST_ITEMS = 5;
const MAX_HEAD_CHARS = 120;
const MAX_TAIL_CHARS = 160;
const MAX_LEAD_CHARS = 160;
/** The most narrations a section may have (the schema's limit). */
const MAX_NARRATIONS = 20;
/** A tail this short on every item is a quantity (「200グラム」, 「小さじ1」): the list is a recipe's ingredients. */
const MAX_AMOUNT_CHARS = 12;

/** "A coarse stone, around 1,000 grit, for setting the bevel": the thing, then what it is for. */
const EN_PURPOSE = /^(.+?)(?:,\s*|\s+)((?:for|to|that|which|because|so)\s.+)$/u;
/** A verb that makes a short part a statement, not the name of a thing. */
const EN_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might)\b/iu;

/**
 * The items a list narration's bullet shows. Japanese: the items joined with 「、」, each a name
 * and its amount joined with 「・」 (「米粉（パン用）・200グラム、砂糖・大さじ1」). English: one
 * item that names a thing and says what it is for, split before the "for/to/that…" clause; or short
 * items joined with commas ("flour, salt"). Undefined when a part is too long to show as an item.
 */
export function listItemsOf(bullet: string, language: Language): ListItem[] | undefined {
  const text = bullet.trim().replace(/[。.]$/u, '');
  if (text === '') return undefined;
  const items = language === 'ja' ? jaItems(text) : enItems(text);
  const fits = items.every(
    (item) =>
      item.head.length <= MAX_HEAD_CHARS && (item.tail === undefined || item.tail.length <= MAX_TAIL_CHARS),
  );
  return fits ? items : undefined;
}

function jaItems(text: string): ListItem[] {
  return text
    .split('、')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const cut = part.lastIndexOf('・');
      const head = part.slice(0, cut).trim();
      const tail = part.slice(cut + 1).trim();
      return cut > 0 && head !== '' && tail !== '' ? { head, tail } : { head: part };
    });
}

function enItems(text: string): ListItem[] {
  const purpose = EN_PURPOSE.exec(text);
  if (purpose && purpose[1]!.trim().split(/\s+/u).length >= 2) {
    return [{ head: purpose[1]!.trim(), tail: purpose[2]!.trim() }];
  }
  const parts = text.split(/,\s*/u).map((p) => p.trim());
  if (parts.length > 1 && parts.every((p) => p !== '' && p.split(/\s+/u).length <= 5 && !EN_VERB.test(p))) {
    // Read out inside a sentence, "a pencil" lost its capital: an item on its own line takes it back.
    return parts.map((head) => ({ head: head.replace(/^an?\s/u, (m) => m[0]!.toUpperCase() + m.slice(1)) }));
  }
  const comma = text.indexOf(', ');
  return comma > 0 ? [{ head: text.slice(0, comma), tail: text.slice(comma + 2) }] : [{ head: text }];
}

interface Entry {
  slide: number;
  narration: Narration;
  bullet?: string;
}

/**
 * Runs of list items (a kit list, a recipe's ingredients) of at least MIN_LIST_ITEMS items, said
 * over the slides of one section, go on one compact `list` slide (several when longer than
 * MAX_LIST_ITEMS, split evenly), each item revealed as it is said; the bullet said just before the
 * items on the same slide (what the list is) becomes the list's lead. Narrations are unchanged;
 * what the section says before and after the list stays on slides of its own. Slides with a
 * picture, figure or quote are left as they are. `owners` (each slide's section) is updated alongside.
 */
export function withListSlides(
  slides: Section[],
  owners: number[],
  listed: ReadonlySet<string>,
  language: Language,
): void {
  for (let end = slides.length; end > 0; ) {
    let start = end - 1;
    while (start > 0 && owners[start - 1] === owners[end - 1]) start--;
    const rebuilt = listGroup(slides.slice(start, end), listed, language);
    if (rebuilt) {
      slides.splice(start, end - start, ...rebuilt);
      owners.splice(start, end - start, ...rebuilt.map(() => owners[start]!));
    }
    end = start;
  }
}

/** A section's slides with its list on compact slides, or undefined when it has no such list. */
function listGroup(
  group: readonly Section[],
  listed: ReadonlySet<string>,
  language: Language,
): Section[] | undefined {
  const entries: Entry[] = group.flatMap((slide, k) =>
    slide.narrations.map((narration) => {
      const bullet = narration.bullet === undefined ? undefined : slide.bullets[narration.bullet];
      return { slide: k, narration, ...(bullet !== undefined ? { bullet } : {}) };
    }),
  );
  const isItem = (e: Entry | undefined) => e !== undefined && listed.has(e.narration.text);
  const first = entries.findIndex(isItem);
  if (first < 0) return undefined;
  let last = first;
  while (isItem(entries[last + 1])) last++;
  const run = entries.slice(first, last + 1);
  const itemsOf = run.map((e) => listItemsOf(e.bullet ?? e.narration.text, language));
  if (itemsOf.some((items) => items === undefined)) return undefined;
  const total = itemsOf.reduce((n, items) => n + items!.length, 0);
  if (total < MIN_LIST_ITEMS) return undefined;
  const touched = new Set(run.map((e) => e.slide));
  if ([...touched].some((k) => (group[k]!.layout ?? 'bullets') !== 'bullets')) return undefined;

  // What the list is: the bullet said just before its first item, on the same slide.
  const before = entries[first - 1];
  const lead =
    before &&
    before.slide === entries[first]!.slide &&
    before.bullet &&
    before.bullet.length <= MAX_LEAD_CHARS
      ? before
      : undefined;
  const head = entries.slice(0, lead ? first - 1 : first);
  const tail = entries.slice(last + 1);

  const template = group[entries[first]!.slide]!;
  const chunks = evenChunks(itemsOf.map((items) => items!.length));
  const listSlides = chunks.map(([from, to], c): Section => {
    const items = itemsOf.slice(from, to).flatMap((i) => i!);
    const amounts = items.every((i) => i.tail !== undefined && i.tail.length <= MAX_AMOUNT_CHARS);
    const spoken = run.slice(from, to).map((e) => withoutBullet(e.narration));
    const panel: ListPanel = {
      ...(c === 0 && lead ? { lead: lead.bullet! } : {}),
      items,
      ...(amounts ? { amounts: true } : {}),
    };
    return {
      title: template.title,
      kind: 'body',
      bullets: [],
      narrations: c === 0 && lead ? [withoutBullet(lead.narration), ...spoken] : spoken,
      layout: 'list',
      list: panel,
    };
  });
  // A part left with nothing to show (its narrations had no bullet) is said on the list slide next to it.
  const earlier = rest(group, head);
  const later = rest(group, tail);
  const firstList = listSlides[0]!;
  const lastList = listSlides.at(-1)!;
  const blank = (slide: Section | undefined, into: Section) =>
    slide !== undefined &&
    slide.bullets.length === 0 &&
    (slide.layout ?? 'bullets') === 'bullets' &&
    slide.narrations.length + into.narrations.length <= MAX_NARRATIONS;
  if (blank(earlier.at(-1), firstList)) firstList.narrations.unshift(...earlier.pop()!.narrations);
  if (blank(later[0], lastList)) lastList.narrations.push(...later.shift()!.narrations);
  // What the list's slide said after the items joins the slide after it when both fit on one:
  // cut from the list, it would take a slide of its own the section was not given.
  const tailSlide = tail[0]?.slide;
  if (tailSlide !== undefined && touched.has(tailSlide) && later.length >= 2) {
    const joined = joinSlides(later[0]!, later[1]!);
    if (joined) later.splice(0, 2, joined);
  }
  return [...earlier, ...listSlides, ...later];
}

/**
 * Item counts of the list's narrations → [from, to) ranges of narrations, one per slide: as few
 * slides as keep each at MAX_LIST_ITEMS items or fewer, the items shared as evenly as they go.
 */
export function evenChunks(counts: readonly number[]): Array<[number, number]> {
  const total = counts.reduce((a, b) => a + b, 0);
  for (let parts = Math.max(1, Math.ceil(total / MAX_LIST_ITEMS)); ; parts++) {
    const chunks: Array<[number, number]> = [];
    let from = 0;
    let said = 0;
    for (let p = 1; p <= parts && from < counts.length; p++) {
      const target = p === parts ? total : Math.round((total * p) / parts);
      let to = from;
      while (to < counts.length && (said < target || to === from)) said += counts[to++]!;
      chunks.push([from, to]);
      from = to;
    }
    const size = ([a, b]: [number, number]) => counts.slice(a, b).reduce((x, y) => x + y, 0);
    if (chunks.every((c) => size(c) <= MAX_LIST_ITEMS) || parts >= counts.length) return chunks;
  }
}

const withoutBullet = ({ bullet: _bullet, ...narration }: Narration): Narration => narration;

/** The entries' narrations back on their own slides (each slide keeping what it showed for them). */
/** Narrations and bullets one bullet slide holds. */
const SLIDE_NARRATIONS = 4;

/** Two bullet slides of a section as one, when they have the same title and fit on one slide. */
function joinSlides(a: Section, b: Section): Section | undefined {
  const plain = (s: Section) => (s.layout ?? 'bullets') === 'bullets' && !s.image && !s.steps;
  if (!plain(a) || !plain(b) || a.title !== b.title) return undefined;
  if (a.narrations.length + b.narrations.length > SLIDE_NARRATIONS) return undefined;
  if (a.bullets.length + b.bullets.length > SLIDE_NARRATIONS) return undefined;
  const offset = a.bullets.length;
  return {
    ...a,
    bullets: [...a.bullets, ...b.bullets],
    narrations: [
      ...a.narrations,
      ...b.narrations.map((n) => (n.bullet === undefined ? n : { ...n, bullet: n.bullet + offset })),
    ],
  };
}

function rest(group: readonly Section[], entries: readonly Entry[]): Section[] {
  const bySlide = new Map<number, Entry[]>();
  for (const e of entries) bySlide.set(e.slide, [...(bySlide.get(e.slide) ?? []), e]);
  return [...bySlide].map(([k, kept]) => {
    const slide = group[k]!;
    const bullets: string[] = [];
    const steps: Array<number | null> = [];
    const narrations = kept.map(({ narration }) => {
      if (narration.bullet === undefined) return narration;
      const text = slide.bullets[narration.bullet]!;
      let at = bullets.indexOf(text);
      if (at < 0) {
        at = bullets.push(text) - 1;
        steps.push(slide.steps?.[narration.bullet] ?? null);
      }
      return { ...narration, bullet: at };
    });
    const { steps: _steps, ...base } = slide;
    return {
      ...base,
      bullets,
      narrations,
      ...(slide.steps && steps.some((s) => s !== null) ? { steps } : {}),
    };
  });
}
