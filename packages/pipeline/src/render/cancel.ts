import { type CancelSignal, makeCancelSignal } from '@remotion/renderer';

/**
 * A Remotion cancel signal that fires when `signal` aborts. Call `dispose` when the Remotion
 * call has settled so a long-lived job signal does not keep the listener.
 */
export function remotionCancelSignal(signal: AbortSignal): {
  cancelSignal: CancelSignal;
  dispose: () => void;
} {
  const { cancelSignal, cancel } = makeCancelSignal();
  if (signal.aborted) {
    cancel();
    return { cancelSignal, dispose: () => undefined };
  }
  signal.addEventListener('abort', cancel, { once: true });
  return { cancelSignal, dispose: () => signal.removeEventListener('abort', cancel) };
}
