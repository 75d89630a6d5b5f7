import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  extractFrame,
  ffprobe,
  frameStats,
  makeTempDir,
  startStaticServer,
  type TestHttpServer,
} from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(repoRoot, 'packages/pipeline/fixtures/articles');
const bin = join(repoRoot, 'packages/pipeline/bin/movie-generator.js');
const artifacts = join(repoRoot, 'test-artifacts/cli');

function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, LANG: 'C.UTF-8', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runCommand(process.execPath, [bin, ...args], env);
}

describe('movie-generator CLI, end to end', () => {
  let site: TestHttpServer;
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    tmp = await makeTempDir('mg-cli-');
    const html = (file: string) => readFile(join(fixtures, file));
    site = await startStaticServer({
      '/ja': { body: await html('ja-utf8.html'), contentType: 'text/html; charset=utf-8' },
      '/en': { body: await html('en.html'), contentType: 'text/html; charset=utf-8' },
      '/doc.pdf': { body: Buffer.from('%PDF-1.4\n%fake\n'), contentType: 'application/pdf' },
    });
  });

  afterAll(async () => {
    await site?.close();
    await tmp?.cleanup();
  });

  it('turns a local Japanese article into a 1280×720 H.264 + AAC MP4', async () => {
    const out = join(tmp.dir, 'ja.mp4');
    const scriptOut = join(tmp.dir, 'ja-script.json');
    // The script first, so the expected duration can be checked against the timeline.
    const scriptRun = await runCli([
      `${site.url}/ja`,
      '--allow-private-network',
      '--script-only',
      '-o',
      scriptOut,
    ]);
    expect(scriptRun.code, scriptRun.stderr).toBe(0);
    const script = JSON.parse(await readFile(scriptOut, 'utf8'));
    expect(script.language).toBe('ja');

    const run = await runCli([`${site.url}/ja`, '--allow-private-network', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(out);
    const durationPrinted = Number(/\(([0-9.]+) s,/.exec(run.stdout)?.[1]);

    const probe = await ffprobe(out);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    const audio = probe.streams.find((s) => s.codec_type === 'audio');
    expect(video).toMatchObject({ codec_name: 'h264', width: 1280, height: 720, pix_fmt: 'yuv420p' });
    expect(audio?.codec_name).toBe('aac');
    expect(Math.abs(Number(probe.format.duration) - durationPrinted)).toBeLessThan(0.5);
    expect(durationPrinted).toBeGreaterThan(20);

    // A slide with text: dark background and near-white glyphs in the same frame.
    const middle = await frameStats(out, durationPrinted / 2);
    expect(middle.ymax - middle.ymin).toBeGreaterThan(150);
    await mkdir(artifacts, { recursive: true });
    await extractFrame(out, durationPrinted / 2, join(artifacts, 'ja-middle.png'));
    await extractFrame(out, 2, join(artifacts, 'ja-title.png'));
  });

  it('runs the compiled build while its sources are unchanged, else the sources', async () => {
    const build = await runCommand('npx', ['tsx', 'packages/pipeline/scripts/build-cli.ts']);
    expect(build.code, build.stderr).toBe(0);
    const scriptRun = (env: NodeJS.ProcessEnv = {}) =>
      runCli(
        [`${site.url}/en`, '--allow-private-network', '--script-only', '-v', '-o', join(tmp.dir, 'b.json')],
        env,
      );
    // The verbose log (JSON lines) names the build that runs.
    const buildOf = (run: { stdout: string; stderr: string }) =>
      /"build":"(\w+)"/.exec(run.stdout + run.stderr)?.[1];

    const compiled = await scriptRun();
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(buildOf(compiled)).toBe('compiled');
    const compiledScript = await readFile(join(tmp.dir, 'b.json'), 'utf8');

    // An edited source (a newer mtime) makes the build stale: the sources run, with the same result.
    const source = join(repoRoot, 'packages/pipeline/src/script/bullets.ts');
    const { atime, mtime } = await stat(source);
    await utimes(source, atime, new Date(Date.now() + 60_000));
    try {
      const sources = await scriptRun();
      expect(sources.code, sources.stderr).toBe(0);
      expect(buildOf(sources)).toBe('sources');
      expect(await readFile(join(tmp.dir, 'b.json'), 'utf8')).toBe(compiledScript);
    } finally {
      await utimes(source, atime, mtime);
    }
    expect(buildOf(await scriptRun())).toBe('compiled');
  });

  it('turns a local English article into an MP4 with English narration', async () => {
    const out = join(tmp.dir, 'en.mp4');
    const run = await runCli([`${site.url}/en`, '--allow-private-network', '-o', out, '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    const probe = await ffprobe(out);
    expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    const duration = Number(probe.format.duration);
    expect(duration).toBeGreaterThan(20);
    const middle = await frameStats(out, duration / 2);
    expect(middle.ymax - middle.ymin).toBeGreaterThan(150);
    await extractFrame(out, duration / 2, join(artifacts, 'en-middle.png'));
  });

  it('renders an edited script JSON with --script, vertical', async () => {
    const script = JSON.parse(
      await readFile(join(repoRoot, 'packages/pipeline/fixtures/script-ja-short.json'), 'utf8'),
    );
    script.title = '手で直したタイトル';
    const scriptPath = join(tmp.dir, 'edited.json');
    await writeFile(scriptPath, JSON.stringify(script));
    const out = join(tmp.dir, 'edited.mp4');
    const run = await runCli(['--script', scriptPath, '--vertical', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const video = (await ffprobe(out)).streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ width: 720, height: 1280 });
  });

  it('rejects an invalid script file with a clear message', async () => {
    const scriptPath = join(tmp.dir, 'broken.json');
    await writeFile(scriptPath, JSON.stringify({ title: 'x', language: 'fr', sections: [] }));
    const run = await runCli(['--script', scriptPath, '-o', join(tmp.dir, 'broken.mp4')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/script file is not valid/);
  });

  it('refuses a private address without the opt-in, with a clear message and no output', async () => {
    const out = join(tmp.dir, 'refused.mp4');
    const run = await runCli([`${site.url}/ja`, '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/private or internal network/);
    await expect(stat(out)).rejects.toThrow();
  });

  it('explains a non-HTML page and exits non-zero', async () => {
    const run = await runCli([
      `${site.url}/doc.pdf`,
      '--allow-private-network',
      '-o',
      join(tmp.dir, 'pdf.mp4'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not an HTML page/);
    expect((await readdir(tmp.dir)).some((f) => f.startsWith('pdf'))).toBe(false);
  });
});
