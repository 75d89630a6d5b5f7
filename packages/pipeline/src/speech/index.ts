export { finalizeClip } from './clip-file.ts';
export { createEspeakProvider, ESPEAK_DEFAULTS } from './espeak.ts';
export {
  buildMixArgs,
  buildMixPlan,
  type ClipPlacementSec,
  MIX_SAMPLE_RATE,
  type MixPlan,
  mixNarration,
} from './mix.ts';
export { createOpenAiTtsProvider, OPENAI_TTS_DEFAULTS } from './openai-tts.ts';
export { createOpenJTalkProvider, NIT_ATR503_CREDIT, OPEN_JTALK_DEFAULTS } from './openjtalk.ts';
export { selectSpeechProvider } from './select-provider.ts';
export { clipPath, type SynthesizedScript, synthesizeScript } from './synthesize-script.ts';
export { normalizeSpeechText, splitForOpenJTalk } from './text.ts';
export type * from './types.ts';
export { SPEECH_PROVIDERS } from './types.ts';
export { createVoicevoxProvider, VOICEVOX_DEFAULTS } from './voicevox.ts';
export { parseWav, readWavInfo, type WavInfo, WavParseError } from './wav.ts';
