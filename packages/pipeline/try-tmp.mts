import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { buildOfflineScript, narrationChars } from './src/script/index.ts';
import { japaneseArticle, englishArticle, japaneseArticleWithoutHeadings } from './src/script/testArticles.ts';
const dur = (f: string) => Number(execFileSync('ffprobe', ['-v','error','-show_entries','format=duration','-of','csv=p=0', f]).toString());
for (const [a, lang, budget] of [[japaneseArticle, 'ja', 650], [japaneseArticleWithoutHeadings, 'ja', 650], [englishArticle, 'en', 2400]] as const) {
  const s = buildOfflineScript(a, { language: lang, maxSections: 12, charBudget: budget });
  let total = 0; const t0 = Date.now();
  for (const n of s.sections.flatMap(x => x.narrations)) {
    if (lang === 'ja') execFileSync('open_jtalk', ['-x','/var/lib/mecab/dic/open-jtalk/naist-jdic','-m','/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice','-ow','/tmp/n.wav'], { input: n.text });
    else execFileSync('espeak-ng', ['-w', '/tmp/n.wav', n.text]);
    total += dur('/tmp/n.wav');
  }
  console.log(lang, narrationChars(s), 'chars', total.toFixed(1), 's', (narrationChars(s)/total).toFixed(2), 'c/s', Date.now()-t0, 'ms');
}
