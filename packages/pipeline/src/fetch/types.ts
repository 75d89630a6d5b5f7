import type { PrivateNetworkAccess } from '@movie-generator/url-policy';

export interface FetchOptions {
  /**
   * Also allow this machine (`'loopback'`) or private networks too (`true`; local tests, trusted
   * intranets). Cloud metadata and link-local addresses are refused whatever this says. Default false.
   */
  allowPrivateNetwork?: PrivateNetworkAccess;
  /** Ports allowed besides 80 and 443 when private networks are not (ALLOWED_PORTS). */
  allowedPorts?: readonly number[];
  /** Body cap in bytes (default 5 MB). */
  maxBytes?: number;
  /** Total time for all hops, in ms (default 20 s). */
  timeoutMs?: number;
  /** Redirect hops followed at most (default 5). */
  maxRedirects?: number;
}

export interface FetchedPage {
  /** The URL that was asked for. */
  requestedUrl: string;
  /** The final URL after redirects. */
  url: string;
  /** Decoded HTML text. */
  html: string;
  /** The charset used to decode it (e.g. "utf-8", "shift_jis", "euc-jp"). */
  charset: string;
  contentType: string;
}
