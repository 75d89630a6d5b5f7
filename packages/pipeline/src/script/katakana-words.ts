/**
 * Katakana readings for Latin-script words in Japanese narration. Open JTalk spells a word it does
 * not know letter by letter ("DeepMind" → ディーイーイーピーエムアイエヌディー), so the offline
 * script gives such words a katakana reading: from a bundled list of frequent English words and
 * brand names (no maintained English→katakana dictionary package exists on npm), else from
 * spelling rules that approximate the pronunciation. All-capital acronyms (AI, BBC) are left to
 * the engine, which reads their letters correctly.
 */
const WORD_LIST =
  'a:ア example:エグザンプル engineering:エンジニアリング account:アカウント admin:アドミン adobe:アドビ air:エア airbnb:エアビーアンドビー alpha:アルファ amazon:アマゾン america:アメリカ ' +
  'an:アン and:アンド android:アンドロイド anthropic:アンソロピック app:アプリ apple:アップル apps:アプリ azure:アジュール bank:バンク ' +
  'best:ベスト beta:ベータ big:ビッグ black:ブラック blog:ブログ bloomberg:ブルームバーグ blue:ブルー bluetooth:ブルートゥース book:ブック ' +
  'books:ブックス browser:ブラウザー bug:バグ business:ビジネス by:バイ cafe:カフェ california:カリフォルニア camera:カメラ car:カー ' +
  'card:カード care:ケア center:センター chat:チャット chatgpt:チャットジーピーティー china:チャイナ chip:チップ chrome:クローム city:シティ ' +
  'claude:クロード click:クリック client:クライアント cloud:クラウド code:コード coding:コーディング college:カレッジ company:カンパニー ' +
  'cookie:クッキー covid:コビッド daily:デイリー data:データ database:データベース day:デイ deep:ディープ deepmind:ディープマインド ' +
  'design:デザイン digital:デジタル disk:ディスク docker:ドッカー download:ダウンロード drive:ドライブ dropbox:ドロップボックス edge:エッジ ' +
  'email:イーメール energy:エナジー engine:エンジン europe:ヨーロッパ excel:エクセル facebook:フェイスブック file:ファイル files:ファイル ' +
  'firefox:ファイアフォックス first:ファースト folder:フォルダー food:フード for:フォー free:フリー from:フロム game:ゲーム games:ゲーム ' +
  'gemini:ジェミニ git:ギット github:ギットハブ gitlab:ギットラボ global:グローバル gmail:ジーメール go:ゴー gold:ゴールド good:グッド ' +
  'google:グーグル green:グリーン group:グループ guardian:ガーディアン happy:ハッピー hardware:ハードウェア health:ヘルス hello:ハロー ' +
  'help:ヘルプ home:ホーム hotel:ホテル house:ハウス image:イメージ in:イン instagram:インスタグラム intel:インテル ' +
  'international:インターナショナル internet:インターネット ipad:アイパッド iphone:アイフォーン is:イズ it:イット japan:ジャパン java:ジャバ ' +
  'javascript:ジャバスクリプト journal:ジャーナル kubernetes:クバネティス lab:ラボ labs:ラボ learning:ラーニング ' +
  'libreoffice:リブレオフィス life:ライフ light:ライト line:ライン linux:リナックス little:リトル login:ログイン london:ロンドン ' +
  'love:ラブ mac:マック machine:マシン magazine:マガジン mail:メール maps:マップス market:マーケット max:マックス media:メディア ' +
  'memory:メモリー menu:メニュー meta:メタ microsoft:マイクロソフト mind:マインド minecraft:マインクラフト mini:ミニ mobile:モバイル ' +
  'model:モデル movie:ムービー mozilla:モジラ music:ミュージック my:マイ nasa:ナサ national:ナショナル netflix:ネットフリックス ' +
  'network:ネットワーク neural:ニューラル new:ニュー news:ニュース night:ナイト nintendo:ニンテンドー no:ノー node:ノード ' +
  'nvidia:エヌビディア of:オブ office:オフィス on:オン one:ワン online:オンライン open:オープン openai:オープンエーアイ ' +
  'openoffice:オープンオフィス oracle:オラクル our:アワー outlook:アウトルック page:ページ paris:パリ park:パーク password:パスワード ' +
  'pay:ペイ paypal:ペイパル phone:フォン photo:フォト photoshop:フォトショップ playstation:プレイステーション plus:プラス post:ポスト ' +
  'postgresql:ポストグレスキューエル power:パワー powerpoint:パワーポイント pro:プロ program:プログラム project:プロジェクト ' +
  'public:パブリック python:パイソン react:リアクト red:レッド redis:レディス release:リリース report:レポート research:リサーチ ' +
  'reuters:ロイター review:レビュー robot:ロボット ruby:ルビー rust:ラスト safari:サファリ samsung:サムスン school:スクール ' +
  'science:サイエンス search:サーチ security:セキュリティー server:サーバー servers:サーバー service:サービス shop:ショップ ' +
  'silicon:シリコン silver:シルバー site:サイト slack:スラック smart:スマート smartphone:スマートフォン social:ソーシャル ' +
  'software:ソフトウェア sony:ソニー source:ソース space:スペース spacex:スペースエックス sport:スポーツ sports:スポーツ ' +
  'spotify:スポティファイ star:スター state:ステート states:ステーツ store:ストア story:ストーリー street:ストリート studio:スタジオ ' +
  'style:スタイル super:スーパー support:サポート switch:スイッチ system:システム team:チーム teams:チームズ tech:テック ' +
  'technology:テクノロジー telegraph:テレグラフ tesla:テスラ thank:サンク thanks:サンクス the:ザ three:スリー tiktok:ティックトック ' +
  'time:タイム times:タイムズ to:トゥー token:トークン tokyo:トーキョー top:トップ toyota:トヨタ travel:トラベル twitter:ツイッター ' +
  'two:ツー typescript:タイプスクリプト uber:ウーバー ultra:ウルトラ unesco:ユネスコ united:ユナイテッド university:ユニバーシティ ' +
  'update:アップデート upload:アップロード user:ユーザー users:ユーザー valley:バレー verge:バージ version:バージョン video:ビデオ ' +
  'visa:ビザ vision:ビジョン vs:バーサス washington:ワシントン we:ウィー web:ウェブ weekly:ウィークリー white:ホワイト wi-fi:ワイファイ ' +
  'wifi:ワイファイ wiki:ウィキ wikipedia:ウィキペディア windows:ウィンドウズ wired:ワイアード with:ウィズ word:ワード world:ワールド ' +
  'xbox:エックスボックス yes:イエス york:ヨーク you:ユー your:ユア youtube:ユーチューブ zero:ゼロ zoom:ズーム';

/** Frequent English words and brand names (lower case) with their usual katakana. */
export const KATAKANA_WORDS: ReadonlyMap<string, string> = new Map(
  WORD_LIST.split(' ').map((entry) => entry.split(':') as [string, string]),
);
