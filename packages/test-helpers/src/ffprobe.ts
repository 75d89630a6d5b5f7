import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface ProbedStream {
  codec_type: 'video' | 'audio' | string;
  codec_name: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  nb_frames?: string;
  duration?: string;
}

export interface ProbeResult {
  streams: ProbedStream[];
  format: { duration: string; size: string; format_name: string };
}

export async function ffprobe(path: string): Promise<ProbeResult> {
  const { stdout } = await execFileAsync('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_streams',
    '-show_format',
    path,
  ]);
  return JSON.parse(stdout) as ProbeResult;
}

/**
 * Luma statistics of the frame at `atSec`, via ffmpeg's signalstats: mean, 10th/90th percentile
 * (ylow/yhigh) and extremes (ymin/ymax). A blank frame has ymax close to ymin; a dark slide with
 * white text has a small ylow–yhigh spread but a wide ymin–ymax one.
 */
export async function frameStats(
  path: string,
  atSec: number,
): Promise<{ yavg: number; ylow: number; yhigh: number; ymin: number; ymax: number }> {
  const { stderr } = await execFileAsync('ffmpeg', [
    '-v',
    'info',
    '-ss',
    String(atSec),
    '-i',
    path,
    '-frames:v',
    '1',
    '-vf',
    'signalstats,metadata=print',
    '-f',
    'null',
    '-',
  ]);
  const read = (key: string) => {
    const m = new RegExp(`lavfi\\.signalstats\\.${key}=([0-9.]+)`).exec(stderr);
    if (!m) throw new Error(`ffmpeg printed no ${key}`);
    return Number(m[1]);
  };
  return {
    yavg: read('YAVG'),
    ylow: read('YLOW'),
    yhigh: read('YHIGH'),
    ymin: read('YMIN'),
    ymax: read('YMAX'),
  };
}

/** Extracts one frame as PNG (for looking at it, or comparing). */
export async function extractFrame(videoPath: string, atSec: number, pngPath: string): Promise<void> {
  await execFileAsync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-ss',
    String(atSec),
    '-i',
    videoPath,
    '-frames:v',
    '1',
    pngPath,
  ]);
}
