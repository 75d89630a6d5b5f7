/** Realistic articles for the script tests (built by hand, not by the extract stage). */
import type { Article, ArticleBlock } from '../extract/types.ts';

function article(
  fields: Omit<Article, 'headings' | 'paragraphs' | 'textLength' | 'images'> & { images?: Article['images'] },
): Article {
  const headings = fields.blocks.filter((b) => b.type === 'heading').map((b) => b.text);
  const paragraphs = fields.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
  return { images: [], ...fields, headings, paragraphs, textLength: paragraphs.join('').length };
}

const h2 = (text: string): ArticleBlock => ({ type: 'heading', level: 2, text });
const h3 = (text: string): ArticleBlock => ({ type: 'heading', level: 3, text });
const p = (text: string): ArticleBlock => ({ type: 'paragraph', text });

export const japaneseArticle: Article = article({
  url: 'https://tech.example.jp/blog/2024/db-write-batching',
  title: '書き込みのバッチ処理でデータベースの応答時間を3割短縮した話',
  siteName: 'Example Tech Blog',
  language: 'ja',
  blocks: [
    h2('書き込みのバッチ処理でデータベースの応答時間を3割短縮した話'),
    p(
      'こんにちは、インフラチームの山田です。今回は、注文システムのデータベースで起きていた遅延を、書き込みのバッチ処理によって解決した事例を紹介します。詳しい数値はhttps://tech.example.jp/metrics にまとめています。',
    ),
    h2('背景：セール時に応答が遅くなる'),
    p(
      '私たちの注文システムでは、毎月のセールのたびにデータベースの応答時間が大きく伸びていました。ピーク時には1秒あたり5,000件の注文が入り、平均応答時間は通常の3.5倍に達していました[1]。',
    ),
    p(
      '調査の結果、原因は注文ごとに個別のトランザクションで在庫テーブルを更新していたことでした。同じ商品の行に書き込みが集中し、ロック待ちが連鎖していたのです。',
    ),
    h2('対策：書き込みをまとめて処理する'),
    p(
      'そこで、在庫の更新をいったんキューに積み、50ミリ秒ごとにまとめて書き込む方式に変えました。同じ商品への更新は一つにまとめられるため、ロックを取る回数が大幅に減ります。',
    ),
    h3('キューの設計'),
    p(
      'キューにはRedisのストリームを使いました。ワーカーが落ちても未処理の更新が失われないよう、処理が終わった時点で確認応答を返す仕組みにしています。',
    ),
    p(
      '「本当に在庫がずれないのか？」という心配もありましたが、夜間の突き合わせ処理で差分がゼロであることを毎日確認しています。',
    ),
    h2('結果：応答時間は3割短く'),
    p(
      '導入後のセールでは、平均応答時間が約30%短くなり、タイムアウトによる注文失敗はほぼなくなりました。データベースのCPU使用率も、ピーク時で80%から55%に下がりました。',
    ),
    p(
      '一方で、在庫の反映が最大50ミリ秒遅れるという副作用があります。ただし、利用者が気づくほどの差ではありませんでした。',
    ),
    h2('今後の課題'),
    p(
      '今後は、キューの長さに応じてまとめる間隔を自動で調整する仕組みを検討しています。また、同じ手法を決済システムにも広げられないか調べています。',
    ),
  ],
});

export const englishArticle: Article = article({
  url: 'https://engineering.example.com/posts/faster-builds',
  title: 'How We Cut Our CI Build Times in Half',
  siteName: 'Example Engineering',
  language: 'en-US',
  blocks: [
    p(
      'Our continuous integration builds used to take about 40 minutes. Engineers waited, switched context, and lost focus. This post explains how we brought the median build time down to 19 minutes without buying more machines.',
    ),
    h2('Where the time went'),
    p(
      'We started by measuring every step of the pipeline for two weeks. Dr. Chen, who leads our developer productivity group, built a dashboard that showed each job on a timeline. The results surprised us: more than half of the time was spent installing dependencies and compiling code that had not changed.',
    ),
    p(
      'Tests were not the main problem, e.g. the full unit test suite took only six minutes. Docker image builds, however, often rebuilt every layer because the cache was thrown away between runs [2].',
    ),
    h2('Caching the right things'),
    p(
      'We moved the dependency cache to a shared bucket keyed by the lockfile hash, so a build only reinstalls packages when the lockfile changes. For Docker, we turned on remote layer caching and reordered the Dockerfile so that rarely changing steps come first.',
    ),
    p(
      'These two changes alone saved about 12 minutes per build. See https://docs.example.com/ci-cache for the configuration we use.',
    ),
    h2('Running only the tests that matter'),
    p(
      'Next, we used the build graph to find which packages a change actually touches. A change to the billing service no longer runs the tests of the search service. On a typical pull request this skips about 70 percent of the test jobs.',
    ),
    p(
      'We still run the full suite on the main branch every night, so nothing slips through for long. In three months, the nightly run caught only two problems that the selective runs had missed.',
    ),
    h2('What we learned'),
    p(
      'Measure before you optimize: our first guess, that tests were too slow, was wrong. Caches need clear keys and clear owners. And a faster pipeline changes how people work, because short feedback loops make small pull requests the natural choice.',
    ),
  ],
});

/** No headings at all: paragraphs only. */
export const japaneseArticleWithoutHeadings: Article = article({
  url: 'https://news.example.jp/articles/12345',
  title: '地方の図書館が夜間開館を始める、仕事帰りの利用者が増加',
  siteName: 'サンプル新聞',
  language: 'ja',
  blocks: [
    p(
      '北海道のある市立図書館が、今月から平日の夜9時まで開館時間を延長した。仕事帰りの会社員や学生の利用が増えている。',
    ),
    p(
      'これまでの閉館時間は午後6時だった。市が昨年行ったアンケートでは、回答者の6割が「開館時間が短くて利用しにくい」と答えていた。',
    ),
    p(
      '延長にあたり、市は職員を増やす代わりに、自動貸出機と入退館ゲートを導入した。夜間は2人の職員で運営している。',
    ),
    p('初めの2週間で、夜間の来館者は1日平均120人に達した。特に30代と40代の利用が目立つという。'),
    p('館長は「本を借りるだけでなく、静かに勉強できる場所としても使ってほしい」と話す。'),
    p(
      '一方で、夜間の安全確保や光熱費の増加を心配する声もある。市は半年後に利用状況を検証し、継続するかどうかを決める方針だ。',
    ),
    p(
      '同様の取り組みは全国でも広がりつつあり、文部科学省の調査では、夜8時以降も開いている公立図書館は5年前の1.5倍に増えている。',
    ),
  ],
});
