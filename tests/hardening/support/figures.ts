import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS_DIR } from './paths.ts';

export const FIGURES_FILE = join(ARTIFACTS_DIR, 'figures.json');

/**
 * Merges one test file's figures into test-artifacts/hardening/figures.json under `section`
 * (the files run one after another), prints them, and returns the path.
 */
export async function recordFigures(section: string, figures: Record<string, unknown>): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(await readFile(FIGURES_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    // first file of the run
  }
  all[section] = { ...figures, recordedAt: new Date().toISOString() };
  all.machine = { cpus: (await import('node:os')).cpus().length, note: '2 cores, shared with other work' };
  await writeFile(FIGURES_FILE, `${JSON.stringify(all, null, 2)}\n`);
  // Long tables go to the file only.
  const shown = Object.fromEntries(Object.entries(figures).filter(([, v]) => !Array.isArray(v)));
  console.log(`\n[hardening] ${section}:\n${JSON.stringify(shown, null, 2)}\n→ ${FIGURES_FILE}`);
  return FIGURES_FILE;
}
