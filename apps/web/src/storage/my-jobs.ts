import { useSyncExternalStore } from 'react';
import { z } from 'zod';

/** The jobs started from this browser, so a reload or another tab finds them again. */
const MyJob = z.object({ id: z.string(), url: z.string(), createdAt: z.string() });
export type MyJob = z.infer<typeof MyJob>;

export const MY_JOBS_STORAGE_KEY = 'movie-generator.jobs';
const MAX_JOBS = 20;
/** Jobs are deleted on the server after 24 h; keep them an hour longer to show "not found" rather than vanish. */
const KEEP_MS = 25 * 3600_000;
const CHANGE_EVENT = 'movie-generator:jobs-changed';

function readRaw(): string | null {
  try {
    return localStorage.getItem(MY_JOBS_STORAGE_KEY);
  } catch {
    return null;
  }
}

function parse(raw: string | null, now: number): MyJob[] {
  if (!raw) return [];
  try {
    const parsed = z.array(MyJob).safeParse(JSON.parse(raw));
    if (!parsed.success) return [];
    return parsed.data.filter((job) => now - Date.parse(job.createdAt) < KEEP_MS);
  } catch {
    return []; // not JSON: written by something else; start over
  }
}

function write(jobs: MyJob[]): void {
  try {
    localStorage.setItem(MY_JOBS_STORAGE_KEY, JSON.stringify(jobs.slice(0, MAX_JOBS)));
  } catch {
    // storage full or disabled: the list is a convenience only
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function readMyJobs(now = Date.now()): MyJob[] {
  return parse(readRaw(), now);
}

/** Newest first; adding a job again moves it to the top. */
export function addMyJob(job: MyJob): void {
  write([job, ...readMyJobs().filter((other) => other.id !== job.id)]);
}

export function removeMyJob(id: string): void {
  const jobs = readMyJobs();
  if (jobs.some((job) => job.id === id)) write(jobs.filter((job) => job.id !== id));
}

function subscribe(onChange: () => void): () => void {
  // 'storage' fires for changes made by other tabs; our own event for this one.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === MY_JOBS_STORAGE_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const NO_JOBS: MyJob[] = [];
let cache: { raw: string | null; jobs: MyJob[] } = { raw: null, jobs: NO_JOBS };

/** useSyncExternalStore needs a stable snapshot: re-parse only when the stored text changed. */
function snapshot(): MyJob[] {
  const raw = readRaw();
  if (raw !== cache.raw) cache = { raw, jobs: parse(raw, Date.now()) };
  return cache.jobs;
}

export function useMyJobs(): MyJob[] {
  return useSyncExternalStore(subscribe, snapshot, () => NO_JOBS);
}
