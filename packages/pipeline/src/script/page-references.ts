import type { Language } from '../schema/script.ts';

/**
 * Sentences that point past the page into the rest of a book or series ("In the next chapter we
 * will…", 「次回は…」): a video has no next chapter, so the narration does not promise one.
 */
const OUTSIDE: Record<Language, RegExp> = {
  en: /^(?:In\s+|Over\s+)?(?:the|our|my)\s+(?:next|following|previous|last|coming|upcoming)\s+(?:chapters?|parts?|posts?|articles?|episodes?|instalments?|installments?|issues?|lessons?|weeks?|months?)\b(?:\s+(?:of\s+(?:this|the)\s+\w+))?,?\s+(?:we|I|you)\b|^Next\s+(?:time|week|month|chapter)\b/u,
  ja: /^(?:次の章|次章|次回|前の章|前章|前回|次の記事|前の記事)(?:では|で|は|も|に)/u,
};

export function pointsOutsideTheVideo(sentence: string, language: Language): boolean {
  return OUTSIDE[language].test(sentence.trim());
}

/** Things on a printed page that a sentence may point at. */
const PAGE_THING =
  '(?:list|table|figure|chart|diagram|graph|photo|photograph|picture|image|map|example|examples|steps|instructions|illustration|box|tips|items|code|snippet|screenshot)';
/** "(see below)", "(see Figure 3)", "(cf. table 2)". */
const SEE_ASIDE =
  /\s*\((?:see|cf\.?)\s+(?:below|above|(?:the\s+)?(?:fig(?:ure)?|table|chart|map|box|page|p\.|section|chapter|photo|picture|image)\.?\s*[\w.-]*)\)/giu;
/** "The list below", "the table above": the thing without the page direction. */
const THING_BELOW = new RegExp(
  `\\b((?:the|this|these|that|those)\\s+(?:[\\w-]+\\s+){0,2}?${PAGE_THING})\\s+(?:below|above)\\b`,
  'giu',
);
/** "as shown below", "as described above", "as shown in Figure 2": an aside about the page. */
const AS_SHOWN =
  /(?:,\s*)?\bas\s+(?:shown|described|listed|illustrated|explained|mentioned|discussed|pictured|noted|seen)\s+(?:below|above|earlier|in\s+(?:fig(?:ure)?\.?|table|chart)\s*\d+[a-z]?)\b(?:\s*,)?/giu;
/** 「（図1参照）」「（下記参照）」「（後述）」. */
const JA_SEE_ASIDE =
  /[（(](?:(?:図|表|写真|グラフ)\s*[0-9０-９]*\s*を?参照|(?:下記|上記|後述|前述|次項|別項)(?:を?参照)?)[）)]/gu;

/**
 * A sentence said without its pointers to the page's layout ("The list below is…" → "The list
 * is…", "(see Figure 3)" and "as shown above" left out): a video has no "below" or Figure 3.
 */
export function withoutPageReferences(sentence: string, language: Language): string {
  if (language === 'ja') return sentence.replace(JA_SEE_ASIDE, '');
  const cut = sentence.replace(SEE_ASIDE, '').replace(THING_BELOW, '$1').replace(AS_SHOWN, '');
  if (cut === sentence) return sentence;
  const out = cut
    .replace(/\s+([,.;:!?])/gu, '$1')
    .replace(/^\s*,?\s*/u, '')
    .trim();
  return `${out[0]!.toUpperCase()}${out.slice(1)}`;
}
