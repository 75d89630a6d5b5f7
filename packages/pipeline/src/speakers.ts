import type { Language, SpeakerId } from './schema/script.ts';

/** A character who speaks in a video: the name shown on its subtitles and badge, and its colour. */
export interface Character {
  id: SpeakerId;
  name: Record<Language, string>;
  /** CSS colour of the name tag and the badge. */
  color: string;
}

/**
 * The product's characters. A dialogue pairs the asker (ずんだもん, who asks and reacts) with the
 * explainer (四国めたん, who explains), the classic pairing of Japanese explainer videos; their
 * VOICEVOX voices are those characters' own (style ids 3 and 2), other speech providers give
 * each a clearly different voice of their own.
 */
export const CHARACTERS: Record<SpeakerId, Character> = {
  narrator: { id: 'narrator', name: { ja: 'ナレーター', en: 'Narrator' }, color: '#f5b642' },
  asker: { id: 'asker', name: { ja: 'ずんだもん', en: 'Zundamon' }, color: '#7cc95a' },
  explainer: { id: 'explainer', name: { ja: '四国めたん', en: 'Metan' }, color: '#e8609c' },
};

/** The character behind a speaker id; unknown ids (hand-written scripts) speak as the narrator. */
export function characterOf(speaker: string): Character {
  return CHARACTERS[speaker as SpeakerId] ?? CHARACTERS.narrator;
}
