import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { HOSTILE_PAGES } from './hostile-pages.ts';
import { assertPageIsSimple, measurePageComplexity, PAGE_LIMITS } from './page-complexity.ts';

const FIXTURES = new URL('../../fixtures/articles/', import.meta.url);

function refusal(html: string): PipelineError | undefined {
  try {
    assertPageIsSimple(html);
    return undefined;
  } catch (error) {
    if (error instanceof PipelineError) return error;
    throw error;
  }
}

describe('measurePageComplexity', () => {
  it('counts the elements and depth of the tree the HTML parser builds, implied ones included', () => {
    // html, head, body are implied; the unclosed <p>s close each other; <br> is void.
    expect(measurePageComplexity('<p>one<p>two<br>three')).toEqual({ elements: 6, maxDepth: 4 });
    expect(measurePageComplexity('<div><div><span>x</span></div></div>')).toEqual({
      elements: 6,
      maxDepth: 5,
    });
  });

  it('follows the HTML tree rules an end-tag scanner would miss', () => {
    // </span> cannot close a span across a <div>: the parser ignores it, so every pair nests deeper.
    const misnested = measurePageComplexity('<body>'.concat('<span><div></span>'.repeat(300)));
    expect(misnested.maxDepth).toBeGreaterThanOrEqual(600);
    // Misnested formatting inside a table is foster-parented and nests as well.
    const fostered = measurePageComplexity(`<table>${'<b>x'.repeat(500)}</table>`);
    expect(fostered.maxDepth).toBeGreaterThanOrEqual(500);
  });

  it('counts the contents of <template> elements', () => {
    const nested = `<template>${'<div>'.repeat(50)}</template>`;
    expect(measurePageComplexity(nested).maxDepth).toBeGreaterThanOrEqual(53);
  });

  it('stops at the first element past the limit', () => {
    const result = measurePageComplexity('<b></b>'.repeat(1000), { ...PAGE_LIMITS, maxElements: 100 });
    expect(result).toEqual({ elements: 101, maxDepth: 0, overLimit: 'elements' });
  });

  it('stops at a tag with too many attributes (the tokenizer is quadratic in them)', () => {
    const attrs = Array.from({ length: 300 }, (_, i) => `a${i}=1`).join(' ');
    expect(measurePageComplexity(`<p ${attrs}>x</p>`).overLimit).toBe('attributes');
  });

  it('scans a 5 MB element flood in well under two seconds', () => {
    const html = HOSTILE_PAGES.elementFlood5mb();
    expect(html.length).toBeGreaterThan(4.9 * 1024 * 1024);
    const started = performance.now();
    expect(measurePageComplexity(html).overLimit).toBe('elements');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('assertPageIsSimple', () => {
  it.each([
    ['deepNesting', /nested 2203 deep/],
    ['elementFlood', /more than 50000 elements/],
    ['elementFlood5mb', /more than 50000 elements/],
  ] as const)('refuses %s with PAGE_TOO_COMPLEX', (name, detail) => {
    const error = refusal(HOSTILE_PAGES[name]());
    expect(error?.code).toBe('PAGE_TOO_COMPLEX');
    expect(error?.detail).toMatch(detail);
    expect(error?.userMessage.ja).toMatch(/複雑すぎて/);
  });

  it('passes the article fixtures, which stay far below the limits', async () => {
    for (const file of (await readdir(FIXTURES)).filter((f) => f.endsWith('.html'))) {
      const html = await readFile(join(FIXTURES.pathname, file), 'utf8');
      const measured = assertPageIsSimple(html);
      expect(measured.maxDepth, file).toBeLessThan(PAGE_LIMITS.maxDepth / 4);
      expect(measured.elements, file).toBeLessThan(PAGE_LIMITS.maxElements / 4);
    }
  });

  it('passes a page right at the limits and refuses one element or level more', () => {
    const limits = { maxElements: 40, maxDepth: 10, maxAttributes: 5 };
    // html > body > 8 nested divs: depth 10.
    const deep = (n: number) => `${'<div>'.repeat(n)}x`;
    expect(() => assertPageIsSimple(deep(8), limits)).not.toThrow();
    expect(() => assertPageIsSimple(deep(9), limits)).toThrow(/nested 11 deep/);
    // html, head, body and n more.
    const many = (n: number) => '<i></i>'.repeat(n);
    expect(() => assertPageIsSimple(many(37), limits)).not.toThrow();
    expect(() => assertPageIsSimple(many(38), limits)).toThrow(/more than 40 elements/);
  });
});
