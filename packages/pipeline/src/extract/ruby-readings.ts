/**
 * The readings a page gives its words in ruby (<ruby>群来<rt>くき</rt></ruby>): the author's own
 * reading of a rare word or a name, which a speech engine would otherwise guess (Open JTalk reads
 * 群来 ぐんらい). Read before the furniture removal takes the <rt> elements out of the text.
 */

/** At most this many words: a children's page rubies every kanji, and these are all it needs. */
const MAX_READINGS = 200;
const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・]+$/u;
const HAN = /\p{Script=Han}/u;

export function rubyReadings(document: Document): Record<string, string> {
  const readings: Record<string, string> = {};
  let count = 0;
  for (const ruby of document.querySelectorAll('ruby')) {
    if (count >= MAX_READINGS) break;
    let base = '';
    let reading = '';
    for (const node of ruby.childNodes) {
      const name = node.nodeName.toUpperCase();
      if (name === 'RT') reading += node.textContent ?? '';
      else if (name !== 'RP') base += node.textContent ?? '';
    }
    base = base.trim();
    reading = reading.trim();
    // A single kanji's reading depends on its okurigana (群 in 群れ is not the 群 of 群来): words only.
    if (!HAN.test(base) || base.length < 2 || base.length > 12 || !KANA.test(reading) || base in readings)
      continue;
    readings[base] = reading;
    count += 1;
  }
  return readings;
}

/** Text with each word the page gave a reading replaced by it, longest words first. */
export function withRubyReadings(text: string, readings: Readonly<Record<string, string>>): string {
  const words = Object.keys(readings).sort((a, b) => b.length - a.length);
  let out = text;
  for (const word of words) if (out.includes(word)) out = out.replaceAll(word, readings[word]!);
  return out;
}
