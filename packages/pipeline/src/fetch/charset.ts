/**
 * Turns response bytes into text the way browsers do, in this order: a byte-order mark, the
 * Content-Type charset, a <meta> declaration near the top, and else a guess (UTF-8, then the two
 * common Japanese legacy encodings, since a Japanese page without a declaration is the usual case
 * here). Labels go through TextDecoder, so "sjis", "x-sjis", "windows-31j" all mean Shift_JIS.
 * Unlike browsers, a declared charset that the bytes plainly contradict is corrected (see
 * decodeDeclared): valid multibyte UTF-8 is read as UTF-8 whatever the label says.
 */
export interface DecodedHtml {
  html: string;
  /** The WHATWG encoding name used, e.g. "utf-8", "shift_jis", "euc-jp". */
  charset: string;
  /** Where the charset came from. */
  source: 'bom' | 'header' | 'meta' | 'guess';
}

/** How many leading bytes are searched for a <meta> charset (browsers use 1024; be a bit lenient). */
const META_PRESCAN_BYTES = 4096;

export function decodeHtml(bytes: Uint8Array, headerCharset?: string): DecodedHtml {
  const bom = charsetFromBom(bytes);
  if (bom) return decodeWith(bytes, bom, 'bom');
  const fromHeader = canonicalCharset(headerCharset);
  if (fromHeader) return decodeDeclared(bytes, fromHeader, 'header');
  const fromMeta = charsetFromMeta(bytes);
  if (fromMeta) return decodeDeclared(bytes, fromMeta, 'meta');
  return guessAndDecode(bytes);
}

/** Share of U+FFFD among the non-ASCII characters from which a UTF-8 label is judged wrong. */
const MISLABELLED_UTF8_SHARE = 0.2;

/**
 * Decodes with the declared charset, with two corrections for labels that contradict the bytes:
 *
 * - Declared legacy, bytes UTF-8: when the page declares a legacy charset (gb2312, Shift_JIS,
 *   ISO-8859-1…) but its bytes hold multibyte sequences and all of them are valid UTF-8, it is
 *   read as UTF-8. Servers and templates often keep an old label after the files were converted,
 *   and real legacy text almost never forms valid UTF-8 by chance (its lead bytes are followed
 *   by bytes outside 0x80–0xBF), so a valid multibyte UTF-8 body is UTF-8. A page of pure ASCII
 *   reads the same either way and keeps its label.
 * - Declared UTF-8, bytes legacy: a page declared UTF-8 whose bytes are mostly not UTF-8 is a
 *   legacy Japanese page mislabelled (a server or proxy adding charset=utf-8), where browsers
 *   show mojibake and the video would speak it. Then the legacy Japanese encodings are tried,
 *   and one that decodes without error is used. A UTF-8 page with a stray bad byte keeps its
 *   label: only a page whose non-ASCII text is largely undecodable is re-read.
 */
function decodeDeclared(bytes: Uint8Array, charset: string, source: DecodedHtml['source']): DecodedHtml {
  if (charset !== 'utf-8') {
    const utf8 = validMultibyteUtf8(bytes);
    return utf8 === undefined
      ? decodeWith(bytes, charset, source)
      : { html: utf8, charset: 'utf-8', source: 'guess' };
  }
  const declared = decodeWith(bytes, charset, source);
  if (!mostlyUndecodable(declared.html)) return declared;
  for (const legacy of GUESSES.filter((c) => c !== 'utf-8')) {
    try {
      return {
        html: new TextDecoder(legacy, { fatal: true }).decode(bytes),
        charset: legacy,
        source: 'guess',
      };
    } catch {
      // not this one
    }
  }
  return declared;
}

/** The text, when the bytes contain non-ASCII bytes and decode as UTF-8 without any error. */
function validMultibyteUtf8(bytes: Uint8Array): string | undefined {
  if (!bytes.some((byte) => byte >= 0x80)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function mostlyUndecodable(text: string): boolean {
  let nonAscii = 0;
  let replaced = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii += 1;
    if (ch === '\ufffd') replaced += 1;
  }
  return replaced >= 8 && replaced / nonAscii >= MISLABELLED_UTF8_SHARE;
}

/** The WHATWG name for a charset label, or undefined if the label is unknown. */
export function canonicalCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

const META_TAG = /<meta\b[^>]*>/gi;
const META_CHARSET_ATTR = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`. */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  // Every charset we care about is ASCII-compatible in the markup, so latin1 reads the tags as-is.
  const head = Buffer.from(bytes.subarray(0, META_PRESCAN_BYTES)).toString('latin1');
  for (const [tag] of head.matchAll(META_TAG)) {
    const label = META_CHARSET_ATTR.exec(tag)?.[1];
    const charset = canonicalCharset(label);
    if (!charset) continue;
    // A document that could be read as ASCII cannot really be UTF-16 (HTML spec: use UTF-8).
    if (charset.startsWith('utf-16')) return 'utf-8';
    if (charset === 'x-user-defined') return 'windows-1252';
    return charset;
  }
  return undefined;
}

const GUESSES = ['utf-8', 'euc-jp', 'shift_jis'] as const;

/**
 * EUC-JP is tried before Shift_JIS: Shift_JIS kana and kanji lead bytes (0x81–0x9F) are invalid
 * in EUC-JP, while EUC-JP bytes often happen to be valid (nonsense) Shift_JIS.
 */
function guessAndDecode(bytes: Uint8Array): DecodedHtml {
  for (const charset of GUESSES) {
    try {
      return { html: new TextDecoder(charset, { fatal: true }).decode(bytes), charset, source: 'guess' };
    } catch {
      // not this one
    }
  }
  return decodeWith(bytes, 'utf-8', 'guess');
}

function decodeWith(bytes: Uint8Array, charset: string, source: DecodedHtml['source']): DecodedHtml {
  // TextDecoder drops a matching BOM itself (ignoreBOM defaults to false).
  return { html: new TextDecoder(charset).decode(bytes), charset, source };
}
