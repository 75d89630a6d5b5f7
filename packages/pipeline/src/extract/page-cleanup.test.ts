import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { removeLinkBlocks } from './link-blocks.ts';
import { removePageNoise } from './page-noise.ts';

const BASE = 'https://news.example.com/a/story.html';
const documentOf = (body: string): Document =>
  new JSDOM(`<html><body>${body}</body></html>`, { url: BASE }).window.document;
/** Text nodes joined by spaces (textContent would glue "<h1>Title</h1><p>A…" together). */
function words(root: Element): string {
  const parts: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
const PROSE = 'A sentence long enough to count as article prose, written for this test only. '.repeat(2);

describe('removePageNoise', () => {
  it('removes furniture by element, role and class/id words', () => {
    const doc = documentOf(`<nav>Home News</nav><div role="navigation">Menu</div>
      <div class="breadcrumb">Home &gt; News</div><div id="cookie-banner">We use cookies</div>
      <div class="share-bar">Share</div><ul class="jp-relatedposts"><li>Related one</li></ul>
      <div class="mw-editsection">[edit]</div><div class="p-lang">Deutsch</div>
      <article><h1>Title</h1><p>${PROSE}</p><p>Keep <a class="share-link" href="/x">this link</a> in its sentence.</p></article>
      <footer>© 2026</footer>`);
    removePageNoise(doc);
    expect(words(doc.body)).toBe(`Title ${PROSE.trim()} Keep this link in its sentence.`);
  });

  it('keeps a "citation needed" mark as text while removing other noprint footnotes', () => {
    const doc = documentOf(
      `<article><p>About 40,000 visitors a year.<sup class="noprint Template-Fact"><i>[<a href="/wiki/Citation_needed">citation needed</a>]</i></sup><sup class="noprint reference">[7]</sup></p></article>`,
    );
    removePageNoise(doc);
    expect(doc.querySelector('p')?.textContent).toBe('About 40,000 visitors a year.[citation needed]');
  });

  it('never removes the wrapper of the article, whatever its name', () => {
    const doc = documentOf(`<div class="sidebar">Sidebar</div>
      <div id="read-more-content"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>
      <div class="post-share-wrapper"><h1>The title</h1><p>Short.</p></div>`);
    removePageNoise(doc);
    expect(doc.querySelector('#read-more-content')).not.toBeNull();
    expect(doc.querySelector('.post-share-wrapper')).not.toBeNull();
    expect(doc.querySelector('.sidebar')).toBeNull();
  });

  it('removes comment threads even when they hold prose', () => {
    const doc = documentOf(`<article><h1>T</h1><p>${PROSE}</p></article>
      <div id="comments"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>`);
    removePageNoise(doc);
    expect(doc.querySelector('#comments')).toBeNull();
  });

  it('removes small meta lines by name, but not big wrappers so named', () => {
    const doc = documentOf(`<div class="entry-meta">Posted on May 2, 2026 by Sam</div>
      <div class="meta-content"><p>${PROSE}</p><p>${PROSE}</p></div>`);
    removePageNoise(doc);
    expect(doc.querySelector('.entry-meta')).toBeNull();
    expect(doc.querySelector('.meta-content')).not.toBeNull();
  });
});

describe('removeLinkBlocks', () => {
  const cleaned = (body: string): string => {
    const doc = documentOf(`<div id="root">${body}</div>`);
    const root = doc.querySelector('#root')!;
    removeLinkBlocks(root);
    return words(root);
  };

  it('removes lists of links and tables of contents', () => {
    expect(
      cleaned(
        '<ul><li><a href="/1">Five things we learned</a></li><li><a href="/2">Why rates doubled</a></li></ul>',
      ),
    ).toBe('');
    expect(cleaned('<ol><li><a href="#h1">1. Intro</a></li><li><a href="#h2">2. More</a></li></ol>')).toBe(
      '',
    );
    expect(
      cleaned(
        '<ul><li>1.1 Construction</li><li>1.2 The keepers</li><li>2 Automation</li></ul><h2>Construction</h2><h3>The keepers</h3><h2>Automation</h2>',
      ),
    ).toBe('Construction The keepers Automation');
  });

  it('removes rows of links and a lone link line, but keeps links in sentences', () => {
    expect(cleaned('<p>Share: <a href="/f">Facebook</a> <a href="/x">X</a> <a href="/m">Email</a></p>')).toBe(
      '',
    );
    expect(cleaned('<p><a href="/r">Tunisia’s Islamists get a sobering lesson</a></p>')).toBe('');
    expect(cleaned('<p><a href="/r">Read the full report for more insights.</a></p>')).toBe(
      'Read the full report for more insights.',
    );
    const sentence = 'It plans to reverse its position on biosecurity funding and lift the cap on grants.';
    expect(
      cleaned(
        `<p>It plans to reverse its position on <a href="/b">biosecurity funding</a> and lift the cap on grants.</p>`,
      ),
    ).toBe(sentence);
    expect(cleaned('<ol><li>A coarse stone, for setting the bevel.</li><li>A fine stone.</li></ol>')).toBe(
      'A coarse stone, for setting the bevel. A fine stone.',
    );
  });
});
