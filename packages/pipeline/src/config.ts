import { AllowedPortsSetting, PrivateNetworkSetting } from '@movie-generator/url-policy';
import { z } from 'zod';
import type { PipelineOptions } from './pipeline.ts';

/**
 * Environment variables that configure the pipeline, shared by the CLI and the worker.
 * Every one is listed in the README's configuration table.
 */
export const PipelineEnvSchema = z.object({
  ALLOW_PRIVATE_NETWORK: PrivateNetworkSetting,
  ALLOWED_PORTS: AllowedPortsSetting,
  SCRIPT_PROVIDER: z.enum(['offline', 'llm']).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  SCRIPT_MAX_SECTIONS: z.coerce.number().int().min(3).max(14).optional(),
  SCRIPT_CHAR_BUDGET: z.coerce.number().int().min(100).max(20_000).optional(),
  TTS_PROVIDER: z.enum(['auto', 'openjtalk', 'espeak', 'voicevox', 'openai']).default('auto'),
  VOICEVOX_URL: z.string().url().optional(),
  /** The narrator's VOICEVOX style id (3 = ずんだもん ノーマル). */
  VOICEVOX_SPEAKER: z.coerce.number().int().nonnegative().default(3),
  /** The dialogue's asker's VOICEVOX style id (3 = ずんだもん ノーマル). */
  VOICEVOX_ASKER_SPEAKER: z.coerce.number().int().nonnegative().default(3),
  /** The dialogue's explainer's VOICEVOX style id (2 = 四国めたん ノーマル). */
  VOICEVOX_EXPLAINER_SPEAKER: z.coerce.number().int().nonnegative().default(2),
  OPENAI_TTS_MODEL: z.string().min(1).default('gpt-4o-mini-tts'),
  /** The narrator's OpenAI TTS voice. */
  OPENAI_TTS_VOICE: z.string().min(1).default('alloy'),
  /** The dialogue's asker's and explainer's OpenAI TTS voices. */
  OPENAI_TTS_ASKER_VOICE: z.string().min(1).default('nova'),
  OPENAI_TTS_EXPLAINER_VOICE: z.string().min(1).default('shimmer'),
  RENDERER: z.enum(['fast', 'full']).default('fast'),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Heap cap of each thread that extracts pages and builds offline scripts. */
  STAGE_THREAD_HEAP_MB: z.coerce.number().int().min(64).max(8192).default(512),
});
export type PipelineEnv = z.infer<typeof PipelineEnvSchema>;

/** Empty values (`FOO=` in an env file) count as unset, so defaults apply. */
export function withoutEmptyValues(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
}

export function parsePipelineEnv(env: NodeJS.ProcessEnv): PipelineEnv {
  return PipelineEnvSchema.parse(withoutEmptyValues(env));
}

/** Turns validated environment into pipeline options (everything but outPath and the per-run bits). */
export function pipelineOptionsFromEnv(env: PipelineEnv): Omit<PipelineOptions, 'outPath'> {
  const useLlm =
    env.SCRIPT_PROVIDER === 'llm' || (env.SCRIPT_PROVIDER === undefined && env.OPENAI_API_KEY !== undefined);
  if (useLlm && !env.OPENAI_API_KEY) throw new Error('SCRIPT_PROVIDER=llm needs OPENAI_API_KEY');
  if (env.TTS_PROVIDER === 'voicevox' && !env.VOICEVOX_URL)
    throw new Error('TTS_PROVIDER=voicevox needs VOICEVOX_URL');
  if (env.TTS_PROVIDER === 'openai' && !env.OPENAI_API_KEY)
    throw new Error('TTS_PROVIDER=openai needs OPENAI_API_KEY');
  return {
    fetch: {
      allowPrivateNetwork: env.ALLOW_PRIVATE_NETWORK,
      ...(env.ALLOWED_PORTS.length > 0 ? { allowedPorts: env.ALLOWED_PORTS } : {}),
    },
    script: {
      provider: useLlm ? 'llm' : 'offline',
      maxSections: env.SCRIPT_MAX_SECTIONS,
      charBudget: env.SCRIPT_CHAR_BUDGET,
      llm: useLlm
        ? { apiKey: env.OPENAI_API_KEY!, baseUrl: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL }
        : undefined,
    },
    speech: {
      provider: env.TTS_PROVIDER,
      voicevox: env.VOICEVOX_URL
        ? {
            baseUrl: env.VOICEVOX_URL,
            defaultSpeakerId: env.VOICEVOX_SPEAKER,
            speakers: { asker: env.VOICEVOX_ASKER_SPEAKER, explainer: env.VOICEVOX_EXPLAINER_SPEAKER },
          }
        : undefined,
      openai: env.OPENAI_API_KEY
        ? {
            apiKey: env.OPENAI_API_KEY,
            baseUrl: env.OPENAI_BASE_URL,
            model: env.OPENAI_TTS_MODEL,
            defaultVoice: env.OPENAI_TTS_VOICE,
            voices: { asker: env.OPENAI_TTS_ASKER_VOICE, explainer: env.OPENAI_TTS_EXPLAINER_VOICE },
          }
        : undefined,
    },
    render: { renderer: env.RENDERER, chromiumPath: env.CHROMIUM_PATH },
    isolation: { heapMb: env.STAGE_THREAD_HEAP_MB },
  };
}
