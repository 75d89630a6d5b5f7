import type { KeyFigure, Quote, ScriptImage, SlideLayout } from '../schema/script.ts';

/** What a body section could show besides its bullets. */
export interface LayoutOptions {
  image?: ScriptImage;
  figure?: KeyFigure;
  quote?: Quote;
}

export interface LayoutChoice extends LayoutOptions {
  layout: SlideLayout;
}

/** Order of preference when a section could take several layouts. */
const PREFERENCE: readonly SlideLayout[] = ['picture', 'quote', 'figure', 'bullets'];

function available(options: LayoutOptions): SlideLayout[] {
  return PREFERENCE.filter(
    (layout) =>
      layout === 'bullets' ||
      (layout === 'picture' && options.image) ||
      (layout === 'quote' && options.quote) ||
      (layout === 'figure' && options.figure),
  );
}

/**
 * One layout per body section, from what its content offers: the article's picture for that
 * part, a quote with its speaker, a key number, or the bullet list. Consecutive slides avoid the
 * same layout when the section offers another (pictures always show), a quote or figure beats
 * plain bullets, and among those a layout used less wins, so a longer video shows several kinds of slide.
 */
export function chooseLayouts(sections: readonly LayoutOptions[]): LayoutChoice[] {
  const used = new Map<SlideLayout, number>();
  let previous: SlideLayout | undefined;
  return sections.map((options) => {
    const candidates = available(options);
    const ranked = [...candidates].sort(
      (a, b) =>
        // The article's own picture always shows (each is a different picture anyway).
        Number(b === 'picture') - Number(a === 'picture') ||
        Number(a === previous) - Number(b === previous) ||
        // A panel the section offers beats plain bullets (its quote or figure is then shown while
        // said); among panels, the one used less.
        Number(a === 'bullets') - Number(b === 'bullets') ||
        (used.get(a) ?? 0) - (used.get(b) ?? 0) ||
        PREFERENCE.indexOf(a) - PREFERENCE.indexOf(b),
    );
    const layout = ranked[0] ?? 'bullets';
    used.set(layout, (used.get(layout) ?? 0) + 1);
    previous = layout;
    return {
      layout,
      ...(layout === 'picture' ? { image: options.image } : {}),
      ...(layout === 'figure' ? { figure: options.figure } : {}),
      ...(layout === 'quote' ? { quote: options.quote } : {}),
    };
  });
}
