import { describe, expect, it } from 'vitest';
import { BULLET_FIGURE } from './bullet-figures.ts';

const figures = (text: string) => [...text.matchAll(BULLET_FIGURE)].map((m) => m[0].trim());

describe('BULLET_FIGURE', () => {
  it('finds amounts, shares and measures with their unit, never the punctuation after them', () => {
    expect(figures('Shipping lines will not see higher fees until at least 2028, although…')).toEqual([
      '2028',
    ]);
    expect(figures('Each crane burns about 900,000 litres; 3.5 percent.')).toEqual([
      '900,000',
      '3.5 percent',
    ]);
    expect(figures('It will cost €310 million over six years')).toEqual(['€310 million']);
    expect(figures('約８キロ、生地が１．５倍に')).toEqual(['約８キロ', '１．５倍']);
    expect(figures('No numbers here')).toEqual([]);
  });
});
