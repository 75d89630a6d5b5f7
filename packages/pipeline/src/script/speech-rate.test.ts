import { join } from 'node:path';
import { ffprobe, makeTempDir } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishArticle, japaneseArticle } from '../../fixtures/script/test-articles.ts';
import { runProcess } from '../process.ts';
import type { Language } from '../schema/script.ts';
import { DEFAULT_CHAR_BUDGET } from './language.ts';
import { buildOfflineScript } from './offline.ts';

const OPEN_JTALK_ARGS = [
  '-x',
  '/var/lib/mecab/dic/open-jtalk/naist-jdic',
  '-m',
  '/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice',
];

let temp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  temp = await makeTempDir('mg-script-rate-');
});
afterAll(() => temp.cleanup());

/** Speaks narrations one clip each, as the audio stage does, and returns characters per second. */
async function speechRate(texts: readonly string[], language: Language): Promise<number> {
  const signal = new AbortController().signal;
  let seconds = 0;
  for (const [i, text] of texts.entries()) {
    const out = join(temp.dir, `${language}-${i}.wav`);
    if (language === 'ja') {
      await runProcess('open_jtalk', [...OPEN_JTALK_ARGS, '-ow', out], {
        signal,
        input: text,
        errorCode: 'AUDIO_FAILED',
      });
    } else {
      await runProcess('espeak-ng', ['-w', out, text], { signal, errorCode: 'AUDIO_FAILED' });
    }
    seconds += Number((await ffprobe(out)).format.duration);
  }
  return texts.join('').length / seconds;
}

/** The first narrations of an offline script, about `chars` characters of them. */
function sampleNarrations(language: Language, chars: number): string[] {
  const article = language === 'ja' ? japaneseArticle : englishArticle;
  const script = buildOfflineScript(article, {
    language,
    maxSections: 12,
    charBudget: DEFAULT_CHAR_BUDGET[language],
  });
  const sample: string[] = [];
  for (const narration of script.sections.flatMap((s) => s.narrations)) {
    if (sample.join('').length >= chars) break;
    sample.push(narration.text);
  }
  return sample;
}

describe('default char budgets against the offline speech engines', () => {
  it.each([
    ['ja', 180],
    ['en', 600],
  ] as const)('%s: the default budget speaks for 2–3 minutes', async (language, sampleChars) => {
    const rate = await speechRate(sampleNarrations(language, sampleChars), language);
    const minutes = DEFAULT_CHAR_BUDGET[language] / rate / 60;
    expect(minutes).toBeGreaterThanOrEqual(2);
    expect(minutes).toBeLessThanOrEqual(3);
  });
});
