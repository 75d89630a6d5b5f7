import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import type { Db } from 'mongodb';

/** The one Agenda job that makes a video. */
export const GENERATE_VIDEO = 'generate-video';
/** The repeating job that deletes expired jobs and their videos. */
export const CLEANUP = 'cleanup';

export interface GenerateVideoData {
  jobId: string;
}

export interface QueueOptions {
  /** How often a worker looks for due jobs, ms. */
  processEvery?: number;
  /** A job's lock lasts this long without a touch(); a dead worker's job is taken up after it. */
  lockLifetimeMs?: number;
}

/** An Agenda on the jobs database (collection `agendaJobs`). The server only enqueues with it. */
export function createQueue(db: Db, options: QueueOptions = {}): Agenda {
  return new Agenda({
    backend: new MongoBackend({ mongo: db }),
    processEvery: options.processEvery ?? 1000,
    defaultLockLifetime: options.lockLifetimeMs ?? 60_000,
  });
}

export async function enqueueGenerateVideo(queue: Agenda, jobId: string): Promise<void> {
  await queue.now<GenerateVideoData>(GENERATE_VIDEO, { jobId });
}
