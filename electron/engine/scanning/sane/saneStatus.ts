/**
 * What a finished `scanimage` run means. scanimage prints SANE's status strings
 * (sane_strstatus) on stderr; an empty feeder after the first page is the normal end of a batch.
 */
import type { ErrorCode } from '../../../../shared/domain/errors';

const STATUS_CODES: [RegExp, ErrorCode][] = [
  [/open of device .* failed|no SANE devices found|Invalid argument.*open|failed to open/i, 'SCANNER_NOT_FOUND'],
  [/Device busy/i, 'SCANNER_BUSY'],
  [/Document feeder jammed/i, 'SCANNER_JAMMED'],
  [/Scanner cover is open/i, 'SCANNER_COVER_OPEN'],
  [/Access to resource has been denied/i, 'SCANNER_ACCESS_DENIED'],
  [/Error during device I\/O|Lamp not ready|mechanism locked/i, 'SCANNER_DISCONNECTED'],
  [/Operation was cancell?ed/i, 'SCANNER_CANCELLED'],
  [/Operation not supported|Invalid argument|setting of option .* failed|attempted to set inactive option/i, 'SCANNER_UNSUPPORTED'],
];

export interface RunEnd {
  /** Exit code, or null when the process was ended by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  pages: number;
  /** We asked it to stop (the user pressed Cancel). */
  cancelled: boolean;
}

/** Null when the run ended well; else the error code and the English detail for the log. */
export function interpretRunEnd(end: RunEnd): { code: ErrorCode; detail: string } | null {
  const lines = end.stderr
    .split(/\r?\n|\r|(?=Progress:)/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('scanimage:') && !/rounded value|received signal|trying to stop/.test(l));
  const detail = lines.join(' | ') || `exit ${end.exitCode ?? end.signal}`;
  if (end.cancelled) return { code: 'SCANNER_CANCELLED', detail };
  const outOfPaper = lines.some((l) => /out of documents/i.test(l));
  for (const line of lines) {
    if (/out of documents/i.test(line)) continue;
    for (const [pattern, code] of STATUS_CODES) if (pattern.test(line)) return { code, detail };
  }
  if (outOfPaper) return end.pages === 0 ? { code: 'SCANNER_NO_PAPER', detail } : null;
  // Killed from outside, or crashed: the device went away under it.
  if (end.signal) return { code: 'SCANNER_DISCONNECTED', detail: `scanimage ended by ${end.signal}; ${detail}` };
  if (end.exitCode !== 0) return { code: 'SCANNER_FAILED', detail };
  return null;
}

/** The last "Progress: 42.3%" in a chunk of stderr. */
export function lastProgress(chunk: string): number | null {
  const all = [...chunk.matchAll(/Progress: ([\d.]+)%/g)];
  const last = all[all.length - 1];
  return last ? Math.min(100, Number(last[1])) : null;
}

/** `scanimage -L` / `-f` lines → devices. We ask for a tab-separated format we can split. */
export const LIST_FORMAT = '%d\t%v\t%m\t%t%n';

export function parseDeviceList(stdout: string): { id: string; vendor: string; model: string; type: string }[] {
  return stdout
    .split(/\r?\n/)
    .map((line) => line.split('\t'))
    .filter((parts) => parts.length >= 4 && parts[0]!.length > 0)
    .map(([id, vendor, model, type]) => ({ id: id!, vendor: vendor!, model: model!, type: type! }));
}
