import type { Lang, Strings } from './strings.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "12.3 MB" (both languages write sizes the same way). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(0)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** A video length: "1 min 42 s" / "1 分 42 秒". */
export function formatDuration(seconds: number, t: Strings): string {
  const total = Math.round(seconds);
  return t.time.duration(Math.floor(total / 60), total % 60);
}

/** How far ahead a moment is: "in about 3 min", "in 23 h" (whole hours, rounded down). */
export function formatIn(ms: number, t: Strings): string {
  if (ms <= 0) return t.time.soon;
  if (ms < MINUTE) return t.time.lessThanMinute;
  if (ms < 90 * MINUTE) return t.time.inMinutes(Math.ceil(ms / MINUTE));
  return t.time.inHours(Math.floor(ms / HOUR));
}

/** How long ago a moment was: "5 min ago", "2 h ago". */
export function formatAgo(ms: number, t: Strings): string {
  if (ms < HOUR) return t.time.minutesAgo(Math.floor(ms / MINUTE));
  return t.time.hoursAgo(Math.floor(ms / HOUR));
}

/** A clock time in the viewer's zone; with the date when it is not today. */
export function formatClock(at: Date, lang: Lang, now: Date): string {
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(lang, {
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** The same moment in UTC, for a tooltip beside a local time: "Dec 3, 00:00" → t.home.utcTime. */
export function formatUtcClock(at: Date, lang: Lang, t: Strings): string {
  const clock = new Intl.DateTimeFormat(lang, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(at);
  return t.home.utcTime(clock);
}
