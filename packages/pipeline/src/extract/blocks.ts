import {
  cleanHeadingText,
  isFurnitureLabel,
  isFurnitureLine,
  stripInlineMarks,
  withSourceCaveats,
} from './furniture-text.ts';
import { contentImage } from './images.ts';
import { nameWords } from './page-noise.ts';
import { CENTRED } from './sibling-gaps.ts';
import { BREAK, normaliseText, normaliseWithBreaks } from './text.ts';
import type { ArticleBlock, ArticleImage } from './types.ts';

/** At most this many inline pictures are kept per article. */
export const MAX_IMAGES = 8;

const HEADING = /^H([1-6])$/;
/** Elements whose content is never read: scripts, code listings, controls, ruby readings. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'PRE',
  'BUTTON',
  'RT',
  'RP',
  'SELECT',
  'TEXTAREA',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'MATH',
]);
/** Class names of a book's or an article's epigraph: a quotation set apart like a blockquote. */
const EPIGRAPH_CLASS = /(?:^|\s|-)epigraph(?:$|\s|-)/iu;
/** "— Seneca", "-- Mary Oliver, Wild Geese": the line under a quotation naming whose it is. */
const ATTRIBUTION = /^(?:[—–―]|--?)\s*([^—–\n]{2,80})$/u;

/** Elements that start and end a paragraph: their text never runs into their neighbours'. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FOOTER',
  'FORM',
  'HEADER',
  'HGROUP',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);
const CAPTION_WORDS = new Set(['caption', 'captions', 'figcaption', 'cap', 'legend', 'credit']);
/** "图注：…", "Photo: …", "写真：…" at the start, or "… Source: Supplied" at the end. */
const CAPTION_TEXT =
  /^(?:图注|圖說|图片|写真|画像|出典|提供|photo|photograph|image|picture|source|credit|caption)\s*[:：]|(?:source|photo|photograph|credit|picture|image)s?\s*:\s*[^.。]{1,60}$/iu;
/** Captions longer than this are article text that happens to sit in a caption-named box. */
const MAX_CAPTION = 400;
const SENTENCE_END = /[.!?。！？」』"”)）]$/u;

/** The article body as blocks in document order, and its content pictures with their captions. */
export interface CollectedContent {
  blocks: ArticleBlock[];
  images: ArticleImage[];
}

/**
 * Reads the article body: headings with their level, paragraphs from p, li and friends, inline
 * text between blocks (a <div> of text with <br>s), data tables row by row, and pictures with
 * their captions. Every block element is a paragraph boundary, so two elements' texts are never
 * glued together; inline elements (links, emphasis, ruby base text) stay inside their sentence.
 * Captions go to the pictures, never into the paragraphs. Furniture lines (labels, dates,
 * bylines, breadcrumbs, language switchers) and repeated paragraphs are left out.
 *
 * The walk uses sibling pointers: in jsdom, `children`/`childNodes` build live collections and
 * cost ~50x more on big pages.
 */
export function collectContent(root: Element, baseUrl: string): CollectedContent {
  const collector = new Collector(baseUrl);
  collector.walk(root);
  collector.flush();
  return collector.result();
}

class Collector {
  private readonly blocks: ArticleBlock[] = [];
  private readonly images: ArticleImage[] = [];
  private readonly seenText = new Set<string>();
  private readonly seenImages = new Set<string>();
  /** Inline text of the paragraph being read. */
  private run = '';
  /** The last picture, while no block has come after it: a caption may still follow. */
  private captionable: ArticleImage | undefined;
  private captionableCentered = false;
  /** The list whose item is being read, if any. */
  private listKind: ArticleBlock['list'];
  /** Whether the text being read is inside a blockquote or an epigraph. */
  private quoted = false;

  constructor(private readonly baseUrl: string) {}

  walk(element: Element): void {
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) this.run += child.nodeValue ?? '';
      else if (child.nodeType === 1) this.element(child as Element);
    }
  }

  private element(element: Element): void {
    const tag = element.tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      this.run += BREAK;
      return;
    }
    if (tag === 'IMG') {
      this.image(element, undefined);
      return;
    }
    const heading = HEADING.exec(tag);
    if (heading) {
      this.flush();
      this.heading(element, Number(heading[1]));
    } else if (tag === 'FIGURE' && element.querySelector('img')) {
      this.flush();
      this.figure(element);
    } else if (tag === 'TABLE') {
      this.flush();
      if (isDataTable(element)) this.table(element);
      else this.walk(element);
      this.flush();
    } else if (tag === 'FIGCAPTION' || isCaptionNamed(element)) {
      this.flush();
      this.caption(textOf(element));
    } else if (BLOCK.has(tag)) {
      this.flush();
      if (this.captionable && this.isCaptionBlock(element)) {
        this.caption(textOf(element));
      } else {
        const outer = this.listKind;
        const outerQuoted = this.quoted;
        if (tag === 'LI') this.listKind = element.parentElement?.tagName === 'OL' ? 'ordered' : 'unordered';
        if (tag === 'BLOCKQUOTE' || EPIGRAPH_CLASS.test(element.getAttribute('class') ?? ''))
          this.quoted = true;
        this.walk(element);
        this.flush();
        this.listKind = outer;
        this.quoted = outerQuoted;
      }
    } else {
      this.walk(element);
    }
  }

  /** Ends the paragraph being read. */
  flush(): void {
    const text = normaliseWithBreaks(stripInlineMarks(withSourceCaveats(this.run)));
    this.run = '';
    if (text === '') return;
    if (CAPTION_TEXT.test(text)) {
      this.caption(text);
      return;
    }
    this.paragraph(text);
  }

  private paragraph(text: string): void {
    if (isFurnitureLine(text) || this.seenText.has(text)) return;
    this.seenText.add(text);
    if (this.quoted) {
      // "— Seneca" under a quotation says whose it is; it is not a paragraph of its own.
      const by = ATTRIBUTION.exec(text)?.[1];
      const last = this.blocks.at(-1);
      if (by && last?.quoted && !last.by) {
        last.by = by;
        return;
      }
    }
    this.blocks.push({
      type: 'paragraph',
      text,
      ...(this.listKind ? { list: this.listKind } : {}),
      ...(this.quoted ? { quoted: true } : {}),
    });
    this.captionable = undefined;
  }

  private heading(element: Element, level: number): void {
    const text = cleanHeadingText(textOf(element));
    if (text === '' || isFurnitureLabel(text) || isFurnitureLine(text)) return;
    this.blocks.push({ type: 'heading', text, level });
    this.captionable = undefined;
  }

  /** A caption belongs to the picture right before it; without one it is dropped. */
  private caption(text: string): void {
    const clean = cleanCaption(text);
    if (this.captionable && clean !== '' && !this.captionable.caption) this.captionable.caption = clean;
    this.captionable = undefined;
  }

  private figure(figure: Element): void {
    let caption: string | undefined;
    const pictures: Element[] = [];
    for (const element of figure.querySelectorAll('img, figcaption')) {
      if (element.tagName === 'IMG') pictures.push(element);
      else caption ??= textOf(element);
    }
    let first: ArticleImage | undefined;
    for (const img of pictures) {
      const image = this.image(img, undefined);
      first ??= image;
    }
    this.captionable = first;
    if (caption !== undefined) this.caption(caption);
  }

  private image(img: Element, caption: string | undefined): ArticleImage | undefined {
    if (this.images.length >= MAX_IMAGES) return undefined;
    const candidate = contentImage(img, this.baseUrl);
    if (!candidate || this.seenImages.has(candidate.url)) return undefined;
    this.seenImages.add(candidate.url);
    // Inside a paragraph that already has text, the picture goes with that paragraph.
    const afterBlock = this.run.trim() === '' ? this.blocks.length - 1 : this.blocks.length;
    const image: ArticleImage = { ...candidate, afterBlock };
    if (caption) image.caption = caption;
    this.images.push(image);
    if (this.run.trim() === '') {
      this.captionable = image;
      this.captionableCentered = isCentered(img.parentElement?.closest('p, div, figure, td, center') ?? null);
    }
    return image;
  }

  /**
   * The block right after a picture is its caption when it is set apart the way captions are: a
   * short centred line under a picture that is not centred itself (on a page that centres
   * everything, centring means nothing), or a line wholly in <em>/<small>.
   */
  private isCaptionBlock(element: Element): boolean {
    const text = textOf(element);
    if (text === '' || text.length > 150) return false;
    if (isEmphasisOnly(element)) return true;
    return !this.captionableCentered && isCentered(element) && text.length <= 80 && !SENTENCE_END.test(text);
  }

  /** A data table, row by row: "Row label — Column: value; Column: value". */
  private table(table: Element): void {
    const rows: Element[][] = [];
    let caption: string | undefined;
    const visit = (element: Element): void => {
      for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
        const tag = child.tagName.toUpperCase();
        if (tag === 'CAPTION') caption = textOf(child);
        else if (tag === 'TR') rows.push(cellsOf(child));
        else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') visit(child);
      }
    };
    visit(table);
    if (caption) this.paragraph(caption);
    const headerRow = rows[0]?.every((cell) => cell.tagName.toUpperCase() === 'TH')
      ? rows.shift()
      : undefined;
    const headers = headerRow?.map(textOf);
    for (const row of rows) {
      const cells = row.map(textOf);
      if (cells.every((cell) => cell === '')) continue;
      this.paragraph(rowText(cells, headers));
    }
  }

  result(): CollectedContent {
    // A heading that heads nothing is a label ("See also" over a removed list) and goes; a long
    // one is a sentence set as a heading (some sites put the lead in an <h2>) and stays as text.
    const newIndex: number[] = [];
    const blocks: ArticleBlock[] = [];
    this.blocks.forEach((block, i) => {
      if (block.type === 'paragraph' || hasContentAfter(this.blocks, i)) blocks.push(block);
      else if (block.text.length > 80 || /[.!?。！？]$/u.test(block.text))
        blocks.push({ type: 'paragraph', text: block.text });
      newIndex[i] = blocks.length - 1;
    });
    const images = this.images.map((image) => ({
      ...image,
      afterBlock: Math.min(image.afterBlock < 0 ? -1 : (newIndex[image.afterBlock] ?? -1), blocks.length - 1),
    }));
    return { blocks, images };
  }
}

/** A heading followed by nothing but headings of the same or a higher rank heads nothing. */
function hasContentAfter(blocks: ArticleBlock[], index: number): boolean {
  const level = blocks[index]!.level ?? 2;
  for (let i = index + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'paragraph') return true;
    if ((block.level ?? 2) <= level) return false;
  }
  return false;
}

/**
 * An element named as a caption ("wp-caption-text", "thumbcaption", "illust-cap"), and small
 * like one: a wrapper named "image_hit no_caption" around a whole item is not a caption.
 */
export function isCaptionNamed(element: Element): boolean {
  if (!nameWords(element).some((w) => CAPTION_WORDS.has(w) || w.endsWith('caption'))) return false;
  return (
    element.querySelector('h1, h2, h3, h4, h5, h6, p p') === null && textOf(element).length <= MAX_CAPTION
  );
}

function isCentered(element: Element | null): boolean {
  if (!element) return false;
  if (element.tagName.toUpperCase() === 'CENTER' || element.hasAttribute(CENTRED)) return true;
  return (
    /text-align\s*:\s*center/i.test(element.getAttribute('style') ?? '') ||
    element.getAttribute('align')?.toLowerCase() === 'center'
  );
}

/** A block whose text all sits in one <em>, <i> or <small> (WordPress-style photo notes). */
function isEmphasisOnly(element: Element): boolean {
  const only = element.firstElementChild;
  if (!only || only !== element.lastElementChild || !/^(EM|I|SMALL)$/i.test(only.tagName)) return false;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '') return false;
  }
  return true;
}

/** A caption without its credit ("Photo: …", "… Photo by the author.") or its label (「写真：」). */
export function cleanCaption(text: string): string {
  return normaliseText(
    stripInlineMarks(text)
      .replace(/\s*\(?(?:photograph|photo|picture|image|credit|source)s?\s*:\s*[^.。]{1,60}$/i, '')
      // "… Photo by the author." as a sentence of its own after the caption.
      .replace(
        /(?<=[.!?])\s+(?:photograph|photo|picture|image)s?\s+(?:by|courtesy of)\s+[^.。]{1,60}\.?$/i,
        '',
      )
      .replace(/^(?:图注|圖說|写真|画像)\s*[:：]\s*/u, ''),
  );
}

function rowText(cells: string[], headers: string[] | undefined): string {
  const cjk = /[\u3040-\u30ff\u3400-\u9fff]/u.test(cells.join(''));
  const [colon, comma, dash] = cjk ? ['：', '、', '：'] : [': ', '; ', ' — '];
  const [first = '', ...rest] = cells;
  if (headers && headers.length === cells.length) {
    const pairs = rest.map((cell, i) => (headers[i + 1] ? `${headers[i + 1]}${colon}${cell}` : cell));
    return `${first}${dash}${pairs.join(comma)}`;
  }
  return cells.filter((cell) => cell !== '').join(comma);
}

function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    const tag = cell.tagName.toUpperCase();
    if (tag === 'TD' || tag === 'TH') cells.push(cell);
  }
  return cells;
}

/**
 * A table of data rather than layout: no nested tables, at least two rows of at least two
 * cells, and short cells (a layout table holds whole paragraphs in a cell).
 */
function isDataTable(table: Element): boolean {
  if (table.querySelector('table')) return false;
  const rows = table.querySelectorAll('tr');
  if (rows.length < 2) return false;
  let wide = 0;
  for (const row of rows) {
    const cells = cellsOf(row);
    if (cells.length >= 2) wide++;
    for (const cell of cells) {
      if ((cell.textContent ?? '').length > 200) return false;
    }
  }
  return wide >= Math.max(2, rows.length * 0.8);
}

/** Text of an element, line breaks as spaces, scripts and ruby readings left out. */
export function textOf(element: Element): string {
  let text = '';
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (tag === 'BR') text += BREAK;
        else if (BLOCK.has(tag) || HEADING.test(tag)) {
          text += BREAK;
          visit(child);
          text += BREAK;
        } else if (!SKIPPED.has(tag) || tag === 'BUTTON') visit(child);
      }
    }
  };
  visit(element);
  return normaliseWithBreaks(stripInlineMarks(text));
}
