import type { ProgressUpdate } from '@movie-generator/jobs';

export interface ProgressWriterOptions {
  /** Writes within one step are at least this far apart, in ms; the latest update wins. */
  minIntervalMs: number;
  /** Writes the update; false means the job is no longer processing (cancelled). */
  write: (update: ProgressUpdate) => Promise<boolean>;
  /** Called once, after the first write that returned false. */
  onRefused: () => void;
  /** A write that threw (e.g. a network blip); the next update is written as usual. */
  onError: (error: unknown) => void;
  now?: () => number;
}

/**
 * Coalesces a pipeline's frequent progress reports into job-document writes: a new step is
 * written at once (every step reaches the document, in order), anything else at most once per
 * `minIntervalMs` (the latest wins), one write in flight at a time. Progress never goes
 * backwards within a run (`restart` allows it again, for a retry).
 */
export class ProgressWriter {
  /** Updates not yet written, in order; only the last one is ever replaced by a newer update of its step. */
  private queue: ProgressUpdate[] = [];
  private lastWritten: ProgressUpdate | null = null;
  /** The update most recently handed to `write` (it may still be in flight). */
  private lastSent: ProgressUpdate | null = null;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private floor = 0;
  private inFlight: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private refused = false;
  private readonly now: () => number;

  constructor(private readonly options: ProgressWriterOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** The state most recently written or waiting to be written. */
  get current(): ProgressUpdate | null {
    return this.queue.at(-1) ?? this.lastWritten;
  }

  update(update: ProgressUpdate): void {
    if (this.closed || this.refused) return;
    const progress = Math.max(this.floor, Math.floor(Math.max(0, Math.min(100, update.progress))));
    this.floor = progress;
    const next: ProgressUpdate = { step: update.step, progress, message: update.message };
    if (sameUpdate(next, this.current)) return;
    const last = this.queue.at(-1);
    if (last && last.step === next.step) {
      // Within a step the latest update wins.
      this.queue[this.queue.length - 1] = next;
    } else {
      // A new step supersedes an unwritten update of the step already in the document; queued
      // step changes stay, so every step reaches the document in order.
      if (last && this.queue.length === 1 && last.step === this.lastSent?.step) this.queue.pop();
      this.queue.push(next);
    }
    this.schedule();
  }

  /** Writes everything pending now, ignoring the interval, and waits for it. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight || (this.queue.length > 0 && !this.refused)) {
      if (!this.inFlight) {
        this.clearTimer();
        this.writeNext();
      }
      await this.inFlight;
    }
  }

  /**
   * Writes the current state again when nothing was written for `idleMs`, so that the job's
   * `updatedAt` shows that its worker is alive during a long, silent stage.
   */
  refreshIfIdle(idleMs: number): void {
    if (this.closed || this.refused || this.inFlight || this.queue.length > 0 || !this.lastWritten) return;
    if (this.now() - this.lastWriteAt < idleMs) return;
    this.queue.push(this.lastWritten);
    this.writeNext();
  }

  /** A new run (after a retry) starts from its own first progress again. */
  restart(): void {
    this.floor = 0;
  }

  /** Stops writing; pending updates are dropped (the final state is written by complete/fail). */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    this.queue = [];
    if (this.inFlight) await this.inFlight;
  }

  private schedule(): void {
    const next = this.queue[0];
    if (this.inFlight || !next || this.closed) return; // the write in flight reschedules when it ends
    const stepChanged = next.step !== this.lastSent?.step;
    const wait = stepChanged ? 0 : this.lastWriteAt + this.options.minIntervalMs - this.now();
    if (wait <= 0) {
      this.clearTimer();
      this.writeNext();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.schedule();
      }, wait);
    }
  }

  private writeNext(): void {
    const update = this.queue.shift();
    if (!update || this.refused) {
      this.queue = [];
      return;
    }
    this.lastWriteAt = this.now();
    this.lastSent = update;
    this.inFlight = this.options
      .write(update)
      .then(
        (accepted) => {
          this.lastWritten = update;
          if (!accepted && !this.refused) {
            this.refused = true;
            this.queue = [];
            this.options.onRefused();
          }
        },
        (error: unknown) => this.options.onError(error),
      )
      .finally(() => {
        this.inFlight = null;
        this.schedule();
      });
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function sameUpdate(a: ProgressUpdate, b: ProgressUpdate | null | undefined): boolean {
  return (
    !!b &&
    a.step === b.step &&
    a.progress === b.progress &&
    a.message.ja === b.message.ja &&
    a.message.en === b.message.en
  );
}
