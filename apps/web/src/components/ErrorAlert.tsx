import { describeError } from '../api/errors.ts';
import { formatUtcClock } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Icon } from './Icon.tsx';

/** An API or network error, told in the UI language, with an optional retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { lang, t } = useI18n();
  const { code, title, body, note, noteAt } = describeError(error, lang, t);
  return (
    <div className="alert alert-error" role="alert" data-error-code={code}>
      <Icon name="alert" className="alert-icon" />
      <div className="alert-text">
        <p className="alert-title">{title}</p>
        <p>{body}</p>
        {note && (
          <p className="alert-note">
            {noteAt ? (
              <time dateTime={noteAt.toISOString()} title={formatUtcClock(noteAt, lang, t)}>
                {note}
              </time>
            ) : (
              note
            )}
          </p>
        )}
        {onRetry && (
          <button type="button" className="button button-small button-secondary" onClick={onRetry}>
            <Icon name="refresh" />
            {t.job.retry}
          </button>
        )}
      </div>
    </div>
  );
}
