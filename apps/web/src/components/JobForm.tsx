import type { JobCreateInput } from '@movie-generator/api-contract';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Icon } from './Icon.tsx';
import { urlError } from './url-validation.ts';

type Narration = 'auto' | 'ja' | 'en';
type Size = '720p' | '1080p';

interface JobFormProps {
  initialUrl?: string;
  submitting: boolean;
  /** The last API error of job.create, shown above the button. */
  error: unknown;
  /** Shown under the button (the remaining daily quota). */
  footer?: ReactNode;
  onSubmit(input: JobCreateInput): void;
}

export function JobForm({ initialUrl = '', submitting, error, footer, onSubmit }: JobFormProps) {
  const { t } = useI18n();
  const ids = { url: useId(), hint: useId(), error: useId(), ok: useId() };
  const urlInput = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState(initialUrl);
  const [showUrlError, setShowUrlError] = useState(initialUrl !== '');
  const [narration, setNarration] = useState<Narration>('auto');
  const [size, setSize] = useState<Size>('720p');
  const [vertical, setVertical] = useState(false);

  // Validated on every keystroke; the message shows once the field was left or the form sent.
  const urlProblem = urlError(url, t);
  const visibleUrlError = showUrlError ? urlProblem : null;
  const urlOk = url.trim() !== '' && urlProblem === null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (urlProblem) {
      setShowUrlError(true);
      urlInput.current?.focus();
      return;
    }
    onSubmit({ url: url.trim(), size, vertical, ...(narration === 'auto' ? {} : { language: narration }) });
  }

  const describedBy = [ids.hint, visibleUrlError ? ids.error : urlOk ? ids.ok : null]
    .filter(Boolean)
    .join(' ');

  return (
    <form className="card job-form" onSubmit={submit} noValidate>
      <div className={`field${visibleUrlError ? ' field-invalid' : ''}${urlOk ? ' field-valid' : ''}`}>
        <label htmlFor={ids.url} className="field-label">
          {t.home.urlLabel}
        </label>
        <div className="url-input-wrap">
          <input
            ref={urlInput}
            id={ids.url}
            name="url"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder={t.home.urlPlaceholder}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            onBlur={() => url !== '' && setShowUrlError(true)}
            aria-invalid={visibleUrlError ? true : undefined}
            aria-describedby={describedBy}
            className="input input-large"
            disabled={submitting}
          />
          {urlOk && (
            <span className="url-ok" id={ids.ok}>
              <Icon name="check" />
              <span className="visually-hidden">{t.home.urlLooksGood}</span>
            </span>
          )}
        </div>
        <p id={ids.hint} className="field-hint">
          {t.home.urlHint}
        </p>
        {visibleUrlError && (
          <p id={ids.error} className="field-error" role="alert">
            <Icon name="alert" />
            {visibleUrlError}
          </p>
        )}
      </div>

      <div className="options">
        <fieldset className="field">
          <legend className="field-label">{t.home.narrationLabel}</legend>
          <div className="segmented">
            {(
              [
                ['auto', t.home.narrationAuto],
                ['ja', t.home.narrationJa],
                ['en', t.home.narrationEn],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="segment">
                <input
                  type="radio"
                  name="narration"
                  value={value}
                  checked={narration === value}
                  onChange={() => setNarration(value)}
                  disabled={submitting}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
          <p className="field-hint">{t.home.narrationHint}</p>
        </fieldset>

        <fieldset className="field">
          <legend className="field-label">{t.home.sizeLabel}</legend>
          <div className="segmented">
            {(
              [
                ['720p', t.home.size720, t.home.size720Hint],
                ['1080p', t.home.size1080, t.home.size1080Hint],
              ] as const
            ).map(([value, label, hint]) => (
              <label key={value} className="segment">
                <input
                  type="radio"
                  name="size"
                  value={value}
                  checked={size === value}
                  onChange={() => setSize(value)}
                  disabled={submitting}
                />
                <span>
                  {label} <small>{hint}</small>
                </span>
              </label>
            ))}
          </div>
          <label className="switch">
            <input
              type="checkbox"
              name="vertical"
              checked={vertical}
              onChange={(event) => setVertical(event.target.checked)}
              disabled={submitting}
            />
            <span className="switch-track" aria-hidden="true" />
            <span>
              {t.home.verticalLabel} <small>{t.home.verticalHint}</small>
            </span>
          </label>
        </fieldset>
      </div>

      {error ? <ErrorAlert error={error} /> : null}

      <button type="submit" className="button button-primary button-large" disabled={submitting}>
        {submitting ? <span className="spinner" aria-hidden="true" /> : <Icon name="play" />}
        {submitting ? t.home.submitting : t.home.submit}
      </button>
      {footer}
    </form>
  );
}
