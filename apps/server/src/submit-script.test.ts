import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createQueue, GENERATE_VIDEO, type GenerateVideoData } from '@movie-generator/jobs';
import { makeTempDir, useTestMongo } from '@movie-generator/test-helpers';
import type { Agenda } from 'agenda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyMp4, PUBLIC_URL, startTestServer, type TestServer } from './testing/test-server.ts';

/** packages/api-contract, found through the package (its entry is src/index.ts) rather than a relative path. */
const contractDir = dirname(dirname(createRequire(import.meta.url).resolve('@movie-generator/api-contract')));
const submitScript = join(contractDir, 'scripts', 'submit.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run submit -- ...` the way npm would (tsx on the script, inside the package, INIT_CWD = cwd). */
function start(args: string[], env: Record<string, string>, cwd: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', submitScript, ...args], {
    cwd: contractDir,
    env: { ...process.env, ...env, INIT_CWD: cwd },
  });
  const done = new Promise<Run>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c;
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? (signal ? -1 : null),
        stdout,
        stderr: signal ? `${stderr}[killed by ${signal}]` : stderr,
      }),
    );
  });
  return { child, done };
}

function submit(args: string[], env: Record<string, string>, cwd: string): Promise<Run> {
  return start(args, env, cwd).done;
}

describe('npm run submit (packages/api-contract/scripts/submit.ts) against the real server', () => {
  const mongo = useTestMongo({ emptyBeforeEach: false });
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let server: TestServer;
  let worker: Agenda;
  let mp4: string;

  beforeAll(async () => {
    temp = await makeTempDir('mg-submit-');
    mp4 = await makeTinyMp4(temp.dir);
    // The fake worker below steps 4 times a second (a real one writes at most once a second), so
    // job views are read fresh on every poll to let the script see each step.
    server = await startTestServer(mongo.db, { DAILY_JOB_LIMIT: '50', JOB_VIEW_CACHE_MS: '0' });

    // A tiny fake worker: takes generate-video jobs off the real Agenda queue and walks them
    // through the store calls a real worker makes, with a real MP4 at the end.
    worker = createQueue(mongo.db, { processEvery: 100 });
    worker.define<GenerateVideoData>(GENERATE_VIDEO, async (job) => {
      const { jobId } = job.attrs.data;
      const doc = await server.intake.find(jobId);
      if (doc?.url.includes('fail')) {
        await server.runs.start(jobId, 'fake-worker');
        await server.runs.fail(jobId, {
          code: 'TOO_LITTLE_TEXT',
          message: { ja: '本文が短すぎます', en: 'Too little text' },
        });
        return;
      }
      await sleep(300); // long enough for the script to see the job pending
      await server.runs.start(jobId, 'fake-worker');
      const steps = [
        { progress: 10, step: 'script', message: { ja: '台本を作成中', en: 'Writing the script' } },
        { progress: 40, step: 'audio', message: { ja: '音声を生成中 (1/2)', en: 'Generating audio (1/2)' } },
        { progress: 85, step: 'render', message: { ja: '動画を書き出し中', en: 'Rendering the video' } },
      ] as const;
      for (const update of steps) {
        await server.runs.progress(jobId, update);
        await sleep(250);
      }
      const { video, size } = await server.videoStore.save(jobId, mp4);
      await server.runs.complete(jobId, { video, videoSize: size, durationSec: 1 });
    });
    await worker.start();
  });
  afterAll(async () => {
    await worker.stop();
    await server.close();
    await temp.cleanup();
  });

  it('creates the job, shows its progress, and downloads exactly the stored MP4', async () => {
    const out = join(temp.dir, 'out', '..', 'video.mp4');
    const run = await submit(
      [
        PUBLIC_URL,
        '-o',
        out,
        '--server',
        server.url,
        '--size',
        '1080p',
        '--vertical',
        '--lang',
        'en',
        '--style',
        'dialogue',
        '--poll-interval',
        '100',
      ],
      { LANG: 'en_US.UTF-8' },
      temp.dir,
    );
    expect(run.stderr).toMatch(/Job created: [A-Za-z0-9_-]{24}/);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(join(temp.dir, 'video.mp4'));
    expect(run.stderr).toMatch(/Waiting in the queue: position 1/);
    expect(run.stderr).toMatch(/audio: Generating audio \(1\/2\)/);
    expect(run.stderr).toMatch(/\[100%\]/);
    expect((await readFile(join(temp.dir, 'video.mp4'))).equals(await readFile(mp4))).toBe(true);
    await expect(stat(join(temp.dir, 'video.mp4.partial'))).rejects.toThrow();

    const id = /Job created: ([A-Za-z0-9_-]{24})/.exec(run.stderr)![1]!;
    expect(await server.client.job.get.query({ id })).toMatchObject({
      size: '1080p',
      vertical: true,
      language: 'en',
      style: 'dialogue',
    });
  });

  it('names the file after the job id by default, relative to where it was run', async () => {
    const run = await submit(
      [PUBLIC_URL, '--server', server.url, '--poll-interval', '100'],
      { LANG: 'C' },
      temp.dir,
    );
    expect(run.code).toBe(0);
    const path = run.stdout.trim();
    expect(path).toMatch(new RegExp(`^${temp.dir}/[A-Za-z0-9_-]{24}\\.mp4$`));
    expect((await readFile(path)).equals(await readFile(mp4))).toBe(true);
  });

  it('prints the API error in Japanese under a Japanese LANG and exits 1', async () => {
    const run = await submit(
      ['http://127.0.0.1/admin', '--server', server.url],
      { LANG: 'ja_JP.UTF-8' },
      temp.dir,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('この URL には接続できません');
    expect(run.stderr).toContain('[BLOCKED_ADDRESS]');
    expect(run.stdout).toBe('');
  });

  it('reports a failed job with its message and exits 1', async () => {
    const run = await submit(
      [`${PUBLIC_URL}/fail`, '--server', server.url, '--poll-interval', '100'],
      { LANG: 'en_US.UTF-8' },
      temp.dir,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/The job failed: Too little text \[TOO_LITTLE_TEXT\]/);
  });

  it('cancels the job on Ctrl-C and exits 130', async () => {
    const { child, done } = start(
      [PUBLIC_URL, '--server', server.url, '--poll-interval', '100'],
      { LANG: 'en_US.UTF-8' },
      temp.dir,
    );
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (c: Buffer) => {
        seen += c;
        if (/Job created/.test(seen)) resolve();
      });
    });
    child.kill('SIGINT');
    const run = await done;
    expect(run.stderr).toContain('Cancelled');
    expect(run.code).toBe(130);
    const id = /Job created: ([A-Za-z0-9_-]{24})/.exec(seen)![1]!;
    expect((await server.client.job.get.query({ id })).status).toBe('cancelled');
  });

  it('says when nothing answers at --server, and refuses bad options', async () => {
    const down = await submit(
      [PUBLIC_URL, '--server', 'http://127.0.0.1:9'],
      { LANG: 'en_US.UTF-8' },
      temp.dir,
    );
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('Cannot reach the server at http://127.0.0.1:9');
    const bad = await submit([PUBLIC_URL, '--size', '4k'], { LANG: 'en_US.UTF-8' }, temp.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--size/);
    const badStyle = await submit([PUBLIC_URL, '--style', 'duet'], { LANG: 'en_US.UTF-8' }, temp.dir);
    expect(badStyle.code).toBe(2);
    expect(badStyle.stderr).toMatch(/--style .*Allowed choices are narration, dialogue/);
  });
});
