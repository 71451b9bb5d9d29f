/**
 * Stable error codes. The code is what programs match on; `vi` is what a records officer reads,
 * `en` is what goes into the logs. The renderer's i18n and the CLI both read this table.
 */
export const ERROR_MESSAGES = {
  EMPTY_FILE: {
    vi: 'Tệp rỗng (0 byte), không có nội dung để nhập.',
    en: 'The file is empty (0 bytes).',
  },
  FILE_TOO_LARGE: {
    vi: 'Tệp quá lớn, vượt giới hạn dung lượng cho phép khi nhập.',
    en: 'The file exceeds the configured maximum size.',
  },
  UNSUPPORTED_TYPE: {
    vi: 'Định dạng tệp không được hỗ trợ. Chỉ nhận PDF, PNG, JPEG, TIFF và WebP.',
    en: 'Unsupported file type; only PDF, PNG, JPEG, TIFF and WebP are accepted.',
  },
  TYPE_MISMATCH: {
    vi: 'Nội dung tệp không đúng với phần mở rộng của tên tệp (ví dụ: tệp “.pdf” thực ra là tệp nén ZIP hoặc văn bản). Tệp không được nhập.',
    en: 'The file content does not match its extension.',
  },
  CORRUPT_FILE: {
    vi: 'Tệp bị hỏng hoặc không đầy đủ, không đọc được nội dung.',
    en: 'The file is corrupt or truncated and cannot be read.',
  },
  ENCRYPTED_PDF: {
    vi: 'Tệp PDF được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu rồi nhập lại.',
    en: 'The PDF is password-protected.',
  },
  IMAGE_TOO_LARGE: {
    vi: 'Ảnh có kích thước điểm ảnh quá lớn (nghi là “bom giải nén”), không được giải mã.',
    en: 'The image declares more pixels than the configured limit (possible decompression bomb).',
  },
  TOO_MANY_PAGES: {
    vi: 'Tệp có số trang vượt giới hạn cho phép.',
    en: 'The file has more pages than the configured limit.',
  },
  NO_PAGES: {
    vi: 'Tệp không có trang nào.',
    en: 'The file has no pages.',
  },
  PROCESSING_TIMEOUT: {
    vi: 'Đọc tệp mất quá nhiều thời gian nên đã dừng. Tệp có thể bị hỏng.',
    en: 'Reading the file took too long and was stopped.',
  },
  READ_FAILED: {
    vi: 'Không đọc được tệp (không tồn tại hoặc không có quyền đọc).',
    en: 'The file could not be read (missing or not readable).',
  },
  NOT_A_FILE: {
    vi: 'Đường dẫn không phải là tệp hoặc thư mục thông thường.',
    en: 'The path is not a regular file or folder.',
  },
  STORE_FAILED: {
    vi: 'Không lưu được tệp vào kho lưu trữ (ổ đĩa đầy hoặc không có quyền ghi).',
    en: 'The file could not be written to the archive store.',
  },
  INTERNAL: {
    vi: 'Đã xảy ra lỗi không mong muốn. Chi tiết đã được ghi vào nhật ký.',
    en: 'An unexpected error occurred.',
  },
  NOT_FOUND: {
    vi: 'Không tìm thấy tài liệu.',
    en: 'Document not found.',
  },
  INVALID_INPUT: {
    vi: 'Dữ liệu nhập không hợp lệ.',
    en: 'Invalid input.',
  },
  INVALID_QUERY: {
    vi: 'Câu truy vấn tìm kiếm không hợp lệ.',
    en: 'Invalid search query.',
  },
  DB_TOO_NEW: {
    vi: 'Cơ sở dữ liệu được tạo bởi phiên bản Minh Bạch mới hơn. Hãy cập nhật phần mềm trước khi mở kho lưu trữ này.',
    en: 'The database was created by a newer version of Minh Bạch.',
  },
  DATA_DIR_NOT_EMPTY: {
    vi: 'Thư mục dữ liệu đích không trống. Hãy chọn một thư mục trống để khôi phục.',
    en: 'The target data folder is not empty.',
  },
  BACKUP_INVALID: {
    vi: 'Tệp sao lưu không hợp lệ hoặc đã bị hỏng.',
    en: 'The backup file is invalid or damaged.',
  },
  OCR_FAILED: {
    vi: 'Không nhận dạng được chữ trên trang này. Trang sẽ được đánh dấu để xử lý lại hoặc nhập tay.',
    en: 'OCR of the page failed.',
  },
  OCR_TIMEOUT: {
    vi: 'Nhận dạng chữ trên trang này mất quá nhiều thời gian nên đã dừng. Có thể thử lại sau.',
    en: 'OCR of the page exceeded its time limit; the OCR worker was replaced.',
  },
  BASIS_UNKNOWN: {
    vi: 'Không tìm thấy căn cứ pháp lý này trong danh mục căn cứ pháp lý.',
    en: 'Unknown legal-basis code for the registry version.',
  },
  BASIS_CLASS_MISMATCH: {
    vi: 'Căn cứ pháp lý đã chọn không phù hợp với mức phân loại tiếp cận.',
    en: 'The legal basis does not support the chosen access class.',
  },
  REGISTRY_INVALID: {
    vi: 'Danh mục căn cứ pháp lý bị lỗi hoặc không đúng định dạng.',
    en: 'The legal-basis registry file is invalid.',
  },
  REASON_REQUIRED: {
    vi: 'Thay đổi một quyết định đã phê duyệt phải nêu lý do (ô “Ghi chú, lý do” trong ứng dụng, hoặc --note ở dòng lệnh).',
    en: 'Changing an approved decision requires a reason.',
  },
  PLAN_CHANGED: {
    vi: 'Danh sách tài liệu sẽ được phê duyệt đã thay đổi từ lúc xem trước. Hãy xem lại danh sách rồi xác nhận lần nữa.',
    en: 'The bulk-approval plan changed since the dry run.',
  },
  TEXT_NOT_READY: {
    vi: 'Tài liệu chưa có chữ (còn trang chờ OCR), chưa thể phân tích.',
    en: 'The document still has pages without text (OCR pending).',
  },
  HEADER_UNCHECKED: {
    vi: 'Còn trường thông tin “cần kiểm tra” (đọc bằng OCR với độ tin cậy thấp). Hãy xác nhận hoặc sửa các trường này trước khi phê duyệt công bố.',
    en: 'Header fields marked for checking (low OCR confidence) must be confirmed or corrected before approval for publication.',
  },
  JOB_BUSY: {
    vi: 'Công việc này đang được một tiến trình khác (ứng dụng hoặc dòng lệnh) xử lý. Hãy thử lại sau khi công việc đó dừng.',
    en: 'The job is being run by another process.',
  },
  CANCELLED: {
    vi: 'Đã hủy theo yêu cầu.',
    en: 'Cancelled on request.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
}

/** An error the user should see: a stable code, a Vietnamese message, and English detail for logs. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string) {
    super(`${ERROR_MESSAGES[code].en}${detail ? ` (${detail})` : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }

  /** The shape sent to users: code + Vietnamese message. */
  toUser(): AppErrorShape {
    return { code: this.code, message: ERROR_MESSAGES[this.code].vi };
  }
}

export function userError(code: ErrorCode): AppErrorShape {
  return { code, message: ERROR_MESSAGES[code].vi };
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
