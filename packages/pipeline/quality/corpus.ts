import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageExpectations } from './measure.ts';

/** The project's corpus of real-world-like pages: `<slug>/index.html` + `expected.json` (+ pictures). */
export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/real-world/', import.meta.url));

export interface CorpusPage {
  slug: string;
  /** Path of the page under the folder served, e.g. "news-byline/index.html". */
  path: string;
  expected: PageExpectations;
}

const NO_EXPECTATIONS: PageExpectations = {
  furniture: [],
  decorativeImages: [],
  contentImages: [],
  mustContain: [],
};

/**
 * The pages of a folder: each subfolder with an `index.html` (the corpus) or a `source.html`
 * (the shared real pages), with what its `expected.json` says when it has one.
 */
export async function listPages(dir: string): Promise<CorpusPage[]> {
  const pages: CorpusPage[] = [];
  for (const slug of (await readdir(dir)).sort()) {
    const folder = join(dir, slug);
    if (!(await stat(folder)).isDirectory()) continue;
    const file = (await exists(join(folder, 'index.html')))
      ? 'index.html'
      : (await exists(join(folder, 'source.html')))
        ? 'source.html'
        : undefined;
    if (!file) continue;
    const expectedPath = join(folder, 'expected.json');
    const expected = (await exists(expectedPath))
      ? toExpectations(JSON.parse(await readFile(expectedPath, 'utf8')))
      : NO_EXPECTATIONS;
    pages.push({ slug, path: `${slug}/${file}`, expected });
  }
  return pages;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Reads what the report needs from an expected.json. */
export function toExpectations(json: unknown): PageExpectations {
  const record = (json ?? {}) as Record<string, unknown>;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return {
    furniture: strings(record.furniture),
    decorativeImages: strings(record.decorativeImages),
    contentImages: strings(record.contentImages),
    mustContain: strings(record.mustContain),
    ...(typeof record.expectError === 'string' ? { expectError: record.expectError } : {}),
  };
}
