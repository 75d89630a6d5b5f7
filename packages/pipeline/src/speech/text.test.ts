import { describe, expect, it } from 'vitest';
import {
  englishSpeechForms,
  normalizeSpeechText,
  splitForOpenJTalk,
  withBreathPauses,
  withOpenJTalkReadings,
} from './text.ts';

describe('normalizeSpeechText', () => {
  it('applies NFKC: full-width ASCII, half-width kana, circled digits', () => {
    expect(normalizeSpeechText('ＧｉｔＨｕｂは１００％ｶﾞｲﾄﾞ①', 'ja')).toBe('GitHubは100%ガイド1');
  });

  it('drops emoji, including skin tones, flags, keycaps and ZWJ sequences', () => {
    expect(normalizeSpeechText('すごい😀！👍🏽 日本🇯🇵 👨‍👩‍👧 です', 'ja')).toBe('すごい! 日本 です');
    expect(normalizeSpeechText('Ready 🚀 go', 'en')).toBe('Ready go');
  });

  it('drops markdown decoration and quotes but keeps meaningful symbols', () => {
    expect(normalizeSpeechText('**重要** な `code` と #タグ、"引用" & 50%', 'ja')).toBe(
      '重要 な code と タグ、 引用 & 50%',
    );
    expect(normalizeSpeechText("It's *really* [fast] and C++ isn't", 'en')).toBe(
      "It's really fast and C++ isn't",
    );
  });

  it('reads number ranges as ranges', () => {
    expect(normalizeSpeechText('10〜20人、3～5日', 'ja')).toBe('10から20人、3から5日');
    expect(normalizeSpeechText('10~20 people', 'en')).toBe('10 to 20 people');
  });

  it('turns line breaks into sentence breaks and collapses spaces', () => {
    expect(normalizeSpeechText('一行目\n二行目。\r\n\n三行目', 'ja')).toBe('一行目。二行目。三行目');
    expect(normalizeSpeechText('first line\nsecond,\n  third  \t word', 'en')).toBe(
      'first line. second, third word',
    );
    expect(normalizeSpeechText('全角　スペース', 'ja')).toBe('全角 スペース');
  });

  it('removes invisible characters', () => {
    expect(normalizeSpeechText('ゼロ\u200b幅\ufeffと\u0007ベル', 'ja')).toBe('ゼロ幅とベル');
  });

  it('returns an empty string when nothing speakable is left', () => {
    expect(normalizeSpeechText('😀🎉', 'ja')).toBe('');
    expect(normalizeSpeechText('。。！', 'ja')).toBe('');
    expect(normalizeSpeechText('***', 'en')).toBe('');
  });
});

describe('splitForOpenJTalk', () => {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

  it('keeps short text whole', () => {
    expect(splitForOpenJTalk('今日は晴れ。明日は雨！')).toEqual(['今日は晴れ。明日は雨！']);
  });

  it('packs whole sentences into chunks under the byte limit', () => {
    const sentence = 'これは長い文章のテストです。'; // 14 chars, 42 bytes
    const text = sentence.repeat(30);
    const chunks = splitForOpenJTalk(text, 300);
    expect(chunks.length).toBe(5);
    for (const chunk of chunks) {
      expect(bytes(chunk)).toBeLessThanOrEqual(300);
      expect(chunk.endsWith('。')).toBe(true);
    }
    expect(chunks.join('')).toBe(text);
  });

  it('splits an over-long sentence at commas, then anywhere', () => {
    const clause = 'あいうえおかきくけこ、'; // 33 bytes
    const sentence = `${clause.repeat(10)}終わり。`;
    const chunks = splitForOpenJTalk(sentence, 100);
    expect(chunks.every((c) => bytes(c) <= 100)).toBe(true);
    expect(chunks[0]).toBe(clause.repeat(3));
    expect(chunks.join('')).toBe(sentence);

    const noBreaks = 'あ'.repeat(100);
    const pieces = splitForOpenJTalk(noBreaks, 90);
    expect(pieces.map((p) => p.length)).toEqual([30, 30, 30, 10]);
  });

  it('splits English at sentence ends followed by a space', () => {
    expect(splitForOpenJTalk('One two. Three four. Five six.', 15)).toEqual([
      'One two.',
      'Three four.',
      'Five six.',
    ]);
  });

  it('drops chunks with nothing to say', () => {
    expect(splitForOpenJTalk('。！？')).toEqual([]);
    expect(splitForOpenJTalk('')).toEqual([]);
  });
});

describe('speech forms for the offline engines', () => {
  it('gives a long run without a pause a 、 at a phrase boundary (Open JTalk drags on it otherwise)', () => {
    const slow = '明治から大正にかけては春になると湾が毎年のように白くなったと伝えられている。';
    const paced = withBreathPauses(slow);
    expect(paced.replace(/、/gu, '')).toBe(slow);
    for (const run of paced.split(/[、。]/u)) expect(run.length).toBeLessThanOrEqual(24);
    // Short runs are left alone.
    expect(withBreathPauses('群来が確認された。町では観光に生かす考えだ。')).toBe(
      '群来が確認された。町では観光に生かす考えだ。',
    );
  });

  it('reads money, titles and misread words the way a person would', () => {
    expect(
      englishSpeechForms(
        'It will cost €310 million; $4.2m more and £850,000, Ms Halvorsen said to Dr. Chen.',
      ),
    ).toBe(
      'It will cost 310 million euros; 4.2 million dollars more and 850,000 pounds, Miz Halvorsen said to Doctor Chen.',
    );
    expect(withOpenJTalkReadings('米粉のパン')).toBe('こめこのパン');
    expect(withOpenJTalkReadings('雄が放つ精子と、雌の産んだ卵')).toBe('おすが放つ精子と、めすの産んだ卵');
    expect(withOpenJTalkReadings('英雄と雌雄')).toBe('英雄と雌雄');
  });
});
