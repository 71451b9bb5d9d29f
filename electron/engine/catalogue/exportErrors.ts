/**
 * Every way an export can fail becomes one ExportError: a stable code, a Vietnamese message that
 * names the document (or file) and the cause, and the English detail for the log. Whatever the
 * failure, the published folder is untouched (the export only ever replaces it in one switch).
 */
import { AppError, ERROR_MESSAGES, type AppErrorShape, type ErrorCode } from '../../../shared/domain/errors';

export interface DocumentLabel {
  id: number;
  numberNotation: string | null;
  title: string;
}

export interface ExportErrorShape extends AppErrorShape {
  document?: DocumentLabel;
  file?: string;
}

export class ExportError extends AppError {
  constructor(
    code: ErrorCode,
    /** The Vietnamese message the user reads. */
    readonly vi: string,
    detail: string,
    readonly document?: DocumentLabel,
    readonly file?: string,
  ) {
    super(code, detail);
    this.name = 'ExportError';
  }

  override toUser(): ExportErrorShape {
    return { code: this.code, message: this.vi, ...(this.document ? { document: this.document } : {}), ...(this.file ? { file: this.file } : {}) };
  }
}

function describe(doc: DocumentLabel): string {
  const title = doc.title.length > 80 ? `${doc.title.slice(0, 79)}…` : doc.title;
  return `văn bản #${doc.id}${doc.numberNotation ? ` (số ${doc.numberNotation})` : ''} «${title}»`;
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;

const KEEP = 'Trang đã công bố trước đó được giữ nguyên.';

/** The cause in words a records officer can act on. */
function causeOf(e: unknown): string {
  const code = errno(e);
  if (code === 'ENOENT') return 'thiếu tệp trong kho lưu trữ (hãy chạy “minhbach verify”)';
  if (code === 'EACCES' || code === 'EPERM') return 'không có quyền đọc hoặc ghi tệp';
  if (e instanceof AppError) return ERROR_MESSAGES[e.code].vi.replace(/\.$/, '').toLocaleLowerCase('vi');
  const message = (e as Error | undefined)?.message ?? '';
  if (/encrypt|password/i.test(message)) return 'tệp PDF được bảo vệ bằng mật khẩu người dùng';
  if (/parse|invalid|expected|undefined|corrupt|xref|trailer|Pages/i.test(message)) return 'tệp gốc bị hỏng hoặc không đọc được';
  return 'lỗi không mong muốn (chi tiết trong nhật ký)';
}

/** Maps any failure during an export to an ExportError naming what it was working on. */
export function exportFailure(e: unknown, at: { document?: DocumentLabel; file?: string; step?: string } = {}): ExportError {
  if (e instanceof ExportError) return e;
  const code = errno(e);
  const english = `${at.step ?? 'export'}${at.document ? ` of document ${at.document.id}` : ''}${at.file ? ` (${at.file})` : ''}: ${(e as Error | undefined)?.message ?? String(e)}`;
  const where = at.document ? ` ${describe(at.document)}` : at.file ? ` tệp «${at.file}»` : '';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ExportError('DISK_FULL', `Ổ đĩa đầy khi ghi bản xuất${where ? ` (${where.trim()})` : ''}. ${KEEP} Hãy giải phóng dung lượng rồi xuất lại.`, english, at.document, at.file);
  }
  if (at.document) {
    return new ExportError('EXPORT_DOCUMENT_FAILED', `Không xuất được${where}: ${causeOf(e)}. ${KEEP} Hãy sửa hoặc rút quyết định công bố của văn bản này rồi xuất lại.`, english, at.document, at.file);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EIO') {
    return new ExportError('EXPORT_WRITE_FAILED', `Không ghi được bản xuất${where}: ${code === 'EIO' ? 'lỗi ổ đĩa' : 'không có quyền ghi'}. ${KEEP}`, english, undefined, at.file);
  }
  if (e instanceof AppError) return new ExportError(e.code, `${ERROR_MESSAGES[e.code].vi}${where ? ` (${where.trim()})` : ''}`, english, undefined, at.file);
  return new ExportError('EXPORT_FAILED', `Xuất danh mục không thành công${where}: ${causeOf(e)}. ${KEEP}`, english, undefined, at.file);
}
