import { ApiError } from '@movie-generator/api-contract';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { readMyJobs } from '../storage/my-jobs.ts';
import { apiServerPerTest } from '../testing/api-per-test.ts';
import { renderApp } from '../testing/render.tsx';

const api = apiServerPerTest();

async function submit(url: string, lang: 'en' | 'ja' = 'en') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(lang === 'en' ? 'Article URL' : '記事の URL'), url);
  await user.click(screen.getByRole('button', { name: lang === 'en' ? 'Make the video' : '動画を作成' }));
}

/** Hours until the next 00:00 UTC, as the UI words it (TZ is UTC in tests). */
function hoursToMidnight(): number {
  const now = new Date();
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.floor((midnight - now.getTime()) / 3600_000);
}

describe('home page over the real API', () => {
  it('shows the remaining daily quota and when it resets', async () => {
    api.jobs.quotaUsed = 2;
    renderApp({ apiUrl: api.url });
    const quota = await screen.findByTestId('quota');
    expect(quota.textContent).toContain('3 of 5 videos left today');
    expect(quota.textContent).toMatch(/Resets at .*00:00/);
    const hours = hoursToMidnight();
    if (hours >= 2) expect(quota.textContent).toContain(`(in ${hours} h)`);
  });

  it('says there is no daily limit when the server sets none (limit 0), and keeps the form enabled', async () => {
    api.jobs.quotaLimit = 0;
    try {
      renderApp({ apiUrl: api.url });
      const quota = await screen.findByTestId('quota');
      expect(quota.textContent).toContain('No daily limit on this server');
      expect(screen.queryByTestId('quota-exhausted')).toBeNull();
      expect(screen.getByRole('button', { name: /make the video/i }).hasAttribute('disabled')).toBe(false);
    } finally {
      api.jobs.quotaLimit = 5;
    }
  });

  it('creates the job with the form’s input, remembers it, and opens its page', async () => {
    const { location } = renderApp({ apiUrl: api.url });
    await submit('https://example.com/news/solar');

    const jobHeading = await screen.findByRole('heading', { name: 'Waiting in line' });
    // Focus went to the loading state's heading, then stayed with the page when that was replaced.
    await waitFor(() => expect(document.activeElement).toBe(jobHeading));
    expect(api.jobs.created).toEqual([
      {
        input: { url: 'https://example.com/news/solar', size: '720p', vertical: false, style: 'narration' },
        clientIp: '203.0.113.7',
      },
    ]);
    const [id] = [...api.jobs.jobs.keys()];
    expect(location.history?.at(-1)).toBe(`/jobs/${id}`);
    expect(readMyJobs().map((job) => [job.id, job.url])).toEqual([[id, 'https://example.com/news/solar']]);
  });

  it('lists the jobs of this browser with their live status', async () => {
    const user = userEvent.setup();
    renderApp({ apiUrl: api.url });
    await submit('https://example.com/one');
    await screen.findByRole('heading', { name: 'Waiting in line' });
    await user.click(screen.getByRole('link', { name: /Start page/ }));

    const list = await screen.findByRole('region', { name: 'Your recent videos' });
    const [id] = [...api.jobs.jobs.keys()];
    await within(list).findByText('Waiting');
    api.jobs.update(id!, { status: 'processing', step: 'script', progress: 17 });
    await within(list).findByText('Making 17%');
    expect(within(list).getByRole('link').getAttribute('href')).toBe(`/jobs/${id}`);

    await user.click(
      within(list).getByRole('button', { name: 'Remove https://example.com/one from this list' }),
    );
    expect(within(list).queryByRole('link')).toBeNull();
    expect(readMyJobs()).toEqual([]);
  });

  it('no jobs left: says so before anything is typed, with the local reset time, and disables the button', async () => {
    api.jobs.quotaUsed = 5;
    renderApp({ apiUrl: api.url });
    const notice = await screen.findByTestId('quota-exhausted');
    expect(notice.textContent).toContain('You have made all of today’s videos');
    expect(notice.textContent).toMatch(/You can make videos again at .*00:00 \(in /);
    // One zone in the text (the viewer's); UTC only in the tooltip.
    expect(notice.textContent).not.toContain('UTC');
    expect(notice.querySelector('time')!.getAttribute('title')).toMatch(/00:00 UTC$/);
    const button = screen.getByRole('button', { name: 'Make the video' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByTestId('quota').textContent).toContain('No videos left today');
    expect(api.jobs.created).toEqual([]);
  });

  it('limit reached meanwhile (another tab): the refusal in the viewer’s zone only', async () => {
    api.jobs.quotaUsed = 4;
    renderApp({ apiUrl: api.url });
    await screen.findByText('1 of 5 videos left today');
    api.jobs.quotaUsed = 5;
    await submit('https://example.com/news/solar');
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('QUOTA_EXCEEDED');
    expect(alert.textContent).toContain('Daily limit reached');
    expect(alert.textContent).toContain('You have used all of today’s videos.');
    expect(alert.textContent).toMatch(
      /You can make videos again at .*00:00 \(in (\d+ h|about \d+ min|about a minute|less than a minute)\)\./,
    );
    expect(alert.textContent).not.toContain('UTC');
    expect(alert.querySelector('time')!.getAttribute('title')).toMatch(/00:00 UTC$/);
    expect(alert.textContent).not.toContain('{');
  });

  it('no jobs left, in Japanese', async () => {
    api.jobs.quotaUsed = 5;
    renderApp({ apiUrl: api.url, lang: 'ja' });
    const notice = await screen.findByTestId('quota-exhausted');
    expect(notice.textContent).toContain('本日作成できる動画はすべて使いました');
    expect(notice.textContent).toMatch(/00:00（.+）から再び作成できます。/);
    expect((screen.getByRole('button', { name: '動画を作成' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('queue full', async () => {
    api.jobs.createError = new ApiError('QUEUE_FULL');
    renderApp({ apiUrl: api.url });
    await submit('https://example.com/news/solar');
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('QUEUE_FULL');
    expect(alert.textContent).toContain('Busy right now');
    expect(alert.textContent).toContain('The queue is full. Please try again in a few minutes.');
    // Still on the form, with the URL kept for another try.
    expect((screen.getByLabelText('Article URL') as HTMLInputElement).value).toBe(
      'https://example.com/news/solar',
    );
  });

  it('invalid URL as judged by the server (e.g. a private address)', async () => {
    api.jobs.createError = new ApiError('BLOCKED_ADDRESS');
    renderApp({ apiUrl: api.url });
    await submit('http://10.0.0.1/admin');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This address is not allowed');
    expect(alert.textContent).toContain(
      'This URL points to a private or internal network. Use a public article URL.',
    );

    api.jobs.createError = new ApiError('INVALID_URL');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Make the video' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Check the URL'));
    expect(screen.getByRole('alert').textContent).toContain('The URL is not valid.');
  });

  it('a server bug shows a generic message, never the internal error', async () => {
    api.jobs.crash = new Error('MongoServerError: E11000 duplicate key at 10.1.2.3');
    renderApp({ apiUrl: api.url });
    await submit('https://example.com/news/solar');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Server error');
    expect(alert.textContent).toContain('Something went wrong on the server. Please try again later.');
    expect(alert.textContent).not.toContain('Mongo');
  });

  it('server down: says the server cannot be reached', async () => {
    await api.close();
    renderApp({ apiUrl: api.url });
    expect(await screen.findByText('Daily limit unavailable right now')).toBeTruthy();
    await submit('https://example.com/news/solar');
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('NETWORK');
    expect(alert.textContent).toContain('Cannot reach the server');
    expect(alert.textContent).toContain('Check your internet connection.');
  });

  it('a retry link fills the form in with every option', async () => {
    renderApp({
      apiUrl: api.url,
      path: `/?url=${encodeURIComponent('https://example.com/again')}&size=1080p&vertical=1&lang=en&style=dialogue`,
    });
    expect((screen.getByLabelText('Article URL') as HTMLInputElement).value).toBe(
      'https://example.com/again',
    );
    expect((screen.getByRole('radio', { name: 'English' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /1080p/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /Vertical/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /Dialogue/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('names each recent job after its article, with a thumbnail once done', async () => {
    const user = userEvent.setup();
    renderApp({ apiUrl: api.url });
    await submit('https://example.com/one');
    await screen.findByRole('heading', { name: 'Waiting in line' });
    const [id] = [...api.jobs.jobs.keys()];
    api.jobs.update(id!, {
      status: 'completed',
      progress: 100,
      title: 'Solar power, explained',
      videoUrl: `/videos/${id}.mp4`,
      posterUrl: `/videos/${id}.jpg`,
    });
    await user.click(screen.getByRole('link', { name: /Start page/ }));
    const list = await screen.findByRole('region', { name: 'Your recent videos' });
    expect((await within(list).findByTestId('my-job-title')).textContent).toBe('Solar power, explained');
    expect(list.querySelector('img')!.getAttribute('src')).toBe(`/videos/${id}.jpg`);
  });
});
