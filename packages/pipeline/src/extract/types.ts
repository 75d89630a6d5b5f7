export interface ArticleBlock {
  type: 'heading' | 'paragraph';
  text: string;
  /** For headings: 2 for h2, 3 for h3... */
  level?: number;
  /** For paragraphs that are list items: the kind of list (ol or ul). */
  list?: 'ordered' | 'unordered';
  /** For paragraphs set apart as a quotation: a blockquote or a book's epigraph. */
  quoted?: boolean;
  /** For quoted paragraphs: who the quotation is by, when the page says it ("— Seneca"). */
  by?: string;
}

/** A content picture found in the article (decorative images are never listed). */
export interface ArticleImage {
  /** Absolute http(s) URL. */
  url: string;
  caption?: string;
  alt?: string;
  /** Declared size from the width/height attributes, when the page gives it. */
  width?: number;
  height?: number;
  /**
   * Index in `Article.blocks` of the block the picture comes right after (-1: before the first
   * block). Tells which section of the article the picture belongs to.
   */
  afterBlock: number;
}

export interface Article {
  url: string;
  title: string;
  siteName?: string;
  /** BCP 47 primary tag guessed from <html lang> and the text (e.g. "ja", "en"). */
  language: string;
  /** The article body in document order. */
  blocks: ArticleBlock[];
  headings: string[];
  paragraphs: string[];
  /** og:image, or the first large content image. */
  leadImage?: string;
  /** Inline content figures in document order, with captions; at most a handful. */
  images: ArticleImage[];
  /** Characters of body text. */
  textLength: number;
  /** Readings the page gives in ruby, by word (群来 → くき), for the Japanese narration's reading. */
  readings?: Record<string, string>;
  /** The day the page says it was published (ISO, 2026-03-14), when it states one for machines. */
  published?: string;
}
