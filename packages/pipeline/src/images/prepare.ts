import sharp from 'sharp';
import { ImageRejected } from './download.ts';
import { sniffImageFormat } from './sniff.ts';

export interface PrepareLimits {
  /** Largest width or height accepted, read from the header before any pixel is decoded. */
  maxDimension: number;
  /** The re-encoded picture fits in this square (slides never show more). */
  outputMaxSide: number;
}

/** Smaller than this, or flatter/taller than MAX_ASPECT, a picture is an icon, spacer or banner. */
const MIN_WIDTH = 160;
const MIN_HEIGHT = 90;
const MAX_ASPECT = 4;

/** sharp's names for the formats sniffImageFormat accepts (AVIF is decoded by libheif). */
const SHARP_FORMAT = { jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp', avif: 'heif' } as const;

export interface PreparedImage {
  width: number;
  height: number;
  bytes: number;
}

/**
 * Checks a downloaded picture and re-encodes it as a baseline sRGB JPEG at `outPath`:
 * the format is sniffed from the bytes (never the URL or Content-Type); the dimensions come from
 * the header and are checked before decoding, so a tiny file that claims 50 000 × 50 000 pixels
 * is refused without allocating them; decorative sizes (tracking pixels, icons, thin banners)
 * are refused; EXIF orientation is applied; animations keep their first frame; transparency is
 * flattened on white (diagrams and logos are drawn for light backgrounds).
 */
export async function prepareImage(
  bytes: Buffer,
  outPath: string,
  limits: PrepareLimits,
): Promise<PreparedImage> {
  const format = sniffImageFormat(bytes);
  if (!format) throw new ImageRejected('not a JPEG, PNG, GIF, WebP or AVIF picture');
  const limitInputPixels = limits.maxDimension * limits.maxDimension;
  // Reading the header decodes no pixels; the limit is checked below with a clear reason, and
  // again by the decoder itself.
  const header = await sharp(bytes, { limitInputPixels: false, animated: false })
    .metadata()
    .catch((error: unknown) => {
      throw new ImageRejected(`unreadable ${format} header: ${(error as Error).message}`);
    });
  if (header.format !== SHARP_FORMAT[format]) {
    throw new ImageRejected(`sniffed ${format} but the header reads as ${header.format}`);
  }
  const { width, height } = header;
  if (!width || !height) throw new ImageRejected('no dimensions in the header');
  if (width > limits.maxDimension || height > limits.maxDimension) {
    throw new ImageRejected(`${width}×${height} is over ${limits.maxDimension}×${limits.maxDimension}`);
  }
  if (width < MIN_WIDTH || height < MIN_HEIGHT) throw new ImageRejected(`${width}×${height} is icon-sized`);
  if (width / height > MAX_ASPECT || height / width > MAX_ASPECT) {
    throw new ImageRejected(`${width}×${height} is a banner or spacer shape`);
  }
  const info = await sharp(bytes, { limitInputPixels, animated: false, failOn: 'error' })
    .autoOrient()
    .resize({
      width: limits.outputMaxSide,
      height: limits.outputMaxSide,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg({ quality: 82, chromaSubsampling: '4:2:0' })
    .toFile(outPath)
    .catch((error: unknown) => {
      throw new ImageRejected(`could not decode the ${format} picture: ${(error as Error).message}`);
    });
  return { width: info.width, height: info.height, bytes: info.size };
}
