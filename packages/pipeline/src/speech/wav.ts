import { open } from 'node:fs/promises';

/** What a WAV file holds, from its header. */
export interface WavInfo {
  /** 1 = integer PCM, 3 = IEEE float; others are compressed (resolved through WAVE_FORMAT_EXTENSIBLE). */
  formatTag: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  blockAlign: number;
  /** Byte offset of the sample data. */
  dataOffset: number;
  /** Bytes of sample data actually present (declared size, clipped to the file). */
  dataSize: number;
  durationSec: number;
}

export const WAVE_FORMAT_PCM = 1;
export const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** Streaming writers (and some TTS engines) write this when the length is unknown. */
const UNKNOWN_SIZE = 0xffffffff;

export class WavParseError extends Error {
  override name = 'WavParseError';
}

/** True when the bytes start like a RIFF/RF64 WAVE file. */
export function looksLikeWav(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const riff = ascii(bytes, 0, 4);
  return (riff === 'RIFF' || riff === 'RF64') && ascii(bytes, 8, 4) === 'WAVE';
}

/**
 * Parses the RIFF/fmt/data chunks of a WAV file. `bytes` needs to hold the header only (up to the
 * start of the data chunk); `fileSize` is the whole file's size, used when the data chunk's size is
 * missing (0xFFFFFFFF, as streaming writers leave it) or larger than the file.
 */
export function parseWav(bytes: Uint8Array, fileSize: number = bytes.length): WavInfo {
  if (!looksLikeWav(bytes)) throw new WavParseError('not a RIFF/WAVE file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isRf64 = ascii(bytes, 0, 4) === 'RF64';
  let rf64DataSize: number | undefined;
  let format: Omit<WavInfo, 'dataOffset' | 'dataSize' | 'durationSec'> | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'ds64' && body + 16 <= bytes.length) {
      // RF64: riffSize (8 bytes), then dataSize (8 bytes).
      rf64DataSize = Number(view.getBigUint64(body + 8, true));
    } else if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new WavParseError('fmt chunk too short');
      let formatTag = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const declaredBlockAlign = view.getUint16(body + 12, true);
      const bitsPerSample = view.getUint16(body + 14, true);
      if (formatTag === WAVE_FORMAT_EXTENSIBLE) {
        // cbSize(2) validBits(2) channelMask(4), then the SubFormat GUID whose first 2 bytes are the real tag.
        if (size < 40 || body + 26 > bytes.length) throw new WavParseError('extensible fmt chunk too short');
        formatTag = view.getUint16(body + 24, true);
      }
      if (channels === 0 || sampleRate === 0) throw new WavParseError('fmt chunk has no channels or rate');
      const blockAlign = declaredBlockAlign || (channels * bitsPerSample) / 8;
      format = { formatTag, channels, sampleRate, bitsPerSample, blockAlign };
    } else if (id === 'data') {
      if (!format) throw new WavParseError('data chunk before fmt chunk');
      const available = Math.max(0, fileSize - body);
      let declared = isRf64 && size === UNKNOWN_SIZE && rf64DataSize !== undefined ? rf64DataSize : size;
      if (declared === UNKNOWN_SIZE) declared = available;
      const dataSize = Math.min(declared, available);
      const frames = format.blockAlign > 0 ? Math.floor(dataSize / format.blockAlign) : 0;
      return { ...format, dataOffset: body, dataSize, durationSec: frames / format.sampleRate };
    }
    // Chunks are padded to an even size.
    offset = body + size + (size % 2);
  }
  throw new WavParseError(format ? 'no data chunk' : 'no fmt chunk');
}

/** Header bytes read from a file; enough for any sane WAV (headers are tiny, but LIST chunks can grow). */
const HEADER_READ_BYTES = 1 << 20;

/** Reads a WAV file's header (not its samples). Throws WavParseError for other files. */
export async function readWavInfo(path: string): Promise<WavInfo> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const buffer = Buffer.alloc(Math.min(size, HEADER_READ_BYTES));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return parseWav(buffer.subarray(0, bytesRead), size);
  } finally {
    await file.close();
  }
}

export interface PcmFormat {
  sampleRate: number;
  channels: number;
  /** 16 for pcm_s16le. */
  bitsPerSample: number;
}

/** A canonical 44-byte-header PCM WAV around the given samples. */
export function encodeWav(format: PcmFormat, samples: Uint8Array): Buffer {
  const blockAlign = (format.channels * format.bitsPerSample) / 8;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(WAVE_FORMAT_PCM, 20);
  header.writeUInt16LE(format.channels, 22);
  header.writeUInt32LE(format.sampleRate, 24);
  header.writeUInt32LE(format.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(format.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

/** A silent 16-bit PCM WAV. */
export function silentWav(durationSec: number, sampleRate = 48_000, channels = 1): Buffer {
  const frames = Math.round(durationSec * sampleRate);
  return encodeWav({ sampleRate, channels, bitsPerSample: 16 }, Buffer.alloc(frames * channels * 2));
}

/** Joins WAV files of one format (e.g. the chunks of a long narration) into one. */
export function concatWavs(files: readonly Uint8Array[]): Buffer {
  if (files.length === 0) throw new WavParseError('nothing to concatenate');
  const parsed = files.map((bytes) => ({ bytes, info: parseWav(bytes) }));
  const first = parsed[0]!.info;
  if (first.formatTag !== WAVE_FORMAT_PCM) throw new WavParseError('only integer PCM can be concatenated');
  const samples: Uint8Array[] = [];
  for (const { bytes, info } of parsed) {
    if (
      info.formatTag !== first.formatTag ||
      info.channels !== first.channels ||
      info.sampleRate !== first.sampleRate ||
      info.bitsPerSample !== first.bitsPerSample
    ) {
      throw new WavParseError('cannot concatenate WAV files of different formats');
    }
    const whole = info.dataSize - (info.dataSize % info.blockAlign);
    samples.push(bytes.subarray(info.dataOffset, info.dataOffset + whole));
  }
  return encodeWav(first, Buffer.concat(samples));
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}
