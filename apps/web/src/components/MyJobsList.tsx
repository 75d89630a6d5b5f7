import { apiErrorOf } from '@movie-generator/api-contract/client';
import { Link } from 'wouter';
import { useJob } from '../api/queries.ts';
import { formatAgo } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { type MyJob, removeMyJob, useMyJobs } from '../storage/my-jobs.ts';
import { Icon } from './Icon.tsx';

/** The jobs started from this browser, each with its live status. */
export function MyJobsList({ now }: { now: Date }) {
  const { t } = useI18n();
  const jobs = useMyJobs();
  return (
    <section className="my-jobs" aria-labelledby="my-jobs-title">
      <div className="section-head">
        <h2 id="my-jobs-title">{t.myJobs.title}</h2>
        <p className="muted small">{t.myJobs.hint}</p>
      </div>
      {jobs.length === 0 ? (
        <p className="muted my-jobs-empty">{t.myJobs.empty}</p>
      ) : (
        <ul className="my-jobs-list">
          {jobs.map((job) => (
            <MyJobRow key={job.id} job={job} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MyJobRow({ job, now }: { job: MyJob; now: Date }) {
  const { t } = useI18n();
  const query = useJob(job.id);
  const gone = apiErrorOf(query.error)?.appCode === 'NOT_FOUND';
  const status = query.data?.status;
  const badge = gone ? 'gone' : (status ?? 'loading');
  const percent = status === 'processing' ? ` ${Math.round(query.data!.progress)}%` : '';
  const title = gone ? null : (query.data?.title ?? null);
  const poster = gone ? null : (query.data?.posterUrl ?? null);
  return (
    <li className="my-job">
      <Link href={`/jobs/${job.id}`} className={`my-job-link${poster ? ' has-thumb' : ''}`}>
        {/* Decorative: the row's text names the article. */}
        {poster && <img className="my-job-thumb" src={poster} alt="" loading="lazy" />}
        <span className={`badge badge-${badge}`}>
          {t.job.badge[badge]}
          {percent}
        </span>
        {title ? (
          <span className="my-job-title">
            <span className="my-job-name" data-testid="my-job-title">
              {title}
            </span>
            <span className="my-job-host">{displayUrl(job.url)}</span>
          </span>
        ) : (
          <span className="my-job-url">{displayUrl(job.url)}</span>
        )}
        <span className="my-job-time">
          {t.myJobs.created(formatAgo(now.getTime() - Date.parse(job.createdAt), t))}
        </span>
      </Link>
      <button
        type="button"
        className="icon-button"
        onClick={() => removeMyJob(job.id)}
        aria-label={t.myJobs.remove(job.url)}
      >
        <Icon name="x" />
      </button>
    </li>
  );
}

/** host + path, without the scheme and "www.": what people recognise. */
function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host.replace(/^www\./, '')}${parsed.pathname === '/' ? '' : decodeURI(parsed.pathname)}`;
  } catch {
    return url;
  }
}
