import { readFile, rm, writeFile } from 'node:fs/promises';
import type { StageContext } from '../context.ts';
import { PipelineError } from '../errors.ts';
import { runProcess } from '../process.ts';
import type { SpeakerId } from '../schema/script.ts';
import { finalizeClip, PAUSE_CLIP_SEC, writePauseClip } from './clip-file.ts';
import { normalizeSpeechText, splitForOpenJTalk, withBreathPauses, withOpenJTalkReadings } from './text.ts';
import type { OpenJTalkOptions, OpenJTalkVoice, SpeechClip, SpeechProvider, SpeechRequest } from './types.ts';
import { concatWavs, silentWav } from './wav.ts';

export const OPEN_JTALK_DEFAULTS = {
  binary: 'open_jtalk',
  dictionaryDir: '/var/lib/mecab/dic/open-jtalk/naist-jdic',
  voicePath: '/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice',
  /**
   * The dialogue's characters, both made from the one (male) HTS voice Debian ships: the asker
   * high, bright and quick; the explainer a little above the narrator's pitch, slightly brighter.
   * With m001 their median pitch is ~182 Hz and ~138 Hz (the narrator's ~124 Hz): ~4.8 semitones apart.
   */
  voices: {
    asker: { halfTones: 7, allPass: 0.5, speed: 1.1 },
    explainer: { halfTones: 2, allPass: 0.53 },
  } satisfies Partial<Record<SpeakerId, OpenJTalkVoice>>,
  concurrency: 2,
} as const;

/** The default voice is CC BY 3.0: the video has to say whose it is. */
export const NIT_ATR503_CREDIT = 'HTS Voice "NIT ATR503 M001" © Nagoya Institute of Technology (CC BY 3.0)';

/** What Open JTalk prints (and exits 1) when the text has no phonemes. */
const NO_PHONEMES = 'waveform cannot be synthesized';
/** Open JTalk writes 48 kHz mono. */
const OPEN_JTALK_SAMPLE_RATE = 48_000;

/** Open JTalk: offline Japanese speech from Debian packages (1 s of CPU per ~140 characters). */
export function createOpenJTalkProvider(options: OpenJTalkOptions = {}): SpeechProvider {
  const binary = options.binary ?? OPEN_JTALK_DEFAULTS.binary;
  const dictionaryDir = options.dictionaryDir ?? OPEN_JTALK_DEFAULTS.dictionaryDir;
  const voicePath = options.voicePath ?? OPEN_JTALK_DEFAULTS.voicePath;
  const credits = options.credits ?? (voicePath === OPEN_JTALK_DEFAULTS.voicePath ? [NIT_ATR503_CREDIT] : []);
  const voices: Readonly<Record<string, OpenJTalkVoice>> = {
    ...OPEN_JTALK_DEFAULTS.voices,
    ...options.voices,
  };

  /** The options that make `speaker`'s voice; none for the plain voice. */
  function voiceArgs(speaker: string): string[] {
    const voice = voices[speaker] ?? {};
    const args: string[] = [];
    if (options.speed !== undefined || voice.speed !== undefined) {
      args.push('-r', String((options.speed ?? 1) * (voice.speed ?? 1)));
    }
    if (voice.halfTones !== undefined) args.push('-fm', String(voice.halfTones));
    if (voice.allPass !== undefined) args.push('-a', String(voice.allPass));
    return args;
  }

  async function speak(text: string, voice: string[], outPath: string, ctx: StageContext): Promise<void> {
    const args = ['-x', dictionaryDir, '-m', voicePath, '-ow', outPath, ...voice];
    try {
      // One line only: Open JTalk synthesises the first line it reads.
      await runProcess(binary, args, { signal: ctx.signal, input: `${text}\n`, errorCode: 'AUDIO_FAILED' });
    } catch (error) {
      // Text with letters but no Japanese reading (ハングル, Cyrillic, a lone 「ー」) has no phonemes:
      // Open JTalk exits 1. Say nothing for it rather than fail the whole video.
      if (!(error instanceof PipelineError && error.detail?.includes(NO_PHONEMES))) throw error;
      ctx.log.warn({ text }, 'Open JTalk found nothing to say; using a pause');
      await writeFile(outPath, silentWav(PAUSE_CLIP_SEC, OPEN_JTALK_SAMPLE_RATE));
    }
  }

  return {
    id: 'openjtalk',
    concurrency: options.concurrency ?? OPEN_JTALK_DEFAULTS.concurrency,
    credits: async () => [...credits],
    async synthesize(request: SpeechRequest, ctx: StageContext): Promise<SpeechClip> {
      const chunks = splitForOpenJTalk(
        withBreathPauses(withOpenJTalkReadings(normalizeSpeechText(request.text, 'ja'))),
      );
      const voice = voiceArgs(request.speaker);
      if (chunks.length === 0) {
        await writePauseClip(request, ctx, OPEN_JTALK_SAMPLE_RATE);
      } else if (chunks.length === 1) {
        await speak(chunks[0]!, voice, request.outPath, ctx);
      } else {
        const parts = chunks.map((_, i) => `${request.outPath}.part${i}.wav`);
        try {
          for (const [i, chunk] of chunks.entries()) await speak(chunk, voice, parts[i]!, ctx);
          const wavs = await Promise.all(parts.map((part) => readFile(part)));
          await writeFile(request.outPath, concatWavs(wavs));
        } finally {
          await Promise.all(parts.map((part) => rm(part, { force: true })));
        }
      }
      return finalizeClip(request.outPath, ctx);
    },
  };
}
