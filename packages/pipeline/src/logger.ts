import { type Logger, pino } from 'pino';

/** A structured logger; apps pass their own, the CLI uses a quiet one. */
export function createLogger(level: string = 'info', name = 'pipeline'): Logger {
  return pino({ name, level });
}

export const silentLogger: Logger = pino({ level: 'silent' });
