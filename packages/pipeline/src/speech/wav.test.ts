import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, makeTone } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffprobeDurationSec, makeStreamedWav } from './testing.ts';
import {
  concatWavs,
  encodeWav,
  looksLikeWav,
  parseWav,
  readWavInfo,
  silentWav,
  WavParseError,
} from './wav.ts';

/** Builds a RIFF file from raw chunks, so every header variant can be produced exactly. */
function riff(chunks: { id: string; body: Buffer; declaredSize?: number }[], magic = 'RIFF'): Buffer {
  const parts = chunks.map(({ id, body, declaredSize }) => {
    const head = Buffer.alloc(8);
    head.write(id, 0, 'ascii');
    head.writeUInt32LE(declaredSize ?? body.length, 4);
    return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  });
  const head = Buffer.alloc(12);
  head.write(magic, 0, 'ascii');
  head.writeUInt32LE(4 + parts.reduce((n, p) => n + p.length, 0), 4);
  head.write('WAVE', 8, 'ascii');
  return Buffer.concat([head, ...parts]);
}

function fmt(
  tag: number,
  channels: number,
  rate: number,
  bits: number,
  extensibleSubFormat?: number,
): Buffer {
  const blockAlign = (channels * bits) / 8;
  const body = Buffer.alloc(extensibleSubFormat === undefined ? 16 : 40);
  body.writeUInt16LE(tag, 0);
  body.writeUInt16LE(channels, 2);
  body.writeUInt32LE(rate, 4);
  body.writeUInt32LE(rate * blockAlign, 8);
  body.writeUInt16LE(blockAlign, 12);
  body.writeUInt16LE(bits, 14);
  if (extensibleSubFormat !== undefined) {
    body.writeUInt16LE(22, 16); // cbSize
    body.writeUInt16LE(bits, 18); // valid bits
    body.writeUInt32LE(3, 20); // channel mask
    body.writeUInt16LE(extensibleSubFormat, 24); // SubFormat GUID starts with the format tag
    Buffer.from('000000001000800000aa00389b71', 'hex').copy(body, 26);
  }
  return body;
}

describe('parseWav on generated headers', () => {
  it('reads a canonical 16-bit mono PCM file', () => {
    const wav = encodeWav(
      { sampleRate: 48_000, channels: 1, bitsPerSample: 16 },
      Buffer.alloc(48_000 * 2 * 1.5),
    );
    const info = parseWav(wav);
    expect(info).toMatchObject({
      formatTag: 1,
      channels: 1,
      sampleRate: 48_000,
      bitsPerSample: 16,
      blockAlign: 2,
    });
    expect(info.dataOffset).toBe(44);
    expect(info.durationSec).toBeCloseTo(1.5, 9);
  });

  it('skips other chunks (odd-sized ones padded) before the data', () => {
    const wav = riff([
      { id: 'fmt ', body: fmt(1, 2, 44_100, 16) },
      { id: 'LIST', body: Buffer.from('INFOISFTabc') }, // 11 bytes + 1 pad byte
      { id: 'data', body: Buffer.alloc(44_100 * 4) },
    ]);
    const info = parseWav(wav);
    expect(info.dataOffset).toBe(12 + 24 + 20 + 8);
    expect(info.durationSec).toBeCloseTo(1, 9);
  });

  it('resolves WAVE_FORMAT_EXTENSIBLE to its sub-format', () => {
    const pcm24 = riff([
      { id: 'fmt ', body: fmt(0xfffe, 2, 48_000, 24, 1) },
      { id: 'data', body: Buffer.alloc(48_000 * 6 * 2) },
    ]);
    expect(parseWav(pcm24)).toMatchObject({ formatTag: 1, channels: 2, bitsPerSample: 24, blockAlign: 6 });
    expect(parseWav(pcm24).durationSec).toBeCloseTo(2, 9);
    const float = riff([
      { id: 'fmt ', body: fmt(0xfffe, 1, 16_000, 32, 3) },
      { id: 'data', body: Buffer.alloc(16_000 * 4) },
    ]);
    expect(parseWav(float)).toMatchObject({ formatTag: 3, durationSec: 1 });
  });

  it('measures a 0xFFFFFFFF (streamed) data size from the file size', () => {
    const wav = riff([
      { id: 'fmt ', body: fmt(1, 1, 24_000, 16) },
      { id: 'data', body: Buffer.alloc(24_000 * 2 * 3), declaredSize: 0xffffffff },
    ]);
    expect(parseWav(wav).durationSec).toBeCloseTo(3, 9);
    // Only the header in memory: the file size says how much data there is.
    const headerOnly = wav.subarray(0, 44);
    expect(parseWav(headerOnly, wav.length).durationSec).toBeCloseTo(3, 9);
  });

  it('clips a declared data size larger than the file, and ignores a trailing partial frame', () => {
    const wav = riff([
      { id: 'fmt ', body: fmt(1, 2, 8_000, 16) },
      { id: 'data', body: Buffer.alloc(8_000 * 4 + 2), declaredSize: 10_000_000 },
    ]);
    expect(parseWav(wav).durationSec).toBeCloseTo(1, 9);
  });

  it('reads the data size of an RF64 file from its ds64 chunk', () => {
    const ds64 = Buffer.alloc(28);
    ds64.writeBigUInt64LE(BigInt(8_000 * 2 * 2), 8);
    const wav = riff(
      [
        { id: 'ds64', body: ds64 },
        { id: 'fmt ', body: fmt(1, 1, 8_000, 16) },
        // Declared bigger than the file would make it 2 s+; ds64 says exactly 2 s, then a trailer.
        { id: 'data', body: Buffer.alloc(8_000 * 2 * 2 + 100), declaredSize: 0xffffffff },
      ],
      'RF64',
    );
    expect(parseWav(wav).durationSec).toBeCloseTo(2, 9);
  });

  it('rejects what is not a WAV file', () => {
    expect(looksLikeWav(Buffer.from('ID3\u0004 mp3 data here'))).toBe(false);
    expect(() => parseWav(Buffer.from('ID3\u0004 mp3 data here'))).toThrow(WavParseError);
    expect(() => parseWav(riff([{ id: 'data', body: Buffer.alloc(8) }]))).toThrow(/before fmt/);
    expect(() => parseWav(riff([{ id: 'fmt ', body: fmt(1, 1, 8_000, 16) }]))).toThrow(/no data chunk/);
    expect(() => parseWav(riff([{ id: 'fmt ', body: Buffer.alloc(8) }]))).toThrow(/too short/);
  });
});

describe('concatWavs and silentWav', () => {
  it('joins same-format files sample for sample', () => {
    const a = encodeWav({ sampleRate: 8_000, channels: 1, bitsPerSample: 16 }, Buffer.from([1, 0, 2, 0]));
    const b = encodeWav({ sampleRate: 8_000, channels: 1, bitsPerSample: 16 }, Buffer.from([3, 0]));
    const joined = concatWavs([a, b]);
    const info = parseWav(joined);
    expect(joined.subarray(info.dataOffset)).toEqual(Buffer.from([1, 0, 2, 0, 3, 0]));
    expect(info.sampleRate).toBe(8_000);
  });

  it('refuses files of different formats', () => {
    expect(() => concatWavs([silentWav(0.1, 48_000), silentWav(0.1, 22_050)])).toThrow(/different formats/);
  });

  it('makes silence of the asked length', () => {
    const info = parseWav(silentWav(0.5, 22_050, 2));
    expect(info).toMatchObject({ sampleRate: 22_050, channels: 2, formatTag: 1 });
    expect(info.durationSec).toBeCloseTo(0.5, 4);
  });
});

describe('readWavInfo on files ffmpeg writes', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await makeTempDir('mg-wav-')));
  afterAll(() => cleanup());

  it.each([
    ['plain 16-bit', [] as string[]],
    ['24-bit (WAVE_FORMAT_EXTENSIBLE)', ['-c:a', 'pcm_s24le']],
    ['32-bit float', ['-c:a', 'pcm_f32le']],
    ['RF64', ['-rf64', 'always']],
  ])('%s agrees with ffprobe', async (_name, args) => {
    const path = join(dir, `${args.join('')}.wav`);
    await makeTone(path, { sec: 1.234, sampleRate: 44_100, args });
    const info = await readWavInfo(path);
    expect(Math.abs(info.durationSec - 1.234)).toBeLessThan(0.001);
    expect(Math.abs(info.durationSec - (await ffprobeDurationSec(path)))).toBeLessThan(0.001);
  });

  it('measures a WAV streamed to a pipe (sizes unknown)', async () => {
    const wav = await makeStreamedWav(0.75);
    expect(wav.readUInt32LE(4)).toBe(0xffffffff);
    expect(parseWav(wav).durationSec).toBeCloseTo(0.75, 4);
  });

  it('throws WavParseError for an mp3', async () => {
    const path = join(dir, 'tone.mp3');
    await makeTone(path, { sec: 0.5 });
    await expect(readWavInfo(path)).rejects.toBeInstanceOf(WavParseError);
    expect(looksLikeWav(await readFile(path))).toBe(false);
  });
});
