import type { Script, Section } from '../schema/script.ts';
import { keepForLanguage, shortenAtBoundary } from './clauses.ts';
import { introducesThingOf, isEnumerationPart, isStory, needsPredecessor } from './dependence.ts';

export interface ScriptBounds {
  maxSections: number;
  charBudget: number;
}

/** Narration characters (subtitle text) of a script: what the char budget counts. */
export function narrationChars(script: Pick<Script, 'sections'>): number {
  return script.sections.reduce(
    (sum, section) => sum + section.narrations.reduce((s, n) => s + n.text.length, 0),
    0,
  );
}

function sectionChars(section: Section): number {
  return section.narrations.reduce((s, n) => s + n.text.length, 0);
}

/** The shortest text a narration is cut down to before sections are dropped instead. */
const MIN_NARRATION_CHARS = 8;

/**
 * Makes a script respect the bounds: at most `maxSections` sections (body sections are dropped
 * from the end; the opening and closing stay) and at most `charBudget` narration characters
 * (narrations are dropped from the longest sections, keeping one in each; then the longest
 * narrations are cut at a clause boundary; as a last resort body sections are dropped).
 */
export function fitToBounds(script: Script, bounds: ScriptBounds): Script {
  const sections = structuredClone(script.sections);
  // The closing may take two slides (the recap, then the closing quotation): every closing slide
  // at the end stays.
  const isClosing = (s: Section, i: number) =>
    s.kind === 'closing' && sections.slice(i).every((after) => after.kind === 'closing');
  const isBody = (s: Section, i: number) => !(i === 0 && s.kind === 'opening') && !isClosing(s, i);

  while (sections.length > Math.max(1, bounds.maxSections)) {
    const lastBody = sections.findLastIndex(isBody);
    sections.splice(lastBody >= 0 ? lastBody : sections.length - 1, 1);
  }

  for (;;) {
    const over = narrationChars({ sections }) - bounds.charBudget;
    if (over <= 0) break;
    if (dropOneNarration(sections, isBody, script.language)) continue;
    if (shortenLongestNarration(sections, over, script.language)) continue;
    const lastBody = sections.findLastIndex(isBody);
    if (lastBody < 0 || sections.length <= 1) break;
    sections.splice(lastBody, 1);
  }
  return { ...script, sections };
}

function dropOneNarration(
  sections: Section[],
  isBody: (s: Section, i: number) => boolean,
  language: Script['language'],
): boolean {
  const withSpare = sections
    .map((section, index) => ({ section, index }))
    .filter(({ section }) => section.narrations.length > 1);
  if (withSpare.length === 0) return false;
  // Body sections first, the longest first; the opening keeps its introduction, the closing its recap's lead-in.
  withSpare.sort(
    (a, b) =>
      Number(isBody(b.section, b.index)) - Number(isBody(a.section, a.index)) ||
      sectionChars(b.section) - sectionChars(a.section),
  );
  // A narration that an enumeration needs, or that the next narration points back to, is kept
  // while another can go.
  const isClosing = (section: Section, index: number) => index > 0 && !isBody(section, index);
  for (const { section, index } of withSpare) {
    if (isClosing(section, index)) continue;
    const at = droppable(sections, index, language);
    if (at !== undefined) {
      removeNarration(section, at);
      return true;
    }
  }
  const { section, index } = withSpare[0]!;
  if (!isClosing(section, index)) {
    removeNarration(section, section.narrations.length - 1);
    return true;
  }
  // A closing keeps its last line (the article's last words) and the lead-in of its recap: its
  // last recap point after the first goes, else its first line.
  const point = section.narrations.findLastIndex((n, k) => k > 0 && n.bullet !== undefined);
  removeNarration(section, Math.max(point, 0));
  return true;
}

/** How many narrations after one may name ("the burr") a thing it introduced ("a small burr"). */
const THINGS_NAMED_WITHIN = 3;

/** The last narration of a section (never its first) that can go without leaving a gap in the logic. */
function droppable(
  sections: readonly Section[],
  index: number,
  language: Script['language'],
): number | undefined {
  const narrations = sections[index]!.narrations;
  if (
    isStory(
      narrations.map((n) => n.text),
      language,
    )
  )
    return undefined;
  for (let at = narrations.length - 1; at >= 1; at--) {
    const next = narrations[at + 1]?.text ?? sections[index + 1]?.narrations[0]?.text;
    if (isEnumerationPart(narrations[at]!.text, language)) continue;
    if (next !== undefined && needsPredecessor(next, language)) continue;
    const later = [...narrations.slice(at + 1), ...(sections[index + 1]?.narrations ?? [])].slice(
      0,
      THINGS_NAMED_WITHIN,
    );
    if (language === 'en' && later.some((n) => introducesThingOf(narrations[at]!.text, n.text))) continue;
    return at;
  }
  return undefined;
}

/** Removes a narration and the bullet it reveals, so the slide still shows only what is spoken. */
function removeNarration(section: Section, at: number): void {
  const [removed] = section.narrations.splice(at, 1);
  const bullet = removed?.bullet;
  if (bullet === undefined) return;
  if (section.narrations.some((n) => n.bullet === bullet)) return;
  section.bullets.splice(bullet, 1);
  section.steps?.splice(bullet, 1);
  for (const narration of section.narrations) {
    if (narration.bullet !== undefined && narration.bullet > bullet) narration.bullet -= 1;
  }
}

function shortenLongestNarration(sections: Section[], over: number, language: Script['language']): boolean {
  const narrations = sections.flatMap((s) => s.narrations);
  const longest = narrations.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const target = Math.max(MIN_NARRATION_CHARS, longest.text.length - over);
  if (target >= longest.text.length) return false;
  const shortened = shortenAtBoundary(longest.text, language, target, { keep: keepForLanguage(language) });
  if (shortened.length === 0 || shortened.length >= longest.text.length) return false;
  longest.text = shortened;
  // The reading no longer matches the shortened text.
  delete longest.reading;
  return true;
}
