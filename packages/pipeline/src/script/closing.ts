import type { Language, Narration, Quote, Section } from '../schema/script.ts';
import { bulletText, sameBullet, stripLeadingConnective, toBullet } from './bullets.ts';
import type { ScoredSentence } from './key-sentences.ts';
import { TEXT_LIMITS } from './language.ts';
import { findQuote } from './quote.ts';
import { toSpeakable } from './speakable.ts';
import {
  COMPLETION_STEP,
  CONCLUDES,
  CONCLUSION_CUES,
  isCaveat,
  leansOnPrevious,
  type PointCandidate,
  readsAsConclusion,
  recapPoints,
  standsAlone,
} from './takeaway.ts';
import { pickVariant, WORDING } from './wording.ts';

/** A part of the article as the closing sees it: its heading and its scored sentences. */
export interface ClosingPart {
  topic: { heading?: string };
  scored: readonly ScoredSentence[];
  /** Sentences of the part's lists (they take places in the article's order too). */
  listed: readonly ScoredSentence[];
}

/** Headings of the part of a story that states its moral ("Lessons learned" only sums up). */
const MORAL_HEADING = /(?:教訓|\bmoral\b)/iu;
/** Headings of the part of an article that states its conclusion or moral. */
export const CONCLUSION_HEADING =
  /(?:まとめ(?![てたるりろれま])|結論|教訓|おわりに|さいごに|終わりに|conclusion|summary|takeaway|lesson|moral|bottom line|final thoughts|what we learned|wrapping up|wrap-up|verdict)/iu;

/** A quotation with its speaker named: "…," Ms Halvorsen said. / In the words of …: "…" / 組合長は「…」と話した。 */
const SPOKEN_QUOTE: Record<Language, RegExp> = {
  en: /^(?:in the words of [^:"“]{3,100}:\s*["“].{20,}["”]|["“].{20,}[,.!?]["”]\s+(?:(?:said|says|added)\s+\S.*|\S.{0,60}\s(?:said|says|added))\.)$/iu,
  ja: /^[^「」]{2,40}[はが]「[^」]{8,}」と(?:話|語|述べ|期待|分析|笑|締めくくっ)/u,
};
/** A quotation whose own words already say who is speaking ("In the words of …:"): no lead-in before it. */
const FRAMES_ITSELF: Record<Language, RegExp> = {
  en: /^(?:in the words of|as [^:"“]{3,60} put it)\b/iu,
  ja: /^[^「」。]{1,40}の言葉を借りれば/u,
};
/** A heading that asks a question ("Why wood?", 「なぜ…」): the part answers it. */
const ASKS = /^(?:why|how)\b|[?？]$|なぜ|どうして|理由/iu;
/**
 * What answers a warning: what is being done about it ("The city is testing…", "has switched to",
 * 「対策として…」「試験を始めた」).
 */
const RESPONDS: Record<Language, RegExp> = {
  en: /\b(?:(?:is|are|has been|have been) (?:now )?(?:testing|trying|trialling|piloting|working on|studying|monitoring|introducing|replacing|reducing|cutting)|(?:has|have) (?:already )?(?:switched|started|begun|introduced|stopped|cut|reduced|replaced|changed)|in response|to (?:reduce|limit|avoid|prevent|address) (?:the|this|that|it)\b)/iu,
  ja: /(?:対策|取り組[みん]|試験的|試験を|試して|切り替え|導入し|減らす(?:ため|よう)|防ぐ(?:ため|よう))/u,
};
/** The article's ending is at least its last this many sentences. */
const ENDING_SENTENCES = 3;
/** A short rule that opens the last part ("Sharpen little and often."): the how-to's thesis. */
const MAXIM_CHARS: Record<Language, number> = { en: 60, ja: 30 };
/** An instruction: a sentence that starts with its verb, or 「〜しましょう」. */
const INSTRUCTION: Record<Language, RegExp> = {
  en: /^(?!(?:A|An|The|This|That|These|Those|Its|Their|Our|My|His|Her|It|We|You|I)\s)[A-Z][a-z]+\s[a-z][^,;:]*[.!]?$/u,
  ja: /(?:ましょう|なさい|てください)。?$/u,
};
/** A takeaway shorter than this is a fragment (a credit line, a caption), not a conclusion. */
const MIN_CONCLUSION_CHARS: Record<Language, number> = { ja: 20, en: 50 };
/** Share of the budget the closing's recap may take, and its cap in narrations. */
const RECAP_SHARE = 0.14;
const RECAP_NARRATIONS = 2.2;

/** The article's own last words, when they end it on a quotation or a conclusion. */
export interface ArticleEnding {
  /** The closing quotation with its speaker, shown as a quote panel as it is said. */
  quote?: { sentence: ScoredSentence; quote: Quote; line: string };
  /** The concluding sentence of the last paragraph ("…can work, as long as…"). */
  concluding?: ScoredSentence;
}

/**
 * The article's ending, when it is a real one: the closing quotation of the last paragraph with
 * its speaker named, and the sentence of the ending that concludes. Plans, announcements and
 * sentences that lean on the one before are not endings. The last part keeps at least one
 * sentence of its own.
 */
export function articleEnding(
  parts: readonly ClosingPart[],
  language: Language,
  title: string,
): ArticleEnding {
  const last = parts.at(-1);
  if (!last || last.scored.length < 2) return {};
  // The article's last sentences: its last paragraph, or its last few sentences when that
  // paragraph is only its closing quotation.
  const ordered = [...last.scored].sort((a, b) => a.index - b.index);
  const lastParagraph = ordered.at(-1)!.paragraph;
  const final = ordered.filter(
    (s, k) => s.paragraph === lastParagraph || k >= ordered.length - ENDING_SENTENCES,
  );
  const ending: ArticleEnding = {};
  const closing = final.at(-1);
  const maxChars = TEXT_LIMITS[language].narration;
  if (closing && SPOKEN_QUOTE[language].test(closing.text.trim())) {
    const quote = findQuote(toSpeakable(closing.text.trim()), language);
    const line = lastWordLine(closing.text.trim(), language, title);
    if (quote && line.length <= maxChars) ending.quote = { sentence: closing, quote, line };
  }
  const keeps = last.scored.length - (ending.quote ? 1 : 0);
  const concluding = final.find(
    (s) =>
      s !== ending.quote?.sentence &&
      (CONCLUDES[language].test(s.text) || CONCLUSION_CUES[language].test(s.text)) &&
      s.text.length >= MIN_CONCLUSION_CHARS[language] &&
      standsAlone(s.text, language) &&
      !leansOnPrevious(s.text, language),
  );
  if (concluding && keeps >= 2) ending.concluding = concluding;
  return ending;
}

/** The quotation said with one lead-in at most: none when its own words name who speaks. */
function lastWordLine(sentence: string, language: Language, title: string): string {
  if (FRAMES_ITSELF[language].test(sentence)) return sentence;
  return `${pickVariant(WORDING[language].lastWord, title)}${sentence}`;
}

/** A story's moral, with the way to apply it when the text states one. */
export type StoryMoral = ScoredSentence & {
  /** The moral part's instruction that applies the lesson (「…を忘れないようにしましょう」), as said. */
  application?: string;
};

/**
 * A story's moral as its text states it: the first sentence of its moral part ("The moral",
 * 「このお話の教訓」) that reads as a conclusion on its own, with the part's later instruction that
 * applies it (the lesson's application), when that stands on its own too.
 */
export function storyMoral(parts: readonly ClosingPart[], language: Language): StoryMoral | undefined {
  const moralPart = parts.find((p) => MORAL_HEADING.test(p.topic.heading ?? ''));
  const ordered = [...(moralPart?.scored ?? [])].sort((a, b) => a.index - b.index);
  const moral = ordered.find(
    (s) =>
      s.text.length >= MIN_CONCLUSION_CHARS[language] &&
      readsAsConclusion(s.text, language) &&
      !leansOnPrevious(s.text, language),
  );
  if (!moral) return undefined;
  const application = ordered
    .filter((s) => s.index > moral.index)
    .map((s) => stripLeadingConnective(s.text.trim(), language))
    .map((t) => (language === 'en' ? t.charAt(0).toUpperCase() + t.slice(1) : t))
    .find(
      (t) =>
        INSTRUCTION[language].test(t) &&
        standsAlone(t, language) &&
        !leansOnPrevious(t, language) &&
        !sameBullet(t, moral.text) &&
        toBullet(t, language, TEXT_LIMITS[language].recapBullet, { complete: false }) ===
          bulletText(t, language),
    );
  return application ? { ...moral, application } : moral;
}

/** Characters a story's moral takes when said: its lead-in, the moral and its application. */
export function moralChars(moral: StoryMoral, language: Language): number {
  return (
    WORDING[language].moral(moral.text).length +
    (moral.application ? endSentence(moral.application, language).length : 0)
  );
}

/** Characters the recap may take: a share of the budget, at most a few narrations. */
export function recapBudget(charBudget: number, language: Language): number {
  return Math.floor(Math.min(TEXT_LIMITS[language].narration * RECAP_NARRATIONS, charBudget * RECAP_SHARE));
}

export interface RecapSource {
  language: Language;
  titleTerms: readonly string[];
  lead: readonly ScoredSentence[];
  parts: readonly ClosingPart[];
  /** The sentences each part says in the video (a finding is repeated only when the body said it). */
  said: ReadonlyArray<readonly ScoredSentence[]>;
  ending: ArticleEnding;
  /** Characters the recap may take. */
  maxChars: number;
}

/**
 * The points the closing repeats (see recapPoints): the lead's statement of the headline (the
 * facts the article leads with), the first point each part says, the
 * sentences that sum up (a "Conclusion" part, "In short, …", the short rule opening the last
 * part), the measured findings the body said, and the concluding last sentence, which is always
 * said when it fits (the body leaves it to the closing).
 */
export function closingRecap(source: RecapSource): PointCandidate[] {
  const { language, lead, parts, said, ending } = source;
  const bulletChars = TEXT_LIMITS[language].recapBullet;
  const recapLead = WORDING[language].recapLead;
  const maxPointChars = TEXT_LIMITS[language].narration - recapLead.length;
  const candidates: PointCandidate[] = [];
  const add = (
    s: ScoredSentence,
    origin: PointCandidate['origin'],
    at: number,
    part: number,
    extra: { required?: boolean; maxim?: boolean; opens?: boolean; answers?: boolean } = {},
  ) => {
    const stripped = stripLeadingConnective(s.text, language);
    const text = language === 'en' ? stripped.charAt(0).toUpperCase() + stripped.slice(1) : stripped;
    if (!standsAlone(text, language, { maxim: extra.maxim ?? false })) return;
    const bullet = recapBullet(text, language, bulletChars);
    // A point is never shown cut off: one with no whole short form is not repeated.
    if (!bullet) return;
    candidates.push({
      text,
      bullet,
      origin,
      at,
      part,
      ...(extra.required ? { required: true } : {}),
      ...(extra.opens ? { opens: true } : {}),
      ...(extra.answers ? { answers: true } : {}),
    });
    // The clause the bullet left out, when it holds the sentence's number (the lead's headline
    // figure): said as a sentence of its own right after the point.
    const tail = omittedClause(text, bullet, language);
    const tailBullet = tail ? recapBullet(tail, language, bulletChars) : '';
    // The clause's bullet may say it in fewer words (without who says it).
    if (tail && tailBullet && !tailBullet.endsWith('…') && standsAlone(tail, language)) {
      candidates.push({
        text: tail,
        bullet: tailBullet,
        origin,
        at: at + COMPLETION_STEP,
        part,
        completes: true,
      });
    }
  };
  for (const s of lead) add(s, 'lead', s.index, -1, { opens: s.index === 0 });
  let offset = lead.length;
  // Parts before the first heading, in an article with headings, are the rest of its lead.
  const firstHeaded = parts.findIndex((p) => p.topic.heading);
  for (const [i, part] of parts.entries()) {
    const inLead = i < firstHeaded;
    const at = (s: ScoredSentence) => offset + s.index;
    const sums = CONCLUSION_HEADING.test(part.topic.heading ?? '');
    for (const s of part.scored) {
      if (s === ending.concluding) add(s, 'conclusion', at(s), i, { required: true });
      else if (sums || CONCLUSION_CUES[language].test(s.text)) add(s, 'conclusion', at(s), i);
    }
    // The last part's opening rule ("Sharpen little and often.") states the how-to's thesis.
    const first = [...part.scored].sort((a, b) => a.index - b.index)[0];
    if (
      i === parts.length - 1 &&
      first &&
      first !== ending.concluding &&
      first.text.length <= MAXIM_CHARS[language] &&
      (INSTRUCTION[language].test(first.text.trim()) || CONCLUDES[language].test(first.text))
    ) {
      add(first, 'conclusion', at(first), i, { maxim: true });
    }
    const saidHere = (said[i] ?? []).filter(
      (s) => part.scored.includes(s) && s !== ending.concluding && s !== ending.quote?.sentence,
    );
    const opening = Math.min(...saidHere.map((s) => s.index));
    for (const s of saidHere) {
      // A warning the article answers ("…could harm the fish. The city is testing…") is repeated
      // with its response, said right after it, or not at all; one the body said without its
      // response is not repeated.
      const next = part.scored.find((n) => n.index === s.index + 1 && n.paragraph === s.paragraph);
      const response =
        next && isCaveat(s.text, language) && RESPONDS[language].test(next.text) ? next : undefined;
      if (response && !saidHere.includes(response)) continue;
      const before = candidates.length;
      // Lead lines said in the first body slide are the lead's, not the part's.
      add(s, inLead ? 'lead' : 'finding', at(s), i, {
        opens: s.index === opening,
        answers: ASKS.test(part.topic.heading ?? ''),
      });
      if (!response || candidates.length === before) continue;
      const text = stripLeadingConnective(response.text, language);
      const bullet = recapBullet(text, language, bulletChars);
      // Without a whole short form of the response, the warning is not repeated either.
      if (!bullet || !standsAlone(text, language)) {
        candidates.splice(before);
        continue;
      }
      candidates.splice(before + 1);
      candidates.push({
        text: bullet,
        bullet,
        origin: 'finding',
        at: at(s) + COMPLETION_STEP,
        part: i,
        completes: true,
        needed: true,
      });
    }
    offset += part.scored.length + part.listed.length;
  }
  return recapPoints(candidates, language, {
    maxChars: source.maxChars,
    maxPointChars,
    titleTerms: source.titleTerms,
  });
}

export interface ClosingContent {
  language: Language;
  /** The points to repeat, in order. */
  points: readonly PointCandidate[];
  /** A story's moral (said instead of the points). */
  moral?: string;
  /** How the story's text applies its moral: said and shown after it. */
  application?: string;
  /** The article's closing quotation: said last, on a quote panel. */
  quote?: ArticleEnding['quote'];
  /** Said when there is nothing else to say. */
  seeOriginal: string;
  /** Said last after the recap when the article has no closing quotation ("That was … from …"). */
  signOff?: string;
  /** Whether the quotation may have a slide of its own after the recap. */
  spareSlide: boolean;
}

/**
 * The closing: a slide that repeats the article's main point (its recap bullets appear as they
 * are said) or a story's moral, then the article's closing quotation on a quote panel, on a slide
 * of its own when there is one to spare (else on the recap slide, after the points). Without a
 * quotation, a recap or a moral ends on the sign-off line.
 */
export function closingSections(content: ClosingContent): Section[] {
  const { language, points, moral, quote } = content;
  const wording = WORDING[language];
  const bulletChars = TEXT_LIMITS[language].recapBullet;
  const bullets: string[] = [];
  const narrations: Narration[] = [];
  if (moral) {
    const bullet = toBullet(moral, language, bulletChars);
    narrations.push({
      text: wording.moral(moral),
      speaker: 'narrator',
      ...(bullet ? { bullet: 0 } : {}),
    });
    if (bullet) bullets.push(bullet);
    // The application is shown as it is said: whole, or not at all.
    const applied = content.application ? bulletText(content.application, language) : '';
    if (content.application && applied && applied.length <= bulletChars) {
      narrations.push({
        text: endSentence(content.application, language),
        speaker: 'narrator',
        bullet: bullets.length,
      });
      bullets.push(applied);
    }
  } else {
    for (const [i, point] of points.entries()) {
      narrations.push({
        text:
          i === 0
            ? `${wording.recapLead}${endSentence(point.text, language)}`
            : endSentence(point.text, language),
        speaker: 'narrator',
        bullet: bullets.length,
      });
      bullets.push(point.bullet);
    }
  }
  const quoteSaid: Narration | undefined = quote ? { text: quote.line, speaker: 'narrator' } : undefined;
  const panel = quote ? { layout: 'quote' as const, quote: quote.quote } : {};
  if (narrations.length === 0) {
    return [
      {
        title: wording.closingTitle,
        kind: 'closing',
        bullets: [],
        narrations: quoteSaid ? [quoteSaid] : [{ text: content.seeOriginal, speaker: 'narrator' }],
        ...panel,
      },
    ];
  }
  if (!quoteSaid) {
    // The video ends on a line that closes it, not on the last recap point or the moral.
    const last: Narration[] = content.signOff ? [{ text: content.signOff, speaker: 'narrator' }] : [];
    return [{ title: wording.closingTitle, kind: 'closing', bullets, narrations: [...narrations, ...last] }];
  }
  const recap: Section = { title: wording.closingTitle, kind: 'closing', bullets, narrations };
  if (content.spareSlide) {
    return [
      recap,
      { title: wording.lastWordTitle, kind: 'closing', bullets: [], narrations: [quoteSaid], ...panel },
    ];
  }
  return [{ ...recap, narrations: [...narrations, quoteSaid], ...panel }];
}

/** Characters the recap's narrations take: its lead-in and the points said as sentences. */
export function recapNarrationChars(points: readonly PointCandidate[], language: Language): number {
  if (points.length === 0) return 0;
  return (
    WORDING[language].recapLead.length +
    points.reduce((sum, p) => sum + endSentence(p.text, language).length, 0)
  );
}

/**
 * A point as its recap bullet: the whole sentence or a shorter whole form of it (its main clause),
 * or a first run of whole clauses that reads as a point on its own ("The port will replace every
 * diesel crane … by 2030"); '' when only a cut with "…" fits.
 */
export function recapBullet(text: string, language: Language, maxChars: number): string {
  const bullet = toBullet(text, language, maxChars, { complete: false });
  if (!bullet.endsWith('…')) return bullet;
  const cut = bullet.slice(0, -1).trimEnd();
  const rest = bulletText(text, language).slice(cut.length);
  // The cut ends where a clause of the sentence ends, and what is left is a point on its own.
  return /^[,、，;；]/u.test(rest) && standsAlone(cut, language) ? cut : '';
}

/**
 * The appositive a bullet cut off, as a sentence of its own, when it holds a number the bullet
 * lacks: "…by 2030, a change its managers say will cut the port's own carbon emissions by 40
 * percent" → "Its managers say the change will cut the port's own carbon emissions by 40 percent".
 */
export function omittedClause(text: string, bullet: string, language: Language): string | undefined {
  if (language !== 'en') return undefined;
  const body = bulletText(text, language);
  if (!body.startsWith(bullet) || bullet.length >= body.length) return undefined;
  const rest = body.slice(bullet.length);
  if (!/\d/u.test(rest)) return undefined;
  const m =
    /^,\s+an?\s+([a-z]+)\s+(?:(?:that|which)\s+)?(?:((?:its|their|the)\s+[a-z]+(?:\s+[a-z]+)?)\s+(says?|said|expects?|expected|estimates?|estimated|believes?|hopes?)\s+)?(will|would|could|should|is expected to|is set to)\s+([^,;:]+)$/u.exec(
      rest,
    );
  if (!m) return undefined;
  const [, noun, who, verb, modal, predicate] = m;
  const said = `the ${noun} ${modal} ${predicate}`;
  const sentence = who ? `${who} ${verb} ${said}` : said;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** A point said as a sentence: with its full stop. */
function endSentence(text: string, language: Language): string {
  if (/[.!?。！？][”"」』]?$/u.test(text)) return text;
  return language === 'ja' ? `${text}。` : `${text}.`;
}
