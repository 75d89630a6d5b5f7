import type { Language } from '../schema/script.ts';
import { extractTerms } from './terms.ts';

/**
 * Units on each side of a gap compared when looking for a change of topic: two short units, or
 * one long one (a paragraph of a few hundred characters is a topic's worth on its own; two of
 * them blur a shift between neighbouring paragraphs).
 */
const WINDOW = 2;
const LONG_UNIT: Record<Language, number> = { ja: 200, en: 400 };

/**
 * Where the topic changes in a run of paragraphs (TextTiling): for each gap between two units,
 * the term overlap (cosine) of the units just before and just after it; the gaps whose overlap
 * dips deepest below the peaks around them become boundaries. Returns `groupCount - 1` gap
 * positions (a boundary at i means a new group starts at unit i), keeping every group at least a
 * fifth of an even share long so no group is a stray sentence.
 */
export function topicBoundaries(units: readonly string[], language: Language, groupCount: number): number[] {
  const wanted = Math.min(groupCount, units.length) - 1;
  if (wanted <= 0) return [];
  const vectors = units.map((u) => termVector(u, language));
  const averageLength = units.reduce((sum, u) => sum + u.length, 0) / units.length;
  const window = averageLength >= LONG_UNIT[language] ? 1 : WINDOW;
  const similarity: number[] = [];
  for (let gap = 1; gap < units.length; gap++) {
    const before = sumVectors(vectors.slice(Math.max(0, gap - window), gap));
    const after = sumVectors(vectors.slice(gap, gap + window));
    similarity[gap] = cosine(before, after);
  }
  const depth = (gap: number): number => {
    let left = similarity[gap]!;
    for (let i = gap - 1; i >= 1 && similarity[i]! >= left; i--) left = similarity[i]!;
    let right = similarity[gap]!;
    for (let i = gap + 1; i < units.length && similarity[i]! >= right; i++) right = similarity[i]!;
    return left - similarity[gap]! + (right - similarity[gap]!);
  };

  const lengths = units.map((u) => u.length);
  const total = lengths.reduce((s, l) => s + l, 0);
  const minChars = total / (wanted + 1) / 5;
  const gaps = Array.from({ length: units.length - 1 }, (_, i) => i + 1).sort(
    (a, b) => depth(b) - depth(a) || similarity[a]! - similarity[b]! || evenness(a) - evenness(b),
  );
  function evenness(gap: number): number {
    // Ties (e.g. no shared terms anywhere) go to the gap nearest an even split.
    const before = lengths.slice(0, gap).reduce((s, l) => s + l, 0);
    const share = total / (wanted + 1);
    return Math.min(...Array.from({ length: wanted }, (_, k) => Math.abs(before - share * (k + 1))));
  }

  const chosen: number[] = [];
  for (const gap of gaps) {
    if (chosen.length >= wanted) break;
    const candidate = [...chosen, gap].sort((a, b) => a - b);
    if (groupsLongEnough(candidate, lengths, minChars)) chosen.push(gap);
  }
  return chosen.sort((a, b) => a - b);
}

/** Splits units at the boundaries. */
export function splitAt<T>(units: readonly T[], boundaries: readonly number[]): T[][] {
  const groups: T[][] = [];
  let start = 0;
  for (const boundary of [...boundaries, units.length]) {
    if (boundary > start) groups.push(units.slice(start, boundary));
    start = boundary;
  }
  return groups;
}

function groupsLongEnough(
  boundaries: readonly number[],
  lengths: readonly number[],
  minChars: number,
): boolean {
  let start = 0;
  for (const end of [...boundaries, lengths.length]) {
    const chars = lengths.slice(start, end).reduce((s, l) => s + l, 0);
    if (end <= start || chars < minChars) return false;
    start = end;
  }
  return true;
}

type Vector = Map<string, number>;

function termVector(text: string, language: Language): Vector {
  const vector: Vector = new Map();
  for (const term of extractTerms(text, language)) vector.set(term, (vector.get(term) ?? 0) + 1);
  return vector;
}

function sumVectors(vectors: readonly Vector[]): Vector {
  const sum: Vector = new Map();
  for (const vector of vectors)
    for (const [term, count] of vector) sum.set(term, (sum.get(term) ?? 0) + count);
  return sum;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (const [term, count] of a) dot += count * (b.get(term) ?? 0);
  const norm = (v: Vector) => Math.sqrt([...v.values()].reduce((s, c) => s + c * c, 0));
  const denominator = norm(a) * norm(b);
  return denominator > 0 ? dot / denominator : 0;
}
