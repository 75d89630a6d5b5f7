import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  makeTempDir,
  makeTone,
  type RecordedRequest,
  startHttpServer,
  type TestHttpServer,
} from '@movie-generator/test-helpers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parsePipelineEnv, pipelineOptionsFromEnv } from '../config.ts';
import { PipelineError } from '../errors.ts';
import { type Script, ScriptSchema } from '../schema/script.ts';
import { synthesizeScript } from './synthesize-script.ts';
import { makeContext } from './testing.ts';
import { createVoicevoxProvider } from './voicevox.ts';

const SPEAKERS = [
  {
    name: 'ずんだもん',
    speaker_uuid: '388f246b-8c41-4ac1-8e2d-5d79f3ff56d9',
    styles: [
      { name: 'ノーマル', id: 3 },
      { name: 'あまあま', id: 1 },
    ],
    version: '0.15.0',
  },
  {
    name: '四国めたん',
    speaker_uuid: '7ffcb7ce-00ec-4bdc-82cd-45a8889e43ff',
    styles: [{ name: 'ノーマル', id: 2 }],
    version: '0.15.0',
  },
];

/** The AudioQuery VOICEVOX returns for a text (abridged; `kana` carries the text so /synthesis can tell). */
function audioQuery(text: string) {
  return {
    accent_phrases: [{ moras: [], accent: 1, pause_mora: null, is_interrogative: false }],
    speedScale: 1,
    pitchScale: 0,
    intonationScale: 1,
    volumeScale: 1,
    prePhonemeLength: 0.1,
    postPhonemeLength: 0.1,
    outputSamplingRate: 24000,
    outputStereo: false,
    kana: text,
  };
}

interface StubBehaviour {
  /** Answer /synthesis with this status this many times first. */
  synthesisFailures?: { status: number; times: number };
  /** Never answer /synthesis. */
  synthesisHangs?: boolean;
}

async function startVoicevoxStub(wav: Buffer, behaviour: StubBehaviour = {}): Promise<TestHttpServer> {
  let failuresLeft = behaviour.synthesisFailures?.times ?? 0;
  return startHttpServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'GET' && url.pathname === '/speakers') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(SPEAKERS));
    } else if (req.method === 'POST' && url.pathname === '/audio_query') {
      const text = url.searchParams.get('text');
      if (!text || !url.searchParams.get('speaker')) {
        res.writeHead(422, { 'content-type': 'application/json' });
        res.end('{"detail":[{"msg":"field required"}]}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(audioQuery(text)));
    } else if (req.method === 'POST' && url.pathname === '/synthesis') {
      if (behaviour.synthesisHangs) return;
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(behaviour.synthesisFailures!.status, { 'content-type': 'application/json' });
        res.end('{"detail":"engine error"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'audio/wav' });
      res.end(wav);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
}

const paths = (requests: RecordedRequest[]) =>
  requests.map((r) => `${r.method} ${new URL(r.url, 'http://x').pathname}`);

/** (text, style id) of each /synthesis request, in order (the stub's AudioQuery carries the text as `kana`). */
const synthesized = (requests: RecordedRequest[]) =>
  requests
    .filter((r) => new URL(r.url, 'http://x').pathname === '/synthesis')
    .map((r) => [
      (JSON.parse(r.body.toString('utf8')) as { kana: string }).kana,
      new URL(r.url, 'http://x').searchParams.get('speaker'),
    ]);

/** A dialogue: ずんだもん asks, 四国めたん explains. */
const dialogue: Script = ScriptSchema.parse({
  title: '掛け合い',
  language: 'ja',
  style: 'dialogue',
  sections: [
    {
      title: 'はじめに',
      kind: 'opening',
      narrations: [
        { text: 'これは何の話なのだ？', speaker: 'asker' },
        { text: '新しい技術の話よ。', speaker: 'explainer' },
      ],
    },
    {
      title: '本題',
      narrations: [
        { text: 'なるほどなのだ。', speaker: 'asker' },
        { text: '順番に説明するわね。', speaker: 'explainer' },
      ],
    },
  ],
});

describe('VOICEVOX provider (against a local VOICEVOX ENGINE stub)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let wav: Buffer;
  let server: TestHttpServer | undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('mg-voicevox-'));
    const tone = join(dir, 'tone.wav');
    await makeTone(tone, { sec: 0.8, sampleRate: 24_000 });
    wav = await readFile(tone);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => cleanup());

  it('asks /audio_query for the text and speaker, then /synthesis with that exact query', async () => {
    server = await startVoicevoxStub(wav);
    const provider = createVoicevoxProvider({ baseUrl: `${server.url}/` });
    const outPath = join(dir, 'clip.wav');
    const clip = await provider.synthesize(
      { text: 'ずんだもんなのだ＆テスト', speaker: 'narrator', language: 'ja', outPath },
      makeContext(dir),
    );

    expect(paths(server.requests)).toEqual(['POST /audio_query', 'POST /synthesis']);
    const [query, synthesis] = server.requests as [RecordedRequest, RecordedRequest];
    const queryUrl = new URL(query.url, 'http://x');
    expect(queryUrl.searchParams.get('text')).toBe('ずんだもんなのだ&テスト'); // NFKC-normalised
    expect(queryUrl.searchParams.get('speaker')).toBe('3');
    expect(new URL(synthesis.url, 'http://x').searchParams.get('speaker')).toBe('3');
    expect(synthesis.headers['content-type']).toBe('application/json');
    expect(JSON.parse(synthesis.body.toString('utf8'))).toEqual(audioQuery('ずんだもんなのだ&テスト'));

    expect(await readFile(outPath)).toEqual(wav);
    expect(clip.durationSec).toBeCloseTo(0.8, 3);
  });

  it('uses the style id configured for each script speaker', async () => {
    server = await startVoicevoxStub(wav);
    const provider = createVoicevoxProvider({
      baseUrl: server.url,
      speakers: { guest: 2 },
      defaultSpeakerId: 1,
    });
    const ctx = makeContext(dir);
    await provider.synthesize(
      { text: 'ゲスト', speaker: 'guest', language: 'ja', outPath: join(dir, 'g.wav') },
      ctx,
    );
    await provider.synthesize(
      { text: '司会', speaker: 'host', language: 'ja', outPath: join(dir, 'h.wav') },
      ctx,
    );
    const speakerIds = server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('speaker'));
    expect(speakerIds).toEqual(['2', '2', '1', '1']);
    expect(provider.concurrency).toBe(1);
    expect(createVoicevoxProvider({ baseUrl: server.url, concurrency: 3 }).concurrency).toBe(3);
  });

  it('credits each character used by name from /speakers', async () => {
    server = await startVoicevoxStub(wav);
    const ctx = makeContext(dir);
    const provider = createVoicevoxProvider({ baseUrl: server.url, speakers: { guest: 2, sweet: 1 } });
    // narrator → 3 and sweet → 1 are both ずんだもん: one credit line for her.
    expect(await provider.credits(['narrator', 'guest', 'sweet'], ctx)).toEqual([
      'VOICEVOX:ずんだもん',
      'VOICEVOX:四国めたん',
    ]);
    expect(paths(server.requests)).toEqual(['GET /speakers']);

    const unknown = createVoicevoxProvider({ baseUrl: server.url, defaultSpeakerId: 999 });
    const error = await unknown.credits(['narrator'], ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).detail).toMatch(/no style with id 999/);
  });

  it('speaks a dialogue as ずんだもん (3) and 四国めたん (2) and credits both, by default', async () => {
    server = await startVoicevoxStub(wav);
    const ctx = makeContext(dir);
    const result = await synthesizeScript(
      dialogue,
      { provider: 'voicevox', voicevox: { baseUrl: server.url } },
      ctx,
    );

    expect(paths(server.requests)[0]).toBe('GET /speakers');
    expect(synthesized(server.requests)).toEqual([
      ['これは何の話なのだ?', '3'],
      ['新しい技術の話よ。', '2'],
      ['なるほどなのだ。', '3'],
      ['順番に説明するわね。', '2'],
    ]);
    // Each /audio_query asked for the same style as its /synthesis.
    const queried = server.requests
      .filter((r) => new URL(r.url, 'http://x').pathname === '/audio_query')
      .map((r) => new URL(r.url, 'http://x').searchParams.get('speaker'));
    expect(queried).toEqual(['3', '2', '3', '2']);
    // One line per character (the closing slide shows each on its own line).
    expect(result.credits).toEqual(['VOICEVOX:ずんだもん', 'VOICEVOX:四国めたん']);
    expect(result.clips).toHaveLength(4);

    // The narrator keeps its own style (VOICEVOX_SPEAKER) whatever the characters use.
    const narration = createVoicevoxProvider({ baseUrl: server.url, defaultSpeakerId: 1 });
    expect(await narration.credits(['narrator'], ctx)).toEqual(['VOICEVOX:ずんだもん']);
    expect(await narration.credits(['explainer'], ctx)).toEqual(['VOICEVOX:四国めたん']);
  });

  it("takes the characters' styles from VOICEVOX_ASKER_SPEAKER and VOICEVOX_EXPLAINER_SPEAKER", async () => {
    server = await startVoicevoxStub(wav);
    const env = { TTS_PROVIDER: 'voicevox', VOICEVOX_URL: server.url, VOICEVOX_SPEAKER: '2' };
    const defaults = pipelineOptionsFromEnv(parsePipelineEnv(env)).speech!;
    expect(defaults.voicevox).toEqual({
      baseUrl: server.url,
      defaultSpeakerId: 2,
      speakers: { asker: 3, explainer: 2 },
    });

    const options = pipelineOptionsFromEnv(
      parsePipelineEnv({ ...env, VOICEVOX_ASKER_SPEAKER: '1', VOICEVOX_EXPLAINER_SPEAKER: '3' }),
    ).speech!;
    const ctx = makeContext(dir);
    const result = await synthesizeScript(dialogue, options, ctx);
    expect(synthesized(server.requests).map(([, speaker]) => speaker)).toEqual(['1', '3', '1', '3']);
    // Styles 1 and 3 are both ずんだもん: one credit line.
    expect(result.credits).toEqual(['VOICEVOX:ずんだもん']);
    // The narrator still speaks with VOICEVOX_SPEAKER.
    await createVoicevoxProvider(options.voicevox!).synthesize(
      { text: 'ナレーション', speaker: 'narrator', language: 'ja', outPath: join(dir, 'n.wav') },
      ctx,
    );
    expect(synthesized(server.requests).at(-1)).toEqual(['ナレーション', '2']);
  });

  it('retries a 500 and succeeds', async () => {
    server = await startVoicevoxStub(wav, { synthesisFailures: { status: 500, times: 1 } });
    const provider = createVoicevoxProvider({ baseUrl: server.url, retryDelayMs: 10 });
    const clip = await provider.synthesize(
      { text: 'リトライ', speaker: 'narrator', language: 'ja', outPath: join(dir, 'retry.wav') },
      makeContext(dir),
    );
    expect(paths(server.requests)).toEqual(['POST /audio_query', 'POST /synthesis', 'POST /synthesis']);
    expect(clip.durationSec).toBeCloseTo(0.8, 3);
  });

  it('gives up after 2 retries of a persistent 500 with a transient AUDIO_FAILED', async () => {
    server = await startVoicevoxStub(wav, { synthesisFailures: { status: 500, times: 100 } });
    const provider = createVoicevoxProvider({ baseUrl: server.url, retryDelayMs: 10 });
    const error = await provider
      .synthesize(
        { text: '失敗', speaker: 'narrator', language: 'ja', outPath: join(dir, 'fail.wav') },
        makeContext(dir),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: 'AUDIO_FAILED', transient: true });
    expect((error as PipelineError).detail).toMatch(/\/synthesis: HTTP 500/);
    expect(paths(server.requests).filter((p) => p === 'POST /synthesis')).toHaveLength(3);
  });

  it('does not retry a 4xx', async () => {
    server = await startVoicevoxStub(wav, { synthesisFailures: { status: 422, times: 100 } });
    const provider = createVoicevoxProvider({ baseUrl: server.url, retryDelayMs: 10 });
    const error = await provider
      .synthesize(
        { text: '不正', speaker: 'narrator', language: 'ja', outPath: join(dir, 'bad.wav') },
        makeContext(dir),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUDIO_FAILED', transient: false });
    expect(paths(server.requests).filter((p) => p === 'POST /synthesis')).toHaveLength(1);
  });

  it('times out a request that gets no answer, and retries it', async () => {
    server = await startVoicevoxStub(wav, { synthesisHangs: true });
    const provider = createVoicevoxProvider({
      baseUrl: server.url,
      timeoutMs: 200,
      retries: 1,
      retryDelayMs: 10,
    });
    const started = Date.now();
    const error = await provider
      .synthesize(
        { text: '無応答', speaker: 'narrator', language: 'ja', outPath: join(dir, 'hang.wav') },
        makeContext(dir),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUDIO_FAILED', transient: true });
    expect((error as PipelineError).detail).toMatch(/no answer within 200 ms/);
    expect(paths(server.requests).filter((p) => p === 'POST /synthesis')).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('fails with a transient AUDIO_FAILED when the engine is not running', async () => {
    const closed = await startVoicevoxStub(wav);
    await closed.close();
    const provider = createVoicevoxProvider({ baseUrl: closed.url, retries: 1, retryDelayMs: 10 });
    const error = await provider
      .synthesize(
        { text: '停止中', speaker: 'narrator', language: 'ja', outPath: join(dir, 'down.wav') },
        makeContext(dir),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUDIO_FAILED', transient: true });
  });

  it('stops waiting and rejects with CANCELLED when aborted', async () => {
    server = await startVoicevoxStub(wav, { synthesisHangs: true });
    const provider = createVoicevoxProvider({ baseUrl: server.url });
    const ctx = makeContext(dir);
    setTimeout(() => ctx.controller.abort(), 100);
    const error = await provider
      .synthesize({ text: '中止', speaker: 'narrator', language: 'ja', outPath: join(dir, 'abort.wav') }, ctx)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CANCELLED' });
  });
});
