/** A Content-Type header split into its media type and charset parameter. */
export interface ParsedContentType {
  mediaType: string;
  charset?: string;
}

export function parseContentType(header: string | undefined): ParsedContentType | undefined {
  if (!header) return undefined;
  const [type = '', ...params] = header.split(';');
  const mediaType = type.trim().toLowerCase();
  if (mediaType === '') return undefined;
  let charset: string | undefined;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    if (param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (value !== '') charset = value;
  }
  return charset ? { mediaType, charset } : { mediaType };
}

export function isHtmlMediaType(mediaType: string): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}

/** The tags of the WHATWG MIME sniffing "text/html" patterns, each followed by a space or ">". */
const HTML_SNIFF_TAGS = [
  '<!doctype html',
  '<html',
  '<head',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<body',
  '<br',
  '<p',
  '<!--',
];

/** Whether a body without a Content-Type looks like HTML (the sniffing rules for unknown types). */
export function sniffsAsHtml(bytes: Uint8Array): boolean {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (start < bytes.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(bytes[start]!)) start++;
  const head = Buffer.from(bytes.subarray(start, start + 32))
    .toString('latin1')
    .toLowerCase();
  return HTML_SNIFF_TAGS.some((tag) => {
    if (!head.startsWith(tag)) return false;
    const next = head.charAt(tag.length);
    return next === ' ' || next === '>' || (tag === '<!--' && next !== '');
  });
}
