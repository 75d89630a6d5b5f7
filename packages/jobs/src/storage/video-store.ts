import type { Readable } from 'node:stream';
import type { ArtifactKind, StoredVideo } from '../document.ts';

export interface ByteRange {
  /** Inclusive. */
  start: number;
  /** Inclusive. */
  end: number;
}

/** Where finished MP4s live, readable by every server replica. */
export interface VideoStore {
  readonly kind: StoredVideo['kind'];
  /** Copies the local file into the store. */
  save(jobId: string, localPath: string): Promise<{ video: StoredVideo; size: number }>;
  /**
   * Copies a file made with the video (poster, captions) into the store. It is read, listed
   * and removed like a video.
   */
  saveArtifact(jobId: string, kind: ArtifactKind, localPath: string): Promise<StoredVideo>;
  /** Size in bytes, or null when the bytes are gone. */
  size(video: StoredVideo): Promise<number | null>;
  open(video: StoredVideo, range?: ByteRange): Readable;
  remove(video: StoredVideo): Promise<void>;
  /** Bytes stored in all. */
  totalBytes(): Promise<number>;
  /**
   * Videos stored before `before`, with the job each was saved for: the cleanup compares them
   * with the jobs to find leftovers (a worker killed between saving a video and completing its
   * job, a job deleted by hand).
   */
  listStoredBefore(before: Date): AsyncIterable<{ jobId: string; video: StoredVideo }>;
  /**
   * Removes what an interrupted save left before `before` (GridFS chunks without a file, a
   * partial copy); returns how many were removed.
   */
  removeIncompleteBefore(before: Date): Promise<number>;
}
