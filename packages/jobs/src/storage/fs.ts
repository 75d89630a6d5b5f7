import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { ArtifactKind, StoredVideo } from '../document.ts';
import { ARTIFACT_FILES } from './artifacts.ts';
import type { ByteRange, VideoStore } from './video-store.ts';

/** The endings of stored files: videos and the files stored beside them. */
const STORED_SUFFIXES = ['.mp4', ...Object.values(ARTIFACT_FILES).map((file) => `.${file.ext}`)];

/** MP4s in a directory shared by every replica (a volume or a ReadWriteMany PVC). */
export class FsVideoStore implements VideoStore {
  readonly kind = 'fs' as const;
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = resolve(dataDir, 'videos');
  }

  async save(jobId: string, localPath: string): Promise<{ video: StoredVideo; size: number }> {
    const video = await this.copyIn(jobId, 'mp4', localPath);
    const { size } = await stat(video.path);
    return { video, size };
  }

  async saveArtifact(jobId: string, kind: ArtifactKind, localPath: string): Promise<StoredVideo> {
    return this.copyIn(jobId, ARTIFACT_FILES[kind].ext, localPath);
  }

  /**
   * Each save gets a file of its own (`<jobId>.<random>.<ext>`): a worker that lost its job to
   * another and removes the files it saved must not remove its successor's.
   */
  private async copyIn(jobId: string, ext: string, localPath: string): Promise<StoredVideo & { kind: 'fs' }> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `${jobId}.${randomBytes(6).toString('hex')}.${ext}`);
    const temp = `${path}.partial`;
    await copyFile(localPath, temp);
    await rename(temp, path);
    return { kind: 'fs', path };
  }

  async size(video: StoredVideo): Promise<number | null> {
    if (video.kind !== 'fs') return null;
    try {
      return (await stat(video.path)).size;
    } catch {
      return null;
    }
  }

  open(video: StoredVideo, range?: ByteRange): Readable {
    if (video.kind !== 'fs') throw new Error('not a file-system video');
    return createReadStream(video.path, range ? { start: range.start, end: range.end } : {});
  }

  async remove(video: StoredVideo): Promise<void> {
    if (video.kind === 'fs') await rm(video.path, { force: true });
  }

  async totalBytes(): Promise<number> {
    let total = 0;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      total += (await stat(join(this.dir, name)).catch(() => ({ size: 0 }))).size;
    }
    return total;
  }

  async *listStoredBefore(before: Date): AsyncIterable<{ jobId: string; video: StoredVideo }> {
    for (const suffix of STORED_SUFFIXES) {
      for await (const { name, path } of this.filesBefore(suffix, before)) {
        // Job ids are base64url (no dots): the id is the name up to its first dot.
        yield { jobId: name.slice(0, name.indexOf('.')), video: { kind: 'fs', path } };
      }
    }
  }

  async removeIncompleteBefore(before: Date): Promise<number> {
    let removed = 0;
    for await (const { path } of this.filesBefore('.partial', before)) {
      await rm(path, { force: true });
      removed += 1;
    }
    return removed;
  }

  /** Files of the store named `*<suffix>` last written before `before`. */
  private async *filesBefore(suffix: string, before: Date): AsyncIterable<{ name: string; path: string }> {
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (!name.endsWith(suffix)) continue;
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs < before.getTime()) yield { name, path };
    }
  }
}
