import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Db, GridFSBucket, type ObjectId } from 'mongodb';
import type { StoredVideo } from '../document.ts';
import type { ByteRange, VideoStore } from './video-store.ts';

const BUCKET = 'videos';

/** MP4s in MongoDB GridFS: every replica can stream them, nothing to share but the database. */
export class GridFsVideoStore implements VideoStore {
  readonly kind = 'gridfs' as const;
  private readonly bucket: GridFSBucket;

  constructor(private readonly db: Db) {
    this.bucket = new GridFSBucket(db, { bucketName: BUCKET });
  }

  async save(jobId: string, localPath: string): Promise<{ video: StoredVideo; size: number }> {
    const { size } = await stat(localPath);
    const upload = this.bucket.openUploadStream(`${jobId}.mp4`, {
      metadata: { jobId, contentType: 'video/mp4' },
    });
    try {
      await pipeline(createReadStream(localPath), upload);
    } catch (error) {
      await this.bucket.delete(upload.id as ObjectId).catch(() => {});
      throw error;
    }
    return { video: { kind: 'gridfs', fileId: upload.id as ObjectId }, size };
  }

  async size(video: StoredVideo): Promise<number | null> {
    if (video.kind !== 'gridfs') return null;
    const file = await this.bucket.find({ _id: video.fileId }).next();
    return file ? file.length : null;
  }

  open(video: StoredVideo, range?: ByteRange): Readable {
    if (video.kind !== 'gridfs') throw new Error('not a GridFS video');
    // GridFS's `end` is exclusive.
    return this.bucket.openDownloadStream(
      video.fileId,
      range ? { start: range.start, end: range.end + 1 } : {},
    );
  }

  async remove(video: StoredVideo): Promise<void> {
    if (video.kind !== 'gridfs') return;
    try {
      await this.bucket.delete(video.fileId);
    } catch (error) {
      // Already gone is fine: removal is idempotent.
      if (!(error instanceof Error && /not found|FileNotFound/i.test(error.message))) throw error;
    }
  }

  async totalBytes(): Promise<number> {
    const rows = await this.db
      .collection(`${BUCKET}.files`)
      .aggregate<{ total: number }>([{ $group: { _id: null, total: { $sum: '$length' } } }])
      .toArray();
    return rows[0]?.total ?? 0;
  }
}
