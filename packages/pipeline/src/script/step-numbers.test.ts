import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CorpusServer, serveCorpus } from '../../fixtures/real-world/serve-corpus.ts';
import { articleOf, h2, li, p } from '../../fixtures/script/test-articles.ts';
import { extractArticle } from '../extract/extract-article.ts';
import type { ArticleBlock } from '../extract/types.ts';
import { fetchPage } from '../fetch/fetch-page.ts';
import { type Script, ScriptSchema } from '../schema/script.ts';
import { makeTestContext } from '../test-context.ts';
import { resolveScriptOptions } from './index.ts';
import { buildOfflineScript } from './offline.ts';
import { withStepNumbers } from './step-numbers.ts';

const step = (text: string): ArticleBlock => ({ type: 'paragraph', text, list: 'ordered' });

/** Step number of every bullet of the body slides, in order (null: shown with the usual marker). */
const numbering = (script: Script) =>
  script.sections
    .filter((s) => s.kind === 'body')
    .flatMap((s) => s.bullets.map((bullet, b) => ({ bullet, step: s.steps?.[b] ?? null })));

describe('the Script schema', () => {
  const section = {
    title: '作り方',
    bullets: ['生地を混ぜます', 'フライパンで焼きます'],
    narrations: [{ text: '生地を混ぜます。', bullet: 0 }],
  };

  it('takes step numbers for a slide’s bullets, and leaves them out when not given', () => {
    const parse = (s: object) => ScriptSchema.parse({ title: 'パン', language: 'ja', sections: [s] });
    expect(parse({ ...section, steps: [4, null] }).sections[0]!.steps).toEqual([4, null]);
    expect(parse(section).sections[0]!.steps).toBeUndefined();
  });

  it('refuses a step number that is not a positive whole number', () => {
    for (const steps of [
      [0, 1],
      [1.5, 2],
      ['1', 2],
    ]) {
      expect(
        ScriptSchema.safeParse({ title: 'パン', language: 'ja', sections: [{ ...section, steps }] }).success,
      ).toBe(false);
    }
  });
});

describe('withStepNumbers', () => {
  const script: Script = ScriptSchema.parse({
    title: 'Bread',
    language: 'en',
    sections: [
      {
        title: 'Method',
        bullets: ['Mix the flour and water', 'The dough should be soft', 'Bake for 20 minutes'],
        narrations: [
          { text: 'Mix the flour and water.', bullet: 0 },
          { text: 'The dough should be soft.', bullet: 1 },
          { text: 'Bake for 20 minutes.', bullet: 2 },
        ],
      },
      { title: 'Tips', bullets: ['Use warm water'], narrations: [{ text: 'Use warm water.', bullet: 0 }] },
    ],
  });
  const steps = new Map([
    ['Mix the flour and water. The dough should be soft.', 1],
    ['Bake for 20 minutes.', 2],
  ]);

  it('numbers the bullets that open a step, not a step’s later sentence, and leaves other slides alone', () => {
    const numbered = withStepNumbers(script, steps);
    expect(numbered.sections[0]!.steps).toEqual([1, null, 2]);
    expect(numbered.sections[1]).toBe(script.sections[1]);
  });

  it('changes nothing without ordered-list steps', () => {
    expect(withStepNumbers(script, new Map())).toBe(script);
    expect(withStepNumbers(script, undefined)).toBe(script);
  });
});

describe('the offline writer on ordered and unordered lists', () => {
  const steps = [
    '鍋に水を入れて火にかけ、沸騰したら塩をひとつまみ加えます。',
    'パスタを入れて、袋の表示より1分短くゆでます。',
    'フライパンでにんにくをオリーブオイルで弱火にかけ、香りを出します。',
    'ゆで上がったパスタをフライパンに移し、ゆで汁を少し加えて手早く混ぜます。',
  ];
  const blocks = (item: (text: string) => ArticleBlock) => [
    p('にんにくとオリーブオイルだけで作れるパスタは、忙しい日の昼ごはんにぴったりです。'),
    h2('作り方'),
    ...steps.map(item),
    h2('おいしく作るコツ'),
    p('にんにくは焦がすと苦くなるので、必ず弱火で温めてください。ゆで汁の塩気がソースの味を決めます。'),
  ];
  const options = { language: 'ja', maxSections: 12, charBudget: 1000 } as const;

  it('numbers the steps of an ordered list in order', () => {
    const script = buildOfflineScript(articleOf('ペペロンチーノの作り方', 'ja', blocks(step)), options);
    const numbered = numbering(script).filter((b) => b.step !== null);
    expect(numbered.map((b) => b.step)).toEqual([1, 2, 3, 4]);
    expect(numbered[0]!.bullet).toContain('鍋に水を入れて');
  });

  it('leaves an unordered list’s items unnumbered', () => {
    const script = buildOfflineScript(articleOf('ペペロンチーノの作り方', 'ja', blocks(li)), options);
    expect(numbering(script).length).toBeGreaterThan(0);
    expect(script.sections.every((s) => s.steps === undefined)).toBe(true);
  });
});

describe('the recipe page of the corpus (ja-howto-bread)', () => {
  let server: CorpusServer;
  beforeAll(async () => {
    server = await serveCorpus();
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows its six steps numbered 1 to 6 across the 作り方 slides, its ingredients and tips unnumbered', async () => {
    const ctx = makeTestContext();
    const page = await fetchPage(server.pageUrl('ja-howto-bread'), { allowPrivateNetwork: true }, ctx);
    const article = await extractArticle(page, ctx);
    const script = buildOfflineScript(article, resolveScriptOptions(article, {}));
    const method = script.sections.filter((s) => s.title === '作り方' && s.bullets.length > 0);
    expect(method.length).toBeGreaterThanOrEqual(2);
    // The count goes on from one slide to the next: a later slide starts past 1.
    expect(method.every((s) => s.steps?.length === s.bullets.length)).toBe(true);
    expect(method.slice(1).every((s) => (s.steps?.find((n) => n !== null) ?? 0) > 1)).toBe(true);
    const numbered = numbering(script).filter((b) => b.step !== null);
    expect(numbered.map((b) => b.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(numbered[0]!.bullet).toMatch(/^ボウルにぬるま湯/u);
    expect(numbered[5]!.bullet).toMatch(/^ふたをしたまま弱火で15分焼き/u);
    // A step's second sentence is shown under it without a number of its own.
    const note = numbering(script).find((b) => b.bullet.startsWith('生地はホットケーキ'));
    if (note) expect(note.step).toBeNull();
    expect(script.sections.filter((s) => s.steps !== undefined).every((s) => s.title === '作り方')).toBe(
      true,
    );
    // The proofing check between steps 5 and 6 ("1.5倍") shows as a panel on a slide that goes on
    // from step 5 to step 6: no slide of its own splits the steps, none is left with step 6 alone.
    const panel = method.find((s) => s.layout === 'figure');
    if (panel) expect(panel.steps?.filter((n) => n !== null)).toEqual([5, 6]);
    expect(method.some((s) => s.steps?.length === 1 && s.steps[0] === 6)).toBe(false);
  });
});

describe('plain-style steps, narrated in the polite style', () => {
  it('still numbers every step and ends the narration politely', () => {
    const plain = [
      '鍋に水を入れて火にかけ、沸騰したら塩を加える。',
      'パスタを入れて、袋の表示より1分短くゆでる。',
      'フライパンでにんにくを弱火にかけ、香りを出す。',
      'ゆで上がったパスタを移し、ゆで汁を少し加えて混ぜる。',
    ];
    const piece = articleOf('ペペロンチーノの作り方', 'ja', [
      p('にんにくとオリーブオイルだけで作れるパスタは、忙しい日の昼ごはんにぴったりだ。'),
      h2('作り方'),
      ...plain.map(step),
    ]);
    const script = buildOfflineScript(piece, { language: 'ja', maxSections: 12, charBudget: 1000 });
    expect(
      numbering(script)
        .filter((b) => b.step !== null)
        .map((b) => b.step),
    ).toEqual([1, 2, 3, 4]);
    const said = script.sections.flatMap((s) => s.narrations.map((n) => n.text)).join('');
    expect(said).toContain('香りを出します。');
    expect(said).not.toContain('香りを出す。');
  });
});

describe('a procedure written as paragraphs', () => {
  const routine = [
    'Start by flattening the back on the coarse stone until the first few millimetres shine evenly.',
    'Next, set the blade in the honing guide at 25 degrees and colour the bevel with the marker.',
    'Then raise the angle by two degrees and move to the fine stone for a narrow secondary bevel.',
    'Finish with a few pulls on the strop and test the edge on the end grain of a piece of pine.',
  ];
  const options = { language: 'en', maxSections: 12, charBudget: 3000 } as const;

  it('numbers paragraphs that open like steps ("Start by…", "Next, …", "Then…", "Finish with…"), with no figure taking a step’s place', () => {
    const piece = articleOf('Keeping tools sharp', 'en', [
      p('A dull tool is more dangerous than a sharp one, because it has to be forced through the wood.'),
      h2('The routine'),
      ...routine.map((text) => p(text)),
    ]);
    const script = buildOfflineScript(piece, options);
    const numbered = numbering(script).filter((b) => b.step !== null);
    expect(numbered.map((b) => b.step)).toEqual([1, 2, 3, 4]);
    expect(numbered[1]!.bullet).toContain('25 degrees');
    expect(script.sections.some((s) => s.layout === 'figure')).toBe(false);
  });

  it('leaves paragraphs that do not read as a sequence unnumbered', () => {
    const piece = articleOf('Keeping tools sharp', 'en', [
      p('A dull tool is more dangerous than a sharp one, because it has to be forced through the wood.'),
      h2('The routine'),
      p(routine[0]!),
      p('Most woodworkers learn this from someone else, often in a school workshop or from a neighbour.'),
      p(routine[2]!),
    ]);
    expect(numbering(buildOfflineScript(piece, options)).every((b) => b.step === null)).toBe(true);
  });
});
