import { z } from 'zod';
import { JobErrorCodeSchema } from './job-errors.ts';
import { LocalizedTextSchema } from './localized-text.ts';

/** Longest URL accepted by job.create. */
export const MAX_URL_LENGTH = 2048;

/**
 * Most calls in one batched request: the server refuses larger batches (one request, counted
 * once by the rate limit, must not fan out into many database calls), and the client splits
 * its batches to fit. A web page batches a job poll with a quota read or two.
 */
export const MAX_BATCH_SIZE = 10;

export { type LocalizedText, LocalizedTextSchema } from './localized-text.ts';

export const JobStatusSchema = z.enum(['pending', 'processing', 'completed', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof JobStatusSchema>;
export const JOB_STATUSES = JobStatusSchema.options;
/** Statuses a job is still moving in. */
export const ACTIVE_STATUSES = ['pending', 'processing'] as const satisfies readonly JobStatus[];
/** Statuses a job never leaves (short of an ops retry). */
export const FINISHED_STATUSES = ['completed', 'failed', 'cancelled'] as const satisfies readonly JobStatus[];

export function isFinished(status: JobStatus): boolean {
  return (FINISHED_STATUSES as readonly JobStatus[]).includes(status);
}

/** The step a job is in, in order. */
export const JobStepSchema = z.enum(['fetch', 'script', 'audio', 'slides', 'render']);
export type JobStep = z.infer<typeof JobStepSchema>;
export const JOB_STEPS = JobStepSchema.options;

/** Narration languages (and the UI's languages). Japanese first; English works too. */
export const LanguageSchema = z.enum(['ja', 'en']);
export type Language = z.infer<typeof LanguageSchema>;
export const LANGUAGES = LanguageSchema.options;

/** Video sizes, smallest first. Each has its pixel size in the video's FRAME_SIZES. */
export const VIDEO_SIZES = ['720p', '1080p'] as const;
export const VideoSizeSchema = z.enum(VIDEO_SIZES);
export type VideoSize = z.infer<typeof VideoSizeSchema>;
export const DEFAULT_VIDEO_SIZE: VideoSize = '720p';

/**
 * How the video is told: `narration`, one narrator; `dialogue` (掛け合い), two characters talking
 * the article through — ずんだもん asks and reacts, 四国めたん explains. The pipeline's
 * ScriptStyleSchema is this very enum.
 */
export const VideoStyleSchema = z.enum(['narration', 'dialogue']);
export type VideoStyle = z.infer<typeof VideoStyleSchema>;
export const VIDEO_STYLES = VideoStyleSchema.options;

/** job.create input; the web form validates with this very schema. */
export const JobCreateInput = z.object({
  url: z
    .string()
    .trim()
    .min(1)
    .max(MAX_URL_LENGTH)
    .refine((value) => {
      try {
        const { protocol } = new URL(value);
        return protocol === 'http:' || protocol === 'https:';
      } catch {
        return false;
      }
    }, 'Enter an http:// or https:// URL'),
  language: LanguageSchema.optional(),
  size: VideoSizeSchema.default(DEFAULT_VIDEO_SIZE),
  vertical: z.boolean().default(false),
  style: VideoStyleSchema.default('narration'),
});
export type JobCreateInput = z.input<typeof JobCreateInput>;

/**
 * What a job was asked to make: stored with the job as it is and shown in its view as it is.
 * A setting added here (and to JobCreateInput, under the same name) reaches the job document,
 * the view and the web's sample jobs without further code; give it a default here when job
 * documents stored before it must still read.
 */
export const JobSettingsSchema = z.object({
  /** The narration language: as asked for, or as detected once the script is written. */
  language: LanguageSchema.nullable(),
  size: VideoSizeSchema,
  vertical: z.boolean(),
  style: VideoStyleSchema,
});
export type JobSettings = z.infer<typeof JobSettingsSchema>;

/** The settings of the job made from this job.create input, its defaults filled in. */
export function jobSettingsOf(input: Omit<JobCreateInput, 'url'>): JobSettings {
  const parsed = JobCreateInput.omit({ url: true }).parse(input);
  return JobSettingsSchema.parse({ ...parsed, language: parsed.language ?? null });
}

/** Job ids are random and unguessable: 24 characters of base64url. */
export const JobId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
export const JobIdInput = z.object({ id: JobId });

export const JobCreateOutput = z.object({ id: JobId });

/** What anyone holding the job id may see. Never includes the client IP. */
export const JobView = z.object({
  id: JobId,
  url: z.string(),
  status: JobStatusSchema,
  /** 0–100 */
  progress: z.number().min(0).max(100),
  step: JobStepSchema.nullable(),
  message: LocalizedTextSchema.nullable(),
  /** 1 = next to start; only while pending. */
  queuePosition: z.number().int().positive().nullable(),
  /** Seconds until the video is expected to be ready; null when unknown or finished. */
  etaSec: z.number().nonnegative().nullable(),
  errorCode: JobErrorCodeSchema.nullable(),
  errorMessage: LocalizedTextSchema.nullable(),
  /** The article's title, from the script, once the script is written. */
  title: z.string().nullable(),
  /** Relative URL of the MP4 once completed, e.g. /videos/<id>.mp4 */
  videoUrl: z.string().nullable(),
  /** The title slide as a JPEG (/videos/<id>.jpg), once completed, when the worker stored one. */
  posterUrl: z.string().nullable(),
  /** Captions as WebVTT (/videos/<id>.vtt), for the player's track. */
  captionsUrl: z.string().nullable(),
  /** Subtitles as SRT (/videos/<id>.srt), to download. */
  subtitlesUrl: z.string().nullable(),
  videoSize: z.number().int().nonnegative().nullable(),
  durationSec: z.number().nonnegative().nullable(),
  ...JobSettingsSchema.shape,
  createdAt: z.string().datetime(),
  startedAt: z.string().datetime().nullable(),
  completedAt: z.string().datetime().nullable(),
  expiresAt: z.string().datetime(),
});
export type JobView = z.infer<typeof JobView>;

export const QuotaView = z.object({
  /** Jobs per day; 0 means unlimited (DAILY_JOB_LIMIT=0). */
  limit: z.number().int().nonnegative(),
  used: z.number().int().nonnegative(),
  /** Next 00:00 UTC. */
  resetsAt: z.string().datetime(),
});
export type QuotaView = z.infer<typeof QuotaView>;

export const SystemInfo = z.object({
  version: z.string(),
  limits: z.object({
    dailyJobsPerIp: z.number().int(),
    maxPendingJobs: z.number().int(),
    workerConcurrency: z.number().int(),
    retentionHours: z.number(),
    maxUrlLength: z.number().int(),
  }),
});
export type SystemInfo = z.infer<typeof SystemInfo>;
