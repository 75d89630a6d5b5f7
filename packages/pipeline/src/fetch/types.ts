export interface FetchOptions {
  /** Allow loopback/private/link-local targets (local tests, trusted intranets). Default false. */
  allowPrivateNetwork?: boolean;
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
