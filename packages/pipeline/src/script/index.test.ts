import { describe, expect, it } from 'vitest';
import { englishArticle, japaneseArticle } from '../../fixtures/script/test-articles.ts';
import { PipelineError } from '../errors.ts';
import { ScriptSchema } from '../schema/script.ts';
import { makeTestContext } from '../test-context.ts';
import { narrationChars } from './bounds.ts';
import { generateScript, resolveScriptOptions } from './index.ts';

async function failure(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return error as PipelineError;
}

describe('resolveScriptOptions', () => {
  it('takes the language from the article (ja/en), else Japanese, and the budget from the language', () => {
    expect(resolveScriptOptions({ language: 'ja-JP' }, {})).toEqual({
      language: 'ja',
      maxSections: 14,
      charBudget: 650,
      style: 'narration',
    });
    expect(resolveScriptOptions({ language: 'en-GB' }, {})).toEqual({
      language: 'en',
      maxSections: 14,
      charBudget: 2400,
      style: 'narration',
    });
    // A longer article gets a longer video: all of its text and the introduction and closing
    // around it, up to about five minutes of speech.
    expect(resolveScriptOptions({ language: 'ja', textLength: 1000 }, {}).charBudget).toBe(1000 + 250);
    expect(resolveScriptOptions({ language: 'ja', textLength: 5000 }, {}).charBudget).toBe(1400);
    expect(resolveScriptOptions({ language: 'en', textLength: 4000 }, {}).charBudget).toBe(4000 + 550);
    expect(resolveScriptOptions({ language: 'en', textLength: 9000 }, {}).charBudget).toBe(4800);
    expect(resolveScriptOptions({ language: 'en', textLength: 800 }, {}).charBudget).toBe(2400);
    expect(resolveScriptOptions({ language: 'en', textLength: 4000 }, { charBudget: 500 }).charBudget).toBe(
      500,
    );
    expect(resolveScriptOptions({ language: 'fr' }, {}).language).toBe('ja');
    expect(
      resolveScriptOptions(
        { language: 'en' },
        { language: 'ja', maxSections: 6, charBudget: 300, style: 'dialogue' },
      ),
    ).toEqual({
      language: 'ja',
      maxSections: 6,
      charBudget: 300,
      style: 'dialogue',
    });
  });

  it('rejects bounds no script can meet', () => {
    expect(() => resolveScriptOptions({ language: 'ja' }, { maxSections: 2 })).toThrow(PipelineError);
    expect(() => resolveScriptOptions({ language: 'ja' }, { maxSections: 15 })).toThrow(/maxSections/u);
    expect(() => resolveScriptOptions({ language: 'ja' }, { charBudget: 50 })).toThrow(/charBudget/u);
  });
});

describe('generateScript (offline, the default)', () => {
  it('returns a schema-valid script with its source, reporting progress', async () => {
    const ctx = makeTestContext();
    const { progress } = ctx;
    const script = await generateScript(japaneseArticle, {}, ctx);
    expect(ScriptSchema.parse(script)).toEqual(script);
    expect(script.source).toEqual({ url: japaneseArticle.url, siteName: 'Example Tech Blog' });
    expect(script.language).toBe('ja');
    expect(script.sections.length).toBeLessThanOrEqual(12);
    expect(narrationChars(script)).toBeLessThanOrEqual(Math.max(650, japaneseArticle.textLength + 250));
    expect(progress).toEqual([
      { percent: 0, message: { ja: '台本を作成中', en: 'Writing the script' } },
      { percent: 100, message: { ja: '台本ができました', en: 'Script ready' } },
    ]);
  });

  it('uses the English defaults for an English article', async () => {
    const script = await generateScript(englishArticle, { maxSections: 5 }, makeTestContext());
    expect(script.language).toBe('en');
    expect(script.sections).toHaveLength(5);
    expect(narrationChars(script)).toBeLessThanOrEqual(2400);
    expect(narrationChars(script)).toBeGreaterThan(1000);
  });

  it('leaves siteName out of the source when the article has none', async () => {
    const { siteName: _, ...withoutSite } = japaneseArticle;
    const script = await generateScript(withoutSite, {}, makeTestContext());
    expect(script.source).toEqual({ url: japaneseArticle.url });
    expect(script.sections[0]!.narrations[0]!.text).toContain(`『${japaneseArticle.title}』`);
    expect(script.sections[0]!.narrations[0]!.text).not.toContain('Example Tech Blog');
  });

  it("fails with SCRIPT_FAILED when 'llm' is chosen without its options", async () => {
    const error = await failure(generateScript(japaneseArticle, { provider: 'llm' }, makeTestContext()));
    expect(error.code).toBe('SCRIPT_FAILED');
    expect(error.detail).toContain('options.llm');
  });

  it('is CANCELLED when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const ctx = makeTestContext(controller.signal);
    const { progress } = ctx;
    const error = await failure(generateScript(japaneseArticle, {}, ctx));
    expect(error.code).toBe('CANCELLED');
    expect(progress).toEqual([]);
  });

  it('fails with SCRIPT_FAILED for an article whose URL is not valid', async () => {
    const error = await failure(
      generateScript({ ...japaneseArticle, url: 'not a url' }, {}, makeTestContext()),
    );
    expect(error.code).toBe('SCRIPT_FAILED');
  });
});
