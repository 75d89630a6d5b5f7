import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../fixtures/real-world/expectations.ts';
import { type CorpusServer, serveCorpus } from '../fixtures/real-world/serve-corpus.ts';
import { corpusPages } from './corpus.ts';
import { measurePage, type PageQuality, pageProblems } from './measure.ts';

/**
 * The quality report's measures over the whole corpus, held to this bar: no furniture in
 * any narration, bullet or title; no bullet cut mid-phrase; a content picture in every video of
 * a page that has one and never a decorative one; three layouts or more in every video over 90 s;
 * the Chinese and German pages refused with UNSUPPORTED_LANGUAGE; the wrong-charset page read right.
 */
const pages = corpusPages();
const results = new Map<string, PageQuality>();
let server: CorpusServer;

beforeAll(async () => {
  server = await serveCorpus();
  for (const page of pages) {
    results.set(page.slug, await measurePage(page.slug, server.pageUrl(page.slug), page.expected));
  }
});
afterAll(() => server.close());

describe('quality over the real-world corpus', () => {
  it('has at least 15 pages, one of them refused as unsupported', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(pages.some((p) => p.expected.expectError === 'UNSUPPORTED_LANGUAGE')).toBe(true);
  });

  it.each(pages.map((p) => [p.slug, p] as const))('%s meets the bar', (slug, page) => {
    const quality = results.get(slug)!;
    expect(pageProblems(quality, page.expected)).toEqual([]);
  });

  it('refuses the Chinese page offline and reads the wrong-charset page as Japanese', () => {
    expect(results.get('zh-news')?.error).toBe('UNSUPPORTED_LANGUAGE');
    const wrongCharset = results.get('ja-wrong-charset')!;
    expect(wrongCharset.error).toBeUndefined();
    expect(wrongCharset.language).toBe('ja');
    expect(wrongCharset.title).toBe(pages.find((p) => p.slug === 'ja-wrong-charset')?.expected.title);
    expect(wrongCharset.script?.sections.flatMap((s) => s.narrations.map((n) => n.text)).join('')).toContain(
      '天気予報',
    );
  });

  it('says the snippets every page must keep (mustKeep, headings aside): at least 55 of the 59', () => {
    const bare = (t: string) => t.replace(/[\s\u3000"“”「」・]/gu, '').toLowerCase();
    const missing: string[] = [];
    let total = 0;
    for (const { slug, expected } of loadCorpus()) {
      const script = results.get(slug)?.script;
      if (!script) continue;
      const said = bare(
        script.sections
          .flatMap((s) => [
            ...s.narrations.map((n) => n.text),
            ...s.bullets,
            ...(s.quote ? [s.quote.text] : []),
          ])
          .join('|'),
      );
      for (const snippet of expected.mustKeep.filter((m) => !(expected.headings ?? []).includes(m))) {
        total++;
        if (!said.includes(bare(snippet))) missing.push(`${slug}: ${snippet}`);
      }
    }
    expect(total).toBeGreaterThanOrEqual(59);
    expect(missing.length, missing.join('\n')).toBeLessThanOrEqual(4);
  });

  it('never fetches a decorative picture: the offline script names only content pictures', () => {
    const used = [...results.values()].flatMap((r) => r.pictures);
    expect(used.length).toBeGreaterThan(0);
    expect([...results.values()].flatMap((r) => r.decorativePictures)).toEqual([]);
  });

  it('never repeats a slide’s title as a label in front of its bullet (「ぬるま湯の温度：…」 under 「ぬるま湯の温度」)', () => {
    const labelled = [...results.values()].flatMap(
      (r) =>
        r.script?.sections.flatMap((s) =>
          s.bullets.filter((b) => b.startsWith(`${s.title}：`) || b.startsWith(`${s.title}:`)),
        ) ?? [],
    );
    expect(labelled).toEqual([]);
  });

  it('shows each picture once, on the slide whose narration says what it shows, captioned only by a real caption', () => {
    const bodies = (slug: string) => results.get(slug)!.script!.sections.filter((s) => s.kind === 'body');
    const said = (slug: string, file: string) =>
      bodies(slug)
        .filter((s) => s.image?.url.endsWith(file))
        .map((s) => s.narrations.map((n) => n.text).join(''));
    // The bridge picture shows while the dog crosses the bridge, without the site's label for a caption.
    expect(said('ja-story-dog', 'inu-bridge.jpg')).toHaveLength(1);
    expect(said('ja-story-dog', 'inu-bridge.jpg')[0]).toContain('橋');
    expect(bodies('ja-story-dog').find((s) => s.image)?.image?.caption).toBeUndefined();
    // The herring picture is the title card's: the slide that says it best (the white sea) is the
    // one right after the title card, so it is not repeated beside bullets it does not illustrate.
    expect(said('ja-news-sjis', 'nishin.jpg')).toEqual([]);
    // The title card's picture shows again only in a body without other pictures.
    for (const slug of ['news-harbour', 'ja-howto-bread']) {
      const lead = results.get(slug)!.script!.leadImage!.url;
      expect(
        bodies(slug).filter((s) => s.image?.url === lead),
        slug,
      ).toEqual([]);
    }
    // Pots cooling on shelves do not show while the fire is lit.
    expect(said('figures-pottery', 'shelf.jpg').join(' ')).not.toContain('light a small fire');
    // (It may show on no slide: the slide saying the kiln cools is a figure panel, which takes no picture.)
    for (const narration of said('figures-pottery', 'shelf.jpg')) expect(narration).toContain('cool');
    // The ash glaze appears as the ash is mentioned, not two narrations earlier.
    const glaze = bodies('figures-pottery').find((s) => s.image?.url.endsWith('glaze-large.jpg'));
    expect(glaze?.narrations[0]?.text).toContain('ash');
    // The quay at night: no narration talks about the night, so it shows where it sits on the
    // page, at the end of "A quiet quay", not on a slide of another section.
    // (a later slide of the section may carry its own subtopic: "Battery store").
    const news = bodies('news-harbour');
    const quay = news.flatMap((s, k) => (s.image?.url.endsWith('quay-night.jpg') ? [k] : []));
    const sectionStart = news.findIndex((s) => s.title === 'A quiet quay');
    const nextSection = news.findIndex((s) => s.title === 'Who pays');
    expect(quay).toHaveLength(1);
    expect(quay[0]).toBeGreaterThanOrEqual(sectionStart);
    expect(quay[0]).toBeLessThan(nextSection);
    // The lens in the infobox keeps its caption; shown again (it may not be: it is the title
    // card's picture), it shows as the lens is said.
    const lighthouse = results.get('wiki-lighthouse')!.script!;
    expect(lighthouse.leadImage?.caption).toBe('The first-order lens, installed in 1871');
    for (const narration of said('wiki-lighthouse', 'lens.jpg')) expect(narration).toContain('lens');
    // The tower photo shows in its section, History.
    expect(said('wiki-lighthouse', 'tower.jpg')).toHaveLength(1);
    // The lead picture never shows on the slide right after the title card that shows it.
    for (const page of pages) {
      const script = results.get(page.slug)?.script;
      const first = script?.sections.find((s) => s.kind === 'body');
      if (script?.leadImage && first?.image)
        expect(first.image.url, page.slug).not.toBe(script.leadImage.url);
    }
    // The risen dough shows with the step that pours it into the pan.
    expect(said('ja-howto-bread', 'dough.jpg').join('')).toContain('生地');
    for (const page of pages) {
      const urls = results
        .get(page.slug)
        ?.script?.sections.flatMap((s) => (s.kind === 'body' && s.image ? [s.image.url] : []));
      expect(new Set(urls).size, page.slug).toBe(urls?.length ?? 0);
    }
  });

  it('titles each slide of a part without headings by what that slide says, a story neutrally', () => {
    const bodies = (slug: string) => results.get(slug)!.script!.sections.filter((s) => s.kind === 'body');
    const neutral = /^(?:Introduction|Part \d+|The story|はじめに|その\d+|おはなし)$/u;
    for (const slug of ['long-no-headings', 'ja-news-sjis']) {
      for (const [k, slide] of bodies(slug).entries()) {
        if (neutral.test(slide.title)) continue;
        // A quote's slide is titled by whose words it shows.
        if (slide.layout === 'quote' && slide.quote?.by) {
          expect(slide.quote.by).toContain(slide.title.replace(/^In |’s? words$|の言葉$/gu, ''));
          continue;
        }
        // A slide that says nothing to title it by goes with its neighbour, under its part's title.
        if ([k - 1, k + 1].some((j) => bodies(slug)[j]?.title === slide.title)) continue;
        const text = slide.narrations
          .map((n) => n.text)
          .join(' ')
          .toLowerCase();
        // (「群来とは」 titles the slide that says what 群来 is.)
        // A shown reading (「群来（くき）とは」) is not a word the slide says.
        const words = slide.title
          .toLowerCase()
          // (「観光への活用」 names what the slide says to use something for: 「観光にも生かしたい」.)
          .replace(/とは$|への活用$/u, '')
          .replace(/（[\p{Script=Hiragana}ー]+）/gu, '');
        // An act is titled by its noun ("Residents’ prediction" for "Residents predicted…"): the
        // word's stem must be said.
        for (const word of words.split(' ')) {
          const bare = word.replace(/[’']s?$/u, '').replace(/s$/u, '');
          const stem = /^[a-z]+$/u.test(bare) ? bare.slice(0, Math.max(4, bare.length - 4)) : bare;
          expect(text, `${slug}: "${slide.title}"`).toContain(stem);
        }
      }
    }
    // "Introduction" only opens a video, never titles a slide in its middle.
    for (const page of pages) {
      const titles =
        results
          .get(page.slug)
          ?.script?.sections.filter((s) => s.kind === 'body')
          .map((s) => s.title) ?? [];
      const intro = titles.map((t) => /^(?:Introduction|はじめに)$/u.test(t));
      const firstOther = intro.indexOf(false);
      if (firstOther >= 0) expect(intro.slice(firstOther), page.slug).not.toContain(true);
    }
    // The slide about the predicted slush is not titled "Counters".
    const slush = bodies('long-no-headings').find((s) =>
      s.narrations[0]?.text.startsWith('Residents predicted'),
    );
    expect(slush?.title).not.toBe('Counters');
    // The fable itself is "the story", not a detail of its first scene (「肉屋の店先」); its later
    // slides are named by the scene they open with (never a later reveal), never numbered.
    const story = bodies('ja-story-dog').filter((s) => s.narrations.some((n) => n.text.includes('一本橋')));
    expect(story.map((s) => s.title)).toEqual(['おはなし：小川にかかる一本橋']);
    expect(bodies('ja-story-dog').some((s) => /（\d）$/u.test(s.title))).toBe(false);
  });
});
