export { type DecodedHtml, decodeHtml } from './charset.ts';
export { FETCH_DEFAULTS, fetchPage } from './fetch-page.ts';
export type { FetchedPage, FetchOptions } from './types.ts';
export { assertUrlAllowed } from './url-policy.ts';
