import { describe, expect, it } from 'vitest';
import { entranceProgress } from './animation.ts';

describe('entranceProgress', () => {
  const phases: [number, number][] = [
    [0, 1],
    [0, 0.5],
    [0.3, 0.7],
    [0.6, 1],
  ];

  it('is complete by the last transition frame and constant afterwards', () => {
    for (const phase of phases) {
      for (const frame of [14, 15, 20, 500]) expect(entranceProgress(frame, 15, phase)).toBe(1);
    }
  });

  it('rises from 0 within its phase', () => {
    expect(entranceProgress(0, 15, [0, 1])).toBe(0);
    expect(entranceProgress(4, 15, [0.3, 0.7])).toBe(0);
    const mid = entranceProgress(7, 15, [0, 1]);
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(1);
    expect(entranceProgress(8, 15, [0, 1])).toBeGreaterThan(mid);
  });

  it('shows everything at once when there is no transition', () => {
    for (const t of [0, 1]) expect(entranceProgress(0, t, [0.3, 0.7])).toBe(1);
  });
});
