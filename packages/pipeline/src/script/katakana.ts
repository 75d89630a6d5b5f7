import { KATAKANA_WORDS } from './katakana-words.ts';

/** Acronyms that are said as words, not letter by letter. */
const SPOKEN_ACRONYMS = new Set(['nasa', 'unesco', 'covid', 'nato', 'opec', 'asean']);

const LATIN_WORD = /[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*/gu;
/** example.com, www.example.co.jp, news.example.org/path */
const DOMAIN =
  /\b(?:www\.)?([A-Za-z0-9-]+)(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|jp|io|co|info|biz|dev|app|ai|uk|us|gov|edu)\b(?:\/[^\s、。「」）)]*)?/giu;
const IP_ADDRESS = /\b\d{1,3}(?:\.\d{1,3}){3}\b/gu;

/** A person's age in brackets after their name, as newspapers write it: 「さん（６２）」「氏（45）」. */
const PERSON_AGE = /(さん|氏|君|ちゃん|容疑者|被告|選手|監督|会長|社長|組合長|教授)（([0-9０-９]{1,3})）/gu;

/**
 * The reading of a Japanese narration with its Latin-script words in katakana, web addresses said
 * as 「〜のサイト」 and IP addresses left out, or undefined when the text needs no reading.
 */
export function japaneseReading(text: string): string | undefined {
  const reading = text
    .replace(DOMAIN, (_match, name: string) => `${wordToKatakana(name)}のサイト`)
    .replace(IP_ADDRESS, 'アドレス')
    // A newspaper's age after a name (佐々木隆さん（６２）) is said as an age: 「６２歳」.
    .replace(PERSON_AGE, '$1（$2歳）')
    .replace(LATIN_WORD, (word) => wordReading(word))
    // "Example Tech Blog" → one run of katakana, no pauses between the words.
    .replace(/(?<=[\p{Script=Katakana}ー])\s+(?=[\p{Script=Katakana}])/gu, '');
  return reading === text ? undefined : reading;
}

function wordReading(word: string): string {
  const bare = word.replace(/['’]s$/u, '');
  // Acronyms (AI, BBC, CEOs) are read letter by letter by the engine, which is right for them.
  if (/^[A-Z]{1,6}s?$/u.test(bare) && !SPOKEN_ACRONYMS.has(bare.toLowerCase())) return word;
  return bare
    .split('-')
    .map((part) => {
      const whole = KATAKANA_WORDS.get(part.toLowerCase());
      if (whole) return whole;
      // "DeepMind" → Deep + Mind, "OpenOffice" → Open + Office.
      return splitCamelCase(part)
        .map((piece) => KATAKANA_WORDS.get(piece.toLowerCase()) ?? wordToKatakana(piece))
        .join('');
    })
    .join('');
}

function splitCamelCase(word: string): string[] {
  return word.split(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/u).filter((p) => p.length > 0);
}

type Row = readonly [string, string, string, string, string];
/** Kana for consonant + a/i/u/e/o. */
const ROWS: Record<string, Row> = {
  '': ['ア', 'イ', 'ウ', 'エ', 'オ'],
  k: ['カ', 'キ', 'ク', 'ケ', 'コ'],
  g: ['ガ', 'ギ', 'グ', 'ゲ', 'ゴ'],
  s: ['サ', 'シ', 'ス', 'セ', 'ソ'],
  z: ['ザ', 'ジ', 'ズ', 'ゼ', 'ゾ'],
  t: ['タ', 'ティ', 'トゥ', 'テ', 'ト'],
  d: ['ダ', 'ディ', 'ドゥ', 'デ', 'ド'],
  n: ['ナ', 'ニ', 'ヌ', 'ネ', 'ノ'],
  h: ['ハ', 'ヒ', 'フ', 'ヘ', 'ホ'],
  b: ['バ', 'ビ', 'ブ', 'ベ', 'ボ'],
  p: ['パ', 'ピ', 'プ', 'ペ', 'ポ'],
  m: ['マ', 'ミ', 'ム', 'メ', 'モ'],
  y: ['ヤ', 'イ', 'ユ', 'イェ', 'ヨ'],
  r: ['ラ', 'リ', 'ル', 'レ', 'ロ'],
  l: ['ラ', 'リ', 'ル', 'レ', 'ロ'],
  w: ['ワ', 'ウィ', 'ウ', 'ウェ', 'ウォ'],
  f: ['ファ', 'フィ', 'フ', 'フェ', 'フォ'],
  v: ['ヴァ', 'ヴィ', 'ヴ', 'ヴェ', 'ヴォ'],
  j: ['ジャ', 'ジ', 'ジュ', 'ジェ', 'ジョ'],
  sh: ['シャ', 'シ', 'シュ', 'シェ', 'ショ'],
  ch: ['チャ', 'チ', 'チュ', 'チェ', 'チョ'],
  th: ['サ', 'シ', 'ス', 'セ', 'ソ'],
  kw: ['クア', 'クイ', 'ク', 'クエ', 'クオ'],
};
/** A consonant with no vowel after it. */
const CODA: Record<string, string> = {
  k: 'ク',
  g: 'グ',
  s: 'ス',
  z: 'ズ',
  t: 'ト',
  d: 'ド',
  n: 'ン',
  h: '',
  b: 'ブ',
  p: 'プ',
  m: 'ム',
  y: 'イ',
  r: 'ー',
  l: 'ル',
  w: 'ウ',
  f: 'フ',
  v: 'ブ',
  j: 'ジ',
  sh: 'シュ',
  ch: 'チ',
  th: 'ス',
  kw: 'ク',
};
/** Vowel spellings, longest first, with the vowel column used for the syllable and what follows it. */
const VOWELS: ReadonlyArray<readonly [string, number, string]> = [
  ['igh', 1, ''],
  ['ough', 4, 'ー'],
  ['ee', 1, 'ー'],
  ['ea', 1, 'ー'],
  ['ie', 1, 'ー'],
  ['oo', 2, 'ー'],
  ['ou', 0, 'ウ'],
  ['ow', 0, 'ウ'],
  ['ai', 3, 'イ'],
  ['ay', 3, 'イ'],
  ['ei', 3, 'イ'],
  ['ey', 3, 'イ'],
  ['oa', 4, 'ー'],
  ['oi', 4, 'イ'],
  ['oy', 4, 'イ'],
  ['au', 4, 'ー'],
  ['aw', 4, 'ー'],
  ['a', 0, ''],
  ['i', 1, ''],
  ['u', 0, ''],
  ['e', 3, ''],
  ['o', 4, ''],
  ['y', 1, ''],
];
/** Consonant spellings, longest first, with the row they sound like. */
const CONSONANTS: ReadonlyArray<readonly [string, string]> = [
  ['tch', 'ch'],
  ['sch', 'sh'],
  ['sh', 'sh'],
  ['ch', 'ch'],
  ['th', 'th'],
  ['ph', 'f'],
  ['ck', 'ck'],
  ['qu', 'kw'],
  ['wh', 'w'],
  ['gh', ''],
  ['x', 'ks'],
  ['c', 'k'],
  ['q', 'k'],
  ...'bdfghjklmnprstvwyz'.split('').map((c) => [c, c] as const),
];

/**
 * An approximate katakana spelling of an English word from its letters: consonant + vowel
 * syllables, long vowels for ee/oo/ar/er…, a silent final e, small ッ after a short vowel before
 * a doubled consonant. Not a dictionary: it only has to sound like a word, not like letters.
 */
export function wordToKatakana(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z]/gu, '');
  if (!w) return word;
  const known = KATAKANA_WORDS.get(w);
  if (known) return known;
  let out = '';
  let i = 0;
  while (i < w.length) {
    // Silent final e after a consonant ("line", "code").
    if (w[i] === 'e' && i === w.length - 1 && i > 0) break;
    let row = '';
    let consumed = 0;
    for (const [spelling, sound] of CONSONANTS) {
      if (w.startsWith(spelling, i)) {
        row = sound;
        consumed = spelling.length;
        break;
      }
    }
    // c and g before e/i/y are soft.
    if (w[i] === 'c' && /[eiy]/u.test(w[i + 1] ?? '')) row = 's';
    if (row === 'ks') {
      out += 'ク';
      row = 's';
    }
    if (row === 'ck') {
      // "attack" → アタック: a small ッ before the k sound.
      out += 'ッ';
      row = 'k';
    }
    const doubled = consumed === 1 && w[i + 1] === w[i] && row !== 'n' && row !== 'r' && row !== 'm';
    if (doubled) {
      out += out && row !== '' ? 'ッ' : '';
      consumed = 2;
    }
    const at = i + consumed;
    // A final e after a consonant is silent ("make" → メイク, not マーケ).
    const silentE = consumed > 0 && at === w.length - 1 && w[at] === 'e';
    const vowel = silentE ? undefined : VOWELS.find(([spelling]) => w.startsWith(spelling, at));
    // A vowel-less "y" after a consonant is a vowel ("happy", "system").
    if (vowel && !(row === 'y' && consumed === 0)) {
      const [spelling, column, tail] = vowel;
      const after = at + spelling.length;
      const rowKana = ROWS[row] ?? ROWS['']!;
      out += rowKana[column]!;
      // Magic e: a vowel, one consonant and a final e ("line" → ライン, "game" → ゲーム).
      const magic =
        spelling.length === 1 && after === w.length - 2 && w.endsWith('e') && !/[aeiouy]/u.test(w[after]!);
      if (tail) out += tail;
      else if (magic && spelling === 'i') out += 'イ';
      else if (magic && spelling === 'a') out += 'イ';
      else if (magic && spelling !== 'e') out += 'ー';
      // Vowel + r (not followed by a vowel) is a long vowel: "server" → サーバー.
      if (w[after] === 'r' && !/[aeiouy]/u.test(w[after + 1] ?? '')) {
        if (!out.endsWith('ー')) out += 'ー';
        i = after + 1;
        if (w[i] === 'r') i++;
        continue;
      }
      i = after;
      continue;
    }
    if (consumed === 0) {
      i++;
      continue;
    }
    out += CODA[row] ?? '';
    i = silentE ? w.length : at;
  }
  return out || word;
}
