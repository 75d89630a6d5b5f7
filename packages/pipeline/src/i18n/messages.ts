import type { LocalizedText } from '@movie-generator/api-contract';

/** All user-facing pipeline strings, ja/en, in one place. */
export const msg = {
  fetching: { ja: 'ページを取得中', en: 'Fetching the page' },
  fetched: { ja: 'ページを取得しました', en: 'Page fetched' },
  extracting: { ja: '本文を抽出中', en: 'Extracting the article' },
  extracted: { ja: '本文を抽出しました', en: 'Article extracted' },
  scripting: { ja: '台本を作成中', en: 'Writing the script' },
  scripted: { ja: '台本ができました', en: 'Script ready' },
  audio: (done: number, total: number) => ({
    ja: `音声を生成中 (${done}/${total})`,
    en: `Generating audio (${done}/${total})`,
  }),
  mixing: { ja: '音声をまとめています', en: 'Mixing the narration' },
  slides: { ja: 'スライドを準備中', en: 'Preparing the slides' },
  pictures: (done: number, total: number) => ({
    ja: `記事の画像を取得中 (${done}/${total})`,
    en: `Fetching the article's pictures (${done}/${total})`,
  }),
  picturesSkipped: (skipped: number, total: number) => ({
    ja: `記事の画像 ${total} 枚のうち ${skipped} 枚を取得できませんでした（そのスライドは文字だけで表示します）`,
    en: `${skipped} of the article's ${total} pictures could not be fetched (their slides show text only)`,
  }),
  bundling: { ja: '映像テンプレートを準備中', en: 'Preparing the video template' },
  rendering: (done: number, total: number) => ({
    ja: `動画を書き出し中 (${done}/${total} フレーム)`,
    en: `Rendering video (${done}/${total} frames)`,
  }),
  encoding: { ja: '動画をエンコード中', en: 'Encoding the video' },
  done: { ja: '完了しました', en: 'Done' },
} satisfies Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;
