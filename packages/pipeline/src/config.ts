import { AllowedPortsSetting, PrivateNetworkSetting } from '@movie-generator/url-policy';
import { z } from 'zod';
import type { StageName } from './context.ts';
import type { PipelineOptions } from './pipeline.ts';
import { SPEECH_PROVIDERS } from './speech/types.ts';

/** A stage's time limit in ms; unset: the pipeline's default for that stage. */
const optionalMs = z.coerce.number().int().positive().optional();

/** "320x180" → { width: 320, height: 180 } (even sizes: H.264 with yuv420p needs them). */
const frameSize = z
  .string()
  .regex(/^\d+x\d+$/, 'WIDTHxHEIGHT, e.g. 320x180')
  .transform((value) => {
    const [width, height] = value.split('x').map(Number) as [number, number];
    return { width, height };
  })
  .refine(
    (f) => f.width >= 16 && f.height >= 16 && f.width % 2 === 0 && f.height % 2 === 0,
    'even sizes, 16 or more',
  );

/**
 * Environment variables that configure the pipeline: the fragment the CLI parses alone and the
 * worker composes into its own schema, so both read them the same way. Every one is listed in
 * the README's configuration table.
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
  TTS_PROVIDER: z.enum(SPEECH_PROVIDERS).default('auto'),
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
  STAGE_TIMEOUT_FETCH_MS: optionalMs,
  STAGE_TIMEOUT_EXTRACT_MS: optionalMs,
  STAGE_TIMEOUT_SCRIPT_MS: optionalMs,
  STAGE_TIMEOUT_AUDIO_MS: optionalMs,
  STAGE_TIMEOUT_SLIDES_MS: optionalMs,
  STAGE_TIMEOUT_RENDER_MS: optionalMs,
  /** An exact frame size instead of the one `size` and `vertical` give (tests and previews). */
  PIPELINE_FRAME: frameSize.optional(),
  /** A Remotion bundle built ahead of time; bundled on first use otherwise. */
  REMOTION_BUNDLE_DIR: z.string().min(1).optional(),
});
export type PipelineEnv = z.infer<typeof PipelineEnvSchema>;

/** Empty values (`FOO=` in an env file) count as unset, so defaults apply. */
function withoutEmptyValues(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
}

export function parsePipelineEnv(env: NodeJS.ProcessEnv): PipelineEnv {
  return PipelineEnvSchema.parse(withoutEmptyValues(env));
}

const STAGE_TIMEOUT_KEYS = {
  fetch: 'STAGE_TIMEOUT_FETCH_MS',
  extract: 'STAGE_TIMEOUT_EXTRACT_MS',
  script: 'STAGE_TIMEOUT_SCRIPT_MS',
  audio: 'STAGE_TIMEOUT_AUDIO_MS',
  slides: 'STAGE_TIMEOUT_SLIDES_MS',
  render: 'STAGE_TIMEOUT_RENDER_MS',
} as const satisfies Record<StageName, keyof PipelineEnv>;

/** Turns validated environment into pipeline options (everything but outPath and the per-run bits). */
export function pipelineOptionsFromEnv(env: PipelineEnv): Omit<PipelineOptions, 'outPath'> {
  const useLlm =
    env.SCRIPT_PROVIDER === 'llm' || (env.SCRIPT_PROVIDER === undefined && env.OPENAI_API_KEY !== undefined);
  if (useLlm && !env.OPENAI_API_KEY) throw new Error('SCRIPT_PROVIDER=llm needs OPENAI_API_KEY');
  if (env.TTS_PROVIDER === 'voicevox' && !env.VOICEVOX_URL)
    throw new Error('TTS_PROVIDER=voicevox needs VOICEVOX_URL');
  if (env.TTS_PROVIDER === 'openai' && !env.OPENAI_API_KEY)
    throw new Error('TTS_PROVIDER=openai needs OPENAI_API_KEY');
  const stageTimeoutsMs: Partial<Record<StageName, number>> = {};
  for (const [stage, key] of Object.entries(STAGE_TIMEOUT_KEYS) as [
    StageName,
    (typeof STAGE_TIMEOUT_KEYS)[StageName],
  ][]) {
    const value = env[key];
    if (value !== undefined) stageTimeoutsMs[stage] = value;
  }
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
    render: {
      renderer: env.RENDERER,
      chromiumPath: env.CHROMIUM_PATH,
      ...(env.REMOTION_BUNDLE_DIR ? { bundleDir: env.REMOTION_BUNDLE_DIR } : {}),
    },
    isolation: { heapMb: env.STAGE_THREAD_HEAP_MB },
    stageTimeoutsMs,
    ...(env.PIPELINE_FRAME ? { frame: env.PIPELINE_FRAME } : {}),
  };
}
