import type { RefObject } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Icon } from './Icon.tsx';

/** An unknown or expired job: say so plainly and offer a way forward. */
export function JobNotFound({
  retentionHours = 24,
  headingRef,
}: {
  retentionHours?: number;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useI18n();
  return (
    <article className="card empty-state" data-status="not-found">
      <span className="empty-icon" aria-hidden="true">
        <Icon name="search" />
      </span>
      <h1 ref={headingRef} tabIndex={-1}>
        {t.job.notFoundTitle}
      </h1>
      <p className="muted">{t.job.notFoundBody(retentionHours)}</p>
      <Link href="/" className="button button-primary">
        {t.job.makeAnother}
      </Link>
    </article>
  );
}
