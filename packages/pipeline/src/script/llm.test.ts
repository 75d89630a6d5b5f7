import type { ServerResponse } from 'node:http';
import { type RecordedRequest, startHttpServer, type TestHttpServer } from '@movie-generator/test-helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { japaneseArticle } from '../../fixtures/script/test-articles.ts';
import { PipelineError } from '../errors.ts';
import { type ScriptInput, ScriptSchema } from '../schema/script.ts';
import { makeTestContext } from '../test-context.ts';
import { generateScript } from './index.ts';
import { readScript } from './llm.ts';
import { MAX_ARTICLE_CHARS } from './prompt.ts';

const API_KEY = 'sk-test-123';
const MODEL = 'test-model-1';

/** A valid answer in the shape the prompt asks for. */
const goodScript: ScriptInput = {
  title: 'データベースの応答時間を3割短縮',
  language: 'ja',
  sections: [
    {
      title: '書き込みのバッチ処理で応答時間を短縮',
      kind: 'opening',
      narrations: [
        { text: '今回は、注文システムのデータベースを速くした事例を紹介します。', speaker: 'narrator' },
      ],
    },
    {
      title: '背景',
      kind: 'body',
      bullets: ['セールで応答が遅くなる', '在庫テーブルへの書き込みが集中'],
      narrations: [
        {
          text: 'セールのたびに、データベースの応答時間が大きく伸びていました。',
          reading: 'セールのたびに、データベースのおうとうじかんがおおきくのびていました。',
          speaker: 'narrator',
        },
      ],
    },
    {
      title: 'まとめ',
      kind: 'closing',
      bullets: ['書き込みをまとめる', '応答時間は3割短く'],
      narrations: [{ text: '詳しくは元の記事をご覧ください。', speaker: 'narrator' }],
    },
  ],
};

/** A chat.completion object as the OpenAI API returns it. */
function completion(content: string, model = MODEL, finishReason = 'stop') {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage: { prompt_tokens: 900, completion_tokens: 300, total_tokens: 1200 },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** An OpenAI-compatible server that answers each chat completion with the next of `answers`. */
async function chatServer(
  answers: Array<string | ((req: RecordedRequest, res: ServerResponse) => void)>,
): Promise<TestHttpServer> {
  let next = 0;
  return startHttpServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      sendJson(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
      return;
    }
    const answer = answers[Math.min(next++, answers.length - 1)]!;
    if (typeof answer === 'function') answer(req, res);
    else sendJson(res, 200, completion(answer, (JSON.parse(req.body.toString()) as { model: string }).model));
  });
}

interface ChatRequestBody {
  model: string;
  temperature: number;
  response_format: { type: string };
  messages: Array<{ role: string; content: string }>;
}
const bodyOf = (req: RecordedRequest) => JSON.parse(req.body.toString()) as ChatRequestBody;

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const llmOptions = () => ({
  provider: 'llm' as const,
  maxSections: 8,
  charBudget: 650,
  llm: { apiKey: API_KEY, baseUrl: `${server!.url}/v1`, model: MODEL, timeoutMs: 10_000 },
});

describe('LLM script provider over the chat completions protocol', () => {
  it('sends the article with the system prompt in JSON mode and returns the validated script', async () => {
    server = await chatServer([JSON.stringify(goodScript)]);
    const ctx = makeTestContext();
    const { progress } = ctx;
    const script = await generateScript(japaneseArticle, llmOptions(), ctx);

    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    const body = bodyOf(request);
    expect(body.model).toBe(MODEL);
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    const system = body.messages[0]!.content;
    expect(system).toContain('Japanese');
    expect(system).toContain('at most 8');
    expect(system).toContain('at most 650 characters');
    expect(system).toMatch(/"opening".*"body".*"closing"/su);
    expect(system).toContain('"narrations"');
    expect(system).toContain('hiragana');
    const user = body.messages[1]!.content;
    expect(user).toContain(japaneseArticle.title);
    expect(user).toContain(japaneseArticle.url);
    expect(user).toContain('## 背景：セール時に応答が遅くなる');
    expect(user).toContain(japaneseArticle.paragraphs[1]!);

    expect(script).toEqual(
      ScriptSchema.parse({
        ...goodScript,
        source: { url: japaneseArticle.url, siteName: 'Example Tech Blog' },
      }),
    );
    expect(script.sections[1]!.narrations[0]!.reading).toBe(
      'セールのたびに、データベースのおうとうじかんがおおきくのびていました。',
    );
    expect(progress.at(-1)).toEqual({
      percent: 100,
      message: { ja: '台本ができました', en: 'Script ready' },
    });
  });

  it('sends an invalid answer back once with the problems and uses the corrected one', async () => {
    const missingNarrations = {
      ...goodScript,
      sections: [goodScript.sections[0], { title: '背景', bullets: ['a'] }, goodScript.sections[2]],
    };
    server = await chatServer([JSON.stringify(missingNarrations), JSON.stringify(goodScript)]);
    const script = await generateScript(japaneseArticle, llmOptions(), makeTestContext());

    expect(server.requests).toHaveLength(2);
    const repair = bodyOf(server.requests[1]!);
    expect(repair.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair.messages[2]!.content).toBe(JSON.stringify(missingNarrations));
    expect(repair.messages[3]!.content).toContain('sections.1.narrations');
    expect(repair.messages[3]!.content).toContain('corrected JSON object only');
    expect(script.title).toBe(goodScript.title);
  });

  it('repairs an answer that is not JSON at all', async () => {
    server = await chatServer(['Sure! Here is your script: {"title": ', JSON.stringify(goodScript)]);
    const script = await generateScript(japaneseArticle, llmOptions(), makeTestContext());
    expect(bodyOf(server.requests[1]!).messages[3]!.content).toContain('not valid JSON');
    expect(script.sections).toHaveLength(3);
  });

  it('asks once to respect the bounds, then trims what is still over', async () => {
    const tooLong = {
      ...goodScript,
      sections: [
        goodScript.sections[0]!,
        ...Array.from({ length: 10 }, (_, i) => ({ ...goodScript.sections[1]!, title: `話題${i + 1}` })),
        goodScript.sections[2]!,
      ],
    };
    server = await chatServer([JSON.stringify(tooLong), JSON.stringify(tooLong)]);
    const script = await generateScript(japaneseArticle, llmOptions(), makeTestContext());
    expect(server.requests).toHaveLength(2);
    expect(bodyOf(server.requests[1]!).messages[3]!.content).toContain('12 sections; at most 8 are allowed');
    expect(script.sections).toHaveLength(8);
    expect(script.sections[0]!.kind).toBe('opening');
    expect(script.sections.at(-1)!.kind).toBe('closing');
  });

  it('fails with SCRIPT_FAILED (not transient) when the repaired answer is invalid too', async () => {
    server = await chatServer(['{"title": "x"}', '{"title": "x", "sections": []}']);
    const error = await generateScript(japaneseArticle, llmOptions(), makeTestContext()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe('SCRIPT_FAILED');
    expect((error as PipelineError).transient).toBe(false);
    expect((error as PipelineError).detail).toContain('sections');
    expect(server.requests).toHaveLength(2);
  });

  it('fails with a transient SCRIPT_FAILED after the SDK retried a 500 twice', async () => {
    server = await chatServer([
      (_req, res) =>
        // retry-after-ms keeps the SDK's backoff short in the test.
        sendJson(
          res,
          500,
          { error: { message: 'upstream exploded', type: 'server_error' } },
          { 'retry-after-ms': '5' },
        ),
    ]);
    const error = await generateScript(japaneseArticle, llmOptions(), makeTestContext()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe('SCRIPT_FAILED');
    expect((error as PipelineError).transient).toBe(true);
    expect((error as PipelineError).message).not.toContain(API_KEY);
    expect(server.requests).toHaveLength(3);
  });

  it('marks 429 transient and 401 permanent (401 is not retried)', async () => {
    server = await chatServer([
      (_req, res) =>
        sendJson(
          res,
          429,
          { error: { message: 'slow down', type: 'rate_limit' } },
          { 'retry-after-ms': '5' },
        ),
    ]);
    const limited = (await generateScript(japaneseArticle, llmOptions(), makeTestContext()).catch(
      (e: unknown) => e,
    )) as PipelineError;
    expect([limited.code, limited.transient]).toEqual(['SCRIPT_FAILED', true]);
    await server.close();

    server = await chatServer([
      (_req, res) =>
        sendJson(res, 401, {
          error: { message: 'Incorrect API key provided', type: 'invalid_request_error' },
        }),
    ]);
    const denied = (await generateScript(japaneseArticle, llmOptions(), makeTestContext()).catch(
      (e: unknown) => e,
    )) as PipelineError;
    expect([denied.code, denied.transient]).toEqual(['SCRIPT_FAILED', false]);
    expect(server.requests).toHaveLength(1);
  });

  it('is cancelled through the AbortSignal while the request is in flight', async () => {
    const controller = new AbortController();
    server = await chatServer([
      () => {
        // Never answer; the client must give up when the signal fires.
        controller.abort();
      },
    ]);
    const error = (await generateScript(
      japaneseArticle,
      llmOptions(),
      makeTestContext(controller.signal),
    ).catch((e: unknown) => e)) as PipelineError;
    expect(error.code).toBe('CANCELLED');
    expect(server.requests).toHaveLength(1);
  });

  it('sends at most about 12,000 characters of a long article', async () => {
    server = await chatServer([JSON.stringify(goodScript)]);
    const paragraph = 'とても長い本文の段落がここに続いています。'.repeat(20);
    const long = {
      ...japaneseArticle,
      blocks: Array.from({ length: 100 }, () => ({ type: 'paragraph' as const, text: paragraph })),
    };
    await generateScript(long, llmOptions(), makeTestContext());
    const user = bodyOf(server.requests[0]!).messages[1]!.content;
    expect(user.length).toBeLessThan(MAX_ARTICLE_CHARS + 500);
    expect(user.length).toBeGreaterThan(MAX_ARTICLE_CHARS - paragraph.length);
    expect(user.endsWith('[…]')).toBe(true);
  });
});

describe('LLM script provider: layouts, pictures, bullet reveals and languages', () => {
  const withPictures = {
    ...japaneseArticle,
    leadImage: 'https://tech.example.jp/img/lead.jpg',
    images: [
      {
        url: 'https://tech.example.jp/img/queue.png',
        caption: 'キューの構成図',
        afterBlock: 8,
        width: 800,
        height: 450,
      },
    ],
  };
  const richScript: ScriptInput = {
    ...goodScript,
    leadImage: { url: 'https://tech.example.jp/img/lead.jpg' },
    sections: [
      goodScript.sections[0]!,
      {
        title: '対策',
        kind: 'body',
        layout: 'picture',
        image: { url: 'https://tech.example.jp/img/queue.png', caption: 'キューの構成図' },
        bullets: ['書き込みをキューにまとめる', '50ミリ秒ごとに書き込む'],
        narrations: [
          { text: '在庫の更新をキューに積むようにしました。', speaker: 'narrator', bullet: 0 },
          { text: '50ミリ秒ごとにまとめて書き込みます。', speaker: 'narrator', bullet: 1 },
        ],
      },
      {
        title: '結果',
        kind: 'body',
        layout: 'figure',
        figure: { value: '約30%', context: '平均応答時間の短縮' },
        bullets: ['応答時間が約30%短縮'],
        narrations: [{ text: '平均応答時間は約30%短くなりました。', speaker: 'narrator', bullet: 0 }],
      },
      {
        title: '利用者の声',
        kind: 'body',
        layout: 'quote',
        quote: { text: '本当に在庫がずれないのか', by: '開発チーム' },
        bullets: ['在庫のずれは毎日確認'],
        narrations: [{ text: '在庫のずれは毎晩確認しています。', speaker: 'narrator', bullet: 0 }],
      },
      goodScript.sections[2]!,
    ],
  };

  it('asks for whole-point bullets, bullet reveals, layouts and the lead picture, and lists the pictures in place', async () => {
    server = await chatServer([JSON.stringify(richScript)]);
    const script = await generateScript(withPictures, llmOptions(), makeTestContext());
    const [system, user] = bodyOf(server.requests[0]!).messages.map((m) => m.content);
    for (const rule of [
      'whole point',
      'any language',
      '"bullet"',
      '"layout"',
      '"picture"',
      '"figure"',
      '"quote"',
      '"leadImage"',
      '"steps"',
      '…',
      '体言止め',
      'never invent a url',
      'takeaway',
      'lead point',
      'on a comma',
      'ディープマインド',
    ]) {
      expect(system, rule).toContain(rule);
    }
    expect(user).toContain('Lead picture: https://tech.example.jp/img/lead.jpg');
    // The picture is listed right after the block it follows.
    expect(user).toMatch(
      /キューにはRedisのストリームを使いました。[^\n]*\n\n\[Picture: https:\/\/tech\.example\.jp\/img\/queue\.png — キューの構成図\]/u,
    );
    expect(script.leadImage).toEqual({ url: 'https://tech.example.jp/img/lead.jpg' });
    expect(script.sections.map((s) => s.layout)).toEqual([
      undefined,
      'picture',
      'figure',
      'quote',
      undefined,
    ]);
    expect(script.sections[1]!.narrations.map((n) => n.bullet)).toEqual([0, 1]);
    expect(ScriptSchema.parse(script)).toEqual(script);
  });

  it('takes out pictures the article does not have, and bullet indexes that point nowhere', async () => {
    const invented = structuredClone(richScript);
    invented.leadImage = { url: 'https://elsewhere.example/x.jpg' };
    invented.sections[1]!.image = { url: 'https://elsewhere.example/y.jpg' };
    invented.sections[2]!.narrations[0]!.bullet = 3;
    server = await chatServer([JSON.stringify(invented)]);
    const script = await generateScript(withPictures, llmOptions(), makeTestContext());
    expect(script.leadImage).toBeUndefined();
    expect(script.sections[1]!.layout).toBe('bullets');
    expect(script.sections[1]!.image).toBeUndefined();
    expect(script.sections[2]!.narrations[0]!.bullet).toBeUndefined();
  });

  it('keeps step numbers that match the bullets and drops those that do not', async () => {
    const numbered = structuredClone(richScript);
    numbered.sections[1]!.steps = [1, 2];
    numbered.sections[2]!.steps = [3, 4];
    server = await chatServer([JSON.stringify(numbered)]);
    const script = await generateScript(withPictures, llmOptions(), makeTestContext());
    expect(script.sections[1]!.steps).toEqual([1, 2]);
    expect(script.sections[2]!.steps).toBeUndefined();
    expect(script.sections[3]!.steps).toBeUndefined();
  });

  it('sends bullets cut mid-phrase back for repair', async () => {
    const cut = structuredClone(goodScript);
    cut.sections[1]!.bullets = [
      '具体的には、フリーWi-Fi利用時に、スマートフォンが',
      '在庫テーブルへの書き込みが集中',
    ];
    server = await chatServer([JSON.stringify(cut), JSON.stringify(goodScript)]);
    await generateScript(japaneseArticle, llmOptions(), makeTestContext());
    expect(server.requests).toHaveLength(2);
    expect(bodyOf(server.requests[1]!).messages[3]!.content).toContain('sections.1.bullets.0');
    expect(bodyOf(server.requests[1]!).messages[3]!.content).toContain('not a whole point');
  });

  it('writes a Japanese script from a Chinese article (only the offline provider refuses other languages)', async () => {
    server = await chatServer([JSON.stringify(goodScript)]);
    const chinese = {
      ...japaneseArticle,
      language: 'zh',
      title: '人工智能系统取得突破',
      blocks: [
        {
          type: 'paragraph' as const,
          text: '研究人员表示，这项技术可以帮助科学家更快地了解疾病的机制。'.repeat(8),
        },
      ],
    };
    const script = await generateScript(chinese, { ...llmOptions(), language: 'ja' }, makeTestContext());
    expect(script.language).toBe('ja');
    expect(bodyOf(server.requests[0]!).messages[0]!.content).toContain('Japanese');
  });
});

describe('readScript', () => {
  const bounds = { language: 'ja' as const, maxSections: 8, charBudget: 650 };

  it('accepts JSON in a code fence and takes the language from the request', () => {
    const fenced = `\`\`\`json\n${JSON.stringify({ ...goodScript, language: 'en' })}\n\`\`\``;
    const result = readScript({ content: fenced, truncated: false }, bounds, true);
    expect(result.script?.language).toBe('ja');
  });

  it('explains an empty or cut-off answer', () => {
    expect(readScript({ content: null, truncated: false }, bounds, true).issues).toEqual([
      'The answer was empty.',
    ]);
    expect(
      readScript({ content: '{"title": "a", "sec', truncated: true }, bounds, true).issues?.[0],
    ).toContain('cut off');
  });
});

describe('LLM dialogue script', () => {
  const dialogue: ScriptInput = {
    ...goodScript,
    style: 'dialogue',
    sections: goodScript.sections.map((section, i) => ({
      ...section,
      narrations: [
        { text: i === 0 ? '今日はどんな記事なのだ？' : 'それで、どうなったのだ？', speaker: 'asker' },
        ...(section.narrations ?? []).map((n) => ({ ...n, speaker: 'explainer' })),
      ],
    })),
  };

  it('asks for a dialogue between the two named characters and returns it as a dialogue', async () => {
    server = await chatServer([JSON.stringify(dialogue)]);
    const script = await generateScript(
      japaneseArticle,
      { ...llmOptions(), style: 'dialogue' },
      makeTestContext(),
    );
    const system = bodyOf(server.requests[0]!).messages[0]!.content;
    expect(system).toContain('DIALOGUE');
    expect(system).toContain('四国めたん (speaker "explainer")');
    expect(system).toContain('ずんだもん (speaker "asker")');
    expect(system).not.toContain('always "narrator"');
    expect(script.style).toBe('dialogue');
    expect(script.sections[1]!.narrations.map((n) => n.speaker)).toEqual(['asker', 'explainer']);
  });

  it('sends a narrator-only answer back for repair when a dialogue was asked for', async () => {
    server = await chatServer([JSON.stringify(goodScript), JSON.stringify(dialogue)]);
    const script = await generateScript(
      japaneseArticle,
      { ...llmOptions(), style: 'dialogue' },
      makeTestContext(),
    );
    expect(server.requests).toHaveLength(2);
    const repair = bodyOf(server.requests[1]!).messages.at(-1)!.content;
    expect(repair).toContain('exactly the speakers "asker" and "explainer"');
    expect(script.style).toBe('dialogue');
  });

  it('keeps "narrator" as the only speaker of a narration prompt', async () => {
    server = await chatServer([JSON.stringify(goodScript)]);
    await generateScript(japaneseArticle, llmOptions(), makeTestContext());
    expect(bodyOf(server.requests[0]!).messages[0]!.content).toContain('"speaker": always "narrator"');
  });
});
