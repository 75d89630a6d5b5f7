import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, makeTone, startHttpServer, type TestHttpServer } from '@movie-generator/test-helpers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { createOpenAiTtsProvider } from './openai-tts.ts';
import { ffprobeDurationSec, makeContext, makeStreamedWav } from './testing.ts';
import { readWavInfo } from './wav.ts';

/** POST /v1/audio/speech as OpenAI serves it: JSON in, audio bytes out. */
function startOpenAiStub(answer: {
  status: number;
  body: Buffer | string;
  contentType: string;
}): Promise<TestHttpServer> {
  return startHttpServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/audio/speech') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"not found"}}');
      return;
    }
    res.writeHead(answer.status, { 'content-type': answer.contentType });
    res.end(answer.body);
  });
}

const apiError = (message: string) =>
  JSON.stringify({ error: { message, type: 'server_error', code: null } });

describe('OpenAI TTS provider (against a local /v1/audio/speech stub)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let server: TestHttpServer | undefined;
  beforeAll(async () => ({ dir, cleanup } = await makeTempDir('mg-openai-tts-')));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => cleanup());

  it('sends model, voice, input and response_format, and measures the streamed WAV it gets', async () => {
    const wav = await makeStreamedWav(1.25, 24_000);
    server = await startOpenAiStub({ status: 200, body: wav, contentType: 'audio/wav' });
    const provider = createOpenAiTtsProvider(
      { apiKey: 'sk-test', baseUrl: `${server.url}/v1`, voices: { guest: 'nova' } },
      'ja',
    );
    const ctx = makeContext(dir);
    const outPath = join(dir, 'narrator.wav');
    const clip = await provider.synthesize(
      { text: 'こんにちは🎉', speaker: 'narrator', language: 'ja', outPath },
      ctx,
    );
    await provider.synthesize(
      { text: 'Hi', speaker: 'guest', language: 'en', outPath: join(dir, 'guest.wav') },
      ctx,
    );

    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests.map(
      (r) => JSON.parse(r.body.toString('utf8')) as Record<string, unknown>,
    );
    expect(first).toEqual({
      model: 'gpt-4o-mini-tts',
      voice: 'alloy',
      input: 'こんにちは',
      response_format: 'wav',
    });
    expect(second).toMatchObject({ voice: 'nova', input: 'Hi' });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test');

    expect(await readFile(outPath)).toEqual(wav);
    expect(clip.durationSec).toBeCloseTo(1.25, 3);
    expect(await provider.credits(['narrator'], ctx)).toEqual(['音声: OpenAI TTS（AI 生成音声）']);
    expect(await createOpenAiTtsProvider({ apiKey: 'k' }).credits([], ctx)).toEqual([
      'Voice: OpenAI TTS (AI-generated)',
    ]);
    expect(provider.concurrency).toBe(4);
  });

  it('gives the asker and the explainer voices of their own (nova, shimmer); the narrator keeps alloy', async () => {
    server = await startOpenAiStub({
      status: 200,
      body: await makeStreamedWav(0.3),
      contentType: 'audio/wav',
    });
    const ctx = makeContext(dir);
    const say = async (provider: ReturnType<typeof createOpenAiTtsProvider>, speakers: string[]) => {
      const from = server!.requests.length;
      for (const [i, speaker] of speakers.entries()) {
        await provider.synthesize(
          { text: `Line ${i}.`, speaker, language: 'en', outPath: join(dir, `${speaker}-${i}.wav`) },
          ctx,
        );
      }
      return server!.requests
        .slice(from)
        .map((r) => (JSON.parse(r.body.toString('utf8')) as { voice: string }).voice);
    };
    const baseUrl = `${server.url}/v1`;
    const speakers = ['narrator', 'asker', 'explainer', 'asker', 'someone'];
    expect(await say(createOpenAiTtsProvider({ apiKey: 'k', baseUrl }), speakers)).toEqual([
      'alloy',
      'nova',
      'shimmer',
      'nova',
      'alloy',
    ]);
    // Configured voices win over the defaults; the narrator's voice stays defaultVoice.
    const configured = createOpenAiTtsProvider({
      apiKey: 'k',
      baseUrl,
      defaultVoice: 'onyx',
      voices: { explainer: 'sage' },
    });
    expect(await say(configured, speakers)).toEqual(['onyx', 'nova', 'sage', 'nova', 'onyx']);
  });

  it('uses the configured model and voice', async () => {
    server = await startOpenAiStub({
      status: 200,
      body: await makeStreamedWav(0.5),
      contentType: 'audio/wav',
    });
    const provider = createOpenAiTtsProvider({
      apiKey: 'k',
      baseUrl: `${server.url}/v1`,
      model: 'tts-1',
      defaultVoice: 'onyx',
    });
    await provider.synthesize(
      { text: 'Hello.', speaker: 'x', language: 'en', outPath: join(dir, 'm.wav') },
      makeContext(dir),
    );
    expect(JSON.parse(server.requests[0]!.body.toString('utf8'))).toMatchObject({
      model: 'tts-1',
      voice: 'onyx',
    });
  });

  it('converts audio that is not WAV (an mp3) to WAV with ffmpeg', async () => {
    const mp3Path = join(dir, 'tone.mp3');
    await makeTone(mp3Path, { sec: 1, sampleRate: 24_000 });
    server = await startOpenAiStub({ status: 200, body: await readFile(mp3Path), contentType: 'audio/mpeg' });
    const provider = createOpenAiTtsProvider({ apiKey: 'k', baseUrl: `${server.url}/v1` });
    const outPath = join(dir, 'from-mp3.wav');
    const clip = await provider.synthesize(
      { text: 'Hello.', speaker: 'x', language: 'en', outPath },
      makeContext(dir),
    );
    expect(await readWavInfo(outPath)).toMatchObject({ formatTag: 1, sampleRate: 24_000 });
    expect(Math.abs(clip.durationSec - 1)).toBeLessThan(0.06); // mp3 encoder padding
    expect(Math.abs(clip.durationSec - (await ffprobeDurationSec(outPath)))).toBeLessThan(0.01);
  });

  it('maps a persistent 500 to a transient AUDIO_FAILED after the SDK retries', async () => {
    server = await startOpenAiStub({ status: 500, body: apiError('boom'), contentType: 'application/json' });
    const provider = createOpenAiTtsProvider({ apiKey: 'k', baseUrl: `${server.url}/v1`, retries: 1 });
    const error = await provider
      .synthesize(
        { text: 'Hello.', speaker: 'x', language: 'en', outPath: join(dir, 'e.wav') },
        makeContext(dir),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: 'AUDIO_FAILED', transient: true });
    expect(server.requests).toHaveLength(2);
  });

  it('maps a 401 to a permanent AUDIO_FAILED without retrying', async () => {
    server = await startOpenAiStub({
      status: 401,
      body: apiError('bad key'),
      contentType: 'application/json',
    });
    const provider = createOpenAiTtsProvider({ apiKey: 'wrong', baseUrl: `${server.url}/v1` });
    const error = await provider
      .synthesize(
        { text: 'Hello.', speaker: 'x', language: 'en', outPath: join(dir, 'e.wav') },
        makeContext(dir),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUDIO_FAILED', transient: false });
    expect((error as PipelineError).detail).toMatch(/401/);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects with CANCELLED when aborted mid-request', async () => {
    server = await startHttpServer(() => {}); // never answers
    const provider = createOpenAiTtsProvider({ apiKey: 'k', baseUrl: `${server.url}/v1` });
    const ctx = makeContext(dir);
    setTimeout(() => ctx.controller.abort(), 100);
    const error = await provider
      .synthesize({ text: 'Hello.', speaker: 'x', language: 'en', outPath: join(dir, 'c.wav') }, ctx)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CANCELLED' });
  });
});
