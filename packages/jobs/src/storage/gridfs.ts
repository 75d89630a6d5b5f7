import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Db, GridFSBucket, ObjectId } from 'mongodb';
import type { ArtifactKind, StoredVideo } from '../document.ts';
import { ARTIFACT_FILES } from './artifacts.ts';
import type { ByteRange, VideoStore } from './video-store.ts';

const BUCKET = 'videos';
/** Bytes read through one GridFS cursor (see open). */
export const READ_WINDOW_BYTES = 8 * 1024 * 1024;

/** MP4s in MongoDB GridFS: every replica can stream them, nothing to share but the database. */
export class GridFsVideoStore implements VideoStore {
  readonly kind = 'gridfs' as const;
  private readonly bucket: GridFSBucket;

  constructor(private readonly db: Db) {
    this.bucket = new GridFSBucket(db, { bucketName: BUCKET });
  }

  async save(jobId: string, localPath: string): Promise<{ video: StoredVideo; size: number }> {
    const { size } = await stat(localPath);
    const video = await this.upload(localPath, `${jobId}.mp4`, { jobId, contentType: 'video/mp4' });
    return { video, size };
  }

  saveArtifact(jobId: string, kind: ArtifactKind, localPath: string): Promise<StoredVideo> {
    const { ext, contentType } = ARTIFACT_FILES[kind];
    return this.upload(localPath, `${jobId}.${ext}`, { jobId, contentType, artifact: kind });
  }

  private async upload(
    localPath: string,
    name: string,
    metadata: Record<string, string>,
  ): Promise<StoredVideo> {
    const upload = this.bucket.openUploadStream(name, { metadata });
    try {
      await pipeline(createReadStream(localPath), upload);
    } catch (error) {
      await this.bucket.delete(upload.id as ObjectId).catch(() => {});
      throw error;
    }
    return { kind: 'gridfs', fileId: upload.id as ObjectId };
  }

  async size(video: StoredVideo): Promise<number | null> {
    if (video.kind !== 'gridfs') return null;
    const file = await this.bucket.find({ _id: video.fileId }).next();
    return file ? file.length : null;
  }

  open(video: StoredVideo, range?: ByteRange): Readable {
    if (video.kind !== 'gridfs') throw new Error('not a GridFS video');
    const { bucket } = this;
    const length = range ? Promise.resolve(range.end + 1) : this.size(video);
    return Readable.from(
      (async function* () {
        const end = await length;
        if (end === null) throw new Error(`FileNotFound: no GridFS file ${video.fileId.toHexString()}`);
        // One cursor per window: the embedded MongoDB-wire server fails on a batch of chunks past
        // 16 MB ("offset is out of bounds"); real MongoDB serves windows just as well.
        for (let start = range?.start ?? 0; start < end; start += READ_WINDOW_BYTES) {
          // GridFS's `end` is exclusive.
          yield* bucket.openDownloadStream(video.fileId, {
            start,
            end: Math.min(end, start + READ_WINDOW_BYTES),
          });
        }
      })(),
      { objectMode: false },
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

  async *listStoredBefore(before: Date): AsyncIterable<{ jobId: string; video: StoredVideo }> {
    const files = this.bucket.find({ uploadDate: { $lt: before } }, { projection: { metadata: 1 } });
    for await (const file of files) {
      const jobId = (file.metadata as { jobId?: unknown } | undefined)?.jobId;
      yield { jobId: typeof jobId === 'string' ? jobId : '', video: { kind: 'gridfs', fileId: file._id } };
    }
  }

  async removeIncompleteBefore(before: Date): Promise<number> {
    // GridFS writes a file's chunks first and its files document last: chunks whose file never
    // got one are an upload that died. The chunk ids' timestamps say when they were written.
    const files = this.db.collection(`${BUCKET}.files`);
    const chunks = this.db.collection<{ files_id: ObjectId }>(`${BUCKET}.chunks`);
    const existing = (await files.find({}, { projection: { _id: 1 } }).toArray()).map((f) => f._id);
    const stray = chunks.find(
      {
        _id: { $lt: ObjectId.createFromTime(Math.floor(before.getTime() / 1000)) },
        files_id: { $nin: existing },
      },
      { projection: { files_id: 1 } },
    );
    const dead = new Map<string, ObjectId>();
    for await (const chunk of stray) dead.set(String(chunk.files_id), chunk.files_id);
    if (dead.size > 0) await chunks.deleteMany({ files_id: { $in: [...dead.values()] } });
    return dead.size;
  }
}
