import type { Db } from 'mongodb';
import { FsVideoStore } from './fs.ts';
import { GridFsVideoStore } from './gridfs.ts';
import type { VideoStore } from './video-store.ts';

export { ARTIFACT_FILES, artifactOfExt } from './artifacts.ts';
export type { ByteRange, VideoStore } from './video-store.ts';
export { FsVideoStore, GridFsVideoStore };

export function createVideoStore(kind: 'gridfs' | 'fs', db: Db, dataDir: string): VideoStore {
  return kind === 'fs' ? new FsVideoStore(dataDir) : new GridFsVideoStore(db);
}
