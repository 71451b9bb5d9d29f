import { AppError, type ErrorCode } from '../../../shared/domain/errors';

/** The error code a low-level failure means to a user: the disk is full, the archive is read-only
 *  or damaged, a permission is missing. `undefined` when it is none of those (a bug). */
export function faultCode(e: unknown): ErrorCode | undefined {
  if (e instanceof AppError) return e.code;
  const code = String((e as { code?: unknown })?.code ?? '');
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'DISK_FULL';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'READ_ONLY';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') return 'PERMISSION_DENIED';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'ARCHIVE_DAMAGED';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'IO_ERROR';
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return 'READ_FAILED';
  if (code === 'ERR_BUFFER_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG') return 'DECOMPRESSION_BOMB';
  return undefined;
}

/**
 * Turns any failure into an AppError that names what it concerns (`subject`, in the user's words:
 * “Sao lưu vào “x.mbbackup””, “Tệp “y.pdf””). Unknown failures become INTERNAL with the original
 * message kept as English detail for the log.
 */
export function asAppError(e: unknown, subject?: string, fallback: ErrorCode = 'INTERNAL'): AppError {
  if (e instanceof AppError) return subject ? e.about(subject) : e;
  const code = faultCode(e) ?? fallback;
  const err = new AppError(code, (e as Error)?.message ?? String(e), { subject: subject });
  if (e instanceof Error && e.stack) err.stack = e.stack;
  return err;
}

/** Runs `work`; any failure comes out as an AppError about `subject` (see asAppError). */
export async function namedOperation<T>(subject: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw asAppError(e, subject);
  }
}
