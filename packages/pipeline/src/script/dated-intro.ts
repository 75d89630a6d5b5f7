import type { Language } from '../schema/script.ts';

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
