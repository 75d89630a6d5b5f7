import { describe, expect, it } from 'vitest';
import { isPipelineError } from '../errors.ts';
import type { Article } from '../extract/types.ts';
import { makeTestContext } from '../test-context.ts';
import { generateScript } from './index.ts';
import { narratableLanguage } from './language.ts';

const chinese =
  'DeepMind新推出的人工智能系统在蛋白质结构预测方面取得了突破。研究人员表示，这项技术可以帮助科学家更快地了解疾病的机制，并加速新药的开发。该系统已经预测了数百万种蛋白质的结构。';
const japanese =
  'DeepMindの新しい人工知能は、タンパク質の構造予測で大きな成果を上げました。研究者によると、この技術は病気の仕組みの理解を早めます。';
const french =
  "Le musée du Bardo a été attaqué mercredi par des hommes armés. Les autorités tunisiennes ont annoncé que la situation était sous contrôle et que l'enquête se poursuivait.";
const english =
  'The Bardo museum was attacked on Wednesday by gunmen. The authorities said that the situation was under control and that the investigation would continue.';

describe('narratableLanguage', () => {
  it('tells Japanese (with kana) from Chinese (han only), whatever the page declares', () => {
    expect(narratableLanguage(japanese, 'ja')).toBe('ja');
    expect(narratableLanguage(chinese, 'zh')).toBeUndefined();
    expect(narratableLanguage(chinese, 'ja')).toBeUndefined();
    expect(narratableLanguage(chinese, '')).toBeUndefined();
  });

  it('tells English from other Latin-script languages', () => {
    expect(narratableLanguage(english, 'en')).toBe('en');
    expect(narratableLanguage(english, '')).toBe('en');
    expect(narratableLanguage(french, 'fr')).toBeUndefined();
    expect(narratableLanguage(french, 'en')).toBeUndefined();
    expect(narratableLanguage('Привет, это статья о музее и его истории.', 'ru')).toBeUndefined();
  });
});

function articleIn(language: string, text: string): Article {
  const paragraphs = [text, text, text];
  return {
    url: 'https://example.cn/a',
    title: text.slice(0, 20),
    language,
    blocks: paragraphs.map((p) => ({ type: 'paragraph' as const, text: p })),
    headings: [],
    paragraphs,
    images: [],
    textLength: paragraphs.join('').length,
  };
}

describe('the offline script and unsupported languages', () => {
  it('fails with UNSUPPORTED_LANGUAGE for a Chinese or French article, with a message in both languages', async () => {
    for (const article of [articleIn('zh', chinese), articleIn('ja', chinese), articleIn('fr', french)]) {
      const error = await generateScript(article, {}, makeTestContext()).catch((e: unknown) => e);
      expect(isPipelineError(error) && error.code).toBe('UNSUPPORTED_LANGUAGE');
      if (isPipelineError(error)) {
        expect(error.userMessage.ja).toContain('日本語か英語');
        expect(error.userMessage.en).toContain('Japanese or English');
      }
    }
  });
});
