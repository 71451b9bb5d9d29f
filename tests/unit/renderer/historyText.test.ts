import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import vi from '../../../renderer/src/i18n/vi.json';
import { historyLines, pageRanges, type HistoryContext } from '../../../renderer/src/screens/Document/historyText';

let ctx: HistoryContext;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'vi', resources: { vi: { translation: vi } }, interpolation: { escapeValue: false } });
  ctx = {
    t: (key, options) => i18n.t(key, options ?? {}),
    basis: (id) => (id === 'L104.D17.K1.d' ? 'điểm d khoản 1 Điều 17 Luật Tiếp cận thông tin' : id),
    warning: (code) => `cảnh báo ${code}`,
  };
});

let seq = 0;
const event = (action: string, payload: unknown, actor = 'Nguyễn Văn A') => ({
  seq: ++seq,
  at: `2025-03-0${Math.min(9, seq)}T08:00:00.000Z`,
  actor,
  action,
  payload,
});

describe('document history as a person reads it', () => {
  it('shows a header correction as old → new per field, dates as dd/mm/yyyy, empty values named', () => {
    const [line] = historyLines(
      [
        event('header.corrected', {
          fields: { numberNotation: '12/UBND', issuedDate: '2021-08-16', signer: null },
          changes: [
            { key: 'numberNotation', from: '12/UBN0', to: '12/UBND' },
            { key: 'issuedDate', from: null, to: '2021-08-16' },
            { key: 'signer', from: 'Lê Văn B', to: null },
          ],
        }),
      ],
      ctx,
    );
    expect(line!.details).toEqual([
      'Số, ký hiệu: “12/UBN0” → “12/UBND”',
      'Ngày ban hành: (trống) → “16/08/2021”',
      'Người ký: “Lê Văn B” → (trống)',
    ]);
  });

  it('folds the OCR pages of one run into one line with the page range and mean confidence, newest event first', () => {
    const lines = historyLines(
      [
        event('document.imported', { pages: 5, textLayerPages: 1, warnings: ['PDF_REPAIRED'] }, 'minhbach'),
        ...[1, 2, 3, 5].map((page, i) => event('ocr.page', { jobId: 7, page, confidence: 80 + i * 2 })),
        event('ocr.page', { jobId: 9, page: 4, confidence: 50 }),
        event('ocr.completed', { jobId: 9, ocrPages: 4, confidence: 78.4, lowConfidencePages: 1 }),
      ],
      ctx,
    );
    expect(lines.map((l) => [l.action, l.count, l.details])).toEqual([
      ['ocr.completed', 1, ['4 trang', 'độ tin cậy trung bình 78%', '1 trang độ tin cậy thấp']],
      ['ocr.page', 1, ['Trang 4', 'độ tin cậy 50%']],
      ['ocr.page', 4, ['4 trang (1–3, 5)', 'độ tin cậy trung bình 83%']],
      ['document.imported', 1, ['5 trang', '4 trang cần nhận dạng chữ (OCR)', 'cảnh báo PDF_REPAIRED']],
    ]);
  });

  it('names the class and the legal basis of suggestions and decisions, with a change of decision as old → new', () => {
    const lines = historyLines(
      [
        event('suggestion.created', { class: null, basis: null }),
        event('decision.recorded', { class: 'public', basis: 'L104.D17.K1.d', approved: true, note: null }),
        event('decision.changed', {
          class: 'conditional',
          basis: 'L104.D7.K2',
          approved: false,
          note: 'Có số điện thoại cá nhân',
          previous: { class: 'public', basis: 'L104.D17.K1.d', approved: true },
        }),
      ],
      ctx,
    );
    expect(lines.map((l) => l.details)).toEqual([
      ['Mức tiếp cận: Công khai → Có điều kiện — L104.D7.K2', 'Mới ghi nhận, chưa phê duyệt', 'Ghi chú: Có số điện thoại cá nhân'],
      ['Công khai — điểm d khoản 1 Điều 17 Luật Tiếp cận thông tin', 'Đã phê duyệt'],
      ['Không thấy dấu hiệu nào — cần người xem xét'],
    ]);
  });

  it('survives payloads of any shape: unknown actions and broken payloads give no details, never an exception', () => {
    const lines = historyLines(
      [event('future.action', { x: 1 }), event('header.corrected', 'not an object'), event('ocr.page', null)],
      ctx,
    );
    expect(lines.map((l) => l.details)).toEqual([[], [], []]);
  });

  it('writes page ranges compactly', () => {
    expect(pageRanges([1, 2, 3, 5, 7, 8])).toBe('1–3, 5, 7–8');
    expect(pageRanges([4])).toBe('4');
  });
});
