import type { JobRuns } from '@movie-generator/jobs';

/** Why a running job must stop: the user cancelled it, or this worker no longer owns it. */
export type LostReason = 'cancelled' | 'taken-over' | 'lock-lost';

export interface JobWatchOptions {
  jobId: string;
  workerId: string;
  store: JobRuns;
  /** How often the job document is read to notice a cancel (works while the pipeline is silent). */
  pollMs: number;
  /** How often `keepAlive` runs. */
  heartbeatMs: number;
  /** Renews the queue lock; throws when the lock is gone (the queue gave the job up). */
  keepAlive?: () => Promise<void>;
  /** Runs on every heartbeat too (e.g. refresh the job's updatedAt). */
  onHeartbeat?: () => void;
  onLost: (reason: LostReason, detail: string) => void;
  onError: (error: unknown) => void;
}

/**
 * Watches a running job: reads its document every `pollMs` (cancelled, deleted, or started by
 * another worker → onLost) and renews the queue lock every `heartbeatMs`. Read errors are
 * reported and the watch goes on; the job is only given up on evidence.
 */
export function watchJob(options: JobWatchOptions): { stop(): void } {
  let stopped = false;
  let polling = false;
  let beating = false;
  const lost = (reason: LostReason, detail: string) => {
    if (stopped) return;
    stopped = true;
    clear();
    options.onLost(reason, detail);
  };

  const poll = setInterval(() => {
    if (polling || stopped) return;
    polling = true;
    options.store
      .find(options.jobId)
      .then((doc) => {
        if (!doc) lost('cancelled', 'the job document is gone or expired');
        else if (doc.status !== 'processing') lost('cancelled', `the job is ${doc.status}`);
        else if (doc.workerId !== options.workerId)
          lost('taken-over', `worker ${doc.workerId} started the job`);
      }, options.onError)
      .finally(() => {
        polling = false;
      });
  }, options.pollMs);

  const heartbeat = setInterval(() => {
    if (beating || stopped) return;
    options.onHeartbeat?.();
    if (!options.keepAlive) return;
    beating = true;
    options
      .keepAlive()
      .catch((error: unknown) => lost('lock-lost', error instanceof Error ? error.message : String(error)))
      .finally(() => {
        beating = false;
      });
  }, options.heartbeatMs);

  const clear = () => {
    clearInterval(poll);
    clearInterval(heartbeat);
  };
  return {
    stop() {
      stopped = true;
      clear();
    },
  };
}
