import { apiErrorOf } from '@movie-generator/api-contract/client';
import { useRef } from 'react';
import { Link } from 'wouter';
import { useCancelJob, useJob, useSystemInfo } from '../api/queries.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Icon } from '../components/Icon.tsx';
import { JobNotFound } from '../components/JobNotFound.tsx';
import { JobStatusView } from '../components/JobStatusView.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useFocusRescue } from '../hooks/useFocusRescue.ts';
import { useNow } from '../hooks/useNow.ts';
import { usePageFocus } from '../hooks/usePageFocus.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** /jobs/:id — follows one job until it is done. */
export function JobPage({ id }: { id: string }) {
  const { t } = useI18n();
  const job = useJob(id);
  const cancel = useCancelJob(id);
  const retentionHours = useSystemInfo().data?.limits.retentionHours;
  const now = useNow();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusRescue(heading);
  usePageFocus(heading);

  const notFound = apiErrorOf(job.error)?.appCode === 'NOT_FOUND';
  const data = notFound ? undefined : job.data;
  useDocumentTitle(
    data
      ? `${data.status === 'processing' ? `${Math.round(data.progress)}% · ` : ''}${t.job.status[data.status]}`
      : notFound
        ? t.job.notFoundTitle
        : t.job.pageTitle,
  );

  return (
    <>
      <nav className="back">
        <Link href="/" className="back-link">
          <Icon name="arrowLeft" />
          {t.job.backHome}
        </Link>
      </nav>
      {notFound ? (
        <JobNotFound headingRef={heading} retentionHours={retentionHours} />
      ) : data ? (
        <>
          {/* Polling failed but we still have the last state: keep it, say we are retrying. */}
          {job.isError && (
            <p className="banner" role="status">
              <span className="spinner" aria-hidden="true" />
              {t.job.connectionLost}
            </p>
          )}
          <JobStatusView
            job={data}
            now={now}
            headingRef={heading}
            retentionHours={retentionHours}
            cancel={{ onCancel: () => cancel.mutate(), pending: cancel.isPending, error: cancel.error }}
          />
        </>
      ) : job.isError ? (
        <div className="card">
          <h1 ref={heading} tabIndex={-1} className="visually-hidden">
            {t.job.pageTitle}
          </h1>
          <ErrorAlert error={job.error} onRetry={() => job.refetch()} />
        </div>
      ) : (
        <div className="card loading" aria-busy="true">
          <h1 ref={heading} tabIndex={-1} className="visually-hidden">
            {t.job.pageTitle}
          </h1>
          <span className="spinner" aria-hidden="true" />
          <p>{t.job.loading}</p>
        </div>
      )}
    </>
  );
}
