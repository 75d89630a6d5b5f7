import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Puts focus on `target` (the page's heading) when the element that had it was removed by a
 * render: the loading state's heading replaced by the job's, the Cancel button gone once the
 * job is cancelled. Without this, focus falls to <body> and keyboard and screen-reader users
 * lose their place. Focus the user moved elsewhere (or never gave the page) is left alone.
 */
export function useFocusRescue(target: RefObject<HTMLElement | null>): void {
  const lastFocused = useRef<Element | null>(null);
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      lastFocused.current = event.target instanceof Element ? event.target : null;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);
  // After every render, before the browser paints.
  useLayoutEffect(() => {
    const lost = lastFocused.current;
    const active = document.activeElement;
    if (lost && !lost.isConnected && (active === null || active === document.body)) {
      target.current?.focus();
    }
  });
}
