/**
 * Japanese narration in the spoken polite style (です・ます). A news article's plain written style
 * (「…確認された。」「…現象だ。」「…だという。」) read aloud between a presenter's polite framing
 * (「おさらいです。」) sounds stiff, so the narrator ends each of its own sentences politely:
 * 「確認されました」「現象です」「だということです」. Only sentence ends outside quotations change,
 * and only where the verb's form is certain: an ending the rules cannot conjugate safely stays as
 * written (a plain ending is still correct Japanese). The slide's bullets keep the plain form.
 */

/** The い-row kana of each あ-row kana (godan stems: 分から|ない → 分かり|ません; 言わ → 言い). */
const A_TO_I: Readonly<Record<string, string>> = {
  か: 'き',
  が: 'ぎ',
  さ: 'し',
  た: 'ち',
  な: 'に',
  ば: 'び',
  ま: 'み',
  ら: 'り',
  わ: 'い',
};
/** The い-row kana of each う-row kana (書|く → 書|きます). */
const U_TO_I: Readonly<Record<string, string>> = {
  う: 'い',
  く: 'き',
  ぐ: 'ぎ',
  す: 'し',
  つ: 'ち',
  ぬ: 'に',
  ぶ: 'び',
  む: 'み',
  る: 'り',
};
/** Kana of the い and え rows: before る/た/ない they mark an ichidan verb (続け|る, でき|た). */
const ICHIDAN_KANA = /[いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ]$/u;
/** Kana words ending in え/い-row + る that are godan all the same (かえる 帰る, はいる 入る). */
const GODAN_KANA_RU = /(?:かえる|はいる|へる|しゃべる|すべる|まいる)$/u;
/** Ichidan verbs written kanji + いる (用いる): their past is 用いた → 用いました. */
const ICHIDAN_KANJI_I = new Set(['用', '率', '報', '強']);
/** Kanji of godan verbs in く and つ (書く, 持つ): other kanji + く/つ are adverbs or counts (近く, 一つ). */
const GODAN_KU_TSU = new Set([
  ...'書聞行続開置働動歩招築描導巻咲泣輝吹届付就突抜弾驚傾磨解焼引説敷除叩浮乾空',
  ...'持待立保育勝打放建絶撃討断',
]);
/** One-kanji ichidan verbs (見る, 出る, 来る); any other kanji + る is godan (減る, 帰る, 渡る). */
const ICHIDAN_KANJI = new Set(['見', '出', '寝', '着', '似', '煮', '得', '経', '居', '来']);
/** The い-row kana a godan verb's った/んだ past comes from, by its kanji (言った → 言いました). */
const GODAN_PAST: Readonly<Record<string, string>> = {
  言: 'い',
  思: 'い',
  使: 'い',
  失: 'い',
  買: 'い',
  払: 'い',
  会: 'い',
  追: 'い',
  習: 'い',
  笑: 'い',
  誘: 'い',
  伴: 'い',
  従: 'い',
  争: 'い',
  戦: 'い',
  拾: 'い',
  洗: 'い',
  歌: 'い',
  願: 'い',
  競: 'い',
  行: 'き',
  持: 'ち',
  立: 'ち',
  育: 'ち',
  保: 'ち',
  待: 'ち',
  勝: 'ち',
  打: 'ち',
  取: 'り',
  作: 'り',
  造: 'り',
  戻: 'り',
  残: 'り',
  減: 'り',
  守: 'り',
  送: 'り',
  知: 'り',
  帰: 'り',
  入: 'り',
  切: 'り',
  乗: 'り',
  登: 'り',
  語: 'り',
  祈: 'り',
  頼: 'り',
  張: 'り',
  配: 'り',
  測: 'り',
  図: 'り',
  迫: 'り',
  走: 'り',
  困: 'り',
  降: 'り',
  握: 'り',
  撮: 'り',
  探: 'り',
  振: 'り',
  移: 'り',
  並: 'び',
  選: 'び',
  呼: 'び',
  結: 'び',
  学: 'び',
  飛: 'び',
  運: 'び',
  喜: 'び',
  遊: 'び',
  叫: 'び',
  読: 'み',
  進: 'み',
  産: 'み',
  生: 'み',
  住: 'み',
  済: 'み',
  望: 'み',
  悩: 'み',
  込: 'み',
  挑: 'み',
  踏: 'み',
  組: 'み',
  積: 'み',
  包: 'み',
  刻: 'み',
  盗: 'み',
  富: 'み',
  楽: 'み',
};
/** Verbs among the 〜かった endings (the rest are adjectives: 多かった → 多かったです). */
const KATTA_VERB =
  /(?:分かった|わかった|見つかった|向かった|助かった|かかった|掛かった|預かった|乗っかった)$/u;

const KANJI = /\p{sc=Han}$/u;
const ALREADY_POLITE = /(?:ます|ました|ません|です|でした|でしょう|ましょう)$/u;

/** Plain endings and their polite forms, tried in order; `null` leaves the sentence as written. */
const RULES: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string | null]> = [
  [/(?:ではない|でない)$/u, () => 'ではありません'],
  [/でなかった$/u, () => 'ではありませんでした'],
  [/(?:だった|であった)$/u, () => 'でした'],
  [/(\p{sc=Han})([いっん])([ただ])$/u, (m) => pastOfKanjiVerb(m[1]!, m[2]!, m[3]!)],
  [/(?:である|だ)$/u, () => 'です'],
  [/だろう$/u, () => 'でしょう'],
  [/(?:という|と言う)$/u, () => 'ということです'],
  [/(が|は|も|しか)ない$/u, (m) => `${m[1]}ありません`],
  [/(が|は|も|しか)なかった$/u, (m) => `${m[1]}ありませんでした`],
  [/くない$/u, () => 'くありません'],
  [/こない$/u, () => 'きません'],
  [/しない$/u, () => 'しません'],
  [/([かがさたなばまらわ])ない$/u, (m) => `${A_TO_I[m[1]!]}ません`],
  [/([いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ])ない$/u, (m) => `${m[1]}ません`],
  [/(?:ている|てる)$/u, () => 'ています'],
  [/(?:ていた|てた)$/u, () => 'ていました'],
  [/でいる$/u, () => 'でいます'],
  [/でいた$/u, () => 'でいました'],
  [/てきた$/u, () => 'てきました'],
  [/てくる$/u, () => 'てきます'],
  [/ていく$/u, () => 'ていきます'],
  [/ていった$/u, () => 'ていきました'],
  [/する$/u, () => 'します'],
  [/した$/u, () => 'しました'],
  [/なった$/u, () => 'なりました'],
  [/あった$/u, () => 'ありました'],
  [/ある$/u, () => 'あります'],
  [/なる$/u, () => 'なります'],
  [/いる$/u, () => 'います'],
  [/たい$/u, () => 'たいです'],
  [/しい$/u, () => 'しいです'],
  [/かった$/u, (m) => (KATTA_VERB.test(m.input) ? 'かりました' : 'かったです')],
  [/しよう$/u, () => 'しましょう'],
  [
    /([かがさたなばまらわ])った$/u,
    (m) => (m[1] === 'わ' && /味わった$/u.test(m.input) ? null : `${m[1]}りました`),
  ],
  [
    /([いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ])た$/u,
    (m) => (m[1] === 'い' ? null : `${m[1]}ました`),
  ],
  [/(\p{sc=Han})る$/u, (m) => (ICHIDAN_KANJI.has(m[1]!) ? `${m[1]}ます` : `${m[1]}ります`)],
  [
    /([あかがさたなばまらわうくぐすつぬぶむゆるおこごそとのぼもよろ])る$/u,
    (m) => (m[1] === 'く' && !/[つめおむまく]くる$/u.test(m.input) ? null : `${m[1]}ります`),
  ],
  [
    /([いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ])る$/u,
    (m) => (GODAN_KANA_RU.test(m.input) ? null : `${m[1]}ます`),
  ],
  [
    /(\p{sc=Han})([うくぐすつぬぶむ])$/u,
    (m) => ('くつ'.includes(m[2]!) && !GODAN_KU_TSU.has(m[1]!) ? null : `${m[1]}${U_TO_I[m[2]!]}ます`),
  ],
  // An adjective (多い, 少ない, 難しい) or a noun in い (違い): です follows; a request does not.
  [/(?:ください|下さい|なさい|ござい)$/u, () => null],
  [/い$/u, () => 'いです'],
];

/** 書いた → 書きました, 泳いだ → 泳ぎました, 言った → 言いました, 並んだ → 並びました. */
function pastOfKanjiVerb(kanji: string, sound: string, ending: string): string | null {
  if (sound === 'い') {
    if (ICHIDAN_KANJI_I.has(kanji)) return ending === 'た' ? `${kanji}いました` : null;
    return `${kanji}${ending === 'た' ? 'き' : 'ぎ'}ました`;
  }
  if ((sound === 'っ' && ending === 'た') || (sound === 'ん' && ending === 'だ')) {
    const stem = GODAN_PAST[kanji];
    const fits =
      stem && (sound === 'っ' ? 'いちり'.includes(stem) || stem === 'き' : 'びみに'.includes(stem));
    return fits ? `${kanji}${stem}ました` : null;
  }
  return null;
}

/** A plain sentence end in its polite form, or the sentence unchanged. */
function politeEnding(sentence: string): string {
  if (!KANJI.test(sentence) && !/\p{sc=Hiragana}$/u.test(sentence)) return sentence;
  if (ALREADY_POLITE.test(sentence)) return sentence;
  for (const [pattern, polite] of RULES) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const replacement = polite(match);
    if (replacement === null) return sentence;
    return sentence.slice(0, match.index) + replacement;
  }
  return sentence;
}

/**
 * A Japanese narration with every sentence the narrator ends (at 。！ outside 「」『』 and
 * brackets) in the polite style; text inside quotations, and sentences ending in a quotation, a
 * noun or an ending the rules do not know, are left as they are.
 */
export function politeNarration(text: string): string {
  let out = '';
  let sentence = '';
  let depth = 0;
  for (const ch of text) {
    if ('「『（(“'.includes(ch)) depth += 1;
    else if ('」』）)”'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === '。' || ch === '！')) {
      out += politeEnding(sentence) + ch;
      sentence = '';
    } else {
      sentence += ch;
    }
  }
  return out + sentence;
}

/**
 * How much longer a Japanese text gets in the polite style (1.03 = 3 % longer), over the given
 * sentences: the share of a character budget the chosen sentences may take before their endings.
 */
export function politeGrowth(sentences: readonly string[]): number {
  const plain = sentences.reduce((sum, s) => sum + s.length, 0);
  if (plain === 0) return 1;
  return sentences.reduce((sum, s) => sum + politeNarration(s).length, 0) / plain;
}
