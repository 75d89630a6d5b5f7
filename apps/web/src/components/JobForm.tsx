import {
  DEFAULT_VIDEO_SIZE,
  type JobCreateInput,
  type Language,
  VIDEO_SIZES,
  type VideoSize,
  type VideoStyle,
} from '@movie-generator/api-contract';
import { type FocusEvent, type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Icon } from './Icon.tsx';
import { SegmentedChoice } from './SegmentedChoice.tsx';
import { urlError, withScheme } from './url-validation.ts';

export type Narration = 'auto' | Language;

/** What the form starts with ("Try again" brings back every option of the failed job). */
export interface FormInitial {
  url: string;
  narration: Narration;
  size: VideoSize;
  vertical: boolean;
  style: VideoStyle;
}

interface JobFormProps {
  initial?: Partial<FormInitial>;
  submitting: boolean;
  /** Why nothing can be sent now (no jobs left today): shown first, and the button is disabled. */
  blocked?: ReactNode;
  /** The last API error of job.create, shown above the button. */
  error: unknown;
  /** Shown under the button (the remaining daily quota). */
  footer?: ReactNode;
  onSubmit(input: JobCreateInput): void;
}

export function JobForm({ initial = {}, submitting, blocked, error, footer, onSubmit }: JobFormProps) {
  const { t } = useI18n();
  const ids = {
    url: useId(),
    hint: useId(),
    error: useId(),
    ok: useId(),
    blocked: useId(),
    narrationHint: useId(),
    styleHint: useId(),
  };
  const urlInput = useRef<HTMLInputElement>(null);
  const initialUrl = initial.url ?? '';
  const [url, setUrl] = useState(initialUrl);
  const [showUrlError, setShowUrlError] = useState(initialUrl !== '');
  const [narration, setNarration] = useState<Narration>(initial.narration ?? 'auto');
  const [size, setSize] = useState<VideoSize>(initial.size ?? DEFAULT_VIDEO_SIZE);
  const [vertical, setVertical] = useState(initial.vertical ?? false);
  const [style, setStyle] = useState<VideoStyle>(initial.style ?? 'narration');

  // Validated on every keystroke (with https:// added to a bare host); the message shows once
  // the field was left or the form sent.
  const fullUrl = withScheme(url);
  const urlProblem = urlError(fullUrl, t);
  const visibleUrlError = showUrlError ? urlProblem : null;
  // No ✓ on a URL brought back from a failed job: it is not known to be good.
  const urlOk = url.trim() !== '' && urlProblem === null && url !== initialUrl;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (blocked) return;
    if (urlProblem) {
      setShowUrlError(true);
      urlInput.current?.focus();
      return;
    }
    setUrl(fullUrl);
    onSubmit({
      url: fullUrl,
      size,
      vertical,
      style,
      ...(narration === 'auto' ? {} : { language: narration }),
    });
  }

  function leaveUrl(event: FocusEvent<HTMLInputElement>) {
    if (fullUrl !== url.trim() || url !== url.trim()) setUrl(fullUrl);
    // Leaving for the submit button: the submit shows the message. Showing it now would move
    // the button under the pointer between press and release, and the click would miss.
    const next = event.relatedTarget;
    if (next instanceof HTMLButtonElement && next.type === 'submit') return;
    if (url !== '') setShowUrlError(true);
  }

  // The message takes the hint's place, so nothing below moves when it appears.
  const describedBy = [visibleUrlError ? ids.error : ids.hint, urlOk ? ids.ok : null]
    .filter(Boolean)
    .join(' ');

  return (
    <form className="card job-form" onSubmit={submit} noValidate>
      {blocked && (
        <div id={ids.blocked} className="form-blocked">
          {blocked}
        </div>
      )}
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
            onBlur={leaveUrl}
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
        {visibleUrlError ? (
          <p id={ids.error} className="field-error" role="alert">
            <Icon name="alert" />
            {visibleUrlError}
          </p>
        ) : (
          <p id={ids.hint} className="field-hint">
            {t.home.urlHint}
          </p>
        )}
      </div>

      <div className="options">
        <SegmentedChoice<VideoStyle>
          name="style"
          legend={t.home.styleLabel}
          options={[
            ['narration', t.home.styleNarration, t.home.styleNarrationHint],
            ['dialogue', t.home.styleDialogue, t.home.styleDialogueHint],
          ]}
          value={style}
          onChange={setStyle}
          disabled={submitting}
          hint={{ id: ids.styleHint, text: t.home.styleHint }}
          wide
        />

        <SegmentedChoice<Narration>
          name="narration"
          legend={t.home.narrationLabel}
          options={[
            ['auto', t.home.narrationAuto],
            ['ja', t.home.narrationJa],
            ['en', t.home.narrationEn],
          ]}
          value={narration}
          onChange={setNarration}
          disabled={submitting}
          hint={{ id: ids.narrationHint, text: t.home.narrationHint }}
        />

        <SegmentedChoice<VideoSize>
          name="size"
          legend={t.home.sizeLabel}
          options={VIDEO_SIZES.map((option) => [
            option,
            t.home.sizes[option].label,
            t.home.sizes[option].hint,
          ])}
          value={size}
          onChange={setSize}
          disabled={submitting}
        >
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
        </SegmentedChoice>
      </div>

      {error ? <ErrorAlert error={error} /> : null}

      <button
        type="submit"
        className="button button-primary button-large"
        disabled={submitting || !!blocked}
        aria-describedby={blocked ? ids.blocked : undefined}
      >
        {submitting ? <span className="spinner" aria-hidden="true" /> : <Icon name="play" />}
        {submitting ? t.home.submitting : t.home.submit}
      </button>
      {footer}
    </form>
  );
}
