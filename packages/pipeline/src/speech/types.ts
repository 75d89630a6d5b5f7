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
  /** Speech speed (open_jtalk -r), 1.0 = normal. */
  speed?: number;
  /** Credit lines for the voice; defaults to the NIT ATR503 M001 credit when voicePath is the default, else none. */
  credits?: string[];
  /** Default 2 (CPU-bound). */
  concurrency?: number;
}

export interface EspeakOptions {
  /** Default `espeak-ng` (on PATH). */
  binary?: string;
  /** Default en-us. */
  voice?: string;
  /** Words per minute, default 165. */
  wordsPerMinute?: number;
  /** Default 2 (CPU-bound). */
  concurrency?: number;
}

export interface VoicevoxOptions {
  baseUrl: string;
  /** Script speaker id → VOICEVOX style id; `defaultSpeakerId` is used for unknown speakers. */
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
  /** Script speaker id → voice name; `defaultVoice` for the rest. */
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

export interface SpeechOptions {
  /** auto: Open JTalk for ja, espeak-ng for en. */
  provider?: 'auto' | 'openjtalk' | 'espeak' | 'voicevox' | 'openai';
  openjtalk?: OpenJTalkOptions;
  espeak?: EspeakOptions;
  voicevox?: VoicevoxOptions;
  openai?: OpenAiTtsOptions;
}
