import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type UrlPolicyInternals, urlPolicyFor } from '@movie-generator/url-policy';
import type { StageContext } from '../context.ts';
import { cancelledError } from '../errors.ts';
import type { FetchOptions } from '../fetch/types.ts';
import { msg } from '../i18n/messages.ts';
import type { Script } from '../schema/script.ts';
import type { LocalImageSource } from '../timeline/slide-content.ts';
import { createImageAgent, downloadImage } from './download.ts';
import { type PreparedImage, prepareImage } from './prepare.ts';

export const IMAGE_DEFAULTS = {
  maxImages: 8,
  maxBytes: 5 * 1024 * 1024,
  maxDimension: 8000,
  /** All pictures together, downloaded in parallel; what is not done by then is skipped. */
  timeoutMs: 10_000,
  maxRedirects: 5,
  /** Re-encoded pictures fit in this square. */
  outputMaxSide: 1280,
} as const;

export interface ImageOptions extends Pick<FetchOptions, 'allowPrivateNetwork' | 'allowedPorts'> {
  maxImages?: number;
  maxBytes?: number;
  maxDimension?: number;
  timeoutMs?: number;
}

/** A picture ready for the slides: a re-encoded JPEG in the job's work directory. */
export interface LocalImage extends PreparedImage {
  path: string;
}

/** Local copies by the URL the script gives; URLs that failed are absent. */
export type LocalImages = ReadonlyMap<string, LocalImage>;

/**
 * The script's picture URLs that a slide would show (the lead image, and the images of
 * `picture` sections), lead image first, each once, at most `max`.
 */
export function scriptImageUrls(script: Script, max: number = IMAGE_DEFAULTS.maxImages): string[] {
  const shown = script.sections.filter((s) => s.layout === 'picture').map((s) => s.image?.url);
  const urls = [script.leadImage?.url, ...shown].filter((u): u is string => u !== undefined);
  return [...new Set(urls)].slice(0, max);
}

/**
 * Downloads the script's pictures (lead image and section images) through the guarded fetch and
 * re-encodes them into `ctx.workDir/images/`. All run in parallel within one time box; a picture
 * that fails for any reason (blocked address, HTTP error, too big, not a picture, SVG, pixel bomb,
 * decorative size, time box over) is logged with the reason and left out: the slide falls back to
 * text. Only cancelling the job throws.
 */
export async function fetchScriptImages(
  script: Script,
  options: ImageOptions,
  ctx: StageContext,
  internals: UrlPolicyInternals = {},
): Promise<LocalImages> {
  const urls = scriptImageUrls(script, options.maxImages ?? IMAGE_DEFAULTS.maxImages);
  const found = new Map<string, LocalImage>();
  if (urls.length === 0) return found;
  const dir = join(ctx.workDir, 'images');
  await mkdir(dir, { recursive: true });
  const policy = urlPolicyFor(options, internals);
  const agent = createImageAgent(policy, internals.lookupForTests);
  const timeBox = AbortSignal.timeout(options.timeoutMs ?? IMAGE_DEFAULTS.timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeBox]);
  let settled = 0;
  ctx.onProgress(0, msg.pictures(0, urls.length));
  try {
    await Promise.all(
      urls.map(async (url, i) => {
        try {
          const bytes = await downloadImage(
            url,
            agent,
            policy,
            {
              maxBytes: options.maxBytes ?? IMAGE_DEFAULTS.maxBytes,
              maxRedirects: IMAGE_DEFAULTS.maxRedirects,
            },
            signal,
          );
          signal.throwIfAborted();
          const path = join(dir, `image-${i}.jpg`);
          const prepared = await prepareImage(bytes, path, {
            maxDimension: options.maxDimension ?? IMAGE_DEFAULTS.maxDimension,
            outputMaxSide: IMAGE_DEFAULTS.outputMaxSide,
          });
          signal.throwIfAborted();
          found.set(url, { path, ...prepared });
          ctx.log.debug({ url, ...prepared }, 'picture ready');
        } catch (error) {
          if (ctx.signal.aborted) return;
          const reason = timeBox.aborted
            ? `not done within ${options.timeoutMs ?? IMAGE_DEFAULTS.timeoutMs} ms`
            : describe(error);
          ctx.log.warn({ url, reason }, 'picture skipped; its slide falls back to text');
        } finally {
          settled += 1;
          ctx.onProgress((100 * settled) / urls.length, msg.pictures(settled, urls.length));
        }
      }),
    );
  } finally {
    await agent.destroy().catch(() => undefined);
  }
  if (ctx.signal.aborted) throw cancelledError(ctx.signal);
  // Said where the user sees progress too: a picture slide turning into text should not pass unnoticed.
  if (found.size < urls.length)
    ctx.onProgress(100, msg.picturesSkipped(urls.length - found.size, urls.length));
  return found;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const detail = (error as { detail?: string }).detail;
  return [code, detail ?? error.message].filter(Boolean).join(': ');
}

/**
 * What the renderer gets for each picture: a data: URL of the re-encoded JPEG (never a web
 * address) and its size, by the script's URL. A data: URL keeps the renderer off the network
 * and works the same for both renderers; at ≤1280 px and JPEG quality 82 each is ~100–300 KB.
 */
export async function localImageSources(images: LocalImages): Promise<Map<string, LocalImageSource>> {
  const sources = new Map<string, LocalImageSource>();
  for (const [url, image] of images) {
    const src = `data:image/jpeg;base64,${(await readFile(image.path)).toString('base64')}`;
    sources.set(url, { src, width: image.width, height: image.height });
  }
  return sources;
}

/** fetchScriptImages then localImageSources: the script's pictures, ready for buildTimeline. */
export async function slideImageSources(
  script: Script,
  options: ImageOptions,
  ctx: StageContext,
): Promise<Map<string, LocalImageSource>> {
  return localImageSources(await fetchScriptImages(script, options, ctx));
}
