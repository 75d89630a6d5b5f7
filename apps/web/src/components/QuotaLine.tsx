import type { QuotaView } from '@movie-generator/api-contract';
import { formatClock, formatIn, formatUtcClock } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Icon } from './Icon.tsx';

/** Jobs left today; a limit of 0 means the server sets none (DAILY_JOB_LIMIT=0). */
export function quotaLeft(quota: QuotaView): number {
  if (quota.limit === 0) return Number.POSITIVE_INFINITY;
  return Math.max(0, quota.limit - quota.used);
}

/** When the quota resets, in the viewer's zone, with the UTC time in a tooltip. */
function ResetTime({
  at,
  now,
  children,
}: {
  at: Date;
  now: Date;
  children: (clock: string, rel: string) => string;
}) {
  const { lang, t } = useI18n();
  return (
    <time dateTime={at.toISOString()} title={formatUtcClock(at, lang, t)}>
      {children(formatClock(at, lang, now), formatIn(at.getTime() - now.getTime(), t))}
    </time>
  );
}

/** "3 of 5 videos left today · Resets at 09:00 (in 7 h)" */
export function QuotaLine({
  quota,
  unavailable,
  now,
}: {
  quota?: QuotaView;
  unavailable: boolean;
  now: Date;
}) {
  const { t } = useI18n();
  if (!quota) {
    return <p className="quota quota-muted">{unavailable ? t.home.quotaUnavailable : '\u00a0'}</p>;
  }
  const left = quotaLeft(quota);
  if (left === Number.POSITIVE_INFINITY) {
    return (
      <p className="quota" data-testid="quota">
        <span className="quota-left">{t.home.quotaUnlimited}</span>
      </p>
    );
  }
  return (
    <p className={`quota${left === 0 ? ' quota-empty' : ''}`} data-testid="quota">
      {quota.limit <= 10 && (
        <span className="quota-dots" aria-hidden="true">
          {Array.from({ length: quota.limit }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed, positional dots
            <span key={index} className={index < left ? 'dot dot-on' : 'dot'} />
          ))}
        </span>
      )}
      <span className="quota-left">
        {left > 0 ? t.home.quotaLeft(left, quota.limit) : t.home.quotaNoneLeft}
      </span>
      <span className="quota-reset">
        <ResetTime at={new Date(quota.resetsAt)} now={now}>
          {t.home.quotaResets}
        </ResetTime>
      </span>
    </p>
  );
}

/** Shown at the top of the form when no jobs are left today (the button is disabled). */
export function QuotaExhausted({ quota, now }: { quota: QuotaView; now: Date }) {
  const { t } = useI18n();
  return (
    <div className="alert alert-warning" data-testid="quota-exhausted">
      <Icon name="clock" className="alert-icon" />
      <div className="alert-text">
        <p className="alert-title">{t.home.quotaExhaustedTitle}</p>
        <p>
          <ResetTime at={new Date(quota.resetsAt)} now={now}>
            {t.home.quotaExhaustedBody}
          </ResetTime>
        </p>
      </div>
    </div>
  );
}
