import { describe, expect, it } from 'vitest';
import { englishArticle, japaneseArticle } from '../../fixtures/script/test-articles.ts';
import { buildOfflineScript } from './offline.ts';
import { readsAsConclusion } from './takeaway.ts';

describe('readsAsConclusion', () => {
  it('rejects plans, announcements and pointers to what comes next', () => {
    for (const text of [
      'In the next chapter we will put those sharp tools to work on the joints.',
      'The surviving pots will be on sale at our open studio on June 14.',
      'In 2019 the lighthouse was listed as a protected monument.',
    ]) {
      expect(readsAsConclusion(text, 'en'), text).toBe(false);
    }
    expect(readsAsConclusion('漁協は今後、来年以降の漁獲の見通しを立てる方針だ。', 'ja')).toBe(false);
  });

  it('accepts a sentence that sums up', () => {
    expect(
      readsAsConclusion('Bike lanes in a cold city can work, as long as someone clears them first.', 'en'),
    ).toBe(true);
    expect(readsAsConclusion('人のものはなんでもよく見えるものです。', 'ja')).toBe(true);
  });
});

describe('the closing', () => {
  for (const [name, article, language] of [
    ['English', englishArticle, 'en'],
    ['Japanese', japaneseArticle, 'ja'],
  ] as const) {
    it(`names the same points in its recap as its slide lists (${name})`, () => {
      const script = buildOfflineScript(article, { language, maxSections: 12, charBudget: 900 });
      const closing = script.sections.at(-1)!;
      const shown = script.sections.slice(1, -1).map((s) => s.title);
      expect(closing.bullets.length).toBeGreaterThanOrEqual(2);
      const spoken = closing.narrations.map((n) => n.text).join(' ');
      for (const bullet of closing.bullets) {
        expect(spoken).toContain(bullet);
        expect(shown).toContain(bullet);
      }
    });
  }

  it('does not announce a plan as the article’s conclusion', () => {
    const script = buildOfflineScript(japaneseArticle, { language: 'ja', maxSections: 12, charBudget: 900 });
    expect(script.sections.at(-1)!.narrations[0]!.text).not.toMatch(/今後は、/u);
  });
});
