import { Link } from 'wouter';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.notFoundPage.title);
  return (
    <article className="card empty-state">
      <h1>{t.notFoundPage.title}</h1>
      <p className="muted">{t.notFoundPage.body}</p>
      <Link href="/" className="button button-primary">
        {t.notFoundPage.home}
      </Link>
    </article>
  );
}
