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
  RULES_INVALID: {
    vi: 'Tệp dữ liệu pháp lý (quy tắc phân loại, danh mục dữ liệu cá nhân, loại văn bản) trong thư mục resources/legal bị lỗi nên không được dùng.',
    en: 'A legal data file under resources/legal is invalid and was refused.',
  },
  MODEL_INVALID: {
    vi: 'Tệp mô hình đề xuất không hợp lệ hoặc không phải do Minh Bạch xuất ra; không nhập được.',
    en: 'The suggestion-model file is invalid.',
  },
  TEXT_NOT_READY: {
    vi: 'Tài liệu chưa có chữ (còn trang chờ OCR), chưa thể phân tích.',
    en: 'The document still has pages without text (OCR pending).',
  },
  CALENDAR_INVALID: {
    vi: 'Dữ liệu lịch ngày làm việc bị lỗi hoặc không đúng định dạng.',
    en: 'The working-day calendar data is invalid.',
  },
  REQUEST_RULES_INVALID: {
    vi: 'Dữ liệu thời hạn giải quyết yêu cầu cung cấp thông tin bị lỗi hoặc không đúng định dạng.',
    en: 'The request time-limit data is invalid.',
  },
  REQUEST_NOT_FOUND: {
    vi: 'Không tìm thấy yêu cầu cung cấp thông tin.',
    en: 'Request not found.',
  },
  REQUEST_CLOSED: {
    vi: 'Yêu cầu này đã được giải quyết hoặc đã rút, không thể thay đổi thêm.',
    en: 'The request is already closed.',
  },
  ALREADY_EXTENDED: {
    vi: 'Yêu cầu này đã được gia hạn một lần; luật chỉ cho gia hạn một lần.',
    en: 'The request was already extended.',
  },
  EXTENSION_TOO_LATE: {
    vi: 'Đã quá thời hạn giải quyết: việc gia hạn phải được thông báo trong thời hạn cung cấp thông tin.',
    en: 'An extension must be notified before the due date.',
  },
  REFUSAL_BASIS_REQUIRED: {
    vi: 'Từ chối (toàn bộ hoặc một phần) phải nêu căn cứ pháp lý (lý do từ chối).',
    en: 'A refusal needs its legal basis.',
  },
  REFUSAL_BASIS_UNKNOWN: {
    vi: 'Căn cứ từ chối không có trong danh mục căn cứ pháp lý của phiên bản luật áp dụng cho yêu cầu này.',
    en: 'Unknown refusal basis for the law version of the request.',
  },
  FEE_NOT_ALLOWED: {
    vi: 'Khoản thu không hợp lệ: chỉ được thu chi phí thực tế in, sao, chụp, gửi thông tin.',
    en: 'Only actual printing, copying and sending costs may be charged.',
  },
  NOT_PROVIDABLE: {
    vi: 'Không được cung cấp tài liệu này cho người yêu cầu.',
    en: 'The document may not be provided.',
  },
  CONSENT_REQUIRED: {
    vi: 'Tài liệu thuộc loại tiếp cận có điều kiện: chỉ được cung cấp khi có sự đồng ý còn hiệu lực của người hoặc doanh nghiệp liên quan.',
    en: 'A conditional document needs a valid consent before it is provided.',
  },
  UNDO_NOTHING: {
    vi: 'Không có quyết định nào của bạn để hoàn tác (quyết định phê duyệt hàng loạt không hoàn tác từng cái được).',
    en: 'There is no decision of yours to undo.',
  },
  UNDO_STALE: {
    vi: 'Không thể hoàn tác: tài liệu đã có quyết định mới hơn hoặc quyết định này đã được hoàn tác.',
    en: 'Cannot undo: a newer decision exists or it was undone already.',
  },
  BASIS_REQUIRED: {
    vi: 'Chưa chọn căn cứ pháp lý. Hãy chọn một căn cứ (phím B) trước khi phê duyệt.',
    en: 'No legal basis was chosen.',
  },
  EXPORT_DOCUMENT_FAILED: {
    vi: 'Không xuất được một văn bản; trang đã công bố trước đó được giữ nguyên.',
    en: 'A document could not be exported; the previously published site is unchanged.',
  },
  EXPORT_WRITE_FAILED: {
    vi: 'Không ghi được bản xuất (không có quyền ghi hoặc lỗi ổ đĩa). Trang đã công bố trước đó được giữ nguyên.',
    en: 'The export could not be written; the previously published site is unchanged.',
  },
  EXPORT_TARGET_NOT_OURS: {
    vi: 'Thư mục xuất đã có tệp không phải do Minh Bạch tạo. Hãy chọn một thư mục trống hoặc thư mục của lần xuất trước.',
    en: 'The export folder is not empty and is not a previous Minh Bạch export.',
  },
  EXPORT_TARGET_INVALID: {
    vi: 'Không thể xuất vào đường dẫn này (không phải thư mục thường, là liên kết, hoặc là thư mục gốc của ổ đĩa).',
    en: 'The export target is not a plain folder that can be replaced.',
  },
  EXPORT_BUSY: {
    vi: 'Một lần xuất khác đang ghi vào thư mục này. Hãy đợi lần xuất đó kết thúc.',
    en: 'Another export into this folder is running.',
  },
  EXPORT_SWITCH_FAILED: {
    vi: 'Không thay được thư mục đang công bố bằng bản mới (thư mục đang được chương trình khác mở?). Trang đã công bố trước đó được giữ nguyên.',
    en: 'The new export could not replace the published folder; the previous site is unchanged.',
  },
  EXPORT_VERIFY_FAILED: {
    vi: 'Bản xuất không khớp với manifest.json khi kiểm tra lại, nên không được công bố. Trang đã công bố trước đó được giữ nguyên.',
    en: 'The staged export did not match its manifest; nothing was published.',
  },
  EXPORT_FAILED: {
    vi: 'Xuất danh mục không thành công. Trang đã công bố trước đó được giữ nguyên.',
    en: 'The export failed; the previously published site is unchanged.',
  },
  PUBLISHED_TITLE_PERSONAL_DATA: {
    vi: 'Tên công bố còn chứa dữ liệu cá nhân tìm thấy trong văn bản. Hãy che các phần đó (ví dụ “[đã che]”) rồi phê duyệt lại.',
    en: 'The published title still contains personal data found in the document.',
  },
  // Faults of the archive itself (issue 12): each names what it concerns through AppError.subject.
  ARCHIVE_DAMAGED: {
    vi: 'Kho lưu trữ bị hỏng, chỉ mở ở chế độ chỉ đọc. Hãy chạy “minhbach verify” để biết tài liệu nào bị hỏng, rồi khôi phục từ bản sao lưu gần nhất (“minhbach restore”).',
    en: 'The archive database is damaged; opened read-only.',
  },
  READ_ONLY: {
    vi: 'Kho lưu trữ đang ở chế độ chỉ đọc (cơ sở dữ liệu hoặc ổ đĩa không ghi được): vẫn xem, tìm kiếm và xuất được, nhưng không thể thay đổi.',
    en: 'The archive is read-only (database or file system not writable).',
  },
  DISK_FULL: {
    vi: 'Ổ đĩa đầy: không ghi được dữ liệu, không có gì bị ghi dở. Hãy giải phóng dung lượng rồi thử lại.',
    en: 'No space left on the device.',
  },
  PERMISSION_DENIED: {
    vi: 'Không có quyền đọc hoặc ghi tệp, thư mục này.',
    en: 'Permission denied.',
  },
  DECOMPRESSION_BOMB: {
    vi: 'Tệp chứa dữ liệu nén giải ra quá lớn (nghi là “bom giải nén”), không được mở.',
    en: 'A compressed stream or image in the file decodes to more than the allowed size (decompression bomb).',
  },
  TARGET_IS_FILE: {
    vi: 'Đích đến là một tệp, không phải thư mục. Hãy chọn một thư mục trống.',
    en: 'The target is a file, not a folder.',
  },
  BACKUP_DAMAGED: {
    vi: 'Tệp sao lưu bị hỏng: mã băm SHA-256 không khớp với bản kê của nó. Không có gì được khôi phục.',
    en: 'The backup is damaged: a SHA-256 does not match its manifest.',
  },
  BACKUP_UNTRUSTED: {
    vi: 'Tệp sao lưu có nội dung không được phép (cấu trúc cơ sở dữ liệu lạ, cài đặt sai, hoặc biểu mẫu trỏ tới tài liệu lưu trữ). Không có gì được khôi phục.',
    en: 'The backup contains something a Minh Bạch archive never has; refused.',
  },
  FOLDER_NOT_CHOSEN: {
    vi: 'Thư mục này chưa được chọn trong hộp thoại của ứng dụng. Hãy bấm “Chọn thư mục” rồi thử lại.',
    en: 'The folder was not picked in a native dialog during this session.',
  },
  IO_ERROR: {
    vi: 'Lỗi đọc/ghi ổ đĩa. Hãy kiểm tra ổ đĩa rồi chạy “minhbach verify”.',
    en: 'Disk I/O error.',
  },
  FORM_IS_DOCUMENT: {
    vi: 'Tệp biểu mẫu trùng với một tài liệu trong kho lưu trữ; biểu mẫu phải là tệp riêng.',
    en: 'The form file is an archived document.',
  },
  SCANNER_NOT_FOUND: {
    vi: 'Không tìm thấy máy quét. Hãy kiểm tra máy quét đã bật, đã cắm cáp (hoặc cùng mạng) rồi bấm “Tìm lại máy quét”.',
    en: 'The scanner was not found (not connected, switched off or wrong device name).',
  },
  SCANNER_BUSY: {
    vi: 'Máy quét đang bận (một chương trình hoặc một lượt quét khác đang dùng). Hãy đợi xong rồi quét lại.',
    en: 'The scanner is busy (used by another program or scan).',
  },
  SCANNER_JAMMED: {
    vi: 'Kẹt giấy trong khay nạp giấy tự động. Hãy gỡ tờ bị kẹt, đặt lại các tờ chưa quét rồi bấm “Quét tiếp”.',
    en: 'Paper jam in the document feeder.',
  },
  SCANNER_NO_PAPER: {
    vi: 'Khay nạp giấy tự động không có giấy. Hãy đặt tài liệu vào khay rồi quét lại.',
    en: 'The document feeder is empty.',
  },
  SCANNER_COVER_OPEN: {
    vi: 'Nắp máy quét đang mở. Hãy đóng nắp rồi quét tiếp.',
    en: 'The scanner cover is open.',
  },
  SCANNER_DISCONNECTED: {
    vi: 'Máy quét ngừng phản hồi hoặc bị ngắt kết nối giữa chừng. Hãy kiểm tra cáp, nguồn điện hoặc mạng rồi bấm “Quét tiếp”.',
    en: 'The scanner stopped responding or was disconnected during the scan.',
  },
  SCANNER_CANCELLED: {
    vi: 'Đã hủy lượt quét theo yêu cầu.',
    en: 'The scan was cancelled.',
  },
  SCANNER_UNSUPPORTED: {
    vi: 'Máy quét này không hỗ trợ thiết lập đã chọn (nguồn giấy, quét hai mặt hoặc chế độ màu). Hãy chọn thiết lập khác trong hồ sơ quét.',
    en: 'The scanner does not support the requested setting.',
  },
  SCANNER_ACCESS_DENIED: {
    vi: 'Không có quyền sử dụng máy quét. Hãy nhờ quản trị viên cấp quyền cho tài khoản này.',
    en: 'Access to the scanner was denied.',
  },
  SCANNER_SOFTWARE_MISSING: {
    vi: 'Máy tính chưa có phần mềm điều khiển máy quét (SANE “scanimage” trên Linux/macOS, WIA trên Windows). Hãy nhờ quản trị viên cài đặt.',
    en: 'The scanning software (SANE scanimage or Windows WIA) is not available.',
  },
  SCANNER_FAILED: {
    vi: 'Máy quét báo lỗi trong khi quét. Các trang đã quét vẫn được giữ lại; hãy kiểm tra máy quét rồi bấm “Quét tiếp”.',
    en: 'The scanner reported an error during the scan.',
  },
  SCAN_BATCH_NOT_FOUND: {
    vi: 'Không tìm thấy lô quét này (có thể đã được lưu vào kho hoặc đã bị hủy).',
    en: 'Scan batch not found.',
  },
  SCAN_BATCH_EMPTY: {
    vi: 'Lô quét không còn trang nào có nội dung để lưu vào kho.',
    en: 'The scan batch has no page with content to archive.',
  },
  SCAN_IN_PROGRESS: {
    vi: 'Lô quét này đang quét. Hãy đợi quét xong hoặc bấm “Dừng quét” trước.',
    en: 'The batch is still scanning.',
  },
  CAMERA_IMAGE_INVALID: {
    vi: 'Ảnh chụp từ máy ảnh không đọc được. Hãy chụp lại.',
    en: 'The camera image could not be decoded.',
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
  // Partial disclosure (issue 14): redaction regions and "public with redactions".
  REDACTION_UNDECIDED: {
    vi: 'Còn vùng che được đề xuất chưa quyết định. Hãy chấp nhận hoặc bỏ từng vùng che trước khi phê duyệt công khai một phần.',
    en: 'A proposed redaction region is still undecided.',
  },
  REDACTION_EMPTY: {
    vi: 'Chưa có vùng che nào được chấp nhận. Công khai một phần cần ít nhất một vùng che; nếu không cần che gì, hãy chọn công khai.',
    en: 'A partial disclosure needs at least one accepted redaction region.',
  },
  REDACTION_NOT_APPLIED: {
    vi: 'Tài liệu có vùng che đã đánh dấu. Hãy chọn «Công khai một phần», hoặc bỏ các vùng che trước khi công khai toàn văn.',
    en: 'The document has redaction regions: only a partial (redacted) public decision may publish it.',
  },
  REDACTION_PARTIAL_CLASS: {
    vi: 'Chỉ quyết định công khai mới có thể là công khai một phần.',
    en: 'Only a public decision can be partial.',
  },
  REDACTION_CHANGED: {
    vi: 'Vùng che của tài liệu đã thay đổi sau khi phê duyệt công khai một phần (hoặc ảnh trang đã đổi): tài liệu tạm không được công bố, cung cấp cho đến khi được phê duyệt lại.',
    en: 'The redaction regions changed after the partial disclosure was approved.',
  },
  REDACTION_UNLOCATED: {
    vi: 'Không xác định được vị trí vùng che này trên ảnh trang. Hãy vẽ vùng che bằng chuột hoặc bàn phím, rồi bỏ đề xuất này.',
    en: 'The proposed region has no place on the page image.',
  },
  REDACTION_LEAK: {
    vi: 'Bản che vẫn đọc được nội dung đã che, hoặc nội dung đó còn xuất hiện ở chỗ chưa che. Bản che không được tạo; hãy che thêm rồi thử lại.',
    en: 'A redacted string is still readable in the redacted pages.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
}

/** The Vietnamese message for a code, naming what it concerns (a document, a file, an operation). */
export function userMessage(code: ErrorCode, subject?: string): string {
  return subject ? `${subject}: ${ERROR_MESSAGES[code].vi}` : ERROR_MESSAGES[code].vi;
}

/** An error the user should see: a stable code, a Vietnamese message, and English detail for logs.
 *  `subject` names what it concerns in the user's words (“Tệp “x.pdf””, “Sao lưu”). */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  /** Names what the error concerns in the user's words (“Tệp “x.pdf””, “Sao lưu”): a prefix. */
  subject: string | undefined;
  /** What exactly went wrong, in Vietnamese, for the user (naming the document, the date…): a suffix. */
  readonly detailVi: string | undefined;

  constructor(code: ErrorCode, detail?: string, user: { subject?: string | undefined; detailVi?: string | undefined } = {}) {
    super(`${ERROR_MESSAGES[code].en}${detail ? ` (${detail})` : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.subject = user.subject;
    this.detailVi = user.detailVi;
  }

  /** Names what the error concerns, unless something more precise already did. */
  about(subject: string): this {
    this.subject ??= subject;
    return this;
  }

  /** The shape sent to users: code + Vietnamese message naming what it concerns (+ the detail). */
  toUser(): AppErrorShape {
    const message = userMessage(this.code, this.subject);
    return { code: this.code, message: this.detailVi ? `${message} ${this.detailVi}` : message };
  }
}

export function userError(code: ErrorCode, subject?: string): AppErrorShape {
  return { code, message: userMessage(code, subject) };
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
