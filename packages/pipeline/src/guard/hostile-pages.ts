/**
 * Pages built to hurt an HTML extractor, for the tests and the hostile-page benchmark. Each is
 * the shape a review measured against the unguarded pipeline (see docs/reliability.md).
 */

const TIDES =
  'The tide rises and falls twice a day because the Moon pulls on the oceans of the Earth. ' +
  'Water on the side facing the Moon is pulled a little more strongly than the Earth itself. ';

const page = (body: string, title = 'Tides') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

export const HOSTILE_PAGES = {
  /** 2,200 nested <div>s around a little text (12 KB): held Readability for 177 s. */
  deepNesting: () => page(`${'<div>'.repeat(2200)}<p>${TIDES.repeat(3)}</p>${'</div>'.repeat(2200)}`),
  /** 200,000 empty <b>s inside <article> (1.4 MB): peaked at 2.3 GB RSS. */
  elementFlood: () => page(`<article><p>${TIDES.repeat(3)}</p>${'<b></b>'.repeat(200_000)}</article>`),
  /** The same flood filling the 5 MB page cap: crashed V8 at 4.3 GB. */
  elementFlood5mb: () => page(`<article><p>${TIDES.repeat(3)}</p>${'<b></b>'.repeat(740_000)}</article>`),
  /** One <p> of 80,000 words: took 90 s in script generation. Readable, so it must complete. */
  giantParagraph: () =>
    page(
      `<article><h1>Tides</h1><p>${Array.from({ length: 8000 }, (_, i) => `Tide number ${i} rises and falls twice a day.`).join(' ')}</p></article>`,
    ),
  /** 40,000 headings, each with a short line, in one article. */
  manyHeadings: () =>
    page(
      `<article><p>${TIDES.repeat(3)}</p>${Array.from({ length: 40_000 }, (_, i) => `<h2>Tide ${i}</h2>`).join('')}</article>`,
    ),
  /**
   * Within the element limit but slow to extract (45,000 empty elements: about 10 s on one
   * core): for cancel and deadline tests, whose extraction must still be running when they act.
   */
  slowToExtract: () => page(`<article><p>${TIDES.repeat(3)}</p>${'<b></b>'.repeat(45_000)}</article>`),
} as const;

export type HostilePageName = keyof typeof HOSTILE_PAGES;
