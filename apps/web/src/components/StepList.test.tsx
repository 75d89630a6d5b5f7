import { describe, expect, it } from 'vitest';
import { stepStates } from './StepList.tsx';

describe('stepStates', () => {
  it('marks the steps before the current one done and the rest upcoming', () => {
    expect(stepStates({ status: 'processing', step: 'fetch' })).toEqual([
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(stepStates({ status: 'processing', step: 'render' })).toEqual([
      'done',
      'done',
      'done',
      'done',
      'current',
    ]);
  });

  it('marks the step a job failed at, and leaves a cancelled job’s step unhighlighted', () => {
    expect(stepStates({ status: 'failed', step: 'script' })).toEqual([
      'done',
      'failed',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(stepStates({ status: 'cancelled', step: 'script' })).toEqual([
      'done',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
  });

  it('has every step done once completed, and none started while pending', () => {
    expect(stepStates({ status: 'completed', step: 'render' })).toEqual([
      'done',
      'done',
      'done',
      'done',
      'done',
    ]);
    expect(stepStates({ status: 'pending', step: null })).toEqual([
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
  });
});
