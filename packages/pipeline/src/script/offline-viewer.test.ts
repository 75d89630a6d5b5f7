/**
 * Script behaviours an independent viewer review asked for: a recipe's list is read and shown,
 * a quote split by the sentence splitter stays whole, a quote or figure panel shows only while
 * it is said, sections without headings get neutral titles, and the closing names only headings.
 */
import { describe, expect, it } from 'vitest';
import { articleOf, h2, li, p } from '../../fixtures/script/test-articles.ts';
import type { ArticleBlock } from '../extract/types.ts';
import { findKeyFigure } from './key-figure.ts';
import { buildOfflineScript } from './offline.ts';
import { splitSentences } from './sentences.ts';

describe('offline script, as viewers judged it', () => {
  it('reads a list of ingredients out and shows its items as bullets, never as a key figure', () => {
    const recipe = articleOf('米粉パンの作り方', 'ja', [
      p('フライパンひとつで焼きたてのパンが作れます。こねる必要がなく、発酵も30分ほどで終わります。'),
      h2('材料'),
      li('米粉　200グラム'),
      li('ぬるま湯　170ミリリットル'),
      li('ドライイースト　小さじ1'),
      li('砂糖　大さじ1'),
      p(
        '米粉は必ず「パン用」と書かれたものを選んでください。お菓子用の米粉では、生地がうまくふくらみません。',
      ),
      h2('作り方'),
      p('ボウルにぬるま湯と砂糖とイーストを入れて混ぜます。米粉を加えて2分ほど混ぜます。'),
      p(
        'フライパンに生地を流し入れ、ふたをして30分置いて発酵させます。弱火で15分焼き、裏返してさらに10分焼きます。',
      ),
    ]);
    const script = buildOfflineScript(recipe, { language: 'ja', maxSections: 12, charBudget: 1000 });
    const materials = script.sections.find((s) => s.title === '材料')!;
    expect(materials.bullets.slice(0, 2)).toEqual([
      '米粉・200グラム、ぬるま湯・170ミリリットル',
      'ドライイースト・小さじ1、砂糖・大さじ1',
    ]);
    const said = materials.narrations.map((n) => n.text).join('');
    expect(said).toContain('米粉・200グラム');
    expect(said).toContain('砂糖・大さじ1');
    expect(materials.layout).not.toBe('figure');
    // The list is said in the article's order, before the advice under it.
    expect(materials.narrations[0]!.text).toContain('米粉・200グラム');
  });

  it('reads a list of tools item by item, each shown with what it is for', () => {
    const items = [
      'A coarse stone, around 1,000 grit, for setting the bevel and removing nicks.',
      'A fine stone, around 6,000 grit, for refining the edge.',
      'A flattening plate or a sheet of coarse abrasive paper on glass, to keep the stones flat.',
      'A honing guide that holds the blade at a fixed angle.',
      'A spray bottle of water, because most stones cut best when wet.',
      'A marker pen, to colour the bevel and see where the stone is cutting.',
      'A non-slip mat to hold the stones still.',
      'A notebook for the angles you use on each tool.',
    ];
    const chapter = articleOf('Keeping tools sharp', 'en', [
      p(
        'A sharp chisel slices end grain cleanly and goes exactly where you point it, while a dull one skids.',
      ),
      h2('What you need'),
      p('You can spend a fortune on sharpening equipment, but the essentials are few.'),
      ...items.map(li),
      h2('The routine'),
      p('Set the blade in the honing guide at 25 degrees and colour the bevel with the marker pen.'),
      p('Take three or four strokes on the coarse stone and look at the ink on the bevel.'),
    ]);
    const script = buildOfflineScript(chapter, { language: 'en', maxSections: 12, charBudget: 2400 });
    // The eight items and the sentence before them fit one compact list slide, not "(2)", "(3)"…
    const slides = script.sections.filter((s) => s.title.startsWith('What you need'));
    expect(slides.map((s) => [s.title, s.layout])).toEqual([['What you need', 'list']]);
    expect(slides[0]!.list?.lead).toBe(
      'You can spend a fortune on sharpening equipment, but the essentials are few',
    );
    // Every item is said and shown whole: the thing with its grit, then what it is for.
    const words = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const shown = slides[0]!.list!.items.map((item) => words(`${item.head} ${item.tail ?? ''}`));
    expect(shown).toEqual(items.map(words));
    expect(slides[0]!.list!.items[0]).toEqual({
      head: 'A coarse stone, around 1,000 grit',
      tail: 'for setting the bevel and removing nicks',
    });
    const said = slides.flatMap((s) => s.narrations.map((n) => n.text));
    for (const item of items) expect(said).toContain(item);
  });

  it('keeps a quotation that spans two sentences in one piece', () => {
    const text =
      'Each pot is different. "You are not the only artist in the room. The fire gets a vote too," said Mariko Ueda, who runs the studio.';
    expect(splitSentences(text, 'en')).toEqual([
      'Each pot is different.',
      '"You are not the only artist in the room. The fire gets a vote too," said Mariko Ueda, who runs the studio.',
    ]);
  });

  it('shows a quote from the narration that says it, on a slide of its own after the bullets before it', () => {
    const piece = articleOf('Harbour goes electric', 'en', [
      p('The Port of Westmark will replace every diesel crane on its quays with electric machines by 2030.'),
      h2('The plan'),
      p(
        'Most of the money goes into the power grid that feeds the cranes, including a new substation near the eastern terminal.',
      ),
      p(
        'The board approved the plan on Thursday after two years of studies and a long public consultation with residents.',
      ),
      p(
        '"We have talked about electrification for a decade, and now the numbers finally work," said Ingrid Halvorsen, the chief executive.',
      ),
      h2('What comes next'),
      p('The next step is a tender for 18 further cranes, to be published in May after the summer holidays.'),
    ]);
    const script = buildOfflineScript(piece, { language: 'en', maxSections: 12, charBudget: 2400 });
    const plan = script.sections.filter((s) => s.title === 'The plan');
    expect(plan.map((s) => s.layout)).toEqual(['bullets', 'quote']);
    expect(plan[0]!.quote).toBeUndefined();
    expect(plan[1]!.quote?.by).toBe('Ingrid Halvorsen');
    // The quote slide starts with the narration that says the quote, which has no bullet of its own.
    expect(plan[1]!.narrations[0]!.text).toContain('now the numbers finally work');
    expect(plan[1]!.narrations[0]!.bullet).toBeUndefined();
    // Every bullet index still points at a bullet of its own slide.
    for (const section of plan) {
      for (const n of section.narrations)
        if (n.bullet !== undefined) expect(section.bullets[n.bullet]).toBeDefined();
    }
  });

  it('titles sections without headings by their own topic and does not name them in the recap', () => {
    const sentences = (topic: string) =>
      Array.from(
        { length: 4 },
        (_, i) => `The ${topic} report number ${i + 1} describes how the ${topic} changed the town.`,
      ).join(' ');
    const piece = articleOf('The winter the bike lanes stayed open', 'en', [
      p(
        'When Northfield painted its first bike lanes, the most common complaint was not about parking. It was about snow.',
      ),
      p(sentences('snow plough')),
      p(sentences('cargo bike')),
      p(sentences('school bus')),
    ]);
    const script = buildOfflineScript(piece, { language: 'en', maxSections: 12, charBudget: 2400 });
    const titles = [...new Set(script.sections.slice(1, -1).map((s) => s.title))];
    // Each part is named by the phrase it says and the others do not; no "(1/3)" numbering.
    expect(titles).toEqual(['Snow plough', 'Cargo bike', 'School bus']);
    // The opening pays off its set-up.
    expect(script.sections[0]!.narrations[1]!.text).toContain('It was about snow.');
    const closing = script.sections.at(-1)!;
    expect(closing.narrations.map((n) => n.text).join(' ')).not.toContain('(1/');
    // Nothing here is a main point to repeat (the lead only sets the scene): no recap of filler.
    for (const title of titles) expect(closing.bullets).not.toContain(title);
  });

  it('does not show an identifier or a version as a key figure', () => {
    expect(
      findKeyFigure('We have just landed Bug 1553982, which aims to prevent a crash.', 'en'),
    ).toBeUndefined();
    expect(
      findKeyFigure('We will push new things into the 0.17 releases as time goes on.', 'en'),
    ).toBeUndefined();
    expect(findKeyFigure('The eradication cost about £850,000 over two winters.', 'en')?.value).toBe(
      'about £850,000',
    );
  });

  it('gives each h3 subsection slides of its own under "Section: Subsection"', () => {
    const h = (text: string, level: number): ArticleBlock => ({ type: 'heading', level, text });
    const piece = articleOf('Karsholm Lighthouse', 'en', [
      p('Karsholm Lighthouse is an active lighthouse on Karsholm Point, at the end of a long sandbank.'),
      h('History', 2),
      h('Construction', 3),
      p(
        'After three ships were lost on the bank in 1866, the commission asked for a light. The engineer chose brick over iron because the point had no harbour. Bricks were fired in a kiln a few hundred metres inland. A crew of about 60 men built the tower in two summers.',
      ),
      h('The keepers', 3),
      p(
        'Three keepers worked in shifts so that someone was always awake in the watch room. Supplies came by cart along the beach at low tide. The keepers children walked six kilometres to school.',
      ),
      h('Museum', 2),
      p(
        'The keepers houses were restored and opened as a museum of coastal life. Visitors can climb the 172 steps to the lantern gallery from April to October.',
      ),
    ]);
    const script = buildOfflineScript(piece, { language: 'en', maxSections: 12, charBudget: 2400 });
    const titles = [...new Set(script.sections.slice(1, -1).map((s) => s.title))];
    expect(titles).toEqual(['History: Construction', 'History: The keepers', 'Museum']);
    // The recap says key points, never the slides' titles.
    const closing = script.sections.at(-1)!;
    expect(closing.bullets.length).toBeGreaterThan(0);
    for (const bullet of closing.bullets) expect(bullet).not.toMatch(/^History|^Museum/u);
  });

  it('keeps the title slide short: the rest of a long lead opens the first body slide', () => {
    const piece = articleOf('The winter the bike lanes stayed open', 'en', [
      p(
        'When Northfield painted its first bike lanes, the most common complaint was not about parking. It was about snow. Residents predicted that the lanes would fill with ploughed slush every December and sit empty until April. This winter, the snowiest since 1996, was supposed to prove them right.',
      ),
      p(
        'The snow plough crews cleared the lanes first. The snow plough now starts at four. The snow plough costs little.',
      ),
      p(
        'The cargo bike deliveries carried on. A cargo bike bakery sends orders. Each cargo bike is faster than a van.',
      ),
      p(
        'The school bus by bike kept running. The school bus stops at nine places. The school bus needs a new route.',
      ),
    ]);
    const script = buildOfflineScript(piece, { language: 'en', maxSections: 12, charBudget: 2400 });
    const opening = script.sections[0]!;
    const leadSaid = opening.narrations.slice(1).reduce((sum, n) => sum + n.text.length, 0);
    expect(leadSaid).toBeLessThanOrEqual(200);
    expect(opening.narrations.map((n) => n.text).join(' ')).not.toContain('Residents predicted');
    expect(script.sections[1]!.narrations[0]!.text).toContain('Residents predicted');
  });

  it('never leaves a lone narration on a slide of its own when its section has more to say', () => {
    const h = (text: string): ArticleBlock => ({ type: 'heading', level: 2, text });
    const steps = [
      'Start by flattening the back of the blade on the coarse stone until it shines evenly near the edge.',
      'Set the blade in the honing guide at twenty five degrees and colour the bevel with a marker pen.',
      'Take three or four strokes on the coarse stone and look at where the ink has gone from the bevel.',
      'Keep going until you can feel a small burr along the back of the edge with your fingertip.',
      'Raise the angle by two degrees and move to the fine stone for a narrow secondary bevel.',
    ];
    const piece = articleOf('Keeping tools sharp', 'en', [
      p('A dull tool is more dangerous than a sharp one, because it has to be forced through the wood.'),
      h('The routine'),
      ...steps.map((s) => p(s)),
      h('How often'),
      p('Sharpen little and often, and the coarse stone will rarely be needed at all after the first time.'),
    ]);
    const script = buildOfflineScript(piece, { language: 'en', maxSections: 12, charBudget: 3000 });
    const routine = script.sections.filter((s) => s.title === 'The routine');
    const said = routine.reduce((sum, s) => sum + s.narrations.length, 0);
    expect(said).toBe(5);
    expect(routine.map((s) => s.narrations.length)).toEqual([3, 2]);
  });

  it('closes with the article’s own last words, the closing quotation with its speaker', () => {
    const piece = articleOf('The winter the bike lanes stayed open', 'en', [
      p('Northfield kept its protected bike lanes open all winter, and 610 cyclists a day still used them.'),
      p('Counters on the two busiest routes recorded about 45 percent of the summer figure in January.'),
      p('The city bought a narrow tractor for $148,000 that clears the lanes before the big ploughs come.'),
      p(
        'The council will vote on the extension in March. Whatever it decides, the winter has settled the argument. ' +
          'Some members still doubt the cost of $4.2 million. Others point to the queue at the bridge. ' +
          'In the words of one council member who voted against the original plan: "I said nobody would ride in January. I was wrong, and I am happy to say so."',
      ),
    ]);
    const script = buildOfflineScript(piece, { language: 'en', maxSections: 12, charBudget: 2400 });
    const closing = script.sections.at(-1)!.narrations.map((n) => n.text);
    expect(closing[0]).toContain('I was wrong, and I am happy to say so.');
    expect(closing[0]).toContain('one council member');
    expect(closing.join(' ')).not.toContain('original article');
  });
  it('gives a quote that other points follow a slide of its own, titled by whose words they are', () => {
    const piece = articleOf('The winter the bike lanes stayed open', 'en', [
      p('Northfield kept its protected bike lanes open all winter, and 610 cyclists a day still used them.'),
      p(
        'The snow plough crews cleared the lanes before the big ploughs came through every morning. ' +
          '"We stopped treating the bike lanes as an afterthought," said Dana Whitfield, the director of public works. ' +
          'Deliveries by cargo bike, which a handful of shops started during the pandemic, carried on through the winter. ' +
          'The bakery on Mill Street now sends almost all of its morning orders by cargo bike.',
      ),
      p(
        'None of this has come free. The winter maintenance of the lanes costs about $90,000 a year, mostly in salt. ' +
          'Biologists have measured rising chloride levels in the creek that runs along River Street.',
      ),
    ]);
    const script = buildOfflineScript(piece, { language: 'en', maxSections: 12, charBudget: 2400 });
    const quoted = script.sections.find((s) => s.layout === 'quote')!;
    expect(quoted.title).toBe('In Whitfield’s words');
    expect(quoted.narrations.map((n) => n.text).join(' ')).not.toMatch(/cargo|bakery/u);
    const next = script.sections[script.sections.indexOf(quoted) + 1]!;
    expect(next.narrations[0]!.text).toMatch(/^Deliveries by cargo bike/u);
    expect(next.title).toMatch(/cargo bike/iu);
    // A short set-up is said with the figure showing, not left alone on a slide.
    const figure = script.sections.find((s) => s.layout === 'figure')!;
    expect(figure.narrations[0]!.text).toBe('None of this has come free.');
    expect(figure.bullets).not.toContain('None of this has come free');
    expect(
      script.sections.some((s) => s.narrations.length === 1 && s.narrations[0]!.text.startsWith('None')),
    ).toBe(false);
  });
  it('shows a book chapter’s epigraph as a quote on the first body slide, after the title slide', () => {
    const epigraph: ArticleBlock = {
      type: 'paragraph',
      text: 'A dull tool is more dangerous than a sharp one, because it has to be forced.',
      quoted: true,
    };
    const piece = articleOf('Chapter 4: Keeping Tools Sharp', 'en', [
      epigraph,
      p(
        'Every woodworker eventually learns that sharpening is not a chore that interrupts the work. A sharp chisel slices end grain cleanly and goes exactly where you point it.',
      ),
      p(
        'This chapter explains what sharp actually means, which stones you need, and a routine that takes about five minutes per blade.',
      ),
      p('The routine works for chisels and plane irons alike; carving tools need their own methods.'),
      h2('What sharp means'),
      p(
        'An edge is the line where two flat surfaces meet. The sharper the tool, the smaller the radius of that line. If you can see the edge, it is not sharp.',
      ),
      h2('How often'),
      p('Sharpen little and often, and the coarse stone will rarely be needed after the first time.'),
    ]);
    const script = buildOfflineScript(piece, { language: 'en', maxSections: 12, charBudget: 2400 });
    const opening = script.sections[0]!.narrations.map((n) => n.text).join(' ');
    expect(opening).not.toContain('A dull tool');
    expect(opening).toMatch(/^Today we look at "Chapter 4/u);
    const first = script.sections[1]!;
    expect(first.layout).toBe('quote');
    expect(first.quote).toEqual({
      text: 'A dull tool is more dangerous than a sharp one, because it has to be forced',
    });
    expect(first.narrations.map((n) => n.text)).toEqual([epigraph.text]);
  });
  it('shows both panels a section offers, each on the slide that says it', () => {
    const piece = articleOf('The winter the bike lanes stayed open', 'en', [
      p('Northfield kept its protected bike lanes open all winter, and most riders stayed with them.'),
      h2('The machine'),
      p(
        'The difference came down to a single small machine that the public works crews drive. ' +
          'Two years ago the city bought a narrow tractor with a brush and a salt spreader, at a cost of $148,000. ' +
          'Because it fits inside the protected lanes, it can clear them before the large ploughs come through. ' +
          '"We stopped treating the bike lanes as an afterthought," said Dana Whitfield, the director of public works.',
      ),
      h2('Schools'),
      p(
        'Parents organised bike buses to the two middle schools, and they kept running through January. ' +
          'Teachers say the riders arrive more awake than children who come by car. ' +
          'The school district now wants the network extended to the high school on the edge of town. ' +
          'The council will vote on that extension in March, after the budget talks.',
      ),
    ]);
    const script = buildOfflineScript(piece, { language: 'en', maxSections: 12, charBudget: 2400 });
    const machine = script.sections.filter((s) => s.title.startsWith('The machine'));
    expect(machine.map((s) => s.layout ?? 'bullets')).toEqual(['bullets', 'figure', 'quote']);
    expect(machine[1]!.figure?.value).toBe('$148,000');
    expect(machine[1]!.narrations[0]!.text).toContain('$148,000');
    expect(machine[2]!.quote?.by).toBe('Dana Whitfield');
  });

  it('titles by its scope only the slide a scope sentence opens; said after another point, the slide stays the introduction', () => {
    const epigraph: ArticleBlock = {
      type: 'paragraph',
      text: 'A dull tool is more dangerous than a sharp one, because it has to be forced.',
      quoted: true,
    };
    const piece = articleOf('Chapter 4: Keeping Tools Sharp', 'en', [
      epigraph,
      p(
        'Every woodworker eventually learns that sharpening is not a chore that interrupts the work. ' +
          'It is the work, or at least the part of it that decides whether everything else goes well. ' +
          'A sharp chisel slices end grain cleanly and goes exactly where you point it. ' +
          'A dull one crushes the fibres, skids off the surface and tempts you to push harder, which is how most workshop injuries happen.',
      ),
      p(
        'This chapter explains what "sharp" actually means, which stones you need, and a routine that takes about five minutes per blade once you are used to it. ' +
          'The routine works for chisels and plane irons alike; carving tools and saws need their own methods and are covered in chapter 7.',
      ),
      h2('What sharp means'),
      p(
        'An edge is the line where two flat surfaces meet. The sharper the tool, the smaller the radius of that line. If you can see the edge, it is not sharp.',
      ),
      h2('How often'),
      p('Sharpen little and often, and the coarse stone will rarely be needed after the first time.'),
    ]);
    const script = buildOfflineScript(piece, { language: 'en', maxSections: 12, charBudget: 2400 });
    const scope = script.sections.find((s) =>
      s.narrations.some((n) => n.text.startsWith('This chapter explains')),
    );
    expect(scope?.title).toBe('What this chapter covers');
    // "A dull one…" stays on the slide of "A sharp chisel…" it leans on.
    const dull = script.sections.find((s) => s.narrations.some((n) => n.text.startsWith('A dull one')));
    expect(dull?.narrations.some((n) => n.text.startsWith('A sharp chisel'))).toBe(true);
    expect(dull?.narrations[0]?.text).not.toMatch(/^A dull one/u);
    // The epigraph names no one: it is titled by its part, not by a word of the quote ("Dull tool").
    expect(script.sections[1]?.layout).toBe('quote');
    expect(script.sections[1]?.title).toBe('Introduction');
    // Its argument opens with no phrase to name it: the introduction goes on, not "Sharp chisel" of a later sentence.
    const argument = script.sections.find((s) => s.narrations[0]?.text.startsWith('Every woodworker'));
    expect(argument?.title).toBe('Introduction');
  });

  it('keeps a figure said in one short sentence on a slide with the point after it', () => {
    const bread = articleOf('米粉パンの作り方', 'ja', [
      p(
        'オーブンがなくても、フライパンひとつで焼きたてのパンが作れます。こねる必要がなく、朝ごはんにも間に合います。',
      ),
      h2('保存のしかた'),
      p(
        '米粉パンは、時間がたつとかたくなりやすいのが弱点です。食べきれない分は、冷めてから一切れずつラップで包み、冷凍庫で保存しましょう。',
      ),
      p('2週間ほどおいしく食べられます。'),
      p('食べるときは、電子レンジで20秒ほど温めてから、フライパンで両面を軽く焼くと、もちもち感が戻ります。'),
    ]);
    const script = buildOfflineScript(bread, { language: 'ja', maxSections: 12, charBudget: 1000 });
    const figure = script.sections.find((s) => s.layout === 'figure');
    expect(figure?.figure?.value).toBe('2週間');
    // Not a slide for a three-second sentence with the last point alone after it.
    expect(figure?.narrations.length).toBeGreaterThan(1);
  });
});
