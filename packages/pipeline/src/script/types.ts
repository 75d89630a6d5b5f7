import type { StageContext } from '../context.ts';
import type { Article } from '../extract/types.ts';
import type { Language, Script, ScriptStyle } from '../schema/script.ts';

export interface LlmOptions {
  apiKey: string;
  /** e.g. https://openrouter.ai/api/v1; default is OpenAI's. */
  baseUrl?: string;
  model: string;
  timeoutMs?: number;
}

export interface ScriptOptions {
  /** Narration language; default: the article's language when ja/en, else ja. */
  language?: Language;
  /** At most this many sections in all, opening and closing included (default 12). */
  maxSections?: number;
  /** Narration characters in all (default ~2–3 minutes of speech for the language). */
  charBudget?: number;
  provider?: 'offline' | 'llm';
  llm?: LlmOptions;
  /** One narrator (default) or a dialogue between the asker and the explainer. */
  style?: ScriptStyle;
}

export interface ScriptProvider {
  readonly id: string;
  generate(
    article: Article,
    options: Required<Pick<ScriptOptions, 'maxSections' | 'charBudget' | 'style'>> & { language: Language },
    ctx: StageContext,
  ): Promise<Script>;
}
