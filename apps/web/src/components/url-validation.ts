import { JobCreateInput, MAX_URL_LENGTH } from '@movie-generator/api-contract';
import type { Strings } from '../i18n/strings.ts';

/**
 * What people type without a scheme ("example.com/article", "www.example.com") with https://
 * added; anything else (a full URL, a word, something with spaces) as typed.
 */
export function withScheme(url: string): string {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+\.[^:/]+:\d/.test(trimmed)) return trimmed;
  return /^[^\s/?#:@]+\.[^\s/?#:@.]{2,}(?::\d+)?(?:[/?#]\S*)?$/i.test(trimmed)
    ? `https://${trimmed}`
    : trimmed;
}

/**
 * Checks a URL with the API's own JobCreateInput schema (what the server will accept), and turns
 * the schema's issue into a message in the UI language. null when the URL is fine.
 */
export function urlError(url: string, t: Strings): string | null {
  const result = JobCreateInput.safeParse({ url });
  if (result.success) return null;
  const issue = result.error.issues.find((candidate) => candidate.path[0] === 'url');
  if (!issue) return null;
  if (issue.code === 'too_small') return t.home.urlRequired;
  if (issue.code === 'too_big') return t.home.urlTooLong(MAX_URL_LENGTH);
  return t.home.urlInvalid;
}
