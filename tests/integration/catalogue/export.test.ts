import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportSummary } from '../../../electron/engine/catalogue/exportCatalogue';
import { tempDir } from '../../helpers/fixtures';
import { findLeaks, scanBytes, type ScannedText } from './outputScanner';
import { basisOf, fileSha, publicIdOf, reviewedArchive, walk, type ReviewedArchive } from './reviewedCorpus';
import { beneficiaries, supportDecisionPdf } from '../../../bench/lib/supportDecision';
import { needleForms } from '../../helpers/redactionProof';

/** A partly public document (issue 14): a support-payment decision, its beneficiaries redacted. */
const PEOPLE = beneficiaries(14);
const REDACTED = PEOPLE.flatMap((p) => [p.name, p.cccd, p.address]);

/** Review the dev corpus (d10 left undecided, d14 only drafted) plus a support-payment decision
 *  published with its beneficiaries redacted, export with a ZIP, and scan every byte of the output
 *  for anything of a document that must not be published. */
describe('catalogue export: leak-proof, deterministic, incremental', () => {
  const tmp = tempDir('minhbach-catalogue-');
  let archive: ReviewedArchive;
  let summary: ExportSummary;
  let texts: ScannedText[];
  const out = path.join(tmp.dir, 'site');
  const zip = path.join(tmp.dir, 'site.zip');

  beforeAll(async () => {
    archive = await reviewedArchive(path.join(tmp.dir, 'data'), { undecided: ['d10'], drafts: ['d14'] });
    const support = path.join(tmp.dir, 'ho-tro.pdf');
    writeFileSync(support, await supportDecisionPdf(PEOPLE));
    const partial = (await archive.engine.importPaths([support]))[0]!.id!;
    archive.ids.set('support', partial);
    await archive.engine.redaction.propose(partial, 'Người duyệt');
    archive.engine.redaction.acceptAll(partial, 'Người duyệt');
    archive.engine.decide({ documentId: partial, access: 'public', partial: true, basis: 'L104.D17.K1.e', reviewer: 'Người duyệt' });
    archive.engine.updateAgencySettings({ name: 'Ủy ban nhân dân huyện Thử Nghiệm', focalName: 'Trần Thị B', requestAddress: 'tiepcan@example.gov.vn' });
    summary = await archive.engine.exportCatalogue({ out, zip, asOf: '2026-01-01' });
    texts = [...walk(out).map((f) => scanBytes(readFileSync(path.join(out, f)), f)).flat(), ...scanBytes(readFileSync(zip), 'site.zip')];
  }, 180_000);

  afterAll(async () => {
    await archive?.engine.close();
    tmp.cleanup();
  });

  function protectedNeedles(kind: 'secret' | 'conditional' | 'unpublished'): string[] {
    // The partly public document's visible text is public too (it shares a preamble with d15).
    const supportText = archive.engine.get(archive.ids.get('support')!).pages.map((p) => p.text ?? '').join('\n');
    const publicTexts = [...[...archive.truths.values()].filter((t) => t.expected_access === 'public').map((t) => t.text), supportText];
    const needles: string[] = [];
    for (const [name, t] of archive.truths) {
      const isUnpublished = name === 'd10' || name === 'd14';
      if (kind === 'unpublished' ? !isUnpublished : t.expected_access !== kind || isUnpublished) continue;
      const paragraphs = t.blocks.flat().filter((b) => b.type === 'paragraph' || b.type === 'table').map((b) => b.text);
      // Personal data in every form a reader could search it by (folded, without accents, digits alone).
      const personal = t.personal_data.filter((p) => p.length >= 8).flatMap(needleForms);
      const candidates = [...paragraphs, ...personal, fileSha(archive.engine, archive.ids.get(name)!)];
      // A conditional document's name, number and date are its catalogue row; everything else is protected.
      if (kind !== 'conditional') candidates.push(t.metadata.so_ky_hieu, t.metadata.trich_yeu);
      // Boilerplate that public documents share ("Căn cứ Luật Tổ chức chính quyền địa phương…") proves nothing.
      const flat = (x: string) => x.replace(/\s+/g, ' ');
      needles.push(...candidates.filter((c) => !publicTexts.some((p) => flat(p).includes(flat(c)))));
    }
    return needles;
  }

  it('publishes the reviewed public and conditional documents only', () => {
    expect(summary.counts).toMatchObject({ public: 4, conditional: 3, secret: 4 });
    const catalog = JSON.parse(readFileSync(path.join(out, 'catalog.json'), 'utf8')) as { schemaVersion: number; public: { numberNotation: string }[]; conditional: { numberNotation: string }[] };
    expect(catalog.schemaVersion).toBe(2);
    expect(catalog.public.map((p) => p.numberNotation).sort()).toEqual(['08/KH-UBND', '1245/UBND-VP', '1534/QĐ-UBND', '402/BC-UBND']);
    expect(catalog.conditional).toHaveLength(3);
  });

  it('the scanner finds what is published (positive control)', () => {
    const d01 = archive.truths.get('d01')!;
    expect(findLeaks(texts, [d01.metadata.trich_yeu, d01.metadata.so_ky_hieu])).toHaveLength(2);
    // The public document's own text is in its PDF (pdftotext) and its page.
    const para = d01.blocks.flat().find((b) => b.type === 'paragraph')!.text;
    expect(findLeaks(texts.filter((t) => t.origin.endsWith('(pdftotext)')), [para])).toHaveLength(1);
  });

  it('secret documents contribute zero bytes (numbers, subjects, text, file hashes)', () => {
    const needles = protectedNeedles('secret');
    expect(needles.length).toBeGreaterThan(20);
    expect(findLeaks(texts, needles)).toEqual([]);
  });

  it('conditional documents contribute their catalogue row only: no text, no personal data, no file', () => {
    const needles = protectedNeedles('conditional');
    expect(needles.length).toBeGreaterThan(20);
    expect(findLeaks(texts, needles)).toEqual([]);
    const files = walk(out);
    for (const name of ['d15', 'd17', 'd21']) expect(files.some((f) => f.startsWith('tai-lieu/') && f.includes(publicIdOf(archive.engine, archive.ids.get(name)!)))).toBe(false);
  });

  it('a partly public document: none of its redacted strings, in any form, in any output file (its PDF, page, catalogue rows, search index, ZIP); its row says what was withheld', () => {
    const needles = REDACTED.flatMap(needleForms);
    expect(needles.length).toBeGreaterThan(90);
    expect(findLeaks(texts, needles)).toEqual([]);
    const pid = publicIdOf(archive.engine, archive.ids.get('support')!);
    // Published, with its redacted file: the page and the PDF exist, the text that was not redacted is there.
    expect(findLeaks(texts.filter((t) => t.origin.startsWith(`tai-lieu/${pid}`)), ['DANH SÁCH CÁC HỘ GIA ĐÌNH', 'Trần Văn Ký'])).toHaveLength(2);
    const catalog = JSON.parse(readFileSync(path.join(out, 'catalog.json'), 'utf8')) as { public: { numberNotation: string; withheld: { grounds: { label: string }[] } | null }[] };
    expect(catalog.public.find((p) => p.numberNotation === '1534/QĐ-UBND')!.withheld!.grounds.map((g) => g.label)).toEqual(['Đ7.K2']);
    expect(catalog.public.filter((p) => p.withheld).length).toBe(1);
    expect(readFileSync(path.join(out, 'tai-lieu', `${pid}.html`), 'utf8')).toContain('Phần không công khai');
  });

  it('undecided and draft documents contribute nothing', () => {
    expect(findLeaks(texts, protectedNeedles('unpublished'))).toEqual([]);
  });

  it('exported PDFs carry no user name, data path or original metadata', () => {
    const pdfs = texts.filter((t) => t.origin.includes('.pdf'));
    expect(findLeaks(pdfs, [tmp.dir, 'Người duyệt'])).toEqual([]);
    expect(pdfs.some((t) => /\/JavaScript|\/OpenAction|\/AcroForm/.test(t.text))).toBe(false);
  });

  it('is deterministic: a second export elsewhere gives the same manifest and the same ZIP bytes', async () => {
    const again = await archive.engine.exportCatalogue({ out: path.join(tmp.dir, 'again'), zip: path.join(tmp.dir, 'again.zip'), asOf: '2026-01-01' });
    expect(again.manifestSha256).toBe(summary.manifestSha256);
    expect(readFileSync(path.join(tmp.dir, 'again.zip')).equals(readFileSync(zip))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path).sort()).toEqual(walk(out).filter((f) => f !== 'manifest.json' && !f.startsWith('.')).sort());
  });

  it('a corrected subject is published once re-approved; the re-export rewrites only what changed', async () => {
    const same = await archive.engine.exportCatalogue({ out, asOf: '2026-01-01' });
    expect(same.writtenFiles).toEqual([]);
    const id = archive.ids.get('d03')!;
    archive.engine.correctHeader(id, { subject: 'Phổ biến, giáo dục pháp luật năm 2023 (đã sửa)' }, 'Người duyệt');
    // What is published is what a reviewer approved: the correction alone changes nothing…
    expect((await archive.engine.exportCatalogue({ out, asOf: '2026-01-01' })).writtenFiles).toEqual([]);
    // …until the document is approved again with the corrected title.
    archive.engine.decide({ documentId: id, access: 'public', basis: basisOf(archive.truths.get('d03')!), reviewer: 'Người duyệt' });
    const changed = await archive.engine.exportCatalogue({ out, asOf: '2026-01-01' });
    expect(readFileSync(path.join(out, 'danh-muc-cong-khai.html'), 'utf8')).toContain('(đã sửa)');
    const others = [...archive.ids].filter(([n]) => n !== 'd03').map(([, i]) => i);
    for (const other of others) {
      const pid = archive.engine.db.prepare('SELECT public_id FROM public_ids WHERE document_id = ?').get(other) as { public_id: string } | undefined;
      if (!pid) continue;
      expect(changed.writtenFiles).not.toContain(`tai-lieu/${pid.public_id}.html`);
      expect(changed.writtenFiles).not.toContain(`tai-lieu/${pid.public_id}.pdf`);
    }
    expect(changed.writtenFiles).toContain(`tai-lieu/${publicIdOf(archive.engine, id)}.html`);
    expect(changed.writtenFiles).toContain('danh-muc-cong-khai.html');
    expect(changed.writtenFiles.length).toBeLessThan(walk(out).length / 2);
  });

  it('a document whose disclosure period ended leaves the current list and its files are removed', async () => {
    const id = archive.ids.get('d01')!;
    archive.engine.setDisclosureEnd(id, '2025-12-31');
    const after = await archive.engine.exportCatalogue({ out, asOf: '2026-01-01' });
    expect(after.counts.public).toBe(3);
    expect(after.counts.expired).toBe(1);
    const pid = publicIdOf(archive.engine, id);
    expect(after.removedFiles).toEqual(expect.arrayContaining([`tai-lieu/${pid}.html`, `tai-lieu/${pid}.pdf`]));
    // Besides its page and PDF, only search shards of words no other entry has.
    expect(after.removedFiles.filter((f) => !f.startsWith('tai-lieu/')).every((f) => f.startsWith('assets/search/'))).toBe(true);
    expect(readFileSync(path.join(out, 'danh-muc-cong-khai.html'), 'utf8')).not.toContain(`tai-lieu/${pid}.html`);
    // The folder holds exactly the new manifest's files: nothing of the expired entry is left.
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(walk(out).sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
  });
});
