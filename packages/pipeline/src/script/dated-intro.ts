import type { Language } from '../schema/script.ts';
import { TEXT_LIMITS } from './language.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-03-14" said as a day: "14 March 2026", 「2026年3月14日」. */
export function spokenDay(iso: string, language: Language): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const name = MONTHS[month - 1];
  if (!name) return undefined;
  return language === 'ja' ? `${year}年${month}月${day}日` : `${day} ${name} ${year}`;
}

const DATED: Record<Language, (day: string) => string> = {
  en: (day) => `The piece is dated ${day}.`,
  ja: (day) => `${day}に公開されました。`,
};

/**
 * The introduction says once when the page was published, when the page states it: dated news
 * ("approved on Thursday") reads differently a year later. Left out when the narration has no room.
 */
export function withPublicationDay(intro: string, published: string | undefined, language: Language): string {
  const day = published ? spokenDay(published, language) : undefined;
  if (!day) return intro;
  const said = `${intro}${language === 'ja' ? '' : ' '}${DATED[language](day)}`;
  return said.length <= TEXT_LIMITS[language].narration ? said : intro;
}
