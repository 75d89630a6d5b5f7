import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ClientBlockDocument, clientBlocks, parseJobDocument } from '@movie-generator/jobs';
import { BSON } from 'mongodb';
import { z } from 'zod';
import type { OpsContext } from './context.ts';
import { cancelJob, retryJob } from './operations.ts';

const { EJSON } = BSON;

/**
 * `mg-ops backup --out DIR` / `mg-ops restore DIR`: jobs, the block list and the stored videos
 * through the app's own stores, so it works with any MongoDB (and the embedded test server) and
 * with either video store. `mongodump` stays the documented choice where it exists.
 *
 * DIR holds jobs.jsonl and blocks.jsonl (Extended JSON: dates and ids keep their types),
 * videos/<jobId>.mp4, and manifest.json with every file's size and SHA-256, written last: a
 * directory without a manifest is an unfinished backup.
 */
const FileEntrySchema = z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string() });
export const BackupManifestSchema = z.object({
  format: z.literal('movie-generator-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  database: z.string(),
  storage: z.enum(['gridfs', 'fs']),
  jobs: z.number().int(),
  videos: z.number().int(),
  blocks: z.number().int(),
  files: z.array(FileEntrySchema),
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

export interface RestoreReport {
  jobsRestored: number;
  jobsUnchanged: number;
  videosRestored: number;
  videosUnchanged: number;
  blocks: number;
  /** Unfinished jobs put back on the queue (as pending). */
  requeued: string[];
}

/** Hashes what passes through. */
function hashing(hash: ReturnType<typeof createHash>, counter: { bytes: number }) {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      counter.bytes += chunk.length;
      done(null, chunk);
    },
  });
}

async function fileEntry(dir: string, path: string): Promise<z.infer<typeof FileEntrySchema>> {
  const hash = createHash('sha256');
  const counter = { bytes: 0 };
  for await (const chunk of createReadStream(join(dir, path))) {
    hash.update(chunk as Buffer);
    counter.bytes += (chunk as Buffer).length;
  }
  return { path, bytes: counter.bytes, sha256: hash.digest('hex') };
}

export async function backup(ctx: OpsContext, outDir: string, now = new Date()): Promise<BackupManifest> {
  await mkdir(join(outDir, 'videos'), { recursive: true });
  if ((await readdir(outDir)).includes('manifest.json'))
    throw new Error(`${outDir} already holds a backup (manifest.json): choose a new directory`);
  const files: BackupManifest['files'] = [];
  const jobsOut = createWriteStream(join(outDir, 'jobs.jsonl'));
  let jobs = 0;
  let videos = 0;
  for await (const job of ctx.admin.c.jobs.find({}).sort({ createdAt: 1 })) {
    jobsOut.write(`${EJSON.stringify(job, { relaxed: false })}\n`);
    jobs += 1;
    if (!job.video) continue;
    if ((await ctx.videoStore.size(job.video)) === null) continue; // its bytes are gone already
    const path = `videos/${job.jobId}.mp4`;
    const hash = createHash('sha256');
    const counter = { bytes: 0 };
    const partial = join(outDir, `${path}.partial`);
    await pipeline(ctx.videoStore.open(job.video), hashing(hash, counter), createWriteStream(partial));
    await rename(partial, join(outDir, path));
    files.push({ path, bytes: counter.bytes, sha256: hash.digest('hex') });
    videos += 1;
  }
  await new Promise<void>((resolve, reject) =>
    jobsOut.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  const blocks = await clientBlocks(ctx.db)
    .find({}, { projection: { _id: 0 } })
    .toArray();
  await writeFile(
    join(outDir, 'blocks.jsonl'),
    blocks.map((b) => `${EJSON.stringify(b, { relaxed: false })}\n`).join(''),
  );
  files.unshift(await fileEntry(outDir, 'jobs.jsonl'), await fileEntry(outDir, 'blocks.jsonl'));
  const manifest: BackupManifest = {
    format: 'movie-generator-backup',
    version: 1,
    createdAt: now.toISOString(),
    database: ctx.env.MONGODB_DB,
    storage: ctx.videoStore.kind,
    jobs,
    videos,
    blocks: blocks.length,
    files,
  };
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads the manifest and checks every file's size and checksum; throws on the first mismatch. */
export async function verifyBackup(dir: string): Promise<BackupManifest> {
  const manifest = BackupManifestSchema.parse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  for (const expected of manifest.files) {
    const size = await stat(join(dir, expected.path)).catch(() => null);
    if (!size) throw new Error(`${expected.path} is missing from the backup`);
    const actual = await fileEntry(dir, expected.path);
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256)
      throw new Error(`${expected.path} does not match its checksum in manifest.json`);
  }
  return manifest;
}

/**
 * `relaxed` reads numbers as JS numbers (as the app writes them) instead of BSON's Int32 and
 * Double wrappers; dates and ids keep their types either way.
 */
function readJsonl<T>(text: string, options: { relaxed?: boolean } = {}): T[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => EJSON.parse(line, { relaxed: options.relaxed ?? false }) as T);
}

/**
 * Puts a verified backup back. Idempotent: jobs already in the database are never overwritten
 * (only a missing video is put back), so running it twice changes nothing. Jobs that were
 * pending or processing at backup time go back onto the queue as pending.
 */
export async function restore(ctx: OpsContext, dir: string): Promise<RestoreReport> {
  const manifest = await verifyBackup(dir);
  const withVideo = new Set(manifest.files.filter((f) => f.path.startsWith('videos/')).map((f) => f.path));
  const report: RestoreReport = {
    jobsRestored: 0,
    jobsUnchanged: 0,
    videosRestored: 0,
    videosUnchanged: 0,
    blocks: 0,
    requeued: [],
  };
  // Every document is checked against the job schema before anything is written: a backup of
  // another shape is refused whole, not restored halfway.
  const jobs = readJsonl<unknown>(await readFile(join(dir, 'jobs.jsonl'), 'utf8'), { relaxed: true }).map(
    parseJobDocument,
  );
  for (const job of jobs) {
    const videoPath = `videos/${job.jobId}.mp4`;
    const current = await ctx.admin.c.jobs.findOne({ jobId: job.jobId });
    if (current) {
      // Present already (an earlier restore, or the live job): never overwritten; only its
      // video is put back when its bytes are gone.
      report.jobsUnchanged += 1;
      if (!withVideo.has(videoPath)) continue;
      if (current.video && (await ctx.videoStore.size(current.video)) !== null) {
        report.videosUnchanged += 1;
        continue;
      }
      const { video } = await ctx.videoStore.save(job.jobId, join(dir, videoPath));
      await ctx.admin.c.jobs.updateOne({ jobId: job.jobId }, { $set: { video } });
      report.videosRestored += 1;
      continue;
    }
    let video = job.video;
    if (withVideo.has(videoPath)) {
      video = (await ctx.videoStore.save(job.jobId, join(dir, videoPath))).video;
      report.videosRestored += 1;
    }
    await ctx.admin.c.jobs.insertOne({ ...job, video });
    report.jobsRestored += 1;
    if (job.status === 'pending' || job.status === 'processing') {
      // Through the ops commands, so the queue place and the Agenda entry are made as usual.
      await cancelJob(ctx, job.jobId);
      await retryJob(ctx, job.jobId);
      report.requeued.push(job.jobId);
    }
  }
  for (const block of readJsonl<ClientBlockDocument>(await readFile(join(dir, 'blocks.jsonl'), 'utf8'))) {
    await clientBlocks(ctx.db).updateOne({ prefix: block.prefix }, { $setOnInsert: block }, { upsert: true });
    report.blocks += 1;
  }
  return report;
}
