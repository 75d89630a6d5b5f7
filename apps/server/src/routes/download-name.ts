/**
 * A file name for a download, from the article's title: lowercase words joined by "-", letters
 * and digits of any script kept (a Japanese title stays Japanese), at most 60 characters.
 * `fallback` when the title has nothing usable.
 */
export function downloadName(title: string | null | undefined, fallback: string, ext: string): string {
  const slug = (title ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || fallback}.${ext}`;
}
