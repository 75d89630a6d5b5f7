/** Shorter file names ("dims", "image") say nothing about which picture an address shows. */
const MIN_KEY = 6;

/**
 * The picture an address shows, apart from its size: an image proxy's inner address ("?url=…"),
 * else the file name without its extension and its size marks ("photo-1200x630", "440px-photo").
 */
function pictureKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  for (const value of parsed.searchParams.values()) {
    if (/^https?:\/\//iu.test(value)) return pictureKey(value);
  }
  let name = parsed.pathname.split('/').at(-1) ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Kept as it is.
  }
  const key = name
    .toLowerCase()
    .replace(/\.[a-z0-9]{2,5}$/u, '')
    .replace(/[-_]\d{2,5}x\d{2,5}(?=$|[-_])/gu, '')
    .replace(/^\d{2,5}px-/u, '');
  return key.length >= MIN_KEY ? key : url;
}

/**
 * True when two addresses show the same picture: the same address, or the same file at another
 * size or folder (a social-card copy of an inline photo: "…/headlines/…/brain.jpg" and
 * "…/articles/…/brain.jpg", "120028-1200x630.jpg" and "120028-1560x979.jpg").
 */
export function samePicture(a: string, b: string): boolean {
  return a === b || pictureKey(a) === pictureKey(b);
}
