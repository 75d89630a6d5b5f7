// An open-loop load generator: requests leave on a fixed schedule (one every 1000/rate ms),
// whether or not earlier ones have been answered, and each latency is counted from the moment
// its request was due. That is what "p99 at 500 requests/s" means. autocannon's `overallRate`
// is not that: each connection fires its whole per-second quota back to back at the start of
// every second, so it measures a burst at full concurrency, not a steady rate.
import { Pool } from 'undici';

export interface ConstantRateOptions {
  url: string;
  /** Requests per second. */
  rate: number;
  durationSec: number;
  /** Keep-alive connections to spread the requests over (more are never opened). */
  connections: number;
  headers?: Record<string, string>;
  /** A request counts as failed past this. */
  timeoutMs?: number;
  /** Checks each answer beyond its status; a false counts as a mismatch. */
  verify?: (answer: { statusCode: number; headers: Record<string, unknown>; bytes: number }) => boolean;
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface ConstantRateResult {
  rate: number;
  durationSec: number;
  requests: number;
  /** Requests answered per second over the run. */
  requestsPerSec: number;
  /** From when each request was due to its last byte: what a client on that schedule waits. */
  latencyMs: LatencySummary;
  /** From when each request actually left to its last byte: the server's own time. */
  serviceMs: LatencySummary;
  /** How late the generator sent requests (its own process shares the cores). */
  sendLagMs: { p99: number; max: number };
  errors: number;
  non2xx: number;
  /** Answers `verify` refused. */
  mismatches: number;
  statusCodes: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, at)]!;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function summarize(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return {
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
    mean: round(mean),
  };
}

export async function constantRate(options: ConstantRateOptions): Promise<ConstantRateResult> {
  const target = new URL(options.url);
  const path = target.pathname + target.search;
  const pool = new Pool(target.origin, {
    connections: options.connections,
    pipelining: 1,
    headersTimeout: options.timeoutMs ?? 10_000,
    bodyTimeout: options.timeoutMs ?? 10_000,
  });
  const total = Math.round(options.rate * options.durationSec);
  const intervalMs = 1000 / options.rate;
  const latencies: number[] = [];
  const service: number[] = [];
  const lags: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let non2xx = 0;
  let mismatches = 0;

  const send = async (dueAt: number) => {
    const sentAt = performance.now();
    lags.push(sentAt - dueAt);
    try {
      const res = await pool.request({ method: 'GET', path, headers: options.headers });
      const body = await res.body.arrayBuffer();
      const doneAt = performance.now();
      latencies.push(doneAt - dueAt);
      service.push(doneAt - sentAt);
      statusCodes[res.statusCode] = (statusCodes[res.statusCode] ?? 0) + 1;
      if (res.statusCode < 200 || res.statusCode >= 300) non2xx += 1;
      const answer = { statusCode: res.statusCode, headers: res.headers, bytes: body.byteLength };
      if (options.verify && !options.verify(answer)) mismatches += 1;
    } catch {
      errors += 1;
    }
  };

  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let next = 0;
  await new Promise<void>((resolve) => {
    // Wakes at least every millisecond and sends every request whose time has come.
    const tick = () => {
      const now = performance.now();
      while (next < total && started + next * intervalMs <= now) {
        inFlight.push(send(started + next * intervalMs));
        next += 1;
      }
      if (next < total) setTimeout(tick, Math.max(0, started + next * intervalMs - performance.now()));
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  const elapsedSec = (performance.now() - started) / 1000;
  await pool.close();

  const sortedLags = [...lags].sort((a, b) => a - b);
  return {
    rate: options.rate,
    durationSec: round(elapsedSec),
    requests: latencies.length,
    requestsPerSec: Math.round(latencies.length / elapsedSec),
    latencyMs: summarize(latencies),
    serviceMs: summarize(service),
    sendLagMs: { p99: round(percentile(sortedLags, 99)), max: round(sortedLags.at(-1) ?? 0) },
    errors,
    non2xx,
    mismatches,
    statusCodes,
  };
}
