import type { JobView } from '@movie-generator/api-contract';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import type { Lang } from '../i18n/strings.ts';
import { fixtureId, makeJob } from '../testing/fixtures.ts';
import { JobNotFound } from './JobNotFound.tsx';
import { JobStatusView } from './JobStatusView.tsx';

function renderJob(
  job: JobView,
  { lang = 'en' as Lang, onCancel = () => {}, cancelError = null as unknown } = {},
) {
  return render(
    <I18nProvider lang={lang}>
      <JobStatusView job={job} now={new Date()} cancel={{ onCancel, pending: false, error: cancelError }} />
    </I18nProvider>,
  );
}

const stepStates = () =>
  Object.fromEntries(
    Array.from(document.querySelectorAll('[data-step]')).map((li) => [
      li.getAttribute('data-step'),
      li.getAttribute('data-state'),
    ]),
  );

describe('JobStatusView', () => {
  it('pending: queue position, ETA, no step started yet, a cancel button', () => {
    renderJob(makeJob('pending', { queuePosition: 2, etaSec: 240 }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Waiting in line');
    expect(screen.getByTestId('queue-position').textContent).toBe('Position 2 in line');
    expect(screen.getByText('Ready in about 4 min')).toBeTruthy();
    expect(Object.values(stepStates())).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('pending, next in line, in Japanese', () => {
    renderJob(makeJob('pending', { queuePosition: 1, etaSec: 45 }), { lang: 'ja' });
    expect(screen.getByTestId('queue-position').textContent).toBe('次に開始されます');
    expect(screen.getByText('完成予定: 1 分以内')).toBeTruthy();
  });

  it('processing: the current step highlighted, the progress bar with its ARIA values and the message', () => {
    renderJob(makeJob('processing', { step: 'audio', progress: 42.4 }));
    expect(stepStates()).toEqual({
      fetch: 'done',
      script: 'done',
      audio: 'current',
      slides: 'upcoming',
      render: 'upcoming',
    });
    const current = document.querySelector('[aria-current="step"]')!;
    expect(current.getAttribute('data-step')).toBe('audio');
    expect(current.textContent).toContain('Record narration');

    const bar = screen.getByRole('progressbar', { name: 'Generating audio (3/12)' });
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('42% — Generating audio (3/12)');
    expect(screen.getByText('42%')).toBeTruthy();
    expect(screen.getByText('Ready in about 2 min')).toBeTruthy();
    // Screen readers hear the step, not its detail, and not the heading again.
    expect(screen.getByTestId('announcer').textContent).toBe('Step 3 of 5: Record narration');
    // The article is named, with its narration language.
    expect(screen.getByTestId('job-article-title').textContent).toBe('How solar panels work');
    expect(screen.getByTestId('job-language').textContent).toBe('Narration: Japanese');
    expect(screen.getByTestId('job-style').textContent).toBe('Style: Narration (one narrator)');
  });

  it('names a dialogue as such, and its retry link keeps the style', () => {
    renderJob(makeJob('failed', { style: 'dialogue' }), { lang: 'ja' });
    expect(screen.getByTestId('job-style').textContent).toBe('スタイル: 掛け合い（ずんだもん・四国めたん）');
    const retry = screen.getByRole('link', { name: '同じ記事でもう一度試す' });
    expect(new URL(retry.getAttribute('href')!, 'http://x').searchParams.get('style')).toBe('dialogue');
  });

  it('announces step changes, completion, failure and cancellation only, not each poll', async () => {
    const view = renderJob(makeJob('processing', { step: 'audio', progress: 40 }));
    const announcer = screen.getByTestId('announcer');
    const announced: string[] = [];
    const show = async (job: JobView) => {
      view.rerender(
        <I18nProvider lang="en">
          <JobStatusView
            job={job}
            now={new Date()}
            cancel={{ onCancel: () => {}, pending: false, error: null }}
          />
        </I18nProvider>,
      );
      const text = announcer.textContent ?? '';
      if (text !== (announced.at(-1) ?? 'Step 3 of 5: Record narration')) announced.push(text);
    };
    for (const progress of [41, 45, 50]) {
      await show(
        makeJob('processing', { step: 'audio', progress, message: { ja: 'x', en: `Audio (${progress})` } }),
      );
    }
    await show(
      makeJob('processing', { step: 'render', progress: 80, message: { ja: 'x', en: 'Rendering 1/9' } }),
    );
    await show(
      makeJob('processing', { step: 'render', progress: 90, message: { ja: 'x', en: 'Rendering 5/9' } }),
    );
    await show(makeJob('completed'));
    expect(announced).toEqual(['Step 5 of 5: Render the video', 'Finished: the video is ready to play.']);
    // The same live region all along (a new one would not be announced reliably).
    expect(screen.getByTestId('announcer')).toBe(announcer);
    await show(makeJob('cancelled'));
    expect(announced.at(-1)).toBe('The job was cancelled.');
  });

  it('processing in Japanese shows the Japanese message and step names', () => {
    renderJob(
      makeJob('processing', {
        step: 'slides',
        progress: 63,
        message: { ja: 'スライドを作成中 (2/6)', en: 'Making slides (2/6)' },
      }),
      {
        lang: 'ja',
      },
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('63');
    expect(screen.getByText('スライドを作成中 (2/6)')).toBeTruthy();
    expect(document.querySelector('[aria-current="step"]')!.textContent).toContain('スライド作成');
  });

  it('completed: the video, a download link, size, length and when it is deleted', () => {
    const job = makeJob('completed', { id: fixtureId('done'), videoSize: 12_345_678, durationSec: 102 });
    renderJob(job);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Your video is ready');
    const video = document.querySelector('video')!;
    expect(video.getAttribute('src')).toBe(`/videos/${fixtureId('done')}.mp4`);
    expect(video.hasAttribute('controls')).toBe(true);
    const download = screen.getByRole('link', { name: 'Download MP4' });
    expect(download.getAttribute('href')).toBe(`/videos/${fixtureId('done')}.mp4?download=1`);
    expect(download.hasAttribute('download')).toBe(true);
    expect(screen.getByTestId('video-size').textContent).toBe('12.3 MB');
    expect(screen.getByTestId('video-duration').textContent).toBe('1 min 42 s');
    expect(screen.getByTestId('job-note').textContent).toBe('Deleted in 23 h');
    // Done: the player replaces the step list.
    expect(document.querySelector('[data-step]')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('completed: the poster, captions available but off by default (they are burned in), the SRT to download', () => {
    const job = makeJob('completed');
    renderJob(job);
    const video = document.querySelector('video')!;
    expect(video.getAttribute('poster')).toBe(job.posterUrl);
    const track = video.querySelector('track')!;
    expect(track.getAttribute('kind')).toBe('captions');
    expect(track.getAttribute('src')).toBe(job.captionsUrl);
    expect(track.getAttribute('srclang')).toBe('ja');
    expect(track.hasAttribute('default')).toBe(false);
    const srt = screen.getByRole('link', { name: 'Subtitles (SRT)' });
    expect(srt.getAttribute('href')).toBe(job.subtitlesUrl);
    expect(srt.hasAttribute('download')).toBe(true);
    expect(screen.getByTestId('announcer').textContent).toBe('Finished: the video is ready to play.');
  });

  it('completed without a poster or captions (an older job): no track, no SRT link', () => {
    renderJob(makeJob('completed', { posterUrl: null, captionsUrl: null, subtitlesUrl: null }));
    expect(document.querySelector('video')!.hasAttribute('poster')).toBe(false);
    expect(document.querySelector('track')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Subtitles (SRT)' })).toBeNull();
  });

  it('says so when the clipboard refuses the link', async () => {
    const user = userEvent.setup();
    renderJob(makeJob('completed'));
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect((await screen.findByTestId('copy-status')).textContent).toBe(
      'Could not copy: copy the address from the address bar',
    );
  });

  it('completed in Japanese', () => {
    renderJob(makeJob('completed', { durationSec: 45 }), { lang: 'ja' });
    expect(screen.getByTestId('job-note').textContent).toBe('23 時間後に削除されます');
    expect(screen.getByTestId('video-duration').textContent).toBe('45 秒');
    expect(screen.getByRole('link', { name: 'MP4 をダウンロード' })).toBeTruthy();
  });

  it('failed: the error in the UI language, where it stopped, and what to do next', () => {
    const job = makeJob('failed', { url: 'https://example.com/a?b=1' });
    renderJob(job);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The video could not be made');
    expect(screen.getByText('Audio generation failed. Please try again later.')).toBeTruthy();
    expect(screen.getByText('Stopped at: Record narration')).toBeTruthy();
    expect(stepStates().audio).toBe('failed');
    // Every option of the job comes back, not only the URL.
    expect(screen.getByRole('link', { name: 'Try again with the same article' }).getAttribute('href')).toBe(
      `/?url=${encodeURIComponent('https://example.com/a?b=1')}&size=720p&lang=ja`,
    );
    expect(screen.getByTestId('announcer').textContent).toBe(
      'Stopped: Audio generation failed. Please try again later.',
    );
    expect(screen.getByRole('link', { name: 'Try a different article' }).getAttribute('href')).toBe('/');
  });

  it('failed in Japanese uses the Japanese error message', () => {
    renderJob(makeJob('failed'), { lang: 'ja' });
    expect(screen.getByText('音声の生成に失敗しました。しばらくしてから再度お試しください。')).toBeTruthy();
  });

  it('cancelled: says so and offers to start again', () => {
    renderJob(makeJob('cancelled'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Cancelled');
    expect(screen.getByText('This video was cancelled before it was finished.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start again' }).getAttribute('href')).toContain('/?url=');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('not found: a clear message and a way back', () => {
    render(
      <I18nProvider lang="en">
        <JobNotFound />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Video not found');
    expect(screen.getByText(/deleted 24 hours after/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Make another video' }).getAttribute('href')).toBe('/');
  });

  it('cancel asks for confirmation, focuses the safe choice, and Escape backs out', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    renderJob(makeJob('processing'), { onCancel });

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel this video?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep going' }));
    expect(onCancel).not.toHaveBeenCalled();

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
