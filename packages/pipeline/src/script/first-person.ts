import { BULLET_MAX_CHARS, type Language, type Script } from '../schema/script.ts';
import { splitSentences } from './sentences.ts';

/** Quotations: a speaker's "I" or "we" inside them is not the author's. */
const QUOTED = /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』/gu;

const FIRST_PERSON: Record<Language, RegExp> = {
  // "us" only in lower case: "US" is the country.
  en: /\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|us|[Oo]urs?)\b/u,
  ja: /私|僕|わたし|ぼく|わたくし|我が家|うちの/u,
};

/** Share of an article's sentences that must speak in the first person (outside quotations). */
const MIN_SHARE = 0.2;
const MIN_SENTENCES = 3;

/**
 * Whether the author tells the article in the first person ("Twice a year we fire our big kiln",
 * 「私は毎朝…」): the narration keeps the author's words, so the opening says whose voice it is.
 */
export function speaksInFirstPerson(paragraphs: readonly string[], language: Language): boolean {
  const sentences = paragraphs.flatMap((p) => splitSentences(p, language));
  const own = sentences.filter((s) => FIRST_PERSON[language].test(s.replace(QUOTED, ' '))).length;
  return own >= MIN_SENTENCES && own >= MIN_SHARE * sentences.length;
}

/** Whether a sentence speaks in the first person outside its quotations ("I", "we", 「私」). */
export function speaksAsAuthor(sentence: string, language: Language): boolean {
  return FIRST_PERSON[language].test(sentence.replace(QUOTED, ' '));
}

/** The author's "I" (not "we", which is often everyone's): 「私」「僕」. */
const AUTHOR_SINGULAR: Record<Language, RegExp> = {
  en: /\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine)\b/u,
  ja: /(?:私|僕|わたし|ぼく|わたくし)(?!たち|ども|ら)/u,
};

const ATTRIBUTION: Record<Language, (text: string) => string> = {
  en: (text) => `The author writes: ${text}`,
  ja: (text) => `筆者いわく、${text}`,
};

/**
 * In an article that is not told in the first person, an "I" sentence the narration keeps (a
 * chapter's aside, "Most of the time I spend at the bench…") is said as the author's, once per
 * slide, so the narrator does not seem to speak of themself. Quotation slides and other speakers
 * are left as they are; a first-person article says whose voice it is in its opening instead.
 */
export function withAuthorAttributed(script: Script, firstPersonArticle: boolean): Script {
  if (firstPersonArticle) return script;
  const language = script.language;
  return {
    ...script,
    sections: script.sections.map((section) => {
      if (section.kind === 'closing' || section.layout === 'quote') return section;
      let said = false;
      const narrations = section.narrations.map((n) => {
        if (said || n.speaker !== 'narrator') return n;
        const text = attributed(n.text, language);
        if (text === undefined || text.length > NARRATION_MAX_CHARS) return n;
        said = true;
        const reading = n.reading ? attributed(n.reading, language) : undefined;
        return { ...n, text, ...(n.reading ? { reading: reading ?? ATTRIBUTION[language](n.reading) } : {}) };
      });
      if (!said) return section;
      // On screen, the author's "I" bullets read as the author's words: in quotation marks.
      const bullets = section.bullets.map((bullet) => {
        if (!AUTHOR_SINGULAR[language].test(bullet.replace(QUOTED, ' ')) || /^[“"「『]/u.test(bullet))
          return bullet;
        const quoted = language === 'ja' ? `「${bullet}」` : `“${bullet}”`;
        return quoted.length <= BULLET_MAX_CHARS ? quoted : bullet;
      });
      return { ...section, narrations, bullets };
    }),
  };
}

/** The schema's longest narration. */
const NARRATION_MAX_CHARS = 400;

/** The narration with the attribution before its first sentence in the author's "I"; undefined when it has none. */
function attributed(text: string, language: Language): string | undefined {
  const sentences = splitSentences(text, language);
  const at = sentences.findIndex((sentence) => AUTHOR_SINGULAR[language].test(sentence.replace(QUOTED, ' ')));
  if (at < 0) return undefined;
  const said = sentences.map((sentence, i) =>
    i === at ? ATTRIBUTION[language](sentence.trim()) : sentence.trim(),
  );
  return said.join(language === 'ja' ? '' : ' ');
}
