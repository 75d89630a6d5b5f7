import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Sets the tab's title: "<page> · Movie Generator" (or the app name alone). */
export function useDocumentTitle(page?: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = page ? `${page} · ${t.appName}` : `${t.appName} — ${t.tagline}`;
  }, [page, t]);
}
