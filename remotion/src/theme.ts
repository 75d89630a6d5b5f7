/** The one palette and font stack of every slide; components never hard-code colours. */
export const theme = {
  fontFamily: "'Noto Sans CJK JP', 'Noto Sans JP', sans-serif",
  background: '#0b1226',
  backgroundDeep: '#070c1a',
  accent: '#ffb547',
  accentSoft: 'rgba(255, 181, 71, 0.14)',
  accentBorder: 'rgba(255, 181, 71, 0.45)',
  text: '#f4f6fb',
  textSecondary: '#c9d1e3',
  textMuted: '#8190ad',
  card: 'rgba(255, 255, 255, 0.045)',
  cardBorder: 'rgba(255, 255, 255, 0.09)',
  subtitleBand: 'rgba(6, 10, 22, 0.88)',
} as const;

export const FONT_WEIGHT = { regular: 400, bold: 700 } as const;
export type FontWeight = (typeof FONT_WEIGHT)[keyof typeof FONT_WEIGHT];
