import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { StageContext } from '../context.ts';
import { PipelineError } from '../errors.ts';
import type { SpeakerId } from '../schema/script.ts';
import { finalizeClip, writePauseClip } from './clip-file.ts';
import { fetchWithRetry, type RetryOptions } from './fetch-retry.ts';
import { normalizeSpeechText } from './text.ts';
import type { SpeechClip, SpeechProvider, SpeechRequest, VoicevoxOptions } from './types.ts';

export const VOICEVOX_DEFAULTS = {
  /** ずんだもん (ノーマル): the narrator and any speaker without a style of its own. */
  speakerId: 3,
  /** The dialogue's characters in their own voices: ずんだもん (ノーマル) asks, 四国めたん (ノーマル) explains. */
  speakers: { asker: 3, explainer: 2 } satisfies Partial<Record<SpeakerId, number>>,
  concurrency: 1,
  timeoutMs: 60_000,
  retries: 2,
  retryDelayMs: 500,
} as const;

/** GET /speakers: characters, each with its styles (the style id is what /audio_query calls `speaker`). */
const SpeakersResponseSchema = z.array(
  z.object({
    name: z.string(),
    styles: z.array(z.object({ name: z.string(), id: z.number().int() })),
  }),
);

/** VOICEVOX ENGINE over HTTP: /audio_query, then /synthesis with that query. */
export function createVoicevoxProvider(options: VoicevoxOptions): SpeechProvider {
  const base = options.baseUrl.replace(/\/+$/, '');
  const retry = (what: string): RetryOptions => ({
    what: `VOICEVOX ${what}`,
    timeoutMs: options.timeoutMs ?? VOICEVOX_DEFAULTS.timeoutMs,
    retries: options.retries ?? VOICEVOX_DEFAULTS.retries,
    retryDelayMs: options.retryDelayMs ?? VOICEVOX_DEFAULTS.retryDelayMs,
  });
  const speakers: Readonly<Record<string, number>> = { ...VOICEVOX_DEFAULTS.speakers, ...options.speakers };
  const styleIdOf = (speaker: string): number =>
    speakers[speaker] ?? options.defaultSpeakerId ?? VOICEVOX_DEFAULTS.speakerId;

  return {
    id: 'voicevox',
    concurrency: options.concurrency ?? VOICEVOX_DEFAULTS.concurrency,

    /** 「VOICEVOX:<character>」 for every character used, as the VOICEVOX terms require. */
    async credits(speakers: readonly string[], ctx: StageContext): Promise<string[]> {
      const characters = await fetchWithRetry(
        `${base}/speakers`,
        { method: 'GET' },
        async (response) => SpeakersResponseSchema.parse(await response.json()),
        ctx,
        retry('/speakers'),
      );
      const names = new Set<string>();
      for (const styleId of new Set(speakers.map(styleIdOf))) {
        const character = characters.find((c) => c.styles.some((style) => style.id === styleId));
        if (!character) {
          throw new PipelineError('AUDIO_FAILED', { detail: `VOICEVOX has no style with id ${styleId}` });
        }
        names.add(character.name);
      }
      return [...names].map((name) => `VOICEVOX:${name}`);
    },

    async synthesize(request: SpeechRequest, ctx: StageContext): Promise<SpeechClip> {
      const text = normalizeSpeechText(request.text, request.language);
      if (!text) {
        await writePauseClip(request, ctx);
        return finalizeClip(request.outPath, ctx);
      }
      const speaker = String(styleIdOf(request.speaker));
      const query = await fetchWithRetry(
        `${base}/audio_query?${new URLSearchParams({ text, speaker })}`,
        { method: 'POST' },
        (response) => response.text(),
        ctx,
        retry('/audio_query'),
      );
      const wav = await fetchWithRetry(
        `${base}/synthesis?${new URLSearchParams({ speaker })}`,
        // The AudioQuery goes back exactly as the engine produced it.
        { method: 'POST', headers: { 'content-type': 'application/json', accept: 'audio/wav' }, body: query },
        async (response) => Buffer.from(await response.arrayBuffer()),
        ctx,
        retry('/synthesis'),
      );
      await writeFile(request.outPath, wav);
      return finalizeClip(request.outPath, ctx);
    },
  };
}
