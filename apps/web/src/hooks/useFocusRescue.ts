import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Puts focus on `target` (the page's heading) when focus fell to <body> because what had it
 * went away: the loading state's heading replaced by the job's, the Cancel button gone (or
 * disabled) once the job is cancelled. Without this, keyboard and screen-reader users lose
 * their place. Focus the user moved elsewhere (or never gave the page) is left alone.
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
    if (!lost || (active !== null && active !== document.body)) return;
    // (A click on blank space also leaves focus on <body>, but with the element still there:
    // that is the user's choice, and focusing the heading would scroll the page under them.)
    if (!lost.isConnected || (lost as HTMLButtonElement).disabled === true) target.current?.focus();
  });
}
