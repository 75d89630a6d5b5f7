import { useRef } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useCreateJob, useQuota } from '../api/queries.ts';
import { Icon } from '../components/Icon.tsx';
import { JobForm } from '../components/JobForm.tsx';
import { MyJobsList } from '../components/MyJobsList.tsx';
import { QuotaExhausted, QuotaLine, quotaLeft } from '../components/QuotaLine.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useNow } from '../hooks/useNow.ts';
import { usePageFocus } from '../hooks/usePageFocus.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { addMyJob } from '../storage/my-jobs.ts';
import { formInitialOf } from './form-params.ts';

export function HomePage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const search = useSearch();
  const initial = formInitialOf(search);
  const heading = useRef<HTMLHeadingElement>(null);
  const now = useNow();
  const quota = useQuota();
  const create = useCreateJob();
  useDocumentTitle();
  usePageFocus(heading);

  return (
    <>
      <section className="hero">
        <h1 ref={heading} tabIndex={-1}>
          {t.home.title}
        </h1>
        <p className="lead">{t.home.lead}</p>
        <p className="how-long">
          <Icon name="clock" />
          {t.home.howLong}
        </p>
      </section>
      <JobForm
        // A new query (e.g. "try again" from a failed job) starts a fresh form.
        key={search}
        initial={initial}
        submitting={create.isPending}
        blocked={
          quota.data && quotaLeft(quota.data) === 0 ? <QuotaExhausted quota={quota.data} now={now} /> : null
        }
        error={create.error}
        footer={<QuotaLine quota={quota.data} unavailable={quota.isError} now={now} />}
        onSubmit={(input) =>
          create.mutate(input, {
            onSuccess: ({ id }) => {
              addMyJob({ id, url: input.url, createdAt: new Date().toISOString() });
              navigate(`/jobs/${id}`);
            },
          })
        }
      />
      <MyJobsList now={now} />
    </>
  );
}
