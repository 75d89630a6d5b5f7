import type { QuotaView } from '@movie-generator/api-contract';
import { formatClock, formatIn } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

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
  const { lang, t } = useI18n();
  if (!quota) {
    return <p className="quota quota-muted">{unavailable ? t.home.quotaUnavailable : '\u00a0'}</p>;
  }
  const left = Math.max(0, quota.limit - quota.used);
  const resetsAt = new Date(quota.resetsAt);
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
        {t.home.quotaResets(
          formatClock(resetsAt, lang, now),
          formatIn(resetsAt.getTime() - now.getTime(), t),
        )}
      </span>
    </p>
  );
}
