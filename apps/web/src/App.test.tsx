import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LANG_STORAGE_KEY } from './i18n/detect.ts';
import { apiServerPerTest } from './testing/api-per-test.ts';
import { renderApp } from './testing/render.tsx';

const api = apiServerPerTest();

describe('App', () => {
  it('switches language with the switcher and remembers the choice', async () => {
    const user = userEvent.setup();
    renderApp({ apiUrl: api.url, lang: 'ja' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('記事をナレーション付きの解説動画に');
    expect(document.documentElement.lang).toBe('ja');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Turn an article into a narrated explainer video',
    );
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('shows the retention and version from system.info', async () => {
    renderApp({ apiUrl: api.url });
    expect(await screen.findByText('v0.1.0-test')).toBeTruthy();
    expect(screen.getByText('Free service. Videos and their jobs are deleted after 24 hours.')).toBeTruthy();
  });

  it('answers unknown paths with a page-not-found', () => {
    renderApp({ apiUrl: api.url, path: '/nope' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
    expect(screen.getByRole('link', { name: 'Go to the start page' }).getAttribute('href')).toBe('/');
  });

  it('has a skip link to the main content', () => {
    renderApp({ apiUrl: api.url });
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe('#main');
    expect(document.getElementById('main')?.tagName).toBe('MAIN');
  });
});
