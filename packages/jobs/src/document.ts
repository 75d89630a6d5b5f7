import {
  JobErrorCodeSchema,
  JobSettingsSchema,
  JobStatusSchema,
  JobStepSchema,
  LocalizedTextSchema,
  VideoStyleSchema,
} from '@movie-generator/api-contract';
import { ObjectId } from 'mongodb';
import { z } from 'zod';

/** Where a finished video's bytes live. */
export const StoredVideoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('gridfs'), fileId: z.instanceof(ObjectId) }),
  z.object({ kind: z.literal('fs'), path: z.string() }),
]);
export type StoredVideo = z.infer<typeof StoredVideoSchema>;

/** True when both name the same stored bytes. */
export function sameVideo(a: StoredVideo, b: StoredVideo): boolean {
  if (a.kind === 'gridfs' && b.kind === 'gridfs') return a.fileId.equals(b.fileId);
  return a.kind === 'fs' && b.kind === 'fs' && a.path === b.path;
}

/** The files stored beside a finished video, each where a video would be. */
export const ArtifactKindSchema = z.enum(['poster', 'vtt', 'srt']);
export type ArtifactKind = z.infer<typeof ArtifactKindSchema>;
export const StoredArtifactsSchema = z.partialRecord(ArtifactKindSchema, StoredVideoSchema);
export type StoredArtifacts = z.infer<typeof StoredArtifactsSchema>;

/** The `jobs` collection's document: what the API shows and the workers update, camelCase. */
export const JobDocumentSchema = z.object({
  _id: z.instanceof(ObjectId),
  /** The public, random, unguessable id (24 chars base64url). */
  jobId: z.string(),
  url: z.string(),
  status: JobStatusSchema,
  progress: z.number(),
  progressMessage: LocalizedTextSchema.nullable(),
  currentStep: JobStepSchema.nullable(),
  ...JobSettingsSchema.shape,
  /** One narrator or a dialogue; absent on jobs created before styles existed, which read as narration. */
  style: VideoStyleSchema.default('narration'),
  video: StoredVideoSchema.nullable(),
  /** Poster and subtitle files (absent on jobs completed before they existed). */
  artifacts: StoredArtifactsSchema.optional(),
  /** The script's title, written by the worker once the script exists. */
  title: z.string().nullable().optional(),
  /** The processing time the worker expects, from the measured stage averages (for the ETA). */
  expectedSec: z.number().nullable().optional(),
  videoSize: z.number().nullable(),
  durationSec: z.number().nullable(),
  errorCode: JobErrorCodeSchema.nullable(),
  errorMessage: LocalizedTextSchema.nullable(),
  /** For quota and abuse handling only; never returned by the API. */
  clientIp: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  startedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  expiresAt: z.date(),
  /** Times a worker has started this job. */
  attempts: z.number().int(),
  /** The worker process that holds it while processing. */
  workerId: z.string().nullable(),
  /** Set once the job, failed before any speech or rendering, gave its client's daily job back. */
  dailyJobReturned: z.boolean().optional(),
});
export type JobDocument = z.infer<typeof JobDocumentSchema>;

// The job's statuses are the API's; the job store reads them from there too.
export { FINISHED_STATUSES, isFinished } from '@movie-generator/api-contract';

/** Fields this version does not know (a newer one wrote them) are kept, not dropped. */
const StoredJobDocumentSchema = JobDocumentSchema.loose();

/**
 * A whole job document as read from MongoDB or a backup, checked against the schema: a
 * document of another shape (written by hand, or by a version that stored a field differently)
 * fails here, naming the job and the fields, instead of somewhere downstream.
 */
export function parseJobDocument(raw: unknown): JobDocument {
  const result = StoredJobDocumentSchema.safeParse(raw);
  if (result.success) return result.data as JobDocument;
  const jobId = (raw as { jobId?: unknown } | null)?.jobId;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`);
  throw new Error(
    `job document ${String(jobId ?? '(no jobId)')} does not match its schema: ${problems.join('; ')}`,
  );
}
