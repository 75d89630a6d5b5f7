import type { Language } from './props.ts';

/** The few words the video itself shows, in the video's language. */
const labels = {
  ja: { thanks: 'ご視聴ありがとうございました', source: '出典', credits: 'クレジット' },
  en: { thanks: 'Thanks for watching', source: 'Source', credits: 'Credits' },
} as const satisfies Record<Language, Record<string, string>>;

export type VideoLabels = (typeof labels)[Language];

export function videoLabels(language: Language): VideoLabels {
  return labels[language];
}
