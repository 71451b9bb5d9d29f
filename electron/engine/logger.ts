import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** English log lines, one per event, to `<dataDir>/logs/minhbach.log` and optionally a stream.
 *  Control characters are escaped so a hostile file name cannot forge log lines. */
export function createLogger(options: { folder?: string; echo?: (line: string) => void; minLevel?: LogLevel } = {}): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const min = order.indexOf(options.minLevel ?? 'info');
  let file: string | null = null;
  if (options.folder) {
    try {
      mkdirSync(options.folder, { recursive: true, mode: 0o700 });
      file = path.join(options.folder, 'minhbach.log');
    } catch {
      file = null;
    }
  }
  const write = (level: LogLevel, message: string) => {
    if (order.indexOf(level) < min) return;
    // eslint-disable-next-line no-control-regex
    const safe = message.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${safe}`;
    if (file) {
      try {
        appendFileSync(file, line + '\n', { mode: 0o600 });
      } catch {
        // logging must never break the work it describes
      }
    }
    options.echo?.(line);
  };
  return {
    debug: (m) => write('debug', m),
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
  };
}
