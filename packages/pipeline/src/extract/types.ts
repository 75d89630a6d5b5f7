export interface ArticleBlock {
  type: 'heading' | 'paragraph';
  text: string;
  /** For headings: 2 for h2, 3 for h3... */
  level?: number;
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
  leadImage?: string;
  /** Characters of body text. */
  textLength: number;
}
