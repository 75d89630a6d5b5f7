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

export function hedges(text: string, language: Language): boolean {
  return HEDGE[language].test(text.trim());
}

export function setsScene(text: string, language: Language): boolean {
  return !/[\d０-９]/u.test(text) && SCENE[language].test(text.trim());
}
