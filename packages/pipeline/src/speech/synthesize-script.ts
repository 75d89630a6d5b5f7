import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StageContext } from '../context.ts';
import { asStageError } from '../errors.ts';
import { msg } from '../i18n/messages.ts';
import type { Script } from '../schema/script.ts';
import { runPool } from './pool.ts';
import { selectSpeechProvider } from './select-provider.ts';
import type { SpeechClip, SpeechOptions, SpeechProvider } from './types.ts';

export interface SynthesizedScript {
  /** One clip per narration, in script order (sections, then their narrations). */
  clips: SpeechClip[];
  /** Lines the video must show for the voices used. */
  credits: string[];
}

/** Where clip `index` (0-based, as the timeline's clipIndex) is written. */
export function clipPath(workDir: string, index: number): string {
  return join(workDir, 'audio', `${String(index).padStart(3, '0')}.wav`);
}

/**
 * Speaks every narration of the script (its reading when given) into `${workDir}/audio/NNN.wav`,
 * up to the provider's concurrency at once, reporting "音声を生成中 (3/12)" progress. Failures are
 * AUDIO_FAILED; aborting `ctx.signal` stops launching, kills running engines and rejects with CANCELLED.
 */
export async function synthesizeScript(
  script: Script,
  options: SpeechOptions,
  ctx: StageContext,
  provider: SpeechProvider = selectSpeechProvider(script.language, options),
): Promise<SynthesizedScript> {
  const narrations = script.sections.flatMap((section) => section.narrations);
  const total = narrations.length;
  try {
    ctx.signal.throwIfAborted();
    await mkdir(join(ctx.workDir, 'audio'), { recursive: true });
    // Credits first: a misconfigured engine (unknown VOICEVOX style) fails before any synthesis.
    const credits = await provider.credits([...new Set(narrations.map((n) => n.speaker))], ctx);
    ctx.onProgress(0, msg.audio(0, total));
    let done = 0;
    const clips = await runPool(
      narrations,
      provider.concurrency,
      ctx.signal,
      async (narration, index, signal) => {
        const clip = await provider.synthesize(
          {
            text: narration.reading ?? narration.text,
            speaker: narration.speaker,
            language: script.language,
            outPath: clipPath(ctx.workDir, index),
          },
          { ...ctx, signal },
        );
        done += 1;
        ctx.onProgress(Math.round((done / total) * 100), msg.audio(done, total));
        return clip;
      },
    );
    const durationSec = clips.reduce((sum, clip) => sum + clip.durationSec, 0);
    ctx.log.info({ provider: provider.id, clips: clips.length, durationSec }, 'narration synthesised');
    return { clips, credits };
  } catch (error) {
    throw asStageError(error, 'AUDIO_FAILED', ctx.signal);
  }
}
