import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_JTALK_DEFAULTS } from '../speech/openjtalk.ts';
import { japaneseReading, wordToKatakana } from './katakana.ts';

const run = promisify(execFile);

describe('japaneseReading', () => {
  it('says a newspaper age after a name as an age', () => {
    expect(japaneseReading('組合長の佐々木隆さん（６２）は話した。')).toBe(
      '組合長の佐々木隆さん（６２歳）は話した。',
    );
    expect(japaneseReading('（６２）ページを見る。')).toBeUndefined();
  });

  it('reads brand names and English words as katakana words, keeping acronyms for the engine', () => {
    expect(japaneseReading('DeepMindの新しいAIはGoogleのサーバーで動きます。')).toBe(
      'ディープマインドの新しいAIはグーグルのサーバーで動きます。',
    );
    expect(japaneseReading('OpenOfficeとMinecraft')).toBe('オープンオフィスとマインクラフト');
    expect(japaneseReading('日本語だけの文です。')).toBeUndefined();
  });

  it('says a web address as its site and drops an IP address', () => {
    expect(japaneseReading('詳細はexample.comで公開されています。')).toBe(
      '詳細はエグザンプルのサイトで公開されています。',
    );
    expect(japaneseReading('サーバー192.168.0.1に接続した。')).toBe('サーバーアドレスに接続した。');
  });

  it('spells unknown words from their letters as something sayable', () => {
    for (const word of ['Subversion', 'Mugabe', 'Sopel', 'stranding', 'Tsvangirai']) {
      expect(wordToKatakana(word), word).toMatch(/^[\p{Script=Katakana}ー]+$/u);
    }
    expect(wordToKatakana('server')).toBe('サーバー');
  });
});

/** The pronunciation Open JTalk gives each word (the 10th field of its text-analysis trace). */
async function pronunciations(dir: string, text: string): Promise<string[]> {
  const trace = join(dir, 'trace.txt');
  const input = join(dir, 'in.txt');
  await writeFile(input, text);
  await run(OPEN_JTALK_DEFAULTS.binary, [
    '-x',
    OPEN_JTALK_DEFAULTS.dictionaryDir,
    '-m',
    OPEN_JTALK_DEFAULTS.voicePath,
    '-ow',
    join(dir, 'out.wav'),
    '-ot',
    trace,
    input,
  ]);
  const lines = (await readFile(trace, 'utf8')).split('\n');
  const start = lines.findIndex((l) => l.startsWith('[Text analysis result]'));
  return (
    lines
      .slice(start + 1)
      .filter((l) => /^[^,\s]+,[^,]+,/u.test(l))
      // The accent mark ’ is not part of the sounds.
      .map((l) => (l.split(',')[9] ?? '').replaceAll('’', ''))
  );
}

describe('readings with real Open JTalk', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await makeTempDir('mg-kana-')));
  afterAll(() => cleanup());

  it('spells "DeepMind" letter by letter from the text, and says it as a word from the reading', async () => {
    const text = 'DeepMindの研究者がOpenOfficeを使った。';
    const fromText = (await pronunciations(dir, text)).join('');
    expect(fromText).toContain('ディーイーイーピー');
    const fromReading = (await pronunciations(dir, japaneseReading(text)!)).join('');
    expect(fromReading).not.toMatch(/ディーイーイーピー|オーピーイーエヌ/u);
    expect(fromReading).toContain('ディープ');
    expect(fromReading).toContain('オフィス');
  });
});
