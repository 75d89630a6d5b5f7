import { normaliseText } from './text.ts';

const SEPARATORS = ['|', '｜', '-', '–', '—', '::', '·', '•', '»', '/', ':', '：'];

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
