import OpenAI, { APIConnectionError, APIError } from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { StageContext } from '../context.ts';
import { cancelledError, PipelineError } from '../errors.ts';
import type { Article } from '../extract/types.ts';
import { msg } from '../i18n/messages.ts';
import { type Language, type Script, ScriptSchema, type ScriptStyle } from '../schema/script.ts';
import { fitToBounds, narrationChars, type ScriptBounds } from './bounds.ts';
import { findBulletDefects } from './bullet-defects.ts';
import { buildArticleMessage, buildRepairMessage, buildSystemPrompt } from './prompt.ts';
import type { LlmOptions, ScriptProvider } from './types.ts';

const TEMPERATURE = 0.3;
const DEFAULT_TIMEOUT_MS = 90_000;
const MAX_LISTED_ISSUES = 20;
/** A first answer this far over the char budget is sent back; smaller overruns are trimmed. */
const BUDGET_TOLERANCE = 1.25;

/**
 * The LLM script provider: one chat completion in JSON mode over any OpenAI-compatible API
 * (OpenAI, OpenRouter, a local server), validated with ScriptSchema; an invalid answer is sent
 * back once with the list of problems.
 */
export function createLlmProvider(llm: LlmOptions): ScriptProvider {
  const client = new OpenAI({
    apiKey: llm.apiKey,
    baseURL: llm.baseUrl,
    timeout: llm.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: 2,
  });
  return {
    id: 'llm',
    async generate(article, options, ctx) {
      const messages: ChatCompletionMessageParam[] = [
        { role: 'system', content: buildSystemPrompt(options) },
        { role: 'user', content: buildArticleMessage(article) },
      ];
      try {
        const first = await complete(client, llm.model, messages, ctx);
        const firstResult = readScript(first, options, true);
        if (firstResult.script) return finish(firstResult.script, options, article);

        ctx.log.warn({ issues: firstResult.issues.slice(0, 5) }, 'LLM script invalid, asking for a repair');
        ctx.onProgress(50, msg.scripting);
        messages.push(
          { role: 'assistant', content: first.content ?? '' },
          { role: 'user', content: buildRepairMessage(firstResult.issues) },
        );
        const second = await complete(client, llm.model, messages, ctx);
        const secondResult = readScript(second, options, false);
        if (secondResult.script) return finish(secondResult.script, options, article);
        throw new PipelineError('SCRIPT_FAILED', {
          detail: `LLM script invalid after a repair request: ${secondResult.issues.slice(0, 5).join('; ')}`,
        });
      } catch (error) {
        throw toScriptError(error, ctx.signal);
      }
    },
  };
}

interface Answer {
  content: string | null;
  truncated: boolean;
}

async function complete(
  client: OpenAI,
  model: string,
  messages: ChatCompletionMessageParam[],
  ctx: StageContext,
): Promise<Answer> {
  const completion = await client.chat.completions.create(
    { model, messages, response_format: { type: 'json_object' }, temperature: TEMPERATURE },
    { signal: ctx.signal },
  );
  ctx.log.info({ model, usage: completion.usage }, 'LLM script answer');
  const choice = completion.choices[0];
  return { content: choice?.message.content ?? null, truncated: choice?.finish_reason === 'length' };
}

type ReadResult = { script: Script; issues?: undefined } | { script?: undefined; issues: string[] };

/**
 * The answer as a Script, or what is wrong with it. With `strictBounds`, exceeding the section
 * count or the char budget by much is a problem too; otherwise the bounds are enforced by trimming.
 */
export function readScript(
  answer: Answer,
  bounds: ScriptBounds & { language: Language; style?: ScriptStyle },
  strictBounds: boolean,
): ReadResult {
  if (!answer.content?.trim()) {
    return {
      issues: [
        answer.truncated ? 'The answer was cut off; write a shorter script.' : 'The answer was empty.',
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(stripCodeFence(answer.content));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const cutOff = answer.truncated ? ' The answer was cut off; write a shorter script.' : '';
    return { issues: [`The answer is not valid JSON (${reason}).${cutOff}`] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { issues: ['The answer must be one JSON object with "title", "language" and "sections".'] };
  }
  // We fill in `source` ourselves, and the language is ours to choose.
  const { source: _source, ...rest } = json as Record<string, unknown>;
  const parsed = ScriptSchema.safeParse({ ...rest, language: bounds.language });
  if (!parsed.success) {
    return {
      issues: parsed.error.issues
        .slice(0, MAX_LISTED_ISSUES)
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    };
  }
  const script = parsed.data;
  if (bounds.style === 'dialogue') {
    // The two characters must both speak, and no one else: their voices and badges are the video.
    const speakers = new Set(script.sections.flatMap((sec) => sec.narrations.map((n) => n.speaker)));
    const strangers = [...speakers].filter((s) => s !== 'asker' && s !== 'explainer');
    if (strangers.length > 0 || !speakers.has('asker') || !speakers.has('explainer')) {
      return {
        issues: [
          `speaker: a dialogue has exactly the speakers "asker" and "explainer" (found ${[...speakers].join(', ')}).`,
        ],
      };
    }
  }
  if (strictBounds) {
    const issues: string[] = [];
    if (script.sections.length > bounds.maxSections) {
      issues.push(`sections: ${script.sections.length} sections; at most ${bounds.maxSections} are allowed.`);
    }
    const chars = narrationChars(script);
    if (chars > bounds.charBudget * BUDGET_TOLERANCE) {
      issues.push(
        `narrations: ${chars} characters of narration text in all; at most ${bounds.charBudget} are allowed.`,
      );
    }
    for (const [i, section] of script.sections.entries()) {
      for (const [j, bullet] of section.bullets.entries()) {
        const defects = findBulletDefects(bullet, script.language);
        if (defects.length > 0) {
          issues.push(
            `sections.${i}.bullets.${j}: "${bullet}" is not a whole point (${defects.map((d) => d.detail).join('; ')}).`,
          );
        }
      }
    }
    if (issues.length > 0) return { issues: issues.slice(0, MAX_LISTED_ISSUES) };
  }
  return { script };
}

function stripCodeFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/u.exec(text);
  return fenced?.[1] ?? text;
}

/**
 * Opening and closing kinds where the model left them out, pictures the article does not have
 * taken out (a picture slide without one shows its bullets), bullet indexes that point nowhere
 * and step numbers that do not match the bullets dropped, then the bounds.
 */
function finish(script: Script, bounds: ScriptBounds & { style?: ScriptStyle }, article: Article): Script {
  const known = new Set([
    ...(article.images ?? []).map((img) => img.url),
    ...(article.leadImage ? [article.leadImage] : []),
  ]);
  const sections = script.sections.map((s) => {
    const section = { ...s, narrations: s.narrations.map((n) => ({ ...n })) };
    if (section.image && !known.has(section.image.url)) delete section.image;
    if (section.layout === 'picture' && !section.image) section.layout = 'bullets';
    if (section.layout === 'figure' && !section.figure) section.layout = 'bullets';
    if (section.layout === 'quote' && !section.quote) section.layout = 'bullets';
    // Step numbers are per bullet: a list of another length numbers nothing.
    if (section.steps && section.steps.length !== section.bullets.length) delete section.steps;
    for (const narration of section.narrations) {
      if (narration.bullet !== undefined && narration.bullet >= section.bullets.length)
        delete narration.bullet;
    }
    return section;
  });
  if (sections.length >= 2 && !sections.some((s) => s.kind === 'opening')) sections[0]!.kind = 'opening';
  if (sections.length >= 3 && !sections.some((s) => s.kind === 'closing')) sections.at(-1)!.kind = 'closing';
  const leadImage = script.leadImage && known.has(script.leadImage.url) ? script.leadImage : undefined;
  const { leadImage: _drop, ...rest } = script;
  const style = bounds.style === 'dialogue' ? { style: 'dialogue' as const } : {};
  return fitToBounds({ ...rest, ...style, ...(leadImage ? { leadImage } : {}), sections }, bounds);
}

/** SCRIPT_FAILED; transient for network errors, timeouts, 408/429 and 5xx (after the SDK's own retries). */
function toScriptError(error: unknown, signal: AbortSignal): PipelineError {
  if (signal.aborted) return cancelledError(signal);
  if (error instanceof PipelineError) return error;
  const status = error instanceof APIError ? error.status : undefined;
  const transient =
    error instanceof APIConnectionError ||
    (status !== undefined && (status >= 500 || status === 429 || status === 408));
  const reason = error instanceof Error ? error.message : String(error);
  return new PipelineError('SCRIPT_FAILED', {
    detail: `LLM request failed: ${reason}`,
    cause: error,
    transient,
  });
}
