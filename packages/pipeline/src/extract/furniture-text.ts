/**
 * Text patterns of page furniture: lines that are never article text on their own, whatever
 * element or class they come in. Each rule looks at one whole block (a short line), never at a
 * sentence inside a paragraph, so article text that merely mentions "share" or 広告 stays.
 */

/** Labels and buttons (en), compared without case and without a trailing colon. */
const LABELS_EN = new Set([
  'ad',
  'ads',
  'advertisement',
  'sponsored',
  'sponsored content',
  'share',
  'share this',
  'share this article',
  'share this story',
  'share this post',
  'share on facebook',
  'share on x',
  'share on twitter',
  'follow',
  'following',
  'listen',
  'save',
  'member-only story',
  'read more',
  'read next',
  'related',
  'related articles',
  'related stories',
  'related posts',
  'related content',
  'related reading',
  'related coverage',
  'see also',
  'most read',
  'most viewed',
  'most popular',
  'popular',
  'trending',
  'recommended',
  'recommended for you',
  'more stories',
  'more on this story',
  'top stories',
  'comments',
  'post a comment',
  'leave a comment',
  'leave a reply',
  'reply',
  'sign up',
  'subscribe',
  'print',
  'email',
  'tweet',
  'next',
  'previous',
  'back to top',
  'skip to content',
  'skip to main content',
  'jump to content',
  'contents',
  'table of contents',
  'learn more',
  'try it now',
  'click here',
  'load more',
  'show more',
  'copy link',
  'topics',
  'tags',
  'explore more on these topics',
  'reuse this content',
  'newsletter',
  'advertisement feature',
]);

/** Labels and buttons (ja, zh). */
const LABELS_CJK = new Set([
  '広告',
  'スポンサーリンク',
  'PR',
  '関連記事',
  '関連ニュース',
  '関連リンク',
  '関連情報',
  '目次',
  'もくじ',
  'この記事をシェアする',
  'この記事をシェア',
  'シェアする',
  'シェア',
  'ツイート',
  'ポスト',
  'いいね',
  'ブックマーク',
  'はてなブックマーク',
  '記事を印刷する',
  '印刷',
  '印刷する',
  '写真拡大',
  '拡大',
  '続きを読む',
  'もっと見る',
  '次へ',
  '前へ',
  '次のページ',
  '前のページ',
  'トップへ戻る',
  'ページの先頭へ',
  'ページトップへ',
  'コメント',
  'コメントを書く',
  'おすすめ',
  'おすすめ記事',
  '人気記事',
  'ランキング',
  'アクセスランキング',
  'あわせて読みたい',
  'こちらもおすすめ',
  'この記事を書いた人',
  'プロフィール',
  '相关新闻',
  '相关阅读',
  '分享到',
  '返回首页',
  '推荐阅读',
  '热门文章',
]);

/** A count such as "1.4K", "23" or "312" (claps, responses, shares), or a bare price ("$610.00"). */
const BARE_COUNT = /^[$€£¥]?\s?\d+(?:[.,]\d+)*\s*[KkMm万]?$/u;
/** A gallery teaser: "Gallery: Xbox One X | 14 Photos", "写真 12枚". */
const GALLERY = /^(?:gallery|photos?)\s*:.*\|\s*\d+\s+(?:photos|images|pictures)$|^写真\s*\d+\s*枚$/iu;

export function isFurnitureLabel(text: string): boolean {
  const clean = text.replace(/[\s:：»›>…]+$/u, '').trim();
  if (clean === '') return true;
  return (
    LABELS_EN.has(clean.toLowerCase()) ||
    LABELS_CJK.has(clean) ||
    BARE_COUNT.test(clean) ||
    GALLERY.test(clean)
  );
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** Dates, times, time zones and reading times, in the shapes news and blog templates use. */
const DATE_PARTS: RegExp[] = [
  /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T[\d:.]+Z?)?/g,
  /\d{4}年\d{1,2}月\d{1,2}日(?:[（(][^）)]{1,3}[）)])?/g,
  /\d{1,2}月\d{1,2}日/g,
  /\d{1,2}時\d{1,2}分/g,
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?`, 'gi'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?(?:\\s+\\d{4})?`, 'gi'),
  /\b\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?/gi,
  /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b\.?,?/gi,
  /\b(?:GMT|BST|UTC|JST|EST|EDT|CST|CDT|PST|PDT|CET|CEST|AEST|ET|PT)\b/g,
  /\b\d+\s*(?:min|mins|minute|minutes)\s+read\b/gi,
  /(?:この記事は)?約?\d+分で読めます/g,
];
/** Words that go with a date in a meta line ("Published …", "Updated …", "by …"). */
const META_WORDS =
  /\b(?:published|updated|posted|last updated|last modified|modified|first published|on|at|by|and|written by|from|in)\b|公開日|更新日|投稿日|最終更新日|公開|更新|[:：·•|｜\-–—,、/()（）[\]]/gi;
const SENTENCE_END = /[.!?。！？」』"”]$/u;

/**
 * A short line that is mostly a date, a time or a reading time ("14 March 2026, 07:30 GMT",
 * "6 min read · Sep 12, 2026", "2026年3月14日 10時20分", "Published January 9, 2026 · Updated …").
 * A sentence that mentions a date ends with punctuation and is kept.
 */
export function isMetaLine(text: string): boolean {
  if (text.length > 100 || SENTENCE_END.test(text)) return false;
  let rest = text;
  let matched = false;
  for (const part of DATE_PARTS) {
    rest = rest.replace(part, () => {
      matched = true;
      return ' ';
    });
  }
  if (!matched) return false;
  rest = rest.replace(META_WORDS, ' ').trim();
  return rest === '' || rest.split(/\s+/).length <= 4;
}

/** "By Alex Moreno", "Von Jonas Berger | 4. März 2026", "文：編集部", "Posted by …". */
const BYLINE =
  /^(?:by|von|par|por|di|door|written by|posted by|words by|text by|reporting by)\s+\S|^(?:文|著者|筆者|執筆|記者|作者|出品|责任编辑|編集)\s*[:：︱|｜]/iu;

export function isBylineLine(text: string): boolean {
  const inner = text.replace(/^[(（[【]\s*|\s*[)）\]】]$/gu, '');
  return inner.length <= 80 && !SENTENCE_END.test(inner) && BYLINE.test(inner);
}

/** Separators of breadcrumb trails: "Home > News > Story", 「サイト > カテゴリ > 記事」. */
const CRUMB_SEPARATOR = /\s*(?:>|＞|›|»|〉|→|\s\/\s)\s*/u;

export function isBreadcrumbLine(text: string): boolean {
  if (text.length > 200 || SENTENCE_END.test(text)) return false;
  const parts = text.split(CRUMB_SEPARATOR).filter((p) => p.trim() !== '');
  return parts.length >= 3 && parts.every((p) => p.length <= 40);
}

const LANGUAGE_NAMES = new Set([
  'english',
  'en',
  'japanese',
  '日本語',
  'にほんご',
  'ひらがな',
  'ふりがな',
  'カタカナ',
  '英語',
  '日本語・英語',
  '中文',
  '简体中文',
  '繁體中文',
  '简体',
  '繁體',
  '한국어',
  'français',
  'deutsch',
  'español',
  'português',
  'italiano',
  'русский',
  'nederlands',
  'polski',
  'türkçe',
  'tiếng việt',
  'ไทย',
  'bahasa indonesia',
  'عربي',
  'العربية',
  'ja',
  'zh',
  'ko',
]);

/** "ひらがな ←→ 日本語・英語 ←→ English", "English | 日本語 | 中文". */
export function isLanguageSwitcher(text: string): boolean {
  if (text.length > 120) return false;
  if (/←→|⇔|⇄/u.test(text)) return true;
  const parts = text
    .split(/\s*(?:[|｜/／]|\s-\s|\s{2,}|\s)\s*/u)
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  return parts.length >= 2 && parts.every((p) => LANGUAGE_NAMES.has(p));
}

const COPYRIGHT =
  /^(?:copyright\s*(?:©|\(c\)|\d{4})|©|\(c\)\s)|all rights reserved|無断転載|無断複製|版权所有/iu;

export function isCopyrightLine(text: string): boolean {
  return text.length <= 160 && COPYRIGHT.test(text);
}

/** Any of the line rules above: the block is page furniture. */
export function isFurnitureLine(text: string): boolean {
  return (
    isFurnitureLabel(text) ||
    isMetaLine(text) ||
    isBylineLine(text) ||
    isBreadcrumbLine(text) ||
    isLanguageSwitcher(text) ||
    isCopyrightLine(text)
  );
}

/**
 * Footnote marks and edit links left inside text: "[1]", "[a]", "[n 2]", "[citation needed]",
 * "[edit]". Lower-case letters only, and never right before a letter: "[T]he report" is a quote.
 */
const INLINE_MARKS =
  /\s?\[(?:\d{1,3}|[a-z]|n \d{1,3}|note \d{1,3}|[Cc]itation needed|[Cc]larification needed|when\?|who\?|edit|編集|要出典|注\s?\d{1,3})\](?!\p{L})/gu;

/**
 * A claim the page marks as unsourced ("[citation needed]", 「[要出典]」) keeps its caveat in words:
 * the mark itself is dropped with the other footnote marks, but the claim must not read as fact.
 * After a sentence's stop, the caveat ends the sentence ("…a year, though this is unsourced.");
 * inside a sentence it is a short aside ("(unsourced)", 「（出典不明）」).
 */
export function withSourceCaveats(text: string): string {
  return (
    text
      // Not inside a closing quotation mark: the caveat is not the speaker's.
      .replace(/([.!?])(?:\[\d{1,3}\])*\s?\[[Cc]itation needed\](?!\p{L})/gu, ', though this is unsourced$1')
      .replace(/\s?\[[Cc]itation needed\](?!\p{L})/gu, ' (unsourced)')
      .replace(/。\s?[[［]要出典[\]］]/gu, '（出典不明）。')
      .replace(/[[［]要出典[\]］]/gu, '（出典不明）')
  );
}

export function stripInlineMarks(text: string): string {
  return text.replace(INLINE_MARKS, '');
}

/** Permalink anchors and edit links at either end of a heading: "#", "¶", "§", "[edit]". */
const HEADING_ENDS =
  /^(?:[#¶§🔗]\s*)+|(?:\s*(?:[#¶§🔗]|\[\s*(?:edit|編集|modifier|bearbeiten|編輯)\s*\]|permalink))+$/giu;

export function cleanHeadingText(text: string): string {
  return stripInlineMarks(text).replace(HEADING_ENDS, '').trim();
}
