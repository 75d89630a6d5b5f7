import { JOB_STEPS, type JobView } from '@movie-generator/api-contract';
import { type ReactNode, type RefObject, useState } from 'react';
import { Link } from 'wouter';
import { formatBytes, formatDuration, formatIn } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { retryHref } from '../pages/form-params.ts';
import { CancelControl, type CancelState } from './CancelControl.tsx';
import { Icon } from './Icon.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { StepList } from './StepList.tsx';

interface JobStatusViewProps {
  job: JobView;
  now: Date;
  cancel: CancelState;
  /** How long videos are kept (system.info), for the wording. */
  retentionHours?: number;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}

/** The job page's body for each status. Pure: everything it shows comes from `job`. */
export function JobStatusView({ job, now, cancel, retentionHours = 24, headingRef }: JobStatusViewProps) {
  const { lang, t } = useI18n();
  const message = job.message?.[lang] ?? null;
  return (
    <article className={`card job job-${job.status}`} data-status={job.status}>
      <header className="job-header">
        <StatusIcon status={job.status} />
        <h1 ref={headingRef} tabIndex={-1} className="job-title">
          {t.job.status[job.status]}
        </h1>
        {job.title && (
          <p className="job-article" data-testid="job-article-title">
            {job.title}
          </p>
        )}
        <p className="job-source">
          <span className="job-source-label">{t.job.source}</span>
          <a href={job.url} target="_blank" rel="noopener noreferrer" className="job-source-url">
            {job.url}
          </a>
        </p>
        {job.language && (
          <p className="job-language" data-testid="job-language">
            {t.job.narration}: {t.job.languageName[job.language]}
          </p>
        )}
        <p className="job-language" data-testid="job-style">
          {t.job.style}: {t.job.styleName[job.style]}
        </p>
      </header>
      <Announcer job={job} />
      {job.status === 'pending' && <PendingBody job={job} cancel={cancel} retentionHours={retentionHours} />}
      {job.status === 'processing' && (
        <ProcessingBody job={job} message={message} cancel={cancel} retentionHours={retentionHours} />
      )}
      {job.status === 'completed' && <CompletedBody job={job} now={now} />}
      {job.status === 'failed' && <FailedBody job={job} />}
      {job.status === 'cancelled' && <CancelledBody job={job} />}
    </article>
  );
}

/**
 * Tells screen readers what changed, and only when it matters: a new step, completion, failure
 * or cancellation. The progress bar keeps the detail (frames, percent) for whoever asks for it;
 * the heading already says the status, so this never repeats it.
 */
function Announcer({ job }: { job: JobView }) {
  const { lang, t } = useI18n();
  let text = '';
  if (job.status === 'processing' && job.step) {
    text = t.job.announce.step(JOB_STEPS.indexOf(job.step) + 1, JOB_STEPS.length, t.job.steps[job.step]);
  } else if (job.status === 'completed') {
    text = t.job.announce.completed;
  } else if (job.status === 'failed') {
    text = t.job.announce.failed(job.errorMessage?.[lang] ?? t.job.failedGeneric);
  } else if (job.status === 'cancelled') {
    text = t.job.announce.cancelled;
  }
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text}
    </p>
  );
}

function StatusIcon({ status }: { status: JobView['status'] }) {
  if (status === 'pending' || status === 'processing') {
    return <span className={`status-icon status-icon-${status}`} aria-hidden="true" />;
  }
  const icon = status === 'completed' ? 'check' : status === 'failed' ? 'alert' : 'x';
  return (
    <span className={`status-icon status-icon-${status}`} aria-hidden="true">
      <Icon name={icon} />
    </span>
  );
}

function Eta({ etaSec }: { etaSec: number | null }) {
  const { t } = useI18n();
  return (
    <p className="eta">
      <Icon name="clock" />
      {etaSec === null ? t.job.etaUnknown : t.job.eta(formatIn(etaSec * 1000, t))}
    </p>
  );
}

function PendingBody({
  job,
  cancel,
  retentionHours,
}: {
  job: JobView;
  cancel: CancelState;
  retentionHours: number;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="queue">
        <p className="queue-position" data-testid="queue-position">
          {job.queuePosition === null ? t.job.starting : t.job.queuePosition(job.queuePosition)}
        </p>
        <Eta etaSec={job.etaSec} />
        <p className="muted">{t.job.queueWaiting}</p>
      </div>
      <StepList job={job} />
      <Footer note={t.job.keepOpen(retentionHours)}>
        <CancelControl {...cancel} />
      </Footer>
    </>
  );
}

function ProcessingBody({
  job,
  message,
  cancel,
  retentionHours,
}: {
  job: JobView;
  message: string | null;
  cancel: CancelState;
  retentionHours: number;
}) {
  const { t } = useI18n();
  return (
    <>
      <StepList job={job} />
      <ProgressBar percent={job.progress} message={message} />
      <Eta etaSec={job.etaSec} />
      <Footer note={t.job.keepOpen(retentionHours)}>
        <CancelControl {...cancel} />
      </Footer>
    </>
  );
}

function CompletedBody({ job, now }: { job: JobView; now: Date }) {
  const { t } = useI18n();
  const videoUrl = job.videoUrl ?? '';
  const expiresInMs = Date.parse(job.expiresAt) - now.getTime();
  return (
    <>
      <div className={`player${job.vertical ? ' player-vertical' : ''}`}>
        {/* biome-ignore lint/a11y/useMediaCaption: the captions track is there whenever the job has one; the subtitles are burned into the picture too */}
        <video
          src={videoUrl}
          poster={job.posterUrl ?? undefined}
          controls
          playsInline
          preload="metadata"
          aria-label={t.job.videoLabel}
        >
          {/* Captions off by default: the subtitles are burned into the picture already. */}
          {job.captionsUrl && (
            <track
              kind="captions"
              src={job.captionsUrl}
              srcLang={job.language ?? undefined}
              label={t.job.captionsLabel}
            />
          )}
          {t.job.videoFallback}
        </video>
      </div>
      <div className="button-row">
        <a className="button button-primary" href={`${videoUrl}?download=1`} download>
          <Icon name="download" />
          {t.job.download}
        </a>
        {job.subtitlesUrl && (
          <a className="button button-secondary" href={job.subtitlesUrl} download>
            <Icon name="download" />
            {t.job.downloadSubtitles}
          </a>
        )}
        <CopyLinkButton />
      </div>
      <dl className="facts">
        {job.videoSize !== null && (
          <div>
            <dt>{t.job.fileSize}</dt>
            <dd data-testid="video-size">{formatBytes(job.videoSize)}</dd>
          </div>
        )}
        {job.durationSec !== null && (
          <div>
            <dt>{t.job.duration}</dt>
            <dd data-testid="video-duration">{formatDuration(job.durationSec, t)}</dd>
          </div>
        )}
        <div>
          <dt>{t.job.format}</dt>
          <dd>{t.job.formatValue(job.size, job.vertical)}</dd>
        </div>
      </dl>
      <Footer note={t.job.deletedIn(formatIn(expiresInMs, t))} noteIcon="clock">
        <Link href="/" className="button button-secondary">
          {t.job.makeAnother}
        </Link>
      </Footer>
    </>
  );
}

function FailedBody({ job }: { job: JobView }) {
  const { lang, t } = useI18n();
  return (
    <>
      <StepList job={job} />
      <div className="alert alert-error" data-error-code={job.errorCode ?? undefined}>
        <Icon name="alert" className="alert-icon" />
        <div className="alert-text">
          <p className="alert-title">{job.errorMessage?.[lang] ?? t.job.failedGeneric}</p>
          {job.step && <p className="alert-note">{t.job.failedAt(t.job.steps[job.step])}</p>}
        </div>
      </div>
      <section className="next-steps" aria-labelledby="next-steps-title">
        <h2 id="next-steps-title">{t.job.whatNext}</h2>
        <div className="button-row">
          <Link href={retryHref(job)} className="button button-primary">
            <Icon name="refresh" />
            {t.job.nextRetry}
          </Link>
          <Link href="/" className="button button-secondary">
            {t.job.nextOther}
          </Link>
        </div>
      </section>
    </>
  );
}

function CancelledBody({ job }: { job: JobView }) {
  const { t } = useI18n();
  return (
    <>
      <p className="muted">{t.job.cancelledBody}</p>
      <div className="button-row">
        <Link href={retryHref(job)} className="button button-primary">
          <Icon name="refresh" />
          {t.job.startAgain}
        </Link>
      </div>
    </>
  );
}

function Footer({ note, noteIcon, children }: { note: string; noteIcon?: 'clock'; children: ReactNode }) {
  return (
    <div className="job-footer">
      <p className="muted job-note" data-testid="job-note">
        {noteIcon && <Icon name={noteIcon} />}
        {note}
      </p>
      {children}
    </div>
  );
}

/** Copies the page's address; says so, or says that the browser refused. */
function CopyLinkButton() {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(window.location.href);
      setState('copied');
      setTimeout(() => setState('idle'), 2500);
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="button button-secondary" onClick={copy}>
        <Icon name={state === 'copied' ? 'check' : 'link'} />
        <span aria-live="polite">{state === 'copied' ? t.job.linkCopied : t.job.copyLink}</span>
      </button>
      <p className="copy-failed" role="status" data-testid="copy-status">
        {state === 'failed' ? t.job.linkCopyFailed : ''}
      </p>
    </>
  );
}
