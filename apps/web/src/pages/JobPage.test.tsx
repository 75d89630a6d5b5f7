import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiServerPerTest } from '../testing/api-per-test.ts';
import { fixtureId, makeJob } from '../testing/fixtures.ts';
import { renderApp } from '../testing/render.tsx';

const api = apiServerPerTest();

const jobGets = () => api.requests.filter((url) => url.includes('job.get')).length;

describe('job page over the real API', () => {
  it('polls while the job runs, follows it to completion, then stops polling', async () => {
    const id = fixtureId('live');
    api.jobs.put(makeJob('pending', { id }));
    renderApp({ apiUrl: api.url, path: `/jobs/${id}` });

    expect(await screen.findByRole('heading', { name: 'Waiting in line' })).toBeTruthy();
    expect(screen.getByText('Position 2 in line')).toBeTruthy();

    api.jobs.update(id, makeJob('processing', { id }));
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('42');

    api.jobs.update(id, {
      progress: 81,
      step: 'render',
      message: { ja: '動画を書き出し中', en: 'Rendering video' },
    });
    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('81'));
    expect(screen.getByText('Rendering video')).toBeTruthy();

    api.jobs.update(id, makeJob('completed', { id }));
    expect(await screen.findByRole('heading', { name: 'Your video is ready' })).toBeTruthy();
    expect(document.querySelector('video')?.getAttribute('src')).toBe(`/videos/${id}.mp4`);

    // Done: no more polling (the interval is 50 ms in tests).
    const afterDone = jobGets();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(jobGets()).toBe(afterDone);
  });

  it('an unknown or expired job: "not found", and polling stops', async () => {
    renderApp({ apiUrl: api.url, path: `/jobs/${fixtureId('gone')}` });
    expect(await screen.findByRole('heading', { name: 'Video not found' })).toBeTruthy();
    expect(screen.getByText(/deleted 24 hours after they are made/)).toBeTruthy();
    expect(document.title).toBe('Video not found · Movie Generator');
    const calls = jobGets();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jobGets()).toBe(calls); // NOT_FOUND is final: no retries, no polling
  });

  it('a malformed job id reads as not found too, in Japanese', async () => {
    renderApp({ apiUrl: api.url, path: '/jobs/not-a-real-id', lang: 'ja' });
    expect(await screen.findByRole('heading', { name: '動画が見つかりません' })).toBeTruthy();
  });

  it('cancel: asks, cancels on the server, and shows the cancelled state', async () => {
    const user = userEvent.setup();
    const id = fixtureId('cancelme');
    api.jobs.put(makeJob('processing', { id }));
    renderApp({ apiUrl: api.url, path: `/jobs/${id}` });

    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(api.jobs.jobs.get(id)!.status).toBe('processing'); // only asked so far
    await user.click(screen.getByRole('button', { name: 'Yes, cancel it' }));

    const cancelled = await screen.findByRole('heading', { name: 'Cancelled' });
    // The confirm button went away with the question: focus is on the status heading, not <body>.
    await waitFor(() => expect(document.activeElement).toBe(cancelled));
    expect(api.jobs.jobs.get(id)!.status).toBe('cancelled');
    expect(api.requests.some((url) => url.startsWith('/trpc/job.cancel'))).toBe(true);
  });

  it('cancel after the job already finished: says so, and shows the real state', async () => {
    const user = userEvent.setup();
    const id = fixtureId('racing');
    api.jobs.put(makeJob('processing', { id }));
    renderApp({ apiUrl: api.url, path: `/jobs/${id}`, pollIntervalMs: 60_000 });
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    api.jobs.update(id, makeJob('completed', { id }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    expect(await screen.findByRole('heading', { name: 'Your video is ready' })).toBeTruthy();
  });

  it('server down on first load: a clear message and a retry that recovers', async () => {
    const user = userEvent.setup();
    const id = fixtureId('later');
    api.jobs.put(makeJob('completed', { id }));
    await api.close();
    renderApp({ apiUrl: api.url, path: `/jobs/${id}` });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Cannot reach the server');
    expect(alert.textContent).not.toMatch(/ECONNREFUSED|fetch failed|\{/);

    await api.reopen();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Your video is ready' })).toBeTruthy();
  });

  it('connection lost while following a job: keeps the last state and says it is retrying', async () => {
    const id = fixtureId('flaky');
    api.jobs.put(makeJob('processing', { id }));
    renderApp({ apiUrl: api.url, path: `/jobs/${id}` });
    await screen.findByRole('progressbar');
    await api.close();
    expect(await screen.findByText('Connection lost. Retrying…')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42');
  });

  it('the tab title follows the progress', async () => {
    const id = fixtureId('title');
    api.jobs.put(makeJob('processing', { id, progress: 57 }));
    renderApp({ apiUrl: api.url, path: `/jobs/${id}` });
    await screen.findByRole('progressbar');
    expect(document.title).toBe('57% · Making your video · Movie Generator');
  });
});
