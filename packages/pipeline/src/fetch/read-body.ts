import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { PipelineError } from '../errors.ts';

/** At most this many stacked Content-Encodings are undone. */
const MAX_ENCODINGS = 3;

/**
 * Reads a response body, undoing its Content-Encoding, and stops as soon as either the bytes on
 * the wire or the decoded bytes pass `maxBytes` (TOO_LARGE). The decoders run with backpressure,
 * so a gzip bomb is cut off after about `maxBytes` of output, not after it has filled memory.
 */
export async function readCappedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  const encodings = parseContentEncoding(contentEncoding);
  const source = await withDeflateFlavour(body, encodings);
  const decoders = encodings
    .toReversed()
    .map((encoding, i) => createDecoder(encoding, i === 0 && source.raw));
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await pipeline(
    source.stream,
    capStage(maxBytes, 'body on the wire'),
    ...decoders,
    capStage(maxBytes, 'decoded body'),
    collect,
    { signal },
  );
  return Buffer.concat(chunks);
}

function parseContentEncoding(header: string | undefined): string[] {
  const encodings = (header ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
  if (encodings.length > MAX_ENCODINGS) {
    throw new PipelineError('FETCH_FAILED', { detail: `too many content encodings: ${header}` });
  }
  for (const encoding of encodings) {
    if (!['gzip', 'x-gzip', 'deflate', 'br'].includes(encoding)) {
      throw new PipelineError('FETCH_FAILED', { detail: `unsupported content encoding ${encoding}` });
    }
  }
  return encodings;
}

/**
 * "deflate" should be zlib-wrapped, but some servers send raw deflate. When deflate is the outer
 * encoding, peek at the first chunk to tell them apart (a zlib header has compression method 8).
 */
async function withDeflateFlavour(
  body: Readable,
  encodings: string[],
): Promise<{ stream: Readable; raw: boolean }> {
  if (encodings.at(-1) !== 'deflate') return { stream: body, raw: false };
  const iterator: AsyncIterator<Buffer> = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return { stream: Readable.from([]), raw: false };
  const raw = (first.value[0]! & 0x0f) !== 0x08;
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return { stream: Readable.from(rest(), { objectMode: false }), raw };
}

function createDecoder(encoding: string, rawDeflate: boolean): Transform {
  // Lenient flushing tolerates a truncated final block, like browsers do.
  const zlibOptions = { finishFlush: constants.Z_SYNC_FLUSH };
  switch (encoding) {
    case 'br':
      return createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH });
    case 'deflate':
      return rawDeflate ? createInflateRaw(zlibOptions) : createInflate(zlibOptions);
    default:
      return createGunzip(zlibOptions);
  }
}

/** A pass-through stage that fails once more than `maxBytes` have gone through it. */
function capStage(maxBytes: number, what: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(tooLarge(maxBytes, what));
      else callback(null, chunk);
    },
  });
}

function tooLarge(maxBytes: number, what: string): PipelineError {
  return new PipelineError('TOO_LARGE', { detail: `${what} exceeds ${maxBytes} bytes` });
}
