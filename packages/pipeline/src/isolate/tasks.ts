import type { StageContext } from '../context.ts';
import { extractArticle } from '../extract/index.ts';
import type { Article } from '../extract/types.ts';
import { capArticle } from '../guard/article-caps.ts';
import type { Script } from '../schema/script.ts';
import { generateScript } from '../script/index.ts';
import type { StageTask } from './wire.ts';

/**
 * The CPU-heavy work a stage thread does. Extraction hands on the article already cut to the
 * script stage's caps, so a giant page never reaches term extraction whole.
 */
export async function runStageTask(task: StageTask, ctx: StageContext): Promise<Article | Script> {
  switch (task.kind) {
    case 'extract':
      return capArticle(await extractArticle(task.page, ctx));
    case 'script':
      return generateScript(task.article, task.options, ctx);
  }
}
