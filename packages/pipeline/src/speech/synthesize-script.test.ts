import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, makeTone, startHttpServer, type TestHttpServer } from '@movie-generator/test-helpers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { type Script, type ScriptInput, ScriptSchema } from '../schema/script.ts';
import { NIT_ATR503_CREDIT } from './openjtalk.ts';
import { selectSpeechProvider } from './select-provider.ts';
import { clipPath, synthesizeScript } from './synthesize-script.ts';
import { childProcessNames, makeContext } from './testing.ts';

const script = (input: Omit<ScriptInput, 'title'>): Script =>
  ScriptSchema.parse({ title: 'テスト', ...input });

/**
 * A VOICEVOX ENGINE stub whose /synthesis takes `delayMs`, records how many run at once, and answers
 * each text with the WAV given for it (so clip order can be checked by length).
 */
async function startSlowVoicevox(wavs: Record<string, Buffer>, delayMs: number, failText?: string) {
  const stats = { inFlight: 0, maxInFlight: 0, synthesized: [] as string[] };
  const server = await startHttpServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/speakers') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify([{ name: 'ずんだもん', speaker_uuid: 'u', styles: [{ name: 'ノーマル', id: 3 }] }]),
      );
    } else if (url.pathname === '/audio_query') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kana: url.searchParams.get('text'), speedScale: 1 }));
    } else if (url.pathname === '/synthesis') {
      const text = (JSON.parse(req.body.toString('utf8')) as { kana: string }).kana;
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      stats.inFlight -= 1;
      stats.synthesized.push(text);
      if (text === failText) {
        res.writeHead(422, { 'content-type': 'application/json' });
        res.end('{"detail":"bad text"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'audio/wav' });
      res.end(wavs[text] ?? Object.values(wavs)[0]);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  return { server, stats };
}

describe('synthesizeScript', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let server: TestHttpServer | undefined;
  const tones: Buffer[] = [];
  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('mg-synth-'));
    for (const sec of [0.3, 0.6, 0.9]) {
      const path = join(dir, `tone-${sec}.wav`);
      await makeTone(path, { sec, sampleRate: 24_000 });
      tones.push(await readFile(path));
    }
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => cleanup());

  const threeNarrations = script({
    language: 'ja',
    sections: [
      { title: 'はじめに', kind: 'opening', narrations: [{ text: '一つ目' }] },
      {
        title: '本題',
        narrations: [{ text: '明日', reading: 'あした' }, { text: '三つ目' }],
      },
    ],
  });

  it('makes one clip per narration in script order, reading before text, up to the provider concurrency', async () => {
    const stub = await startSlowVoicevox({ 一つ目: tones[0]!, あした: tones[1]!, 三つ目: tones[2]! }, 200);
    server = stub.server;
    const workDir = join(dir, 'job1');
    const ctx = makeContext(workDir);
    const result = await synthesizeScript(
      threeNarrations,
      { provider: 'voicevox', voicevox: { baseUrl: server.url, concurrency: 2 } },
      ctx,
    );

    const queried = server.requests
      .filter((r) => r.url.startsWith('/audio_query'))
      .map((r) => new URL(r.url, 'http://x').searchParams.get('text'));
    expect([...queried].sort()).toEqual(['あした', '一つ目', '三つ目'].sort());
    expect(queried).not.toContain('明日');
    expect(stub.stats.maxInFlight).toBe(2);

    expect(result.clips.map((c) => c.path)).toEqual([0, 1, 2].map((i) => clipPath(workDir, i)));
    expect(result.clips[0]!.path).toBe(join(workDir, 'audio', '000.wav'));
    expect(result.clips.map((c) => Math.round(c.durationSec * 10) / 10)).toEqual([0.3, 0.6, 0.9]);
    for (const clip of result.clips) await access(clip.path);
    expect(result.credits).toEqual(['VOICEVOX:ずんだもん']);

    expect(ctx.progress.map((p) => p.message.ja)).toEqual([
      '音声を生成中 (0/3)',
      '音声を生成中 (1/3)',
      '音声を生成中 (2/3)',
      '音声を生成中 (3/3)',
    ]);
    expect(ctx.progress.map((p) => p.percent)).toEqual([0, 33, 67, 100]);
    expect(ctx.progress[3]!.message.en).toBe('Generating audio (3/3)');
  });

  it('runs one at a time with the VOICEVOX default concurrency', async () => {
    const stub = await startSlowVoicevox({ x: tones[0]! }, 50);
    server = stub.server;
    await synthesizeScript(
      threeNarrations,
      { provider: 'voicevox', voicevox: { baseUrl: server.url } },
      makeContext(join(dir, 'job2')),
    );
    expect(stub.stats.maxInFlight).toBe(1);
    expect(stub.stats.synthesized).toEqual(['一つ目', 'あした', '三つ目']);
  });

  it('stops at the first failure with AUDIO_FAILED and launches nothing more', async () => {
    const stub = await startSlowVoicevox({ x: tones[0]! }, 20, 'あした');
    server = stub.server;
    const error = await synthesizeScript(
      threeNarrations,
      { provider: 'voicevox', voicevox: { baseUrl: server.url } },
      makeContext(join(dir, 'job3')),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: 'AUDIO_FAILED' });
    expect(stub.stats.synthesized).toEqual(['一つ目', 'あした']);
  });

  it('speaks a Japanese script with Open JTalk by default (real open_jtalk)', async () => {
    const workDir = join(dir, 'job4');
    const result = await synthesizeScript(
      script({
        language: 'ja',
        sections: [{ title: 't', narrations: [{ text: 'こんにちは。' }, { text: 'さようなら。' }] }],
      }),
      {},
      makeContext(workDir),
    );
    expect(result.clips).toHaveLength(2);
    expect(result.clips.every((c) => c.durationSec > 0.5)).toBe(true);
    expect(result.credits).toEqual([NIT_ATR503_CREDIT]);
  });

  it('on abort stops launching, kills running engines and rejects with CANCELLED (real open_jtalk)', async () => {
    const long = '人工知能の研究は、ここ数年で大きく進歩しました。'.repeat(8);
    const narrations = Array.from({ length: 6 }, () => ({ text: long }));
    const ctx = makeContext(join(dir, 'job5'));
    const run = synthesizeScript(script({ language: 'ja', sections: [{ title: 't', narrations }] }), {}, ctx);
    const outcome = run.catch((e: unknown) => e);
    // Abort once both lanes have an open_jtalk running.
    const deadline = Date.now() + 10_000;
    while (
      (await childProcessNames()).filter((n) => n === 'open_jtalk').length < 2 &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await childProcessNames()).filter((n) => n === 'open_jtalk')).toHaveLength(2);
    const abortedAt = Date.now();
    ctx.controller.abort();
    const error = await outcome;
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(await childProcessNames()).not.toContain('open_jtalk');
    expect(ctx.progress.at(-1)!.message.en).not.toBe('Generating audio (6/6)');
  });

  it('rejects with CANCELLED at once when already aborted', async () => {
    const ctx = makeContext(join(dir, 'job6'));
    ctx.controller.abort();
    await expect(synthesizeScript(threeNarrations, {}, ctx)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(ctx.progress).toEqual([]);
  });
});

describe('selectSpeechProvider', () => {
  it('picks Open JTalk for Japanese and espeak-ng for English by default', () => {
    expect(selectSpeechProvider('ja').id).toBe('openjtalk');
    expect(selectSpeechProvider('en', { provider: 'auto' }).id).toBe('espeak');
    expect(selectSpeechProvider('en', { provider: 'openjtalk' }).id).toBe('openjtalk');
    expect(
      selectSpeechProvider('ja', { provider: 'voicevox', voicevox: { baseUrl: 'http://127.0.0.1:50021' } })
        .id,
    ).toBe('voicevox');
    expect(selectSpeechProvider('en', { provider: 'openai', openai: { apiKey: 'k' } }).id).toBe('openai');
  });

  it('refuses a provider that is not configured or cannot speak the language', () => {
    expect(() => selectSpeechProvider('ja', { provider: 'voicevox' })).toThrow(/voicevox.baseUrl/);
    expect(() => selectSpeechProvider('ja', { provider: 'openai' })).toThrow(/openai.apiKey/);
    expect(() => selectSpeechProvider('ja', { provider: 'espeak' })).toThrow(/English/);
  });
});
