import { JobCreateInput, MAX_URL_LENGTH } from '@movie-generator/api-contract';
import type { Strings } from '../i18n/strings.ts';

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
