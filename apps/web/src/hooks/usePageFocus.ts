import { type RefObject, useEffect } from 'react';

let firstPage = true;

/**
 * Moves keyboard and screen-reader focus to a page's heading after an in-app navigation, as a
 * full page load would. The very first page keeps the browser's default focus.
 */
export function usePageFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, [ref]);
}
