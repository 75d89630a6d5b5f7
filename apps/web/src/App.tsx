import { Link, Route, Switch } from 'wouter';
import { useSystemInfo } from './api/queries.ts';
import { Icon } from './components/Icon.tsx';
import { LanguageSwitcher } from './components/LanguageSwitcher.tsx';
import { useI18n } from './i18n/I18nProvider.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { JobPage } from './pages/JobPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

/** The page frame and the routes. Providers are set up by the caller (main.tsx, tests). */
export function App() {
  const { t } = useI18n();
  const info = useSystemInfo();
  const retentionHours = info.data?.limits.retentionHours ?? 24;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              <Icon name="play" />
            </span>
            <span className="brand-name">{t.appName}</span>
            <span className="brand-tagline">{t.tagline}</span>
          </Link>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="main">
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/jobs/:id">{(params) => <JobPage key={params.id} id={params.id} />}</Route>
          <Route component={NotFoundPage} />
        </Switch>
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <p>{t.footer(retentionHours)}</p>
          {info.data && <p className="version">v{info.data.version}</p>}
        </div>
      </footer>
    </div>
  );
}
