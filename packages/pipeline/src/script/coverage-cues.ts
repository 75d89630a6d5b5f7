import type { Language } from '../schema/script.ts';

/**
 * A sentence that says what a term means: 「群来は、…現象だ。」「…とは…のことです」, "A micro-bevel
 * is a…", "…, called a micro-bevel, …". Without it the viewer hears the word but not what it is.
 */
const DEFINES: Record<Language, RegExp> = {
  ja: /^[^、。「」]{1,20}(?:とは|は)、?[^。]{4,}(?:現象|こと|もの|状態|仕組み|方法|意味|言葉|呼び名|魚|動物|植物|料理|道具|制度|技術)(?:だ|です|である|を指す|をいう|を指します|をいいます)[。]?$|と呼ばれ|(?<![こも])とは[、，]|という意味|(?:する|させる|した)(?:方法|仕組み|現象|技術)(?:だ|です|である)[。]?$/u,
  en: /\b(?:is called|are called|, called|known as|so-called|refers to|is defined as|stands for)\b|^(?:An?|The)\s[a-z-]+(?:\s[a-z-]+)?\s(?:is|are)\s(?:a|an|the)\s[a-z]/u,
};

/**
 * A caveat or warning: what the reader must check, must not do, or should not conclude yet
 * (「ただし…必ず表示を確認してください」「…恐れもあり」「まだわからない」, "unless…", "…warned that…").
 */
const CAVEAT: Record<Language, RegExp> = {
  ja: /^(?:ただし|ただ[、，]|なお[、，]|もっとも|とはいえ|一方で?[、，])|必ず|注意|恐れ|おそれ|危険|くぎを刺|警告|ないでください|確認してください|してはいけ|必要がある|(?:まだ|今のところ)(?:わから|分から)ない|とは限らない/u,
  en: /^(?:but|however|yet)\b|\b(?:unless|however|warn(?:s|ed|ing)?|risks?|danger(?:ous)?|caution|be careful|make sure|never|must not|do not|don't|only if|as long as|remains to be seen|not yet (?:clear|known)|(?:is|are|was) unclear)\b/iu,
};

/**
 * The answer to a problem or the measure of a step: the amount to aim for, the test to use, the
 * sign that it worked (「…くらいがちょうどよい温度です」「…が目安です」「…ふくらめば大丈夫です」,
 * "the trick is…", "aim for…").
 */
const ANSWER: Record<Language, RegExp> = {
  ja: /目安|ちょうどよい|ちょうどいい|くらいが|ぐらいが|のがコツ|とよいでしょう|と安心です|が正解|ば大丈夫|ればよい|ればいい|ればOK/u,
  en: /\b(?:the (?:trick|answer|fix|solution|rule of thumb) is|aim for|is about right|is just right|the test is)\b/iu,
};

/**
 * An instruction to the reader, in the polite form Japanese how-tos use: 「…混ぜます。」
 * 「…保存しましょう。」「…確認してください。」 (not a state: 「…増えています」「…できます」).
 */
const INSTRUCTION: Record<Language, RegExp | undefined> = {
  ja: /(?:(?<!い|あり|でき|なり|れ|ませ)ます|ましょう|てください)[。！]?$/u,
  en: undefined,
};

/**
 * What is being done about a stated problem: a trial, a fix, a measure (「…を試験的に導入」
 * 「対策として…」, "The city is testing a mix of salt and beet juice…", "…has switched to…").
 * Without it, the problem is told as if nothing were done about it.
 */
const RESPONSE: Record<Language, RegExp> = {
  ja: /試験的|試行|対策(?:として|を|に)|(?:に|へ)切り替え|見直し(?:た|を進め|ている)|取り組みを(?:始め|進め)/u,
  en: /\b(?:is|are|has been|have been|was|were) (?:testing|trialling|trialing|piloting|trying out|experimenting with)\b|\b(?:has|have) (?:switched|moved|turned) to\b|\bin response\b|\bto (?:reduce|limit|cut|curb|address) (?:the|that|this|its)\b/iu,
};

/**
 * How long something keeps or lasts, or the limit it holds to: 「2週間ほどおいしく食べられます」,
 * 「開封後は1か月以内に」, "keeps for two weeks", "lasts up to three days".
 */
const KEEPS: Record<Language, RegExp> = {
  ja: /[\d０-９一二三四五六七八九十数]+(?:日|週間|か月|ヶ月|カ月|年|時間)(?:ほど|くらい|ぐらい|程度|以内|まで)?(?:は|で|、)?[^。]{0,12}(?:食べられ|保存|もちます|持ちます|もつ|持つ|保て|保ち|使え|日持ち)/u,
  en: /\b(?:keeps?|lasts?|stays? (?:fresh|good)|store[sd]?|will keep|good) (?:for )?(?:up to |about |around )?(?:a|one|two|three|four|five|six|a few|several|\d+) (?:days?|weeks?|months?|years?)\b/iu,
};

/**
 * How to store or handle something and what goes wrong when it is not: 「開封したら冷蔵庫で保存し」
 * 「熱すぎるとイーストが弱ってしまい」
 * 「古いイーストは発酵する力が弱くなっていることがあります」, "Store it in the fridge once opened".
 */
const HANDLING: Record<Language, RegExp> = {
  ja: /(?:すぎ(?:ると|たら|れば|て)|(?:し|い|れ)ないと|忘れると|忘れたら)[^。]{0,20}(?:て|で)しま(?:い|う|っ)|開封(?:したら|後|した)|(?:冷蔵庫|冷凍庫|冷暗所)で保[存管]|使い切|(?:弱く|悪く|かたく|固く|まずく)なっ(?:て(?:いる|しまう))?ことがあ/u,
  en: /\b(?:once opened|after opening|store (?:it |them )?in (?:the|a) (?:fridge|freezer|refrigerator|cool)|goes? (?:stale|off|bad)|loses? (?:its|their) (?:strength|flavour|flavor))\b/iu,
};

/**
 * An expert's reading of what the news means: 「専門家は、今回の群来を「…しるし」と見ている」
 * 「…を意味するという」, "Biologists say this means…", "…is a sign that…".
 */
const INTERPRETS: Record<Language, RegExp> = {
  ja: /(?:専門家|研究者|研究員|学者|教授|博士)(?:ら)?は[^。]*(?:と見て|とみて|と見る|とみる|と分析|と指摘|と考えて|と評価)|を意味する|ことを示す|(?:を示す|の)(?:しるし|兆し|証拠)/u,
  en: /\b(?:experts?|researchers?|scientists?|biologists?|economists?|analysts?|historians?) (?:say|said|see|believe|argue|think|read)\b[^.]*\b(?:means?|sign|shows?|suggests?)\b|\bmeans that\b|\bis (?:a|an) (?:clear |early )?sign (?:of|that)\b/iu,
};

/**
 * The message a list or a run of points ends on: what matters more than the items (“…but none of
 * them will make up for a poor routine”, 「どれも…にはかなわない」).
 */
const CONCLUDES: Record<Language, RegExp> = {
  ja: /(?:には|に)(?:かなわない|およばない|及ばない|代えられない|かえられない)|(?:何より|なにより)(?:も)?大切|いちばん大切なのは|一番大切なのは/u,
  en: /\bnone of (?:them|these|those|this|it) (?:will|can|would|could|makes?)\b|\b(?:will|can|could)(?:not|n't) make up for\b|\bmatters? more than\b|\bwhat (?:really )?matters (?:is|most)\b/iu,
};

/** A guess rather than a statement: 「…人気の理由かもしれません」, "…may perhaps…". */
const HEDGE: Record<Language, RegExp> = {
  ja: /かもしれ(?:ません|ない)[。]?$/u,
  en: /\b(?:perhaps|maybe|might)\b/iu,
};

/**
 * Scene-setting: where the reporter stood and what could be seen or heard, not what happened or
 * why (「この日、…朝早くから集まった」「…様子も見られた」, "Walk along the terminal at dawn…", "At
 * night the only sounds are…"). A sentence with a number in it reports something and is not one.
 */
const SCENE: Record<Language, RegExp> = {
  ja: /^(?:この日|当日|その日)[、，]|様子(?:も|が)?(?:見られ|うかがえ)た[。]?$|姿(?:も|が)?見られた[。]?$/u,
  en: /^(?:walk|stand|step|drive|look) (?:along|into|around|across|through|down|up|at)\b|^(?:at|by) (?:dawn|dusk|night|sunrise|sunset)\b|\bthe only sounds? (?:is|are|was|were)\b/iu,
};

/**
 * A passer-by's feelings in a news story: colour, not what happened or why (「孫と訪れた７０代の
 * 女性は「…涙が出そうになった」と話した」, "…," said one resident).
 */
const VOX_POP: Record<Language, RegExp> = {
  ja: /^[^「]*(?:[\d０-９]+代の(?:女性|男性|夫婦)|訪れた(?:女性|男性|人|家族|夫婦)|見物(?:客|人)|観光客|住民の(?:女性|男性))[^「]*「/u,
  en: /\b(?:said|says) (?:one|a|another) (?:resident|visitor|passer-by|passerby|shopper|commuter|onlooker|spectator|local)\b|^(?:one|a|another) (?:resident|visitor|passer-by|onlooker|spectator)\b/iu,
};

export function givesColour(text: string, language: Language): boolean {
  return VOX_POP[language].test(text.trim());
}

export function definesTerm(text: string, language: Language): boolean {
  return DEFINES[language].test(text);
}

export function statesCaveat(text: string, language: Language): boolean {
  return CAVEAT[language].test(text);
}

export function answersProblem(text: string, language: Language): boolean {
  return ANSWER[language].test(text);
}

export function instructs(text: string, language: Language): boolean {
  return INSTRUCTION[language]?.test(text.trim()) ?? false;
}

export function respondsToProblem(text: string, language: Language): boolean {
  return RESPONSE[language].test(text);
}

/** Whether a sentence says how long something keeps or the limit it holds to. */
export function statesDuration(text: string, language: Language): boolean {
  return KEEPS[language].test(text);
}

export function warnsHandling(text: string, language: Language): boolean {
  return HANDLING[language].test(text);
}

export function interprets(text: string, language: Language): boolean {
  return INTERPRETS[language].test(text);
}

export function concludesList(text: string, language: Language): boolean {
  return CONCLUDES[language].test(text);
}

/**
 * A sentence that qualifies the point before it as much as it adds one: a response to a stated
 * problem, how long something keeps, how to store or handle it, what an expert reads into the
 * news, the message a list ends on. Cut, the point before it says something else than the article.
 */
export function qualifiesPoint(text: string, language: Language): boolean {
  return (
    respondsToProblem(text, language) ||
    statesDuration(text, language) ||
    warnsHandling(text, language) ||
    interprets(text, language) ||
    concludesList(text, language)
  );
}

export function hedges(text: string, language: Language): boolean {
  return HEDGE[language].test(text.trim());
}

export function setsScene(text: string, language: Language): boolean {
  return !/[\d０-９]/u.test(text) && SCENE[language].test(text.trim());
}
