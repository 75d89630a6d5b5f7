// One stage at a time, for suites outside this package that drive a stage directly (the
// hardening suite): the stage functions, and the fetch stage's hook for choosing which
// addresses count as refused. Not for the apps, which go through runPipeline.
export { isBlockedAddress } from '@movie-generator/url-policy';
export { extractArticle } from './extract/index.ts';
export type { Article } from './extract/types.ts';
export { fetchPageInternal } from './fetch/fetch-page.ts';
export { HOSTILE_PAGES, type HostilePageName } from './guard/hostile-pages.ts';
export { generateScript } from './script/index.ts';
export { displayWidth, subtitleCards } from './timeline/index.ts';
