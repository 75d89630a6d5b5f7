export { extractArticle, MIN_TEXT_LENGTH } from './extract-article.ts';
export type { Article, ArticleBlock } from './types.ts';
