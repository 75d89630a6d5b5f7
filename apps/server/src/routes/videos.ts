import { pipeline } from 'node:stream/promises';
import { JobId } from '@movie-generator/api-contract';
import {
  ARTIFACT_FILES,
  type ArtifactKind,
  artifactOfExt,
  type ByteRange,
  type JobIntake,
  type VideoStore,
} from '@movie-generator/jobs';
import { type Request, type Response, Router } from 'express';
import type { Logger } from 'pino';
import { downloadName } from './download-name.ts';

export interface VideoDeps {
  intake: Pick<JobIntake, 'find'>;
  videoStore: VideoStore;
  logger: Logger;
}

/** `<id>.mp4` → the id, or null for anything else (traversal attempts included). */
export function jobIdOfFile(file: string): string | null {
  const match = /^(.+)\.mp4$/.exec(file);
  return match && JobId.safeParse(match[1]).success ? match[1]! : null;
}

/**
 * `<id>.mp4`, `<id>.jpg`, `<id>.vtt` or `<id>.srt` → the id and which file (null: the MP4), or
 * null for anything else.
 */
export function storedFileOf(file: string): { jobId: string; artifact: ArtifactKind | null } | null {
  const match = /^([^.]+)\.([a-z0-9]+)$/.exec(file);
  if (!match || !JobId.safeParse(match[1]).success) return null;
  const ext = match[2]!;
  const artifact = artifactOfExt(ext);
  if (ext !== 'mp4' && !artifact) return null;
  return { jobId: match[1]!, artifact };
}

function notFound(res: Response): void {
  res.status(404).set('Cache-Control', 'no-store').type('text/plain').send('Not found');
}

/**
 * The single byte range to send: undefined for the whole file (no Range, a malformed one, or
 * several ranges: a server may ignore Range), 'unsatisfiable' when it lies past the end.
 */
function requestedRange(req: Request, size: number): ByteRange | undefined | 'unsatisfiable' {
  const ranges = req.range(size, { combine: true });
  if (ranges === -1) return 'unsatisfiable';
  if (ranges === undefined || ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1)
    return undefined;
  return { start: ranges[0]!.start, end: ranges[0]!.end };
}

/**
 * GET /videos/<id>.mp4: the finished video, with byte ranges for seeking and resuming; and the
 * files stored with it: <id>.jpg (poster), <id>.vtt (captions), <id>.srt (subtitles), kept and
 * expired with the video. Unknown, expired, unfinished and malformed ids and missing files all
 * get the same 404.
 */
export function videoRoutes(deps: VideoDeps): Router {
  const router = Router();
  router.get('/videos/:file', async (req, res) => {
    const file = storedFileOf(req.params.file);
    const job = file ? await deps.intake.find(file.jobId) : null;
    if (!file || !job || job.status !== 'completed' || !job.video) return notFound(res);
    const { jobId, artifact } = file;
    const stored = artifact ? job.artifacts?.[artifact] : job.video;
    if (!stored) return notFound(res);
    const size = await deps.videoStore.size(stored);
    if (size === null) return notFound(res);

    res.set({ 'Accept-Ranges': 'bytes', 'Cache-Control': 'private, max-age=3600' });
    const ext = artifact ? ARTIFACT_FILES[artifact].ext : 'mp4';
    // Subtitles are only ever downloaded; the video when asked. Named after the article.
    if (artifact === 'srt' || req.query.download === '1' || req.query.download === 'true') {
      res.attachment(downloadName(job.title, `movie-${jobId}`, ext));
    }
    // After attachment(), which sets a type from the file name of its own.
    res.type(artifact ? ARTIFACT_FILES[artifact].contentType : 'video/mp4');

    const range = requestedRange(req, size);
    if (range === 'unsatisfiable') {
      res.status(416).set('Content-Range', `bytes */${size}`).end();
      return;
    }
    if (range) res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    res.set('Content-Length', String(range ? range.end - range.start + 1 : size));
    if (req.method === 'HEAD' || size === 0) {
      res.end();
      return;
    }
    try {
      await pipeline(deps.videoStore.open(stored, range), res);
    } catch (error) {
      // A viewer that seeks or closes the tab ends the response early; that is not a failure.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        deps.logger.error({ err: error, jobId }, 'video stream failed');
      }
      res.destroy();
    }
  });
  return router;
}
