import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfTable } from '../../../electron/engine/catalogue/pdfTable';

const table = (rows: (string | number | null)[][]) => ({
  title: 'DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI',
  subtitle: 'Ủy ban nhân dân — cập nhật ngày 30/06/2025',
  header: ['STT', 'Tên, số, ký hiệu văn bản', 'Ngày ban hành', 'Đường dẫn'],
  widths: [4, 40, 10, 12],
  rows,
});

describe('pdfTable (raw page streams)', () => {
  it('writes only the table pages, all A4 landscape (no blank default page)', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [i + 1, `Về việc phê duyệt kế hoạch số ${i} năm 2024 — Số ${i}/QĐ-UBND`, '12/01/2024', `tai-lieu/${i}.html`]);
    const bytes = await pdfTable(table(rows), '2025-06-30T08:00:00.000Z');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    for (const page of doc.getPages()) expect(page.getSize()).toEqual({ width: 841.89, height: 595.28 });
    const empty = await PDFDocument.load(await pdfTable(table([]), '2025-06-30T08:00:00.000Z'));
    expect(empty.getPageCount()).toBe(1);
  });

  it('is byte-identical for the same rows', async () => {
    const rows = [[1, 'Về việc công khai dự toán ngân sách', '01/01/2025', 'tai-lieu/1.html']];
    const a = Buffer.from(await pdfTable(table(rows), '2025-06-30T08:00:00.000Z'));
    const b = Buffer.from(await pdfTable(table(rows), '2025-06-30T08:00:00.000Z'));
    expect(a.equals(b)).toBe(true);
  });
});
