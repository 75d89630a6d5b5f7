import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A labelled progress bar with the percent and the current message. */
export function ProgressBar({ percent, message }: { percent: number; message: string | null }) {
  const { t } = useI18n();
  const labelId = useId();
  const value = Math.round(Math.min(100, Math.max(0, percent)));
  return (
    <div className="progress">
      <div className="progress-head">
        <span id={labelId} className="progress-message">
          {message ?? t.job.progressLabel}
        </span>
        <span className="progress-percent" aria-hidden="true">
          {value}%
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={message ? `${value}% — ${message}` : `${value}%`}
      >
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
