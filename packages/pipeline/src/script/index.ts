import { type StageContext, throwIfAborted } from '../context.ts';
import { asStageError, PipelineError } from '../errors.ts';
import type { Article } from '../extract/types.ts';
import { msg } from '../i18n/messages.ts';
import { type Language, type Script, ScriptSchema, type ScriptStyle } from '../schema/script.ts';
import { narrationChars } from './bounds.ts';
import { autoCharBudget, DEFAULT_MAX_SECTIONS, languageOfArticle } from './language.ts';
import { createLlmProvider } from './llm.ts';
import { createOfflineProvider } from './offline.ts';
import type { ScriptOptions, ScriptProvider } from './types.ts';

/** The sections schema allows at most this many. */
const SCHEMA_MAX_SECTIONS = 14;
const MIN_CHAR_BUDGET = 100;

interface ResolvedScriptOptions {
  language: Language;
  maxSections: number;
  charBudget: number;
  style: ScriptStyle;
}

/** Options with their defaults; throws on values no script can meet. */
export function resolveScriptOptions(
  article: Pick<Article, 'language'> & Partial<Pick<Article, 'textLength'>>,
  options: ScriptOptions,
): ResolvedScriptOptions {
  const language = options.language ?? languageOfArticle(article.language);
  const maxSections = options.maxSections ?? DEFAULT_MAX_SECTIONS;
  const charBudget = options.charBudget ?? autoCharBudget(language, article.textLength ?? 0);
  if (!Number.isInteger(maxSections) || maxSections < 3 || maxSections > SCHEMA_MAX_SECTIONS) {
    throw new PipelineError('SCRIPT_FAILED', {
      detail: `maxSections must be an integer from 3 to ${SCHEMA_MAX_SECTIONS}`,
    });
  }
  if (!Number.isInteger(charBudget) || charBudget < MIN_CHAR_BUDGET) {
    throw new PipelineError('SCRIPT_FAILED', {
      detail: `charBudget must be an integer of at least ${MIN_CHAR_BUDGET}`,
    });
  }
  return { language, maxSections, charBudget, style: options.style ?? 'narration' };
}

/** The provider the options ask for: offline unless 'llm' (which needs `options.llm`). */
function selectScriptProvider(options: ScriptOptions): ScriptProvider {
  if ((options.provider ?? 'offline') === 'offline') return createOfflineProvider();
  if (!options.llm) throw new PipelineError('SCRIPT_FAILED', { detail: "provider 'llm' needs options.llm" });
  return createLlmProvider(options.llm);
}

/** The script stage: article → validated Script. Errors are PipelineErrors (SCRIPT_FAILED or CANCELLED). */
export async function generateScript(
  article: Article,
  options: ScriptOptions,
  ctx: StageContext,
): Promise<Script> {
  try {
    throwIfAborted(ctx.signal);
    const resolved = resolveScriptOptions(article, options);
    const provider = selectScriptProvider(options);
    ctx.onProgress(0, msg.scripting);
    const draft = await provider.generate(article, resolved, ctx);
    const siteName = article.siteName?.trim().slice(0, 120) || undefined;
    const script = ScriptSchema.parse({
      ...draft,
      source: { url: article.url, ...(siteName ? { siteName } : {}) },
    });
    ctx.log.info(
      {
        provider: provider.id,
        sections: script.sections.length,
        chars: narrationChars(script),
        language: script.language,
      },
      'script ready',
    );
    ctx.onProgress(100, msg.scripted);
    return script;
  } catch (error) {
    throw asStageError(error, 'SCRIPT_FAILED', ctx.signal);
  }
}
