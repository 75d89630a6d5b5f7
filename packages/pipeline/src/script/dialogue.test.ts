import { describe, expect, it } from 'vitest';
import { englishArticle, japaneseArticle } from '../../fixtures/script/test-articles.ts';
import { type Script, ScriptSchema } from '../schema/script.ts';
import { narrationChars } from './bounds.ts';
import { buildOfflineDialogue, buildOfflineScript } from './offline.ts';

function lines(script: Script, speaker: string): string[] {
  return script.sections.flatMap((s) => s.narrations.filter((n) => n.speaker === speaker).map((n) => n.text));
}

describe.each([
  ['ja', japaneseArticle, 650],
  ['en', englishArticle, 2400],
] as const)('offline dialogue (%s)', (language, article, charBudget) => {
  const bounds = { language, maxSections: 14, charBudget };
  const narration = buildOfflineScript(article, bounds);
  const dialogue = buildOfflineDialogue(article, bounds);

  it('is a valid dialogue script: the explainer says every narration, the asker opens and reacts', () => {
    expect(ScriptSchema.parse(dialogue)).toEqual(dialogue);
    expect(dialogue.style).toBe('dialogue');
    const speakers = new Set(dialogue.sections.flatMap((s) => s.narrations.map((n) => n.speaker)));
    expect([...speakers].sort()).toEqual(['asker', 'explainer']);
    // Nothing of the article is lost to the asker's lines.
    expect(lines(dialogue, 'explainer')).toEqual(
      narration.sections.flatMap((s) => s.narrations.map((n) => n.text)),
    );
    expect(dialogue.sections[0]!.narrations[0]!.speaker).toBe('asker');
    // The asker's lines stay within their share on top of the narration budget.
    expect(narrationChars(dialogue)).toBeLessThanOrEqual(Math.floor(charBudget * 1.25));
  });

  it('opens each section with a question from its heading and never repeats a line more than twice', () => {
    const firstSlides = dialogue.sections.filter(
      (s, i) => s.kind === 'body' && dialogue.sections[i - 1]?.title !== s.title,
    );
    for (const slide of firstSlides) {
      expect(slide.narrations[0]!.speaker).toBe('asker');
      expect(slide.narrations[0]!.text).toContain(slide.title);
    }
    const counts = new Map<string, number>();
    for (const line of lines(dialogue, 'asker')) counts.set(line, (counts.get(line) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
  });

  it('keeps each bullet on the explainer turn that says it, and no bullet on the asker', () => {
    for (const section of dialogue.sections) {
      for (const n of section.narrations) {
        if (n.speaker === 'asker') expect(n.bullet).toBeUndefined();
        if (n.bullet !== undefined) expect(section.bullets[n.bullet]).toBeDefined();
      }
      const bound = section.narrations.flatMap((n) => (n.bullet === undefined ? [] : [n.bullet]));
      expect(bound).toEqual([...bound].sort((a, b) => a - b));
    }
  });
});
