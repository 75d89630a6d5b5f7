/**
 * Which sentences of an article the offline script says: an article within the automatic budget
 * is said whole; when it must be cut, definitions, caveats and answers stay while scene-setting
 * goes; the lead's later paragraphs are said; an enumeration is shown on one slide.
 */
import { describe, expect, it } from 'vitest';
import { articleOf, h2, p } from '../../fixtures/script/test-articles.ts';
import { autoCharBudget } from './language.ts';
import { buildOfflineScript } from './offline.ts';
import { splitSentences } from './sentences.ts';

const LIGHTHOUSE = articleOf('Karsholm Lighthouse', 'en', [
  p(
    'Karsholm Lighthouse is an active lighthouse on Karsholm Point, at the northern end of a long sandbank that has wrecked ships for centuries. The round brick tower, 38 metres tall, was completed in 1871 and still carries its original lens.',
  ),
  p(
    'The light was staffed by keepers and their families for 118 years until it was automated in 1989. Since 2004 the keepers’ houses have served as a small maritime museum, which receives about 40,000 visitors a year.',
  ),
  h2('History'),
  p(
    'After three ships were lost on the bank in the winter of 1866, the coastal commission asked the state for a light at the point. The engineer chose brick over iron because the point had no harbour.',
  ),
  p(
    'Work began in the spring of 1869. A crew of about 60 men built the tower in two summers, stopping each winter when storms made the site unsafe.',
  ),
  h2('Museum'),
  p(
    'The keepers’ houses were restored between 2001 and 2004 and opened as a museum of coastal life. Visitors can climb the 172 steps to the lantern gallery from April to October.',
  ),
]);

const said = (script: ReturnType<typeof buildOfflineScript>) =>
  script.sections.flatMap((s) => s.narrations.map((n) => n.text)).join(' ');

describe('offline script coverage', () => {
  it('says a whole article that fits the automatic budget, the lead’s second paragraph included', () => {
    const charBudget = autoCharBudget('en', LIGHTHOUSE.textLength ?? 0);
    const script = buildOfflineScript(LIGHTHOUSE, { language: 'en', maxSections: 14, charBudget });
    const text = said(script);
    for (const sentence of LIGHTHOUSE.paragraphs.flatMap((para) => splitSentences(para, 'en'))) {
      expect(text).toContain(sentence.replace(/’/gu, "'").slice(0, 40).replace(/'/gu, '’'));
    }
    // The lead's second paragraph is an introduction of its own, not the title slide's.
    const intro = script.sections.find((s) => s.narrations.some((n) => n.text.includes('118 years')))!;
    expect(intro.kind).toBe('body');
    // Titled by its topic (else "Introduction"), never by the article's title.
    expect(intro.title).not.toBe(script.title);
    expect(intro.title).toBe('Round brick tower');
  });

  it('keeps a definition and a caveat and cuts scene-setting when the budget forces cuts', () => {
    const news = articleOf('湾に鰊の群れ戻る', 'ja', [
      p(
        '北浜湾に鰊の大群が押し寄せ、海面が白く濁る「群来」と呼ばれる現象が１３日、約４０年ぶりに確認された。',
      ),
      h2('群来とは'),
      p(
        '群来は、鰊の雌が海藻に卵を産みつけ、雄が放つ精子で海の色が乳白色に変わる現象だ。かつて北浜は鰊漁で栄えた。',
      ),
      h2('回復の理由'),
      p(
        '研究員は「３０年以上の積み重ねが実を結んだ」と分析する。一方で、海水温の上昇が続けば産卵場所が北へ移る恐れもあり、「一年の結果で安心せず、観測を続ける必要がある」とくぎを刺した。',
      ),
      h2('湾の様子'),
      p(
        '町役場は今月下旬、湾を見渡す高台に観察用の展望スペースを設ける。この日、湾を見下ろす防波堤には、知らせを聞いた住民や写真愛好家らが朝早くから集まった。',
      ),
    ]);
    // Under the article's length with its introduction and closing (narrated in the polite style,
    // a few characters longer than the page): something must go.
    const script = buildOfflineScript(news, { language: 'ja', maxSections: 14, charBudget: 305 });
    const text = said(script);
    expect(text).toContain('乳白色に変わる現象です');
    expect(text).toContain('一年の結果で安心せず');
    expect(text).toContain('３０年以上の積み重ね');
    expect(text).not.toContain('防波堤');
  });

  it('shows an enumeration’s announcement and all its items on one slide', () => {
    const reasons = articleOf('Why the herring came back', 'en', [
      p(
        'Herring returned to the bay this spring for the first time in forty years, the fisheries office said.',
      ),
      h2('The reasons'),
      p(
        '"We have waited for this for a long time, and the whole harbour is celebrating," said Takashi Sasaki, the head of the local fishing cooperative.',
      ),
      p(
        'Researchers at the fisheries institute give three reasons for the recovery. First, young fish have been released into the bay every year since the 1990s. Second, fishermen sank rocks on the sea floor so that seaweed could take root again. Third, the cooperative agreed to use wider nets so that small herring escape. None of them would have been enough on its own, the researchers say.',
      ),
    ]);
    const script = buildOfflineScript(reasons, { language: 'en', maxSections: 14, charBudget: 2000 });
    const withItems = script.sections.filter((s) =>
      s.narrations.some((n) => /^(?:First|Second|Third|Researchers)\b/u.test(n.text)),
    );
    expect(withItems).toHaveLength(1);
    const texts = withItems[0]!.narrations.map((n) => n.text).join(' ');
    expect(texts).toContain('three reasons');
    expect(texts).toContain('Third,');
  });
});
