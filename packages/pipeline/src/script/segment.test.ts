import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../fixtures/real-world/expectations.ts';
import { splitAt, topicBoundaries } from './segment.ts';

/** The body paragraphs of the corpus page without headings (plain <p> lines, no markup inside). */
function longNoHeadingsParagraphs(): string[] {
  const html = readFileSync(join(CORPUS_DIR, 'long-no-headings', 'index.html'), 'utf8');
  return [...html.matchAll(/^<p>(.+)<\/p>$/gmu)].map((m) => m[1]!.replace(/<[^>]+>/gu, ''));
}

describe('topicBoundaries', () => {
  it('finds a shift between two long neighbouring paragraphs (schools, then the cost in salt)', () => {
    const paragraphs = longNoHeadingsParagraphs().slice(1);
    expect(paragraphs).toHaveLength(8);
    const groups = splitAt(paragraphs, topicBoundaries(paragraphs, 'en', 5));
    expect(groups).toHaveLength(5);
    const schools = groups.find((g) => g.some((p) => p.startsWith('The winter has also changed')))!;
    // The schools paragraph is not lumped with the salt and budget paragraphs after it.
    expect(schools.some((p) => p.startsWith('None of this has come free'))).toBe(false);
    expect(schools.some((p) => p.startsWith('Money is the other question'))).toBe(false);
  });

  it('gives no boundary for a single group', () => {
    expect(topicBoundaries(['a b c', 'd e f'], 'en', 1)).toEqual([]);
  });
});
