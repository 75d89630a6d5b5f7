import type { StageContext } from '../context.ts';
import type { Language } from '../schema/script.ts';

export interface SpeechRequest {
  /** What to say: the narration's reading when present, else its text. */
  text: string;
  speaker: string;
  language: Language;
  /** Where to write the clip (WAV). */
  outPath: string;
}

export interface SpeechClip {
  path: string;
  durationSec: number;
}

export interface SpeechProvider {
  readonly id: string;
  /** Clips synthesised at once (1 for engines that serialise anyway). */
  readonly concurrency: number;
  /** Credit lines the video must show for the speakers used, e.g. 「VOICEVOX:ずんだもん」. */
  credits(speakers: readonly string[], ctx: StageContext): Promise<string[]>;
  synthesize(request: SpeechRequest, ctx: StageContext): Promise<SpeechClip>;
}

export interface OpenJTalkOptions {
  /** Default `open_jtalk` (on PATH). */
  binary?: string;
  /** Default /var/lib/mecab/dic/open-jtalk/naist-jdic. */
  dictionaryDir?: string;
  /** Default /usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice. */
  voicePath?: string;
  /** Speech speed (open_jtalk -r), 1.0 = normal; each speaker's own `speed` multiplies it. */
  speed?: number;
  /**
   * Script speaker id → how that speaker's voice differs from the plain voice; merged over
   * OPEN_JTALK_DEFAULTS.voices (asker and explainer). Speakers in neither get the plain voice.
   */
  voices?: Record<string, OpenJTalkVoice>;
  /** Credit lines for the voice; defaults to the NIT ATR503 M001 credit when voicePath is the default, else none. */
  credits?: string[];
  /** Default 2 (CPU-bound). */
  concurrency?: number;
}

/** One speaker's voice made from the HTS voice: Open JTalk's own knobs. */
export interface OpenJTalkVoice {
  /** Pitch shift in semitones (open_jtalk -fm). */
  halfTones?: number;
  /** All-pass constant (open_jtalk -a; the voice's own is used when unset, 0.55 for m001): lower is brighter, higher is deeper. */
  allPass?: number;
  /** Speed factor (open_jtalk -r, times the provider's `speed`). */
  speed?: number;
}

export interface EspeakOptions {
  /** Default `espeak-ng` (on PATH). */
  binary?: string;
  /** Default en-us. */
  voice?: string;
  /** Words per minute, default 165. */
  wordsPerMinute?: number;
  /**
   * Script speaker id → that speaker's variant of `voice`; merged over ESPEAK_DEFAULTS.voices
   * (asker and explainer). Speakers in neither get the plain voice.
   */
  voices?: Record<string, EspeakVoice>;
  /** Default 2 (CPU-bound). */
  concurrency?: number;
}

/** One speaker's espeak-ng voice. */
export interface EspeakVoice {
  /** An espeak-ng variant (`espeak-ng --voices=variant`), spoken as `<voice>+<variant>`, e.g. f3. */
  variant?: string;
  /** espeak-ng -p, 0–99 (50 is the variant's own pitch). */
  pitch?: number;
}

export interface VoicevoxOptions {
  baseUrl: string;
  /**
   * Script speaker id → VOICEVOX style id, merged over VOICEVOX_DEFAULTS.speakers (asker 3 ずんだもん,
   * explainer 2 四国めたん); `defaultSpeakerId` is used for the rest (the narrator).
   */
  speakers?: Record<string, number>;
  /** Default 3 (ずんだもん ノーマル). */
  defaultSpeakerId?: number;
  /** Default 1: the CPU engine serialises synthesis anyway. */
  concurrency?: number;
  /** Per HTTP request, default 60 000 ms. */
  timeoutMs?: number;
  /** Retries after a 5xx, a timeout or a network error; default 2. */
  retries?: number;
  /** First retry delay, doubled each time; default 500 ms. */
  retryDelayMs?: number;
}

export interface OpenAiTtsOptions {
  apiKey: string;
  baseUrl?: string;
  /** Default gpt-4o-mini-tts. */
  model?: string;
  /**
   * Script speaker id → voice name, merged over OPENAI_TTS_DEFAULTS.voices (asker nova, explainer
   * shimmer); `defaultVoice` for the rest (the narrator).
   */
  voices?: Record<string, string>;
  /** Default alloy. */
  defaultVoice?: string;
  /** Default 4. */
  concurrency?: number;
  /** Per request, default 120 000 ms. */
  timeoutMs?: number;
  /** Retries (by the SDK) after 429/5xx/network errors; default 2. */
  retries?: number;
}

/** The speech engines to choose from; auto: Open JTalk for ja, espeak-ng for en. */
export const SPEECH_PROVIDERS = ['auto', 'openjtalk', 'espeak', 'voicevox', 'openai'] as const;
export type SpeechProviderName = (typeof SPEECH_PROVIDERS)[number];

export interface SpeechOptions {
  provider?: SpeechProviderName;
  openjtalk?: OpenJTalkOptions;
  espeak?: EspeakOptions;
  voicevox?: VoicevoxOptions;
  openai?: OpenAiTtsOptions;
}
