import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CORPUS_DIR, loadCorpus } from '../fixtures/real-world/expectations.ts';
import type { PageExpectations } from './measure.ts';

export { CORPUS_DIR };

export interface QualityPage {
  slug: string;
  /** Path of the page under the folder served, e.g. "news-harbour/index.html". */
  path: string;
  expected: PageExpectations;
}

const NO_EXPECTATIONS: PageExpectations = { furniture: [], decorativeImages: [], contentImages: [] };

/** The corpus pages with what their expected.json says. */
export function corpusPages(): QualityPage[] {
  return loadCorpus().map(({ slug, expected }) => ({
    slug,
    path: `${slug}/index.html`,
    expected: {
      furniture: expected.furniture,
      decorativeImages: expected.decorativeImages,
      contentImages: expected.contentImages,
      title: expected.title,
      language: expected.language,
      ...(expected.siteName ? { siteName: expected.siteName } : {}),
      ...(expected.expectError ? { expectError: expected.expectError } : {}),
    },
  }));
}

/**
 * The pages of another folder (each subfolder with a `source.html` or `index.html`, such as the
 * shared real pages), with no expectations beyond the generic furniture patterns.
 */
export async function folderPages(dir: string): Promise<QualityPage[]> {
  const pages: QualityPage[] = [];
  for (const slug of (await readdir(dir)).sort()) {
    const folder = join(dir, slug);
    if (!(await isDirectory(folder))) continue;
    for (const file of ['index.html', 'source.html']) {
      if (await exists(join(folder, file))) {
        pages.push({ slug, path: `${slug}/${file}`, expected: NO_EXPECTATIONS });
        break;
      }
    }
  }
  return pages;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
