import type { StageContext } from '../context.ts';
import { runProcess } from '../process.ts';
import type { SpeakerId } from '../schema/script.ts';
import { finalizeClip, writePauseClip } from './clip-file.ts';
import { englishSpeechForms, normalizeSpeechText } from './text.ts';
import type { EspeakOptions, EspeakVoice, SpeechClip, SpeechProvider, SpeechRequest } from './types.ts';

export const ESPEAK_DEFAULTS = {
  binary: 'espeak-ng',
  voice: 'en-us',
  wordsPerMinute: 165,
  /**
   * The dialogue's characters as two female variants: the asker higher (~250 Hz median), the
   * explainer lower (~180 Hz); the narrator keeps the plain voice (~100 Hz).
   */
  voices: {
    asker: { variant: 'f3', pitch: 70 },
    explainer: { variant: 'f4' },
  } satisfies Partial<Record<SpeakerId, EspeakVoice>>,
  concurrency: 2,
} as const;

/** espeak-ng writes 22.05 kHz mono. */
const ESPEAK_SAMPLE_RATE = 22_050;

/** espeak-ng: offline English speech from Debian packages. */
export function createEspeakProvider(options: EspeakOptions = {}): SpeechProvider {
  const binary = options.binary ?? ESPEAK_DEFAULTS.binary;
  const voice = options.voice ?? ESPEAK_DEFAULTS.voice;
  const wordsPerMinute = options.wordsPerMinute ?? ESPEAK_DEFAULTS.wordsPerMinute;
  const voices: Readonly<Record<string, EspeakVoice>> = { ...ESPEAK_DEFAULTS.voices, ...options.voices };

  /** -v (and -p) for `speaker`: the plain voice, or its variant. */
  function voiceArgs(speaker: string): string[] {
    const { variant, pitch } = voices[speaker] ?? {};
    return [
      '-v',
      variant ? `${voice}+${variant}` : voice,
      ...(pitch !== undefined ? ['-p', String(pitch)] : []),
    ];
  }

  return {
    id: 'espeak',
    concurrency: options.concurrency ?? ESPEAK_DEFAULTS.concurrency,
    credits: async () => [],
    async synthesize(request: SpeechRequest, ctx: StageContext): Promise<SpeechClip> {
      const text = englishSpeechForms(normalizeSpeechText(request.text, 'en'));
      if (!text) {
        await writePauseClip(request, ctx, ESPEAK_SAMPLE_RATE);
      } else {
        // Text on stdin: never parsed as options, no length limit on the command line.
        await runProcess(
          binary,
          [...voiceArgs(request.speaker), '-s', String(wordsPerMinute), '-w', request.outPath, '--stdin'],
          { signal: ctx.signal, input: text, errorCode: 'AUDIO_FAILED' },
        );
      }
      return finalizeClip(request.outPath, ctx);
    },
  };
}
