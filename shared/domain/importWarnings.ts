/**
 * What import noticed about a file it accepted (ImportResult.warnings, DocumentDetail.warnings):
 * stable codes with the sentence a records officer reads (`vi`) and the log line (`en`).
 */
export const IMPORT_WARNINGS = {
  ACTIVE_CONTENT: {
    vi: 'Tệp PDF có nội dung chủ động (JavaScript, hành động tự chạy, tệp đính kèm). Nội dung này không bao giờ được chạy; bản công bố chỉ gồm ảnh trang và lớp chữ, không mang theo nó.',
    en: 'The PDF carries active content (scripts, automatic actions, attachments); it is never run and never published.',
  },
  PDF_REPAIRED: {
    vi: 'Cấu trúc tệp PDF bị lỗi và đã được đọc lại từ đầu (bảng tham chiếu hỏng hoặc thiếu). Hãy so sánh số trang và nội dung với bản gốc.',
    en: 'The PDF cross-reference table was damaged or missing; the file was read by reconstructing it.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ImportWarning = keyof typeof IMPORT_WARNINGS;

/** The Vietnamese sentence for a warning code (the code itself for one this build does not know). */
export function importWarningText(code: string, language: 'vi' | 'en' = 'vi'): string {
  const known = (IMPORT_WARNINGS as Record<string, { vi: string; en: string }>)[code];
  return known ? known[language] : code;
}
