export { type IsBlockedAddress, isBlockedAddress, isBlockedHostname } from './address-policy.ts';
export { type DecodedHtml, decodeHtml } from './charset.ts';
export { FETCH_DEFAULTS, fetchPage } from './fetch-page.ts';
export type { FetchedPage, FetchOptions } from './types.ts';
export {
  assertUrlAllowed,
  classifyUrlHost,
  MAX_URL_LENGTH,
  parseHttpUrl,
  type UrlAllowedOptions,
  type UrlHost,
} from './url-policy.ts';
