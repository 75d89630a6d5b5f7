import type { Readable } from 'node:stream';
import type { StoredVideo } from '../document.ts';

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
  /** Size in bytes, or null when the bytes are gone. */
  size(video: StoredVideo): Promise<number | null>;
  open(video: StoredVideo, range?: ByteRange): Readable;
  remove(video: StoredVideo): Promise<void>;
  /** Bytes stored in all. */
  totalBytes(): Promise<number>;
}
