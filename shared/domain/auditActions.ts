/**
 * Every action the audit log records, with its name for the document history. The payload of
 * each is JSON; the ones a person reads in the history carry what changed:
 *  - `header.corrected`: `{ fields, changes: [{ key, from, to }] }` (old → new per field);
 *  - `header.confirmed`: `{ fields: [{ key, value }] }`;
 *  - `ocr.page`: `{ jobId, page, confidence, lowConfidence, orientation, … }`;
 *  - `decision.changed`: `{ class, basis, previous: { class, basis, approved }, note, … }`.
 */
export const AUDIT_ACTIONS = {
  'document.imported': { vi: 'Nhập tài liệu', en: 'Document imported' },
  'ocr.page': { vi: 'Nhận dạng chữ (OCR) một trang', en: 'Page recognised (OCR)' },
  'ocr.page.failed': { vi: 'Nhận dạng chữ một trang thất bại', en: 'Page recognition failed' },
  'ocr.completed': { vi: 'Hoàn tất nhận dạng chữ', en: 'Text recognition complete' },
  'understanding.extracted': { vi: 'Đọc các trường thông tin (số, loại, ngày, cơ quan…)', en: 'Header fields read' },
  'suggestion.created': { vi: 'Đề xuất phân loại tiếp cận', en: 'Access class suggested' },
  'header.corrected': { vi: 'Sửa trường thông tin', en: 'Header fields corrected' },
  'header.confirmed': { vi: 'Xác nhận trường thông tin cần kiểm tra', en: 'Header fields confirmed' },
  'decision.recorded': { vi: 'Ghi quyết định phân loại', en: 'Access decision recorded' },
  'decision.changed': { vi: 'Thay đổi quyết định phân loại', en: 'Access decision changed' },
  'decision.bulk-approved': { vi: 'Phê duyệt đề xuất hàng loạt', en: 'Suggestions approved in bulk' },
  'catalogue.exported': { vi: 'Xuất danh mục công khai', en: 'Catalogue exported' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The history name of an action (the code itself for one this build does not know). */
export function auditActionText(action: string, language: 'vi' | 'en' = 'vi'): string {
  const known = (AUDIT_ACTIONS as Record<string, { vi: string; en: string }>)[action];
  return known ? known[language] : action;
}
