import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

export interface CancelState {
  onCancel(): void;
  pending: boolean;
  error: unknown;
}

/** A Cancel button that asks for confirmation inline before it cancels. */
export function CancelControl({ onCancel, pending, error }: CancelState) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const keepButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the question: to "Keep going" (the safe choice) when asked, back when dismissed.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (wasConfirming.current) cancelButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <div className="cancel">
        {error ? <ErrorAlert error={error} /> : null}
        <button
          ref={cancelButton}
          type="button"
          className="button button-ghost"
          onClick={() => setConfirming(true)}
        >
          {t.job.cancel}
        </button>
      </div>
    );
  }
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !pending) setConfirming(false);
      }}
    >
      <p id={titleId} className="confirm-title">
        {t.job.cancelConfirmTitle}
      </p>
      <p className="confirm-body">{t.job.cancelConfirmBody}</p>
      <div className="button-row">
        <button
          ref={keepButton}
          type="button"
          className="button button-secondary"
          onClick={() => setConfirming(false)}
          disabled={pending}
        >
          {t.job.cancelKeep}
        </button>
        <button type="button" className="button button-danger" onClick={onCancel} disabled={pending}>
          {pending ? t.job.cancelling : t.job.cancelConfirm}
        </button>
      </div>
    </div>
  );
}
