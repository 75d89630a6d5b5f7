import type { Language, Narration, Script, Section, SpeakerId } from '../schema/script.ts';
import { narrationChars } from './bounds.ts';
import { japaneseReading } from './katakana.ts';
import { stableHash } from './wording.ts';

/**
 * The asker's lines come on top of the narration budget, up to this share of it: the explainer
 * still tells as much of the article as a narration would.
 */
export const ASKER_SHARE = 0.25;
/** The titles the offline script gives sections without a heading ("Part 2", 「その2」, "Title (2/3)"). */
const NEUTRAL_TITLE = /^(?:その\d+|Part \d+)$|\(\d+\/\d+\)$/u;
/** No phrase of the asker is said more than this many times in one video. */
const MAX_PHRASE_USES = 2;
/** The asker reacts after this many explainer turns in a row. */
const TURNS_BEFORE_REACTION = 2;

interface AskerLines {
  opening: readonly string[];
  /** Asks about a section by its heading. */
  aboutHeading: ReadonlyArray<(heading: string) => string>;
  /** Asks for the next part of an article without headings. */
  goOn: readonly string[];
  react: readonly string[];
  /** Sums a point up in the asker's words (`point` is a slide bullet). */
  sumUp: ReadonlyArray<(point: string) => string>;
  closing: readonly string[];
}

/**
 * The asker's lines. ずんだもん's 「〜のだ」 is the character's flavour in Japanese; in English the
 * asker is simply curious. Each list is long enough that a video of 14 slides need not repeat a
 * line more than twice.
 */
const ASKER: Record<Language, AskerLines> = {
  ja: {
    opening: ['今日はどんな記事を読むのだ？', '今回は何のお話なのだ？', '今日のテーマを教えてほしいのだ。'],
    aboutHeading: [
      (h) => `次は「${h}」なのだ？`,
      (h) => `「${h}」について教えてほしいのだ。`,
      (h) => `「${h}」って、どういうことなのだ？`,
      (h) => `じゃあ、「${h}」はどうなのだ？`,
    ],
    goOn: [
      'それで、どうなったのだ？',
      '続きが気になるのだ。',
      'もっと詳しく知りたいのだ。',
      'その先も聞かせてほしいのだ。',
    ],
    react: [
      'なるほどなのだ。',
      'へえ、知らなかったのだ！',
      'ふむふむ、それで？',
      'それはびっくりなのだ。',
      'うんうん、わかるのだ。',
      'おもしろいのだ！',
      'そうだったのだ。',
    ],
    sumUp: [(p) => `ポイントは「${p}」なのだ。`, (p) => `「${p}」。覚えておくのだ。`],
    closing: ['よくわかったのだ！最後にまとめてほしいのだ。', '勉強になったのだ。まとめをお願いするのだ。'],
  },
  en: {
    opening: [
      'So, what are we reading today?',
      'What is today’s story about?',
      'What have you brought us this time?',
    ],
    aboutHeading: [
      (h) => `What about "${h}"?`,
      (h) => `Tell me about "${h}".`,
      (h) => `Next up is "${h}", right?`,
      (h) => `And "${h}"? What is that about?`,
    ],
    goOn: [
      'And then what happened?',
      'What comes next?',
      'Go on, I want to hear more.',
      'So where does it go from there?',
    ],
    react: [
      'I see.',
      'Oh, interesting!',
      'Huh, I did not know that.',
      'Go on.',
      'That makes sense.',
      'Wow.',
      'Right.',
    ],
    sumUp: [(p) => `So, in short: ${p}?`, (p) => `Got it: ${p}.`],
    closing: ['That was a lot. Can you sum it up?', 'Thanks! Could you wrap it up for us?'],
  },
};

/** Picks lines in a fixed order from each list, each at most MAX_PHRASE_USES times. */
class LinePicker {
  private readonly uses = new Map<unknown, number>();
  private readonly next = new Map<readonly unknown[], number>();

  constructor(private readonly seed: number) {}

  pick<T>(lines: readonly T[]): T | undefined {
    const start = this.next.get(lines) ?? this.seed % lines.length;
    for (let k = 0; k < lines.length; k++) {
      const line = lines[(start + k) % lines.length]!;
      if ((this.uses.get(line) ?? 0) >= MAX_PHRASE_USES) continue;
      this.uses.set(line, (this.uses.get(line) ?? 0) + 1);
      this.next.set(lines, (start + k + 1) % lines.length);
      return line;
    }
    return undefined;
  }
}

const asker = (text: string, language: Language): Narration => {
  const reading = language === 'ja' ? japaneseReading(text) : undefined;
  return { text, speaker: 'asker', ...(reading ? { reading } : {}) };
};
const as = (speaker: SpeakerId, narration: Narration): Narration => ({ ...narration, speaker });

/** A bullet the asker can say back: a whole point, without "…". */
function sayablePoint(bullet: string | undefined, language: Language): string | undefined {
  if (!bullet || bullet.endsWith('…') || bullet.length > (language === 'ja' ? 30 : 70)) return undefined;
  // Quoted by the asker in Japanese: a bullet with its own brackets would nest them.
  if (language === 'ja' && /[「」『』]/u.test(bullet)) return undefined;
  return language === 'en' ? bullet[0]!.toLowerCase() + bullet.slice(1) : bullet;
}

/**
 * A narration script retold as a dialogue (掛け合い): the explainer says every narration of the
 * script (its bullets appear as before); the asker opens each section with a question built from
 * its heading, reacts or sums a point up between the explainer's turns, and asks for the
 * summary at the end. Asker lines are dropped from the end when they would take the script past
 * `charBudget` (the narration's budget plus the asker's share).
 */
export function toDialogue(script: Script, charBudget: number): Script {
  const language = script.language;
  const lines = ASKER[language];
  const picker = new LinePicker(stableHash(script.title));
  const sections: Section[] = script.sections.map((section, i) => {
    const previous = script.sections[i - 1];
    const narrations: Narration[] = [];
    const say = (line: string | undefined) => {
      if (line) narrations.push(asker(line, language));
    };
    if (section.kind === 'opening') say(picker.pick(lines.opening));
    else if (section.kind === 'closing') {
      // Asked once, before the closing's first slide.
      if (previous?.kind !== 'closing') say(picker.pick(lines.closing));
    } else if (previous?.title !== section.title) {
      // A section's first slide: the asker asks about it.
      const heading = NEUTRAL_TITLE.test(section.title) ? undefined : section.title;
      say(heading ? picker.pick(lines.aboutHeading)?.(heading) : picker.pick(lines.goOn));
    }
    let run = 0;
    section.narrations.forEach((narration, k) => {
      narrations.push(as('explainer', narration));
      run++;
      const last = k === section.narrations.length - 1;
      if (section.kind !== 'body' || last || run < TURNS_BEFORE_REACTION) return;
      run = 0;
      const point = sayablePoint(
        narration.bullet === undefined ? undefined : section.bullets[narration.bullet],
        language,
      );
      const sumUp = point ? picker.pick(lines.sumUp) : undefined;
      say(sumUp && point ? sumUp(point) : picker.pick(lines.react));
    });
    return { ...section, narrations };
  });
  return withinBudget({ ...script, style: 'dialogue', sections }, charBudget);
}

/**
 * Drops the asker's lines until the script fits the budget: reactions first (from the last), then
 * the questions that open sections, then the opening and closing questions.
 */
function withinBudget(script: Script, charBudget: number): Script {
  const passes: Array<(section: Section, k: number) => boolean> = [
    (section, k) => section.kind === 'body' && k > 0,
    (section) => section.kind === 'body',
    () => true,
  ];
  let result = script;
  for (const droppable of passes) {
    while (narrationChars(result) > charBudget) {
      const s = result.sections.findLastIndex((section) =>
        section.narrations.some((n, k) => n.speaker === 'asker' && droppable(section, k)),
      );
      if (s < 0) break;
      const section = result.sections[s]!;
      const k = section.narrations.findLastIndex((n, j) => n.speaker === 'asker' && droppable(section, j));
      const sections = [...result.sections];
      sections[s] = { ...section, narrations: section.narrations.filter((_, j) => j !== k) };
      result = { ...result, sections };
    }
  }
  return result;
}
