import type { ArtifactKind } from '../document.ts';

/** How each file stored beside a video is named and served. */
export const ARTIFACT_FILES: Record<ArtifactKind, { ext: string; contentType: string }> = {
  poster: { ext: 'jpg', contentType: 'image/jpeg' },
  vtt: { ext: 'vtt', contentType: 'text/vtt; charset=utf-8' },
  srt: { ext: 'srt', contentType: 'application/x-subrip; charset=utf-8' },
};

/** The artifact a file extension names (`jpg` → poster), or null. */
export function artifactOfExt(ext: string): ArtifactKind | null {
  const found = Object.entries(ARTIFACT_FILES).find(([, file]) => file.ext === ext);
  return found ? (found[0] as ArtifactKind) : null;
}
