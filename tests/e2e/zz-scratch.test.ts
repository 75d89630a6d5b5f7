import { startTestServer } from '@movie-generator/server/src/testing/test-server.ts';
import { launchChromium, startTestMongo } from '@movie-generator/test-helpers';
import { it } from 'vitest';
import { ensureWebBuild } from './support/web-build.ts';

it('scratch', async () => {
  const web = await ensureWebBuild();
  const mongo = await startTestMongo();
  const server = await startTestServer(mongo.db, { WEB_DIST_DIR: web.dir, ALLOW_PRIVATE_NETWORK: 'true' });
  const browser = await launchChromium();
  const context = await browser.newContext({
    bypassCSP: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as any).__log = [];
    document.addEventListener(
      'focusin',
      (e) =>
        (window as any).__log.push(
          `in ${(e.target as Element).tagName} ${(e.target as Element).textContent?.slice(0, 20)}`,
        ),
      true,
    );
    document.addEventListener(
      'focusout',
      (e) => (window as any).__log.push(`out ${(e.target as Element).tagName}`),
      true,
    );
  });
  await page.goto(`${server.url}/`);
  for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'INPUT'; i++)
    await page.keyboard.press('Tab');
  await page.keyboard.type('http://127.0.0.1:9/ja');
  await page.keyboard.press('Enter');
  await page.waitForURL(/jobs/);
  await page.getByRole('heading', { level: 1, name: 'Waiting in line' }).waitFor();
  await page.waitForTimeout(1500);
  console.log(
    await page.evaluate(() => (window as any).__log),
    await page.evaluate(() => document.activeElement?.tagName),
  );
  await browser.close();
  await server.close();
  await mongo.stop();
});
