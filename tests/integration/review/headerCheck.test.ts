// "Cần kiểm tra": a published header field read from OCR text that OCR (or the header rules) was
// unsure of must be confirmed or corrected before approval for publication. Real archive, real
// born-digital PDFs; the OCR provenance of a field is written through the repository the
// pipeline uses. The rule itself is checked against its definition for arbitrary field states.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/index';
import { writeHeaderFields } from '../../../electron/engine/archive/documentsRepo';
import { assertHeaderChecked } from '../../../electron/engine/review/headerCheck';
import { ERROR_MESSAGES } from '../../../shared/domain/errors';
import { EXTRACTION_CHECK_THRESHOLD, OCR_FIELD_CHECK_THRESHOLD, PUBLISHED_HEADER_KEYS } from '../../../shared/domain/headerCheck';
import { fixture, tempDir } from '../../helpers/fixtures';

const temp = tempDir('minhbach-check-');
let engine: Engine;
let id: number;
let other: number;

/** As extraction stores a value read from an OCR page. */
function readByOcr(doc: number, key: 'subject' | 'numberNotation', value: string, confidence: number, ocrConfidence: number): void {
  engine.db.transaction(() => writeHeaderFields(engine.db, doc, { [key]: value }, { confidence: { [key]: confidence }, ocrConfidence: { [key]: ocrConfidence } }))();
}

beforeAll(async () => {
  engine = await createEngine({ dataDir: path.join(temp.dir, 'data'), actor: 'tester' });
  const results = await engine.importPaths([fixture('corpus', 'd03', 'born-digital.pdf'), fixture('corpus', 'd23', 'born-digital.pdf')]);
  [id, other] = results.map((r) => r.id!) as [number, number];
  engine.suggest([id, other]);
});

afterAll(async () => {
  await engine?.close();
  temp.cleanup();
});

describe('header fields to check', () => {
  it('marks an unsure OCR-read subject "cần kiểm tra" in the document, the library and the review queue', () => {
    readByOcr(id, 'subject', 'Kế hoạch tổ chức hội nghi tổng kết', 90, 48);
    readByOcr(id, 'numberNotation', '08/KH-UBND', 95, 93);
    const fields = engine.get(id).headerFields;
    expect(fields.find((f) => f.key === 'subject')).toMatchObject({ needsCheck: true, ocrConfidence: 48, published: true, confirmedBy: null });
    expect(fields.find((f) => f.key === 'numberNotation')).toMatchObject({ needsCheck: false, ocrConfidence: 93 });
    expect(fields.filter((f) => f.key !== 'subject').every((f) => !f.needsCheck)).toBe(true);
    expect(engine.summaries([id])[0]!.needsCheck).toBe(1);
    expect(engine.reviewQueue().items.find((i) => i.id === id)!.needsCheck).toEqual(['subject']);
  });

  it('refuses approval for publication until it is confirmed; drafts and secret decisions are not held up', () => {
    const approve = () => engine.decide({ documentId: id, access: 'public', basis: 'L104.D17.K1.a', reviewer: 'Lê Thị B' });
    expect(approve).toThrow(expect.objectContaining({ code: 'HEADER_UNCHECKED' }));
    expect(ERROR_MESSAGES.HEADER_UNCHECKED.vi).toContain('cần kiểm tra');
    expect(engine.planApproval({}).map((i) => i.id)).not.toContain(id);
    expect(engine.decide({ documentId: id, access: 'public', basis: 'L104.D17.K1.a', reviewer: 'Lê Thị B', approve: false }).approved).toBe(0);

    const confirmed = engine.confirmHeader(id, 'Lê Thị B');
    expect(confirmed.headerFields.find((f) => f.key === 'subject')).toMatchObject({ needsCheck: false, confirmedBy: 'Lê Thị B' });
    expect(confirmed.history.at(-1)).toMatchObject({ action: 'header.confirmed', actor: 'Lê Thị B', payload: { fields: [{ key: 'subject', value: 'Kế hoạch tổ chức hội nghi tổng kết' }] } });
    expect(approve().approved).toBe(1);
  });

  it('asks again when a later reading changes the value; a correction settles it and the history shows old → new', () => {
    readByOcr(other, 'subject', 'Thông báo kết luận cuộc họp', 85, 58);
    engine.confirmHeader(other, 'Lê Thị B', ['subject']);
    readByOcr(other, 'subject', 'Thông báo kết luận cuộc hop', 85, 59); // re-OCR read it differently
    expect(engine.get(other).headerFields.find((f) => f.key === 'subject')).toMatchObject({ needsCheck: true, confirmedBy: null });

    const corrected = engine.correctHeader(other, { subject: 'Thông báo kết luận cuộc họp giao ban' }, 'Lê Thị B');
    expect(corrected.headerFields.find((f) => f.key === 'subject')).toMatchObject({ needsCheck: false, correctedBy: 'Lê Thị B', ocrConfidence: null });
    expect(corrected.history.at(-1)).toMatchObject({
      action: 'header.corrected',
      payload: { changes: [{ key: 'subject', from: 'Thông báo kết luận cuộc hop', to: 'Thông báo kết luận cuộc họp giao ban' }] },
    });
  });

  it('never lets a document be approved for publication while a published field read by OCR below the thresholds is unchecked', () => {
    const field = fc.record({
      value: fc.option(fc.constantFrom('12/QĐ-UBND', 'Sở Tư pháp', '2024-05-01'), { nil: null }),
      confidence: fc.integer({ min: 0, max: 100 }),
      ocr: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      corrected: fc.boolean(),
      confirmed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(field, { minLength: PUBLISHED_HEADER_KEYS.length, maxLength: PUBLISHED_HEADER_KEYS.length }), (states) => {
        engine.db.prepare('DELETE FROM header_fields WHERE document_id = ?').run(other);
        const insert = engine.db.prepare(
          'INSERT INTO header_fields (document_id, key, value, confidence, ocr_confidence, corrected_by, confirmed_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        states.forEach((s, i) => insert.run(other, PUBLISHED_HEADER_KEYS[i], s.value, s.confidence, s.ocr, s.corrected ? 'x' : null, s.confirmed ? 'y' : null));
        const unchecked = states.some(
          (s) => s.value !== null && !s.corrected && !s.confirmed && s.ocr !== null && (s.ocr < OCR_FIELD_CHECK_THRESHOLD || s.confidence < EXTRACTION_CHECK_THRESHOLD),
        );
        const publish = () => assertHeaderChecked(engine.db, other, { access: 'public', approve: true });
        if (unchecked) expect(publish).toThrow(expect.objectContaining({ code: 'HEADER_UNCHECKED' }));
        else expect(publish).not.toThrow();
        // A secret decision publishes nothing: never held up.
        expect(() => assertHeaderChecked(engine.db, other, { access: 'secret', approve: true })).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
