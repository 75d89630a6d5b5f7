import { PipelineError } from '../errors.ts';
import type { Language } from '../schema/script.ts';
import { createEspeakProvider } from './espeak.ts';
import { createOpenAiTtsProvider } from './openai-tts.ts';
import { createOpenJTalkProvider } from './openjtalk.ts';
import type { SpeechOptions, SpeechProvider } from './types.ts';
import { createVoicevoxProvider } from './voicevox.ts';

/** Picks the speech engine: the configured one, or (auto) Open JTalk for Japanese and espeak-ng for English. */
export function selectSpeechProvider(language: Language, options: SpeechOptions = {}): SpeechProvider {
  const provider = options.provider ?? 'auto';
  switch (provider) {
    case 'auto':
      return language === 'ja'
        ? createOpenJTalkProvider(options.openjtalk)
        : createEspeakProvider(options.espeak);
    case 'openjtalk':
      return createOpenJTalkProvider(options.openjtalk);
    case 'espeak':
      if (language !== 'en') throw misconfigured('espeak-ng is only used for English narration');
      return createEspeakProvider(options.espeak);
    case 'voicevox':
      if (!options.voicevox?.baseUrl) throw misconfigured('the voicevox provider needs voicevox.baseUrl');
      return createVoicevoxProvider(options.voicevox);
    case 'openai':
      if (!options.openai?.apiKey) throw misconfigured('the openai provider needs openai.apiKey');
      return createOpenAiTtsProvider(options.openai, language);
    default:
      throw misconfigured(`unknown speech provider ${String(provider satisfies never)}`);
  }
}

function misconfigured(detail: string): PipelineError {
  return new PipelineError('AUDIO_FAILED', { detail });
}
