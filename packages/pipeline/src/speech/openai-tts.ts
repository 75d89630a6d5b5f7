import { writeFile } from 'node:fs/promises';
import OpenAI from 'openai';
import type { StageContext } from '../context.ts';
import { cancelledError, PipelineError } from '../errors.ts';
import type { Language, SpeakerId } from '../schema/script.ts';
import { finalizeClip, writePauseClip } from './clip-file.ts';
import { normalizeSpeechText } from './text.ts';
import type { OpenAiTtsOptions, SpeechClip, SpeechProvider, SpeechRequest } from './types.ts';

export const OPENAI_TTS_DEFAULTS = {
  model: 'gpt-4o-mini-tts',
  /** The narrator's and any speaker's without a voice of its own. */
  voice: 'alloy',
  /** The dialogue's characters: a bright voice asks, a softer one explains. */
  voices: { asker: 'nova', explainer: 'shimmer' } satisfies Partial<Record<SpeakerId, string>>,
  concurrency: 4,
  timeoutMs: 120_000,
  retries: 2,
} as const;

/** OpenAI's usage policies ask that listeners are told the voice is AI-generated. */
const CREDIT: Record<Language, string> = {
  ja: '音声: OpenAI TTS（AI 生成音声）',
  en: 'Voice: OpenAI TTS (AI-generated)',
};

/** OpenAI text-to-speech (or any server speaking its /v1/audio/speech protocol). */
export function createOpenAiTtsProvider(
  options: OpenAiTtsOptions,
  language: Language = 'en',
): SpeechProvider {
  // The SDK retries 429/5xx/connection errors itself, with backoff.
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    timeout: options.timeoutMs ?? OPENAI_TTS_DEFAULTS.timeoutMs,
    maxRetries: options.retries ?? OPENAI_TTS_DEFAULTS.retries,
  });
  const voices: Readonly<Record<string, string>> = { ...OPENAI_TTS_DEFAULTS.voices, ...options.voices };
  const voiceOf = (speaker: string) => voices[speaker] ?? options.defaultVoice ?? OPENAI_TTS_DEFAULTS.voice;

  return {
    id: 'openai',
    concurrency: options.concurrency ?? OPENAI_TTS_DEFAULTS.concurrency,
    credits: async () => [CREDIT[language]],
    async synthesize(request: SpeechRequest, ctx: StageContext): Promise<SpeechClip> {
      const input = normalizeSpeechText(request.text, request.language);
      if (!input) {
        await writePauseClip(request, ctx);
        return finalizeClip(request.outPath, ctx);
      }
      let audio: Buffer;
      try {
        const response = await client.audio.speech.create(
          {
            model: options.model ?? OPENAI_TTS_DEFAULTS.model,
            voice: voiceOf(request.speaker),
            input,
            response_format: 'wav',
          },
          { signal: ctx.signal },
        );
        audio = Buffer.from(await response.arrayBuffer());
      } catch (error) {
        throw toSpeechError(error, ctx.signal);
      }
      await writeFile(request.outPath, audio);
      // The WAV is streamed (its sizes say 0xFFFFFFFF); finalizeClip measures it from the file size.
      return finalizeClip(request.outPath, ctx);
    },
  };
}

function toSpeechError(error: unknown, signal: AbortSignal): PipelineError {
  if (signal.aborted) return cancelledError(signal);
  if (error instanceof OpenAI.APIError) {
    const status = error.status;
    // No status: connection error or timeout.
    const transient = status === undefined || status === 429 || status >= 500;
    return new PipelineError('AUDIO_FAILED', {
      detail: `OpenAI TTS: ${status ?? 'no response'} ${error.message}`,
      transient,
      cause: error,
    });
  }
  const detail = `OpenAI TTS: ${error instanceof Error ? error.message : String(error)}`;
  return new PipelineError('AUDIO_FAILED', { detail, transient: true, cause: error });
}
