import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  DEFAULT_VIDEO_SIZE,
  LANGUAGES,
  type Language,
  VIDEO_SIZES,
  type VideoSize,
} from '@movie-generator/api-contract';
import { Command, Option } from 'commander';
import { parsePipelineEnv, pipelineOptionsFromEnv } from '../config.ts';
import { isPipelineError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { generateScriptFromUrl, type PipelineOptions, renderScript, runPipeline } from '../pipeline.ts';
import { closeRenderer, warmRenderer } from '../render/index.ts';
import { type ScriptStyle, ScriptStyleSchema } from '../schema/script.ts';
import { createProgressView } from './progress-view.ts';

interface CliFlags {
  output?: string;
  lang?: Language;
  size: VideoSize;
  vertical?: boolean;
  scriptOnly?: boolean;
  script?: string;
  allowPrivateNetwork?: boolean;
  renderer?: 'fast' | 'full';
  style?: ScriptStyle;
  verbose?: boolean;
}

const uiLang = (process.env.LC_ALL ?? process.env.LANG ?? '').startsWith('ja') ? 'ja' : 'en';

const program = new Command('movie-generator')
  .description('Turn an article URL into a narrated explainer video (MP4).')
  .argument('[url]', 'article URL (http or https)')
  .option('-o, --output <path>', 'where to write the MP4 (or the script JSON with --script-only)')
  .addOption(
    new Option('--lang <lang>', 'narration language (default: the article language)').choices(LANGUAGES),
  )
  .addOption(new Option('--size <size>', 'video size').choices(VIDEO_SIZES).default(DEFAULT_VIDEO_SIZE))
  .option('--vertical', '9:16 vertical layout')
  .addOption(
    new Option(
      '--style <style>',
      'narration: one narrator; dialogue: two characters talk the article through (掛け合い)',
    )
      .choices(ScriptStyleSchema.options)
      .default('narration'),
  )
  .option('--script-only', 'write the script JSON and stop (edit it, then render it with --script)')
  .option('--script <file>', 'render this script JSON instead of fetching a URL')
  .option('--allow-private-network', 'allow fetching from private/loopback addresses (local testing)')
  .addOption(
    new Option('--renderer <kind>', 'renderer (default: fast, or $RENDERER)').choices(['fast', 'full']),
  )
  .option('-v, --verbose', 'log internals (JSON) to stderr')
  .showHelpAfterError();

async function main(): Promise<number> {
  program.parse();
  const flags = program.opts<CliFlags>();
  const url = program.args[0];
  if (!url && !flags.script) {
    program.error(
      uiLang === 'ja' ? 'URL か --script を指定してください。' : 'Give a URL or --script <file>.',
    );
  }

  const env = parsePipelineEnv(process.env);
  const fromEnv = pipelineOptionsFromEnv(env);
  const controller = new AbortController();
  // The first Ctrl-C (or SIGTERM) aborts and cleans up; a second one kills at once.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  const view = createProgressView(uiLang);
  const base: Omit<PipelineOptions, 'outPath'> = {
    ...fromEnv,
    language: flags.lang,
    size: flags.size,
    vertical: flags.vertical,
    fetch: {
      ...fromEnv.fetch,
      allowPrivateNetwork: flags.allowPrivateNetwork || fromEnv.fetch?.allowPrivateNetwork,
    },
    script: { ...fromEnv.script, style: flags.style },
    render: { ...fromEnv.render, renderer: flags.renderer ?? fromEnv.render?.renderer },
    signal: controller.signal,
    onProgress: (p) => view.update(p),
    log: createLogger(flags.verbose ? 'debug' : 'silent', 'movie-generator'),
  };

  // Which build runs: the compiled dist/cli.js or the sources through tsx (bin/movie-generator.js).
  base.log?.debug({ build: import.meta.filename.endsWith('.ts') ? 'sources' : 'compiled' }, 'cli started');
  // Bundle and Chromium get ready while the page is fetched, the script written and the speech
  // synthesised; the render stage awaits the same setup (and retries it if this attempt failed).
  if (!flags.scriptOnly) void warmRenderer(base.render).catch(() => undefined);
  try {
    if (flags.scriptOnly) {
      if (!url) throw new Error('--script-only needs a URL');
      const script = await generateScriptFromUrl(url, base);
      const out = resolve(flags.output ?? 'script.json');
      await writeFile(out, `${JSON.stringify(script, null, 2)}\n`);
      view.stop();
      console.log(uiLang === 'ja' ? `台本を書き出しました: ${out}` : `Script written to ${out}`);
      return 0;
    }
    const outPath = resolve(flags.output ?? 'out/video.mp4');
    const result = flags.script
      ? await renderScript(JSON.parse(await readFile(flags.script, 'utf8')), { ...base, outPath })
      : await runPipeline(url!, { ...base, outPath });
    view.stop();
    const mb = (result.sizeBytes / 1e6).toFixed(1);
    console.log(
      uiLang === 'ja'
        ? `動画ができました: ${result.videoPath} (${result.durationSec.toFixed(1)} 秒, ${mb} MB)`
        : `Video ready: ${result.videoPath} (${result.durationSec.toFixed(1)} s, ${mb} MB)`,
    );
    console.log(
      uiLang === 'ja'
        ? `サムネイル: ${result.posterPath}\n字幕: ${result.vttPath} / ${result.srtPath}`
        : `Poster: ${result.posterPath}\nSubtitles: ${result.vttPath} / ${result.srtPath}`,
    );
    return 0;
  } catch (error) {
    view.stop();
    if (isPipelineError(error)) {
      console.error(`\n${error.userMessage[uiLang]}`);
      if (flags.verbose && error.detail) console.error(error.detail);
      return error.code === 'CANCELLED' ? 130 : 1;
    }
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await closeRenderer();
  }
}

process.exitCode = await main();
