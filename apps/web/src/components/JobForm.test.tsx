import { JobCreateInput, MAX_URL_LENGTH } from '@movie-generator/api-contract';
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { type Lang, strings } from '../i18n/strings.ts';
import { type FormInitial, JobForm } from './JobForm.tsx';
import { urlError } from './url-validation.ts';

function renderForm({
  lang = 'en' as Lang,
  initial = {} as Partial<FormInitial>,
  blocked = null as ReactNode,
} = {}) {
  const onSubmit = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <JobForm initial={initial} blocked={blocked} submitting={false} error={null} onSubmit={onSubmit} />
    </I18nProvider>,
  );
  const input = screen.getByLabelText(lang === 'en' ? 'Article URL' : '記事の URL') as HTMLInputElement;
  return { onSubmit, input, user: userEvent.setup() };
}

describe('URL validation', () => {
  it('accepts exactly what the API schema accepts', () => {
    const samples = [
      '',
      '   ',
      'example.com/article',
      'ftp://example.com/file',
      'javascript:alert(1)',
      'http://',
      'https://example.com/',
      '  https://example.com/news/1?ref=top  ',
      'http://localhost:8080/a',
      `https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`,
    ];
    for (const url of samples) {
      expect(urlError(url, strings.en) === null, url).toBe(JobCreateInput.safeParse({ url }).success);
    }
  });

  it('says what is wrong in the UI language', () => {
    expect(urlError('', strings.en)).toBe('Enter the URL of an article.');
    expect(urlError('example.com', strings.en)).toBe('Enter a full URL starting with http:// or https://.');
    expect(urlError(`https://e.com/${'a'.repeat(MAX_URL_LENGTH)}`, strings.en)).toBe(
      `This URL is too long (${MAX_URL_LENGTH} characters at most).`,
    );
    expect(urlError('ftp://example.com', strings.ja)).toBe(
      'http:// または https:// で始まる URL を入力してください。',
    );
  });
});

describe('JobForm', () => {
  it('shows the invalid-URL message once the field is left, and updates it as the user types', async () => {
    const { input, user } = renderForm();
    await user.type(input, 'example');
    expect(screen.queryByRole('alert')).toBeNull(); // not while typing the first time
    await user.tab();
    expect(screen.getByRole('alert').textContent).toBe('Enter a full URL starting with http:// or https://.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);

    await user.clear(input);
    await user.type(input, 'https://example.com/article');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(screen.getByText('Looks good')).toBeTruthy();
  });

  it('does not submit an empty or invalid URL, and focuses the field', async () => {
    const { input, user, onSubmit } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Make the video' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter the URL of an article.');
    expect(document.activeElement).toBe(input);

    await user.type(input, 'ftp://example.com/file');
    await user.click(screen.getByRole('button', { name: 'Make the video' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter a full URL starting with http:// or https://.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the trimmed URL with the chosen style, narration, size and orientation', async () => {
    const { input, user, onSubmit } = renderForm();
    await user.type(input, '  https://example.com/news/1  ');
    await user.click(screen.getByRole('radio', { name: /Dialogue/ }));
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await user.click(screen.getByRole('radio', { name: /1080p/ }));
    await user.click(screen.getByRole('checkbox', { name: /Vertical/ }));
    await user.click(screen.getByRole('button', { name: 'Make the video' }));
    expect(onSubmit).toHaveBeenCalledWith({
      url: 'https://example.com/news/1',
      language: 'en',
      size: '1080p',
      vertical: true,
      style: 'dialogue',
    });
    // What the form sends is valid input for the API.
    expect(JobCreateInput.safeParse(onSubmit.mock.calls[0]![0]).success).toBe(true);
  });

  it('leaves the narration language to the server by default', async () => {
    const { input, user, onSubmit } = renderForm();
    await user.type(input, 'https://example.com/');
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({
      url: 'https://example.com/',
      size: '720p',
      vertical: false,
      style: 'narration',
    });
  });

  it('adds https:// to an address typed without it, when the field is left and when sent', async () => {
    const { input, user, onSubmit } = renderForm();
    await user.type(input, 'example.com/article');
    await user.tab();
    expect(input.value).toBe('https://example.com/article');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.clear(input);
    await user.type(input, 'www.example.org/news{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({
      url: 'https://www.example.org/news',
      size: '720p',
      vertical: false,
      style: 'narration',
    });
  });

  it('does not show the message (moving the button) when the field is left for the button', async () => {
    const { input, user, onSubmit } = renderForm();
    await user.type(input, 'ftp://x');
    const button = screen.getByRole('button', { name: 'Make the video' });
    // The click that blurs the field lands on the button and submits: the message comes from the submit.
    await user.click(button);
    expect(screen.getByRole('alert').textContent).toBe('Enter a full URL starting with http:// or https://.');
    expect(onSubmit).not.toHaveBeenCalled();
    // The message takes the hint's place, so the form below does not move.
    expect(screen.queryByText('A public web page with at least a few paragraphs of text.')).toBeNull();
  });

  it('offers the style as a labelled radio group described by its one-line explanation, in both languages', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const { user } = renderForm({ lang });
      const t = strings[lang].home;
      const group = screen.getByRole('group', { name: t.styleLabel });
      expect(group.getAttribute('aria-describedby')).toBeTruthy();
      expect(document.getElementById(group.getAttribute('aria-describedby')!)?.textContent).toBe(t.styleHint);
      const narration = screen.getByRole('radio', { name: new RegExp(t.styleNarration) }) as HTMLInputElement;
      const dialogue = screen.getByRole('radio', { name: new RegExp(t.styleDialogue) }) as HTMLInputElement;
      expect(narration.checked).toBe(true);
      await user.click(dialogue);
      expect([narration.checked, dialogue.checked]).toEqual([false, true]);
      cleanup();
    }
    expect(strings.ja.home.styleHint).toMatch(/ずんだもん.*四国めたん/);
    expect(strings.en.home.styleHint).toMatch(/Zundamon.*Shikoku Metan/);
  });

  it('starts with every option of a retried job, without a ✓ on its URL', () => {
    renderForm({
      initial: {
        url: 'https://example.com/a',
        narration: 'en',
        size: '1080p',
        vertical: true,
        style: 'dialogue',
      },
    });
    expect((screen.getByRole('radio', { name: /Dialogue/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'English' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /1080p/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /Vertical/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByText('Looks good')).toBeNull();
  });

  it('says why nothing can be sent and disables the button when blocked', async () => {
    const { input, user, onSubmit } = renderForm({ blocked: <p>No videos left today</p> });
    const button = screen.getByRole('button', { name: 'Make the video' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe(
      'No videos left today',
    );
    await user.type(input, 'https://example.com/{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('validates a URL passed in (retry links) at once, in Japanese', () => {
    renderForm({ lang: 'ja', initial: { url: 'notaurl' } });
    expect(screen.getByRole('alert').textContent).toBe(
      'http:// または https:// で始まる URL を入力してください。',
    );
  });
});
