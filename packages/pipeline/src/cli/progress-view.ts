import type { LocalizedText } from '@movie-generator/api-contract';
import cliProgress from 'cli-progress';
import type { StageName } from '../context.ts';
import type { PipelineProgress } from '../pipeline.ts';

type UiLanguage = keyof LocalizedText;

const STAGE_LABELS: Record<StageName, LocalizedText> = {
  fetch: { ja: '取得', en: 'fetch' },
  extract: { ja: '抽出', en: 'extract' },
  script: { ja: '台本', en: 'script' },
  audio: { ja: '音声', en: 'audio' },
  slides: { ja: 'スライド', en: 'slides' },
  render: { ja: '動画', en: 'render' },
};

export interface ProgressView {
  update(progress: PipelineProgress): void;
  stop(): void;
}

/** One bar per stage on a terminal; plain lines (one per stage and per 25 %) elsewhere, e.g. in CI logs. */
export function createProgressView(
  lang: UiLanguage,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressView {
  if (!stream.isTTY) return plainView(lang, stream);
  const multi = new cliProgress.MultiBar(
    {
      stream,
      format: ' {stage} |{bar}| {percentage}% {message}',
      barsize: 28,
      hideCursor: true,
      clearOnComplete: false,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<StageName, cliProgress.SingleBar>();
  return {
    update(p) {
      let bar = bars.get(p.stage);
      const payload = { stage: STAGE_LABELS[p.stage][lang].padEnd(6), message: p.message[lang] };
      if (!bar) {
        bar = multi.create(100, 0, payload);
        bars.set(p.stage, bar);
      }
      bar.update(Math.round(p.stagePercent), payload);
    },
    stop: () => multi.stop(),
  };
}

function plainView(lang: UiLanguage, stream: NodeJS.WriteStream): ProgressView {
  let lastStage: StageName | undefined;
  let lastQuarter = -1;
  let last: PipelineProgress | undefined;
  return {
    update(p) {
      const quarter = Math.floor(p.stagePercent / 25);
      // A new message at the same percent is a notice ("3 of 8 pictures could not be fetched"): shown too.
      const notice =
        last !== undefined && last.stagePercent === p.stagePercent && last.message.en !== p.message.en;
      last = p;
      if (p.stage === lastStage && quarter === lastQuarter && !notice) return;
      lastStage = p.stage;
      lastQuarter = quarter;
      stream.write(`[${STAGE_LABELS[p.stage][lang]}] ${Math.round(p.stagePercent)}% ${p.message[lang]}\n`);
    },
    stop() {},
  };
}
