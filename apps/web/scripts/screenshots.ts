/**
 * Builds the app, serves it with a real tRPC endpoint (the api-contract router over an in-memory
 * JobService seeded with a job in each state) and a tiny real MP4, and saves screenshots of every
 * page in Japanese and English at desktop and phone width into test-artifacts/web/.
 *
 *   npm run screenshots -w @movie-generator/web
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, makeTempDir, makeTestVideo } from '@movie-generator/test-helpers';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { Lang } from '../src/i18n/strings.ts';
import { MY_JOBS_STORAGE_KEY } from '../src/storage/my-jobs.ts';
import { startApiServer } from '../src/testing/api-server.ts';
import { fixtureId, makeJob } from '../src/testing/fixtures.ts';
import { MemoryJobService } from '../src/testing/memory-job-service.ts';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(appDir, '..', '..', 'test-artifacts', 'web');

const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
const LOCALES: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };

/** A 4 s 1280x720 H.264/AAC clip that looks like a title slide. */
async function makeVideo(dir: string): Promise<string> {
  const font = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';
  const title = `drawtext=fontfile=${font}:text='How solar panels work':fontcolor=white:fontsize=64:x=(w-tw)/2:y=(h-th)/2-30`;
  const subtitle = `drawtext=fontfile=${font}:text='太陽光パネルのしくみ':fontcolor=0xc7d2fe:fontsize=40:x=(w-tw)/2:y=(h/2)+50`;
  const video = (filter: string) =>
    makeTestVideo(join(dir, 'sample.mp4'), {
      width: 1280,
      height: 720,
      durationSec: 4,
      fps: 30,
      color: '0x312e81',
      frequency: 330,
      filter,
      faststart: true,
    });
  // No CJK font: a plain slide still plays.
  return video(`${title},${subtitle}`).catch(() => video('null'));
}

function seedJobs(jobs: MemoryJobService) {
  jobs.quotaUsed = 2;
  const now = Date.now();
  const ids = {
    pending: jobs.put(makeJob('pending', {}, now)).id,
    processing: jobs.put(
      makeJob(
        'processing',
        { url: 'https://www3.nhk.or.jp/news/html/20261123/k10014000000000.html', style: 'dialogue' },
        now,
      ),
    ).id,
    completed: jobs.put(makeJob('completed', { url: 'https://en.wikipedia.org/wiki/Solar_panel' }, now)).id,
    failed: jobs.put(makeJob('failed', { url: 'https://blog.example.org/2026/11/notes-on-rust-async' }, now))
      .id,
    cancelled: jobs.put(makeJob('cancelled', {}, now)).id,
    notFound: fixtureId('expired'),
  };
  return ids;
}

async function shoot(page: Page, url: string, file: string, ready: (page: Page) => Promise<unknown>) {
  await page.goto(url, { waitUntil: 'networkidle' });
  await ready(page);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  console.log(`saved ${file}`);
}

async function main() {
  await build({ root: appDir, logLevel: 'warn' });
  const temp = await makeTempDir('mg-web-shots-');
  const jobs = new MemoryJobService();
  const ids = seedJobs(jobs);
  const server = await startApiServer({
    jobs,
    staticDir: join(appDir, 'dist'),
    videoFile: await makeVideo(temp.dir),
  });
  await mkdir(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const lang of ['ja', 'en'] as const) {
      for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
        const context = await browser.newContext({ viewport, locale: LOCALES[lang], colorScheme: 'light' });
        // The recent-jobs list reads this browser's storage: seed it as if these jobs were made here.
        const recent = [ids.processing, ids.completed, ids.failed].map((id, index) => ({
          id,
          url: jobs.jobs.get(id)!.url,
          createdAt: new Date(Date.now() - (index + 1) * 17 * 60_000).toISOString(),
        }));
        await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
          MY_JOBS_STORAGE_KEY,
          JSON.stringify(recent),
        ] as const);
        const page = await context.newPage();
        const name = (what: string) => join(outDir, `${what}-${lang}-${viewportName}.png`);
        const heading = (p: Page) => p.locator('h1').first().waitFor();

        await shoot(page, `${server.url}/`, name('home'), (p) => p.getByTestId('quota').waitFor());
        await shoot(page, `${server.url}/jobs/${ids.pending}`, name('pending'), heading);
        await shoot(page, `${server.url}/jobs/${ids.processing}`, name('in-progress'), (p) =>
          p.getByRole('progressbar').waitFor(),
        );
        await shoot(
          page,
          `${server.url}/jobs/${ids.completed}`,
          name('completed'),
          (p) =>
            // A first frame, and the network idle again (else Chromium draws its loading spinner).
            p
              .waitForFunction(
                () => {
                  const video = document.querySelector('video');
                  return (
                    !!video &&
                    video.readyState >= 2 &&
                    video.networkState !== HTMLMediaElement.NETWORK_LOADING
                  );
                },
                undefined,
                { timeout: 10_000 },
              )
              .then(() => p.waitForTimeout(1500)), // the controls' loading spinner fades out
        );
        await shoot(page, `${server.url}/jobs/${ids.failed}`, name('failed'), heading);
        await shoot(page, `${server.url}/jobs/${ids.notFound}`, name('not-found'), (p) =>
          p.locator('[data-status="not-found"]').waitFor(),
        );
        // The cancel confirmation, and an API error on the form (the daily limit reached).
        await shoot(page, `${server.url}/jobs/${ids.processing}`, name('cancel-confirm'), async (p) => {
          await p.getByRole('button', { name: lang === 'ja' ? 'キャンセル' : 'Cancel' }).click();
          await p.getByRole('alertdialog').waitFor();
        });
        await shoot(page, `${server.url}/`, name('home-quota-error'), async (p) => {
          await p.getByTestId('quota').waitFor();
          await p.getByRole('textbox').fill('https://example.com/articles/how-solar-panels-work');
          // Used up meanwhile (another tab): a page that knows the limit is reached disables the button.
          jobs.quotaUsed = jobs.quotaLimit;
          await p.getByRole('button', { name: lang === 'ja' ? '動画を作成' : 'Make the video' }).click();
          await p.locator('[data-error-code="QUOTA_EXCEEDED"]').waitFor();
        });
        jobs.quotaUsed = 2;
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await temp.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
