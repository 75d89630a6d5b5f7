import { describe, expect, it } from 'vitest';
import { withScheme } from './url-validation.ts';

describe('withScheme', () => {
  it.each([
    ['example.com/article', 'https://example.com/article'],
    ['  www.example.co.jp ', 'https://www.example.co.jp'],
    ['example.com:8080/a?b=c', 'https://example.com:8080/a?b=c'],
    ['news.example.org#top', 'https://news.example.org#top'],
  ])('adds https:// to %s', (typed, expected) => {
    expect(withScheme(typed)).toBe(expected);
  });

  it.each([
    'https://example.com/a',
    'http://example.com',
    'ftp://example.com',
    'example',
    'not a url.com',
    'mailto:someone@example.com',
    '',
  ])('leaves %s as typed', (typed) => {
    expect(withScheme(typed)).toBe(typed.trim());
  });
});
