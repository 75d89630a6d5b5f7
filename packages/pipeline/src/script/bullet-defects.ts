import type { Language } from '../schema/script.ts';

/** Why a bullet does not read as a whole point. */
export type BulletDefectCode =
  | 'empty'
  | 'dangling-word'
  | 'dangling-particle'
  | 'unbalanced-quote'
  | 'trailing-punctuation'
  | 'toc-number'
  | 'edit-mark'
  | 'cut-mid-sentence';

export interface BulletDefect {
  code: BulletDefectCode;
  detail: string;
}

export interface BulletContext {
  /**
   * The text the bullet was taken from (its sentence, or the whole article). With it, a bullet
   * that is the start of a longer sentence without an ellipsis is caught too ("…after the US
   * legalised gay" when the sentence goes on with "marriage").
   */
  source?: string;
}

export const ELLIPSIS = '…';

/**
 * What follows a finished Japanese statement to say who says it: 「と、漁業者の間で話題になっていた」
 * (not a condition: 「と、イヌは吠えた」).
 */
export const JA_HEARSAY_FRAME =
  /^と[、，]?[^、。「」]{0,20}?(?:話題になっ(?:ている|ていた|た)|話す|話した|話している|語る|語った|述べた|説明する|説明した)(?:。|$)/u;

/** Words an English fragment cannot end on: articles, prepositions, conjunctions, possessives, auxiliaries. */
const EN_FUNCTION_WORDS = new Set(
  (
    'a an the of to and or but nor because that which who whom whose with without for in on at by from as ' +
    'when while if than into onto about over under after before since until unlike like via per between among ' +
    'through during against toward towards upon within its their our your his her my this these those ' +
    'will would can could should must may might shall is are was were be been being has have had do does did ' +
    'not no so such very more most less least also just even then there where how what why'
  ).split(' '),
);

/** Japanese endings that leave the phrase hanging: case particles, conjunctive particles, 連用形 and て形 forms. */
const JA_DANGLING =
  /(?:[がをにへとでやのもは]|から|まで|より|など|けど|けれど|けれども|ながら|つつ|ので|のに|ため[にの]|として|について|における|によって|により|に対し|され|させ|でき|あり|なり|おり|して|った|って|んで|いて|いで|きて|けて|げて|せて|てて|ねて|べて|めて|れて|えて|し|て|ば)$/u;
/** Endings that finish a Japanese sentence or a 体言止め phrase even though the character before matches JA_DANGLING. */
const JA_FINISHED =
  /(?:った|のだ|ので[すし]た?|[いきしちにひみりけせてねべめれえ]た|です|ます|ません|でした|ました|ない|たい|こと|もの|とき|ため)$/u;

const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['「', '」'],
  ['『', '』'],
  ['（', '）'],
  ['(', ')'],
  ['【', '】'],
  ['“', '”'],
  ['[', ']'],
];

/**
 * What makes a bullet fail to read as a whole point: a dangling last word or particle, half a
 * quote or bracket, a trailing comma or colon, a table-of-contents number or an "[edit]" mark,
 * and (given the source) the start of a longer sentence without an ellipsis. An empty list means
 * the bullet is a complete sentence, a clause cut at a boundary and ending with "…", or a key phrase.
 */
export function findBulletDefects(
  bullet: string,
  language: Language,
  context: BulletContext = {},
): BulletDefect[] {
  const defects: BulletDefect[] = [];
  const text = bullet.trim();
  if (text.replace(/[.…。\s]/gu, '').length === 0) return [{ code: 'empty', detail: 'no words' }];

  const cut = text.endsWith(ELLIPSIS) || text.endsWith('...');
  const body = text.replace(/(?:…|\.\.\.)+$/u, '').trim();

  if (/[,、，;；:：\-—–]$/u.test(body)) {
    defects.push({ code: 'trailing-punctuation', detail: `ends on "${body.at(-1)}"` });
  }
  const unbalanced = unbalancedQuote(body);
  if (unbalanced) defects.push({ code: 'unbalanced-quote', detail: unbalanced });
  if (/^\d+(?:\.\d+)+\.?\s*\S|^\d+\.\s+\S|^\d+[)）]\s*\S/u.test(text)) {
    defects.push({ code: 'toc-number', detail: 'starts with a list or section number' });
  }
  if (/\[\s*edit\s*\]|\[\s*編集\s*\]/iu.test(text))
    defects.push({ code: 'edit-mark', detail: 'contains [edit]' });

  const end = body.replace(/["'”’」』）)\]】\s]+$/u, '');
  if (language === 'en') {
    const lastRaw = /([A-Za-z]+(?:['’][a-z]+)?)\W*$/u.exec(end)?.[1];
    // "…to be published in May": the month, not the modal verb.
    const month =
      lastRaw === 'May' && /\b(?:in|by|until|since|from|of|early|late|mid|next|last)\s+May$/u.test(end);
    const lastWord = month ? undefined : lastRaw?.toLowerCase();
    // "…happy to say so", "…did so": "so" standing for what was said before ends a clause.
    // "…was supposed to prove them right. It did not": a sentence of a pronoun and "did not" stands
    // for the clause before it.
    const standsForClause =
      (lastWord === 'so' &&
        /\b(?:say|said|says|do|did|does|done|think|thought|hope|not|or|even)\s+so$/iu.test(end)) ||
      (lastWord === 'not' &&
        /(?:^|[.;:!?]\s)(?:it|they|he|she|that|this|we|i|you|nobody)\s(?:did|does|do|was|were|is|are|has|have|had|would|could|will)\snot$/iu.test(
          end,
        ));
    if (lastWord && EN_FUNCTION_WORDS.has(lastWord) && !standsForClause && !/[.!?]$/u.test(body)) {
      defects.push({ code: 'dangling-word', detail: `ends on "${lastWord}"` });
    } else if (lastWord && /['’]s$/u.test(lastWord) && !/[.!?]$/u.test(body)) {
      defects.push({ code: 'dangling-word', detail: `ends on the possessive "${lastWord}"` });
    }
  } else if (JA_DANGLING.test(end) && !JA_FINISHED.test(end) && !cut) {
    defects.push({ code: 'dangling-particle', detail: `ends on "${end.slice(-2)}"` });
  }

  if (
    context.source &&
    !cut &&
    defects.length === 0 &&
    startsLongerSentence(body, context.source, language)
  ) {
    defects.push({
      code: 'cut-mid-sentence',
      detail: 'the sentence goes on after the bullet, which has no "…"',
    });
  }
  return defects;
}

function unbalancedQuote(text: string): string | undefined {
  for (const [open, close] of QUOTE_PAIRS) {
    let depth = 0;
    for (const c of text) {
      if (c === open) depth++;
      else if (c === close) depth--;
      if (depth < 0) return `"${close}" without "${open}"`;
    }
    if (depth !== 0) return `"${open}" without "${close}"`;
  }
  const straight = text.match(/"/gu)?.length ?? 0;
  if (straight % 2 === 1) return 'an odd number of "';
  return undefined;
}

/**
 * True when the bullet occurs in the source only as the start of a sentence that goes on with
 * more words of the same clause (not after a sentence end or a clause break).
 */
function startsLongerSentence(bullet: string, source: string, language: Language): boolean {
  const needle = bullet.replace(/[。.!?！？]+$/u, '');
  if (needle.length < 8) return false;
  let from = 0;
  let seenWhole = false;
  let seenCut = false;
  for (;;) {
    const at = source.indexOf(needle, from);
    if (at < 0) break;
    const next = source.slice(at + needle.length, at + needle.length + 3);
    if (next.length === 0 || /^[\s]*[.。!?！？」』”")）\n]/u.test(next) || /^[、,;；:：]/u.test(next))
      seenWhole = true;
    // 「…増えている」と、漁業者の間で話題になっていた: a finished statement, then who says it.
    else if (
      language === 'ja' &&
      /(?:る|た|い|だ)$/u.test(needle) &&
      JA_HEARSAY_FRAME.test(source.slice(at + needle.length))
    )
      seenWhole = true;
    else if (language === 'en' ? /^\s+[A-Za-z0-9]/u.test(next) : /^[\p{L}\p{N}]/u.test(next)) seenCut = true;
    else seenWhole = true;
    from = at + 1;
  }
  if (language === 'ja' && seenCut && !seenWhole) {
    // A 体言止め phrase ("応答時間を3割短縮" before "しました") is a whole point in Japanese.
    return !/[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9ー]$/u.test(needle);
  }
  return seenCut && !seenWhole;
}
