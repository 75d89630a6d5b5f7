import { describe, expect, it } from 'vitest';
import { articleOf, h2, p } from '../../fixtures/script/test-articles.ts';
import { buildOfflineScript } from './offline.ts';
import { mainStoryLine, storyLines } from './story-line.ts';

const TITLE = '欲張りなイヌ';
const PART =
  'ある日のこと、イヌは肉屋の店先から、大きな骨つきの肉を一切れくすねて走り出しました。「しめしめ、今日はついているぞ。だれにもとられないように、家に帰ってからゆっくり食べよう」' +
  'イヌは肉をしっかりくわえて、一本橋を渡り始めました。' +
  '「おや、あいつの肉のほうが、おれの肉よりも大きく見えるぞ」欲張りなイヌは、川の中のイヌの肉がほしくてたまらなくなりました。「よし、おどかして、あの肉も取り上げてやろう」';

describe('storyLines', () => {
  it('credits a line to the subject of the told sentence before it', () => {
    expect(
      storyLines(
        'ある日のこと、イヌは肉屋の店先から、大きな骨つきの肉を一切れくすねて走り出しました。「しめしめ、今日はついているぞ。だれにもとられないように、家に帰ってからゆっくり食べよう」',
        'ja',
        TITLE,
        PART,
      ),
    ).toEqual([
      {
        text: 'しめしめ、今日はついているぞ。だれにもとられないように、家に帰ってからゆっくり食べよう',
        by: 'イヌ',
      },
    ]);
  });

  it('credits a line to the subject of the sentence after it, past its describing words', () => {
    const lines = storyLines(
      '「おや、あいつの肉のほうが、おれの肉よりも大きく見えるぞ」欲張りなイヌは、川の中のイヌの肉がほしくてたまらなくなりました。「よし、おどかして、あの肉も取り上げてやろう」',
      'ja',
      TITLE,
      PART,
    );
    expect(lines.map((l) => l.by)).toEqual(['イヌ', 'イヌ']);
    expect(mainStoryLine(lines)?.text).toBe('おや、あいつの肉のほうが、おれの肉よりも大きく見えるぞ');
  });

  it('takes the speaker its own report names', () => {
    expect(
      storyLines(
        '「今日はなんていい天気なんだろう」と、キツネはつぶやきました。',
        'ja',
        'キツネとブドウ',
        '',
      ),
    ).toEqual([{ text: '今日はなんていい天気なんだろう', by: 'キツネ' }]);
    expect(
      storyLines(
        'The fox looked up at the vine. "Those grapes are surely sour anyway," said the fox.',
        'en',
        'The Fox and the Grapes',
        '',
      ),
    ).toEqual([{ text: 'Those grapes are surely sour anyway', by: 'Fox' }]);
  });

  it('credits no one it cannot tell is a character, and shows no sound or quoted name', () => {
    // 肉 is no character: neither in the title nor the subject of the story's sentences.
    expect(
      storyLines('肉は川に落ちました。「ああ、これでもうおしまいだ、どうしよう」', 'ja', TITLE, PART),
    ).toEqual([]);
    // A cry, and a line quoted inside a sentence, are not a character's line.
    expect(storyLines('そこでイヌは、思いきり「ワン！」とほえました。', 'ja', TITLE, PART)).toEqual([]);
    expect(
      storyLines('イヌは「川の中には何がいたと思う？」という声を聞きました。', 'ja', TITLE, PART),
    ).toEqual([]);
  });
});

describe('a told story in an offline script', () => {
  it('shows its character’s most telling line as a quote panel credited to the character', () => {
    const story = articleOf(TITLE, 'ja', [
      p(
        'むかしむかし、ある村に、一匹のイヌがいました。このイヌはとても食いしん坊で、おまけに大の欲張りでした。',
      ),
      p(
        'ある日のこと、イヌは肉屋の店先から、大きな骨つきの肉を一切れくすねて走り出しました。\n「しめしめ、今日はついているぞ。だれにもとられないように、家に帰ってからゆっくり食べよう」',
      ),
      p(
        'イヌは橋の上から川をのぞきこみ、水にうつった自分に向かって「ワン！」とほえました。肉は川の中へ落ちてしまいました。',
      ),
      h2('このお話の教訓'),
      p(
        '欲張ってもっと多くを手に入れようとすると、今持っている大切なものまでなくしてしまうことがあります。自分がすでに持っているものの値打ちを忘れないようにしましょう。',
      ),
    ]);
    const script = buildOfflineScript(story, { language: 'ja', maxSections: 12, charBudget: 650 });
    const quotes = script.sections.filter((s) => s.layout === 'quote').map((s) => s.quote);
    expect(quotes).toEqual([
      {
        text: 'しめしめ、今日はついているぞ。だれにもとられないように、家に帰ってからゆっくり食べよう',
        by: 'イヌ',
      },
    ]);
  });
});
