/** What every channel returns across the process boundary: errors are values, not exceptions,
 *  because Electron's IPC turns thrown errors into bare strings. */
export interface ResultError {
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };
