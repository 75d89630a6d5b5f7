import { describe, expect, it } from 'vitest';
import {
  cleanHeadingText,
  isBreadcrumbLine,
  isBylineLine,
  isCopyrightLine,
  isFurnitureLabel,
  isFurnitureLine,
  isLanguageSwitcher,
  isMetaLine,
  stripInlineMarks,
  withSourceCaveats,
} from './furniture-text.ts';

describe('furniture lines', () => {
  it.each([
    'Share this article',
    'Advertisement',
    'Member-only story',
    'Read more:',
    'Related stories',
    '1.4K',
    '23',
    '広告',
    'スポンサーリンク',
    '目次',
    'この記事をシェアする',
    '相关新闻',
    '$610.00',
    'Gallery: Xbox One X | 14 Photos',
  ])('"%s" is a label', (text) => {
    expect(isFurnitureLabel(text)).toBe(true);
  });

  it.each([
    'Share prices fell sharply on Monday.',
    'Listen to the sea.',
    '広告業界は変わりつつある。',
    '$610 for a console.',
  ])('"%s" is not a label', (text) => {
    expect(isFurnitureLabel(text)).toBe(false);
  });

  it.each([
    '14 March 2026, 07:30 GMT',
    '6 min read · Sep 12, 2026',
    'Published January 9, 2026 · Updated January 10, 2026',
    '2026年3月14日 10時20分',
    'Sat 12 Jul 2026 08.00 BST',
    '2026.04.08',
    'この記事は約6分で読めます',
    '公開日：2026年1月20日',
  ])('"%s" is a meta line', (text) => {
    expect(isMetaLine(text)).toBe(true);
  });

  it.each([
    'The museum opened on May 2, 2026.',
    'Counters recorded 610 cyclists a day in December and January last winter, about 45 percent of summer.',
    '1964年10月1日、東海道新幹線が開業しました。',
  ])('"%s" is a sentence with a date, not a meta line', (text) => {
    expect(isMetaLine(text)).toBe(false);
  });

  it('knows bylines, also in brackets, but not sentences starting with "By"', () => {
    expect(isBylineLine('By Alex Moreno')).toBe(true);
    expect(isBylineLine('Von Jonas Berger | 4. März 2026')).toBe(true);
    expect(isBylineLine('文：編集部')).toBe(true);
    expect(isBylineLine('（责任编辑：王晓明）')).toBe(true);
    expect(isBylineLine('By the 1930s, visitors were already noting that the colony had vanished.')).toBe(
      false,
    );
  });

  it('knows breadcrumbs and language switchers', () => {
    expect(
      isBreadcrumbLine('むかしばなし広場 > きょうのイソップ童話 > １月のイソップ童話 > 欲張りなイヌ'),
    ).toBe(true);
    expect(isBreadcrumbLine('Home › News › Business')).toBe(true);
    expect(isBreadcrumbLine('If x > 3 and y > 4 then z > 5, which is what the proof needs.')).toBe(false);
    expect(isLanguageSwitcher('ひらがな ←→ 日本語・英語 ←→ English')).toBe(true);
    expect(isLanguageSwitcher('English | 日本語 | 中文')).toBe(true);
    expect(isLanguageSwitcher('English is spoken here')).toBe(false);
  });

  it('knows copyright lines', () => {
    expect(isCopyrightLine('© 2026 Harbour Gazette Ltd. All rights reserved.')).toBe(true);
    expect(isCopyrightLine('この記事の無断転載を禁じます。')).toBe(true);
    expect(isCopyrightLine('Copyright (C) むかしばなし広場 All Rights Reserved.')).toBe(true);
    expect(isCopyrightLine('Copyright 2026 Example Ltd')).toBe(true);
    expect(isCopyrightLine('Copyright law protects the authors of books.')).toBe(false);
    expect(isFurnitureLine('Copyright law protects the authors of books.')).toBe(false);
    expect(isFurnitureLine('Home › News › Business')).toBe(true);
  });
});

describe('unsourced claims', () => {
  it('keeps the caveat of a claim marked as unsourced, in words', () => {
    expect(
      stripInlineMarks(
        withSourceCaveats('receives about 40,000 visitors a year.[citation needed] It is old.'),
      ),
    ).toBe('receives about 40,000 visitors a year, though this is unsourced. It is old.');
    expect(stripInlineMarks(withSourceCaveats('The tower is 30 m tall[citation needed] and white.[2]'))).toBe(
      'The tower is 30 m tall (unsourced) and white.',
    );
    expect(stripInlineMarks(withSourceCaveats('He said "it works."[citation needed]'))).toBe(
      'He said "it works." (unsourced)',
    );
    expect(withSourceCaveats('年間4万人が訪れる。[要出典]灯台は白い[要出典]。')).toBe(
      '年間4万人が訪れる（出典不明）。灯台は白い（出典不明）。',
    );
  });
});

describe('marks inside text', () => {
  it('removes footnote marks and edit links but keeps bracketed words', () => {
    expect(stripInlineMarks('is an active lighthouse.[1] The tower[2][a] is tall.')).toBe(
      'is an active lighthouse. The tower is tall.',
    );
    expect(stripInlineMarks('about 40,000 visitors a year.[citation needed]')).toBe(
      'about 40,000 visitors a year.',
    );
    expect(stripInlineMarks('As the report states: "[T]he birth lottery matters."')).toBe(
      'As the report states: "[T]he birth lottery matters."',
    );
  });

  it('cleans permalink anchors and edit links off headings', () => {
    expect(cleanHeadingText('The problem #')).toBe('The problem');
    expect(cleanHeadingText('New process ¶')).toBe('New process');
    expect(cleanHeadingText('History[edit]')).toBe('History');
    expect(cleanHeadingText('# Results')).toBe('Results');
    expect(cleanHeadingText('C# in ten minutes')).toBe('C# in ten minutes');
  });
});
