import type { Script, Section } from '../schema/script.ts';
import { politeNarration } from './polite-form.ts';

/** Letters and digits only: a narration and the list item it comes from compare equal. */
const squeeze = (text: string): string => text.replace(/[\s\u3000]+/gu, '');

/**
 * Body slides whose bullets say the items of an ordered list (a recipe's steps, `steps`: item text
 * → number) number those bullets: a bullet whose narration opens an item gets the item's number
 * (so a list spread over slides goes on counting: the second slide may start at 4); a bullet that
 * says a later sentence of an item, or something else, gets none. Slides without a numbered bullet
 * are left as they are.
 */
export function withStepNumbers(script: Script, steps: ReadonlyMap<string, number> | undefined): Script {
  if (!steps || steps.size === 0) return script;
  const stepOf = stepNumberOf(steps);
  const numbered = (section: Section): Section => {
    if (section.kind !== 'body' || section.bullets.length === 0) return section;
    const numbers = section.bullets.map((_, b) => {
      const narration = section.narrations.find((n) => n.bullet === b);
      return narration ? stepOf(narration.text) : null;
    });
    return numbers.some((n) => n !== null) ? { ...section, steps: numbers } : section;
  };
  return { ...script, sections: script.sections.map(numbered) };
}

/**
 * The step number a narration says (it opens the text of an ordered list's item, `steps`: item
 * text → number), or null for a narration that opens no step.
 */
export function stepNumberOf(
  steps: ReadonlyMap<string, number> | undefined,
): (narration: string) => number | null {
  // A Japanese narration ends its sentences politely (置く → 置きます): it opens the item's polite form.
  const items = [...(steps ?? [])].map(([text, step]) => ({
    texts: [squeeze(text), squeeze(politeNarration(text))],
    step,
  }));
  return (narration) => {
    const said = squeeze(narration);
    if (said.length === 0) return null;
    return items.find((item) => item.texts.some((text) => text.startsWith(said)))?.step ?? null;
  };
}
