import { JOB_STEPS, type JobView } from '@movie-generator/api-contract';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Icon } from './Icon.tsx';

type StepState = 'done' | 'current' | 'failed' | 'upcoming';

/** Where each step stands, from the job's status and current step. */
export function stepStates(job: Pick<JobView, 'status' | 'step'>): StepState[] {
  const index = job.step ? JOB_STEPS.indexOf(job.step) : -1;
  return JOB_STEPS.map((_, position) => {
    if (job.status === 'completed') return 'done';
    if (position < index) return 'done';
    if (position === index) {
      if (job.status === 'processing') return 'current';
      if (job.status === 'failed') return 'failed';
    }
    return 'upcoming';
  });
}

/** fetch → script → audio → slides → render, the current one highlighted. */
export function StepList({ job }: { job: Pick<JobView, 'status' | 'step'> }) {
  const { t } = useI18n();
  const states = stepStates(job);
  return (
    <ol className="steps" aria-label={t.job.stepsLabel}>
      {JOB_STEPS.map((step, position) => {
        const state = states[position]!;
        const stateText =
          state === 'done'
            ? t.job.stepDone
            : state === 'current'
              ? t.job.stepCurrent
              : state === 'failed'
                ? t.job.stepFailed
                : null;
        return (
          <li
            key={step}
            className={`step step-${state}`}
            data-step={step}
            data-state={state}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="step-marker" aria-hidden="true">
              {state === 'done' ? (
                <Icon name="check" />
              ) : state === 'failed' ? (
                <Icon name="x" />
              ) : (
                position + 1
              )}
            </span>
            <span className="step-label">
              {t.job.steps[step]}
              {stateText && <span className="visually-hidden"> ({stateText})</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
