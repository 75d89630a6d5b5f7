/**
 * The web app end to end, in Chromium, against the real stack in this process: the server app
 * serving the built web app and the API, a worker running the real pipeline (320x180, ≤ 3
 * sections), the MongoDB-wire server and a local article page. Screenshots of every state, in
 * Japanese and English, go to test-artifacts/e2e/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  API_ERRORS,
  type ApiErrorCode,
  JOB_STEPS,
  type JobStep,
  type JobView,
} from '@movie-generator/api-contract';
import { PUBLIC_URL } from '@movie-generator/server/src/testing/test-server.ts';
import { ffprobe, launchChromium, makeTempDir } from '@movie-generator/test-helpers';
import { formatBytes, formatClock, formatDuration, formatIn } from '@movie-generator/web/src/i18n/format.ts';
import { type Lang, strings } from '@movie-generator/web/src/i18n/strings.ts';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWebStack, type WebStack } from './support/stack.ts';
import { ensureWebBuild, repoRoot } from './support/web-build.ts';

const ARTIFACTS = join(repoRoot, 'test-artifacts/e2e');
const LOCALES: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
/** The browser reads clocks in the test's own zone, so the app's formatters agree with ours. */
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** One row per change of what the job page shows, recorded in the page by a MutationObserver. */
interface ProgressSample {
  status: string | null;
  progress: number | null;
  step: string | null;
}

declare global {
  interface Window {
    __progressSamples?: ProgressSample[];
  }
}

/** Runs in the page before the app: records every status, aria-valuenow and current step the UI shows. */
function recordProgress(): void {
  const samples: ProgressSample[] = [];
  window.__progressSamples = samples;
  new MutationObserver(() => {
    const bar = document.querySelector('[role="progressbar"]');
    const sample: ProgressSample = {
      status: document.querySelector('article[data-status]')?.getAttribute('data-status') ?? null,
      progress: bar ? Number(bar.getAttribute('aria-valuenow')) : null,
      step: document.querySelector('[aria-current="step"]')?.getAttribute('data-step') ?? null,
    };
    const last = samples.at(-1);
    if (
      !last ||
      last.status !== sample.status ||
      last.progress !== sample.progress ||
      last.step !== sample.step
    ) {
      samples.push(sample);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

const textOf = async (locator: Locator) =>
  ((await locator.textContent({ timeout: 1000 }).catch(() => null)) ?? '').replace(/\s+/g, ' ').trim();

/** Waits (polling) until the element's text is exactly `expected`. */
async function expectText(locator: Locator, expected: string, timeout = 15_000): Promise<void> {
  await expect.poll(() => textOf(locator), { timeout, interval: 100 }).toBe(expected);
}

async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  // The switcher names each language in that language, whatever the UI language is.
  await page.getByRole('button', { name: strings[lang].languageNames[lang], exact: true }).click();
  await page.waitForFunction((want) => document.documentElement.lang === want, lang);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits for the job page to show one of `statuses`, and returns the one it shows. */
async function waitForStatus(page: Page, statuses: JobView['status'][], timeout: number): Promise<string> {
  const selector = statuses.map((s) => `article[data-status="${s}"]`).join(', ');
  await page.locator(selector).waitFor({ timeout });
  return (await page.locator('article[data-status]').getAttribute('data-status')) ?? '';
}

/** The error alert of the form (an API refusal), checked in `lang`; returns the alert. */
async function expectApiAlert(page: Page, code: ApiErrorCode, lang: Lang): Promise<Locator> {
  const alert = page.locator(`.job-form [role="alert"][data-error-code="${code}"]`);
  await alert.waitFor({ timeout: 15_000 });
  await expectText(alert.locator('.alert-title'), strings[lang].errors.titles[code]);
  await expectText(alert.locator('.alert-title + p'), API_ERRORS[code][lang]);
  return alert;
}

/** Nothing of the wire format leaks into the page. */
async function expectNoRawError(page: Page): Promise<void> {
  const body = await textOf(page.locator('body'));
  for (const raw of [
    '{',
    '"code"',
    'appCode',
    'TRPC',
    'TOO_MANY_REQUESTS',
    'SERVICE_UNAVAILABLE',
    'BAD_REQUEST',
  ]) {
    expect(body).not.toContain(raw);
  }
}

describe('the web app on the real stack', () => {
  let stack: WebStack;
  let browser: Browser;
  let downloads: Awaited<ReturnType<typeof makeTempDir>>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const [web] = await Promise.all([ensureWebBuild(), mkdir(ARTIFACTS, { recursive: true })]);
    [stack, browser, downloads] = await Promise.all([
      startWebStack(web.dir),
      launchChromium(),
      makeTempDir('mg-e2e-downloads-'),
    ]);
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await downloads?.cleanup();
  });

  /** A fresh browser profile whose language is `lang`, recording the job page's progress. */
  async function openPage(lang: Lang): Promise<Page> {
    const context = await browser.newContext({
      locale: LOCALES[lang],
      timezoneId: TIME_ZONE,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    contexts.push(context);
    await context.addInitScript(recordProgress);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  const urlField = (page: Page, lang: Lang) => page.getByLabel(strings[lang].home.urlLabel, { exact: true });
  const submitButton = (page: Page, lang: Lang) =>
    page.getByRole('button', { name: strings[lang].home.submit, exact: true });
  const heading = (page: Page) => page.getByRole('heading', { level: 1 });

  it('makes a video: form → live progress → the player plays the MP4 and the download is that MP4', async () => {
    const server = await stack.startServer({ ALLOW_PRIVATE_NETWORK: 'true', DAILY_JOB_LIMIT: '5' });
    await stack.startWorker(server);
    const ja = strings.ja;
    const en = strings.en;
    const articleUrl = `${stack.site.url}/ja`;
    const page = await openPage('ja');

    // Home, in the browser's language (ja), then in English with the switcher.
    await page.goto(`${server.url}/`);
    await expectText(heading(page), ja.home.title);
    await expectText(page.locator('.quota-left'), ja.home.quotaLeft(5, 5));
    await screenshot(page, 'home-ja');
    await switchLanguage(page, 'en');
    await expectText(heading(page), en.home.title);
    await expectText(page.locator('.quota-left'), en.home.quotaLeft(5, 5));
    await screenshot(page, 'home-en');
    await switchLanguage(page, 'ja');

    await urlField(page, 'ja').pressSequentially(articleUrl);
    await page.getByRole('radio', { name: ja.home.narrationJa, exact: true }).check();
    await submitButton(page, 'ja').click();
    await page.waitForURL(/\/jobs\/[A-Za-z0-9_-]{16,64}$/);
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await server.client.job.get.query({ id })).toMatchObject({ url: articleUrl, language: 'ja' });

    // In progress: the steps and the progress bar, in Japanese, then English, then Japanese again.
    const first = await waitForStatus(page, ['processing', 'completed', 'failed', 'cancelled'], 60_000);
    expect(first, JSON.stringify(await server.client.job.get.query({ id }))).toBe('processing');
    await page.getByRole('progressbar').waitFor();
    await expectText(heading(page), ja.job.status.processing);
    expect(await page.getByRole('list', { name: ja.job.stepsLabel }).textContent()).toContain(
      ja.job.steps.fetch,
    );
    await screenshot(page, 'job-processing-ja');
    await switchLanguage(page, 'en');
    await expectText(heading(page), en.job.status.processing);
    expect(await page.getByRole('list', { name: en.job.stepsLabel }).textContent()).toContain(
      en.job.steps.render,
    );
    await screenshot(page, 'job-processing-en');
    await switchLanguage(page, 'ja');
    expect(await page.getByRole('list', { name: ja.job.stepsLabel }).textContent()).toContain(
      ja.job.steps.render,
    );

    const final = await waitForStatus(page, ['completed', 'failed', 'cancelled'], 150_000);
    const job = await server.client.job.get.query({ id });
    expect(final, JSON.stringify(job)).toBe('completed');
    expect(job).toMatchObject({ status: 'completed', progress: 100, videoUrl: `/videos/${id}.mp4` });
    expect(job.durationSec).toBeGreaterThan(3);

    // The page followed the job: several percentages, never going back, the steps in order.
    const samples = (await page.evaluate(() => window.__progressSamples ?? [])).filter(
      (s) => s.status === 'processing',
    );
    const percents = samples.map((s) => s.progress).filter((p): p is number => p !== null);
    expect(new Set(percents).size, JSON.stringify(samples)).toBeGreaterThanOrEqual(2);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    const stepOrder = samples.map((s) => JOB_STEPS.indexOf(s.step as JobStep)).filter((i) => i >= 0);
    expect(stepOrder).toEqual([...stepOrder].sort((a, b) => a - b));

    // Completed: the player has the MP4 loaded, as long as the job says, and shows a real frame.
    await expectText(heading(page), ja.job.status.completed);
    const video = page.locator('video');
    expect(await video.getAttribute('src')).toBe(job.videoUrl);
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null, {
      timeout: 30_000,
    });
    const duration = await video.evaluate((v: HTMLVideoElement) => v.duration);
    expect(Math.abs(duration - job.durationSec!)).toBeLessThan(0.1);
    const frame = await video.evaluate(async (v: HTMLVideoElement, at: number) => {
      await new Promise<void>((resolve, reject) => {
        v.addEventListener('seeked', () => resolve(), { once: true });
        v.addEventListener('error', () => reject(new Error(v.error?.message ?? 'video error')), {
          once: true,
        });
        v.currentTime = at;
      });
      const canvas = document.createElement('canvas');
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(v, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let sum = 0;
      let sumSquares = 0;
      for (let i = 0; i < data.length; i += 4) {
        const luma = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
        sum += luma;
        sumSquares += luma * luma;
      }
      const pixels = data.length / 4;
      const mean = sum / pixels;
      return {
        width: v.videoWidth,
        height: v.videoHeight,
        mean,
        spread: Math.sqrt(sumSquares / pixels - mean ** 2),
      };
    }, job.durationSec! / 2);
    expect(frame).toMatchObject({ width: 320, height: 180 });
    // A slide with text on it, not a blank or single-colour frame.
    expect(frame.spread).toBeGreaterThan(10);
    await expectText(page.getByTestId('video-duration'), formatDuration(job.durationSec!, ja));
    await expectText(page.getByTestId('video-size'), formatBytes(job.videoSize!));
    // Enough buffered to play on: the player's loading spinner is gone from the screenshot.
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 3, null, {
      timeout: 30_000,
    });
    await screenshot(page, 'job-completed-ja');

    // The download link: the browser saves the MP4 under the server's name for it.
    const link = page.getByRole('link', { name: ja.job.download, exact: true });
    const href = await link.getAttribute('href');
    expect(href).toBe(`${job.videoUrl}?download=1`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`movie-${id}.mp4`);
    const saved = join(downloads.dir, `${id}.mp4`);
    await download.saveAs(saved);
    const probe = await ffprobe(saved);
    expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({
      codec_name: 'h264',
      width: 320,
      height: 180,
    });
    expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
    expect(Number(probe.format.size)).toBe(job.videoSize);
    expect(Math.abs(Number(probe.format.duration) - job.durationSec!)).toBeLessThan(0.1);
    // The same bytes over HTTP, sent as an attachment.
    const response = await page.request.get(new URL(href!, server.url).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('video/mp4');
    expect(response.headers()['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="?movie-${id}\\.mp4"?$`),
    );
    expect(Buffer.compare(await response.body(), await readFile(saved))).toBe(0);

    await switchLanguage(page, 'en');
    await expectText(heading(page), en.job.status.completed);
    await expectText(page.getByTestId('video-duration'), formatDuration(job.durationSec!, en));
    await page.getByRole('link', { name: en.job.download, exact: true }).waitFor();
    await screenshot(page, 'job-completed-en');
  });

  it('checks the URL as it is typed, and shows the server’s refusal of an internal address', async () => {
    // Private networks are refused (the default).
    const server = await stack.startServer();
    const page = await openPage('en');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}/`);
    await expectText(heading(page), strings.en.home.title);

    const field = urlField(page, 'en');
    await field.pressSequentially('ftp://x');
    await field.blur();
    const fieldError = page.locator('.field-error[role="alert"]');
    await expectText(fieldError, strings.en.home.urlInvalid);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await submitButton(page, 'en').click();
    await expectText(fieldError, strings.en.home.urlInvalid);
    await screenshot(page, 'error-invalid-url-en');
    await switchLanguage(page, 'ja');
    await expectText(fieldError, strings.ja.home.urlInvalid);
    await screenshot(page, 'error-invalid-url-ja');
    expect(posts).toEqual([]); // checked in the page: nothing was sent

    // Fixing the URL clears the message as it is typed; the server refuses the address.
    await urlField(page, 'ja').fill('http://169.254.169.254/');
    await fieldError.waitFor({ state: 'detached' });
    await submitButton(page, 'ja').click();
    await expectApiAlert(page, 'BLOCKED_ADDRESS', 'ja');
    await expectNoRawError(page);
    await screenshot(page, 'error-blocked-ja');
    await switchLanguage(page, 'en');
    await expectApiAlert(page, 'BLOCKED_ADDRESS', 'en');
    await screenshot(page, 'error-blocked-en');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(posts).toEqual(['/trpc/job.create']);
    // A refused URL costs no quota.
    expect((await server.client.quota.get.query()).used).toBe(0);
  });

  it('tells the user the queue is full', async () => {
    const server = await stack.startServer({ MAX_PENDING_JOBS: '1' }); // and no worker takes jobs
    await server.client.job.create.mutate({ url: PUBLIC_URL });
    const page = await openPage('ja');
    await page.goto(`${server.url}/`);
    await urlField(page, 'ja').fill(`${PUBLIC_URL}?another`);
    await submitButton(page, 'ja').click();
    await expectApiAlert(page, 'QUEUE_FULL', 'ja');
    await expectNoRawError(page);
    await screenshot(page, 'error-queue-full-ja');
    await switchLanguage(page, 'en');
    await expectApiAlert(page, 'QUEUE_FULL', 'en');
    await screenshot(page, 'error-queue-full-en');
    expect(new URL(page.url()).pathname).toBe('/');
    // The refused job gave its quota back.
    expect((await server.client.quota.get.query()).used).toBe(1);
  });

  it('tells the user the daily limit is reached, and when it resets', async () => {
    const server = await stack.startServer({ DAILY_JOB_LIMIT: '1' });
    await server.client.job.create.mutate({ url: PUBLIC_URL }); // from the same address as the browser
    const quota = await server.client.quota.get.query();
    expect(quota).toMatchObject({ limit: 1, used: 1 });
    const resetsAt = new Date(quota.resetsAt);

    const page = await openPage('ja');
    await page.goto(`${server.url}/`);
    await expectText(page.locator('.quota-left'), strings.ja.home.quotaNoneLeft);
    await urlField(page, 'ja').fill(`${PUBLIC_URL}?again`);
    await submitButton(page, 'ja').click();

    for (const lang of ['ja', 'en'] as const) {
      if (lang === 'en') await switchLanguage(page, 'en');
      const t = strings[lang];
      const alert = await expectApiAlert(page, 'QUOTA_EXCEEDED', lang);
      // "You can make videos again at <clock> (<in …>)", in the viewer's zone; the relative
      // part may have ticked over between the page's rendering and this check.
      const noteAt = (now: number) =>
        t.errors.resetsAt(formatClock(resetsAt, lang, new Date(now)), formatIn(resetsAt.getTime() - now, t));
      const note = await textOf(alert.locator('.alert-note'));
      expect([noteAt(Date.now()), noteAt(Date.now() - 60_000)]).toContain(note);
      await expectNoRawError(page);
      await screenshot(page, `error-quota-${lang}`);
    }
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
