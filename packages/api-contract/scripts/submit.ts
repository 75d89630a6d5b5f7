/**
 * Submits an article URL to a movie-generator server, follows the job, and downloads the MP4:
 *
 *   npm run submit -- <url> [-o out.mp4] [--server URL] [--lang ja|en] [--size 720p|1080p] [--vertical]
 *                        [--style narration|dialogue]
 *
 * Messages are in Japanese when LANG starts with "ja". Exit codes: 0 done, 1 the API refused or
 * the job failed, 2 bad arguments, 130 cancelled with Ctrl-C (the job is cancelled too).
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { apiErrorOf, createClient } from '../src/client.ts';
import {
  DEFAULT_VIDEO_SIZE,
  type JobView,
  LANGUAGES,
  type Language,
  type LocalizedText,
  VIDEO_SIZES,
  VIDEO_STYLES,
  type VideoSize,
  type VideoStyle,
} from '../src/schemas.ts';

const ui: keyof LocalizedText = process.env.LANG?.toLowerCase().startsWith('ja') ? 'ja' : 'en';

const TEXT = {
  created: { ja: 'ジョブを作成しました', en: 'Job created' },
  queued: { ja: 'キューで待機中: {n} 番目', en: 'Waiting in the queue: position {n}' },
  starting: { ja: '開始を待っています', en: 'Waiting to start' },
  eta: { ja: '残り約 {s} 秒', en: 'about {s} s left' },
  downloading: { ja: '動画をダウンロード中', en: 'Downloading the video' },
  saved: { ja: '保存しました', en: 'Saved' },
  failed: { ja: 'ジョブが失敗しました', en: 'The job failed' },
  cancelled: { ja: 'キャンセルしました', en: 'Cancelled' },
  unreachable: {
    ja: 'サーバーに接続できません: {server}（--server を確認してください）',
    en: 'Cannot reach the server at {server} (check --server)',
  },
  downloadFailed: { ja: '動画のダウンロードに失敗しました', en: 'The video download failed' },
} satisfies Record<string, LocalizedText>;

function say(key: keyof typeof TEXT, values: Record<string, string | number> = {}): string {
  return TEXT[key][ui].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

const program = new Command()
  .name('submit')
  .description('Turn an article URL into a video on a movie-generator server and download the MP4')
  .argument('<url>', 'the article URL')
  .option('-o, --output <file>', 'where to write the MP4 (default: <job id>.mp4)')
  .option('--server <url>', 'the server', process.env.MOVIE_GENERATOR_SERVER ?? 'http://localhost:3000')
  .addOption(new Option('--lang <lang>', "narration language (default: the article's)").choices(LANGUAGES))
  .addOption(new Option('--size <size>', 'video size').choices(VIDEO_SIZES).default(DEFAULT_VIDEO_SIZE))
  .option('--vertical', 'make a 9:16 video', false)
  .addOption(
    new Option(
      '--style <style>',
      'one narrator, or a dialogue (掛け合い): ずんだもん asks, 四国めたん explains',
    )
      .choices(VIDEO_STYLES)
      .default('narration'),
  )
  .addOption(
    new Option('--poll-interval <ms>', 'how often to ask for progress')
      .argParser(positiveInt)
      .default(2000)
      .hideHelp(),
  )
  .showHelpAfterError()
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
  .parse();

const [url] = program.args as [string];
const options = program.opts<{
  output?: string;
  server: string;
  lang?: Language;
  size: VideoSize;
  vertical: boolean;
  style: VideoStyle;
  pollInterval: number;
}>();
const server = options.server.replace(/\/$/, '');
const client = createClient(server);

/** A progress bar on a terminal; one line per change otherwise (logs, CI, tests). */
const progress = (() => {
  const tty = process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    {
      format: '{bar} {percentage}% | {status}',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let last = '';
  return {
    /** `eta` is shown on the bar; as lines, only a change of progress or status prints. */
    update(percent: number, status: string, eta: string) {
      if (tty) {
        const text = status + eta;
        if (!started) bar.start(100, percent, { status: text });
        else bar.update(percent, { status: text });
        started = true;
        return;
      }
      const line = `[${String(percent).padStart(3)}%] ${status}`;
      if (line !== last) console.error(line + eta);
      last = line;
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
})();

/** Prints why a call failed (the API's own ja/en message when it has one) and exits. */
function die(error: unknown, code = 1): never {
  progress.stop();
  const api = apiErrorOf(error);
  if (api) console.error(`${api.messages[ui]} [${api.appCode}]`);
  else if (error instanceof TypeError || (error as Error | undefined)?.cause instanceof TypeError) {
    // fetch's "fetch failed": nothing answered at that address.
    console.error(say('unreachable', { server }));
  } else console.error(error instanceof Error ? error.message : String(error));
  process.exit(code);
}

function statusLine(job: JobView): string {
  if (job.status === 'pending')
    return job.queuePosition ? say('queued', { n: job.queuePosition }) : say('starting');
  return `${job.step ? `${job.step}: ` : ''}${job.message?.[ui] ?? ''}`;
}

function etaText(job: JobView): string {
  const waiting = job.status === 'pending' || job.status === 'processing';
  return waiting && job.etaSec !== null ? ` (${say('eta', { s: Math.round(job.etaSec) })})` : '';
}

/** Asks for the job until it finishes; a few network blips in a row are tolerated. */
async function follow(id: string): Promise<JobView> {
  let misses = 0;
  for (;;) {
    let job: JobView;
    try {
      job = await client.job.get.query({ id });
      misses = 0;
    } catch (error) {
      if (apiErrorOf(error) || ++misses > 5) die(error);
      await sleep(options.pollInterval);
      continue;
    }
    progress.update(job.progress, statusLine(job), etaText(job));
    if (job.status === 'completed' || job.status === 'failed' || job.status === 'cancelled') return job;
    await sleep(options.pollInterval);
  }
}

/** Streams the MP4 to a temporary name and renames it, so a broken download leaves no file. */
async function download(videoUrl: string, outPath: string): Promise<number> {
  const res = await fetch(new URL(videoUrl, `${server}/`));
  if (!res.ok || !res.body) throw new Error(`${say('downloadFailed')} (HTTP ${res.status})`);
  const partial = `${outPath}.partial`;
  let bytes = 0;
  const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  try {
    await pipeline(body, createWriteStream(partial));
    const expected = Number(res.headers.get('content-length') ?? bytes);
    if (bytes !== expected) throw new Error(`${say('downloadFailed')} (${bytes} of ${expected} bytes)`);
    await rename(partial, outPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return bytes;
}

let created: { id: string };
try {
  created = await client.job.create.mutate({
    url,
    language: options.lang,
    size: options.size,
    vertical: options.vertical,
    style: options.style,
  });
} catch (error) {
  die(error);
}
const { id } = created;

// Listening before saying the job exists: a Ctrl-C right after that line still cancels it.
process.once('SIGINT', () => {
  progress.stop();
  console.error(say('cancelled'));
  client.job.cancel
    .mutate({ id })
    .catch(() => {})
    .finally(() => process.exit(130));
});
console.error(`${say('created')}: ${id}`);

const job = await follow(id);
progress.stop();
if (job.status !== 'completed' || !job.videoUrl) {
  console.error(
    `${say(job.status === 'cancelled' ? 'cancelled' : 'failed')}: ${job.errorMessage?.[ui] ?? ''} [${job.errorCode ?? job.status}]`,
  );
  process.exit(1);
}

// npm runs the script inside packages/api-contract; paths are meant from where npm was run.
const outPath = resolve(process.env.INIT_CWD ?? process.cwd(), options.output ?? `${id}.mp4`);
console.error(say('downloading'));
try {
  await download(job.videoUrl, outPath);
} catch (error) {
  die(error);
}
console.error(`${say('saved')}: ${outPath}`);
console.log(outPath);
