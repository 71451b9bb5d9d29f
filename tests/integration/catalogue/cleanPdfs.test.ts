/**
 * Published PDFs contain only what a reader sees: a hidden optional-content layer, document
 * JavaScript, a Launch action, an embedded file, a form and XMP of a public document reach no
 * output file (its PDF, its page, the catalogues); an owner-password PDF (no user password)
 * exports, unencrypted, with its visible text.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import type { Engine } from '../../../electron/engine/index';
import { assertClean, publishedPdf } from '../../../electron/engine/catalogue/publishedPdf';
import type { PublicEntry } from '../../../electron/engine/catalogue/types';
import { tempDir } from '../../helpers/fixtures';
import { layeredPdf, ownerPasswordPdf } from '../../helpers/hostilePdfs';
import { syntheticArchive } from '../../helpers/syntheticDocs';
import { findLeaks, scanBytes } from './outputScanner';
import { publicIdOf, walk } from './reviewedCorpus';

const HIDDEN = {
  hidden: 'HIDDENLAYERSECRET7391',
  javascript: 'JSPAYLOAD4471',
  attachment: 'ATTACHEDBYTES5521',
  xmp: 'XMPAUTHOR8812',
};

const entry = { disclosedAt: '2026-01-05T08:00:00.000Z', title: 'T', subject: null, numberNotation: null, issuer: null } as unknown as PublicEntry;

describe('clean published PDFs', () => {
  const tmp = tempDir('minhbach-clean-pdf-');
  let engine: Engine;
  let ids: Map<string, number>;
  const out = path.join(tmp.dir, 'site');

  beforeAll(async () => {
    const files = path.join(tmp.dir, 'files');
    mkdirSync(files);
    ({ engine, ids } = await syntheticArchive(
      path.join(tmp.dir, 'data'),
      [
        { name: 'layered', bytes: await layeredPdf({ visible: ['KE HOACH CONG KHAI LAYERVISIBLE 2025', 'Noi dung cong khai cho nguoi dan.'], hidden: HIDDEN.hidden, javascript: `app.alert("${HIDDEN.javascript}")`, attachment: HIDDEN.attachment, xmp: HIDDEN.xmp }) },
        { name: 'owner', bytes: await ownerPasswordPdf(['OWNERPASSWORD VISIBLE TEXT', 'Thong bao cong khai']) },
      ],
      files,
    ));
    for (const name of ['layered', 'owner']) engine.decide({ documentId: ids.get(name)!, access: 'public', basis: 'L104.D17.K1.d', reviewer: 'Người duyệt' });
    await engine.exportCatalogue({ out, asOf: '2026-01-01' });
  }, 180_000);

  afterAll(async () => {
    await engine?.close();
    tmp.cleanup();
  });

  it('a layered PDF’s hidden layer, JavaScript, Launch action, attachment, form and XMP reach no output file; its visible text does', () => {
    const pid = publicIdOf(engine, ids.get('layered')!);
    const texts = walk(out).flatMap((f) => scanBytes(readFileSync(path.join(out, f)), f));
    expect(findLeaks(texts, Object.values(HIDDEN))).toEqual([]);
    const pdf = readFileSync(path.join(out, 'tai-lieu', `${pid}.pdf`));
    const raw = scanBytes(pdf, 'pdf').filter((t) => t.origin.includes('qpdf'));
    expect(raw.some((t) => /\/(JavaScript|JS|OpenAction|Launch|EmbeddedFile|AcroForm|OCProperties|Metadata)\b/.test(t.text))).toBe(false);
    // What a reader sees is there, as text (the new OCR layer) and on the public page.
    const seen = findLeaks(texts, ['LAYERVISIBLE']).map((l) => l.origin);
    expect(seen.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(out, 'tai-lieu', `${pid}.html`), 'utf8')).toMatch(/LAYERV[I1l]S[I1l]BLE/);
  });

  it('an owner-password PDF exports: unencrypted, with its visible text', () => {
    const pid = publicIdOf(engine, ids.get('owner')!);
    const file = path.join(out, 'tai-lieu', `${pid}.pdf`);
    expect(execFileSync('qpdf', ['--show-encryption', file]).toString()).toMatch(/not encrypted/);
    expect(execFileSync('pdftotext', [file, '-']).toString()).toMatch(/OWNERPASSWORD/);
  });

  it('a PDF with a visible stamp annotation keeps its appearance on the page; the annotation, its action and its form field do not come along', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.drawText('BODY TEXT', { x: 50, y: 700, size: 12, font });
    const ctx = doc.context;
    const fontRef = page.node.Resources()!.lookup(PDFName.of('Font'), (await import('pdf-lib')).PDFDict).get(page.node.Resources()!.lookup(PDFName.of('Font'), (await import('pdf-lib')).PDFDict).keys()[0]!)!;
    const ap = ctx.register(ctx.stream('BT /F 10 Tf 2 2 Td (SEALAPPEARANCE) Tj ET', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 120, 20], Resources: ctx.obj({ Font: ctx.obj({ F: fontRef }) }) }));
    const annot = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Stamp', Rect: [300, 100, 420, 120], F: 4, AP: ctx.obj({ N: ap }), A: ctx.obj({ S: 'URI', URI: 'http://example.invalid/SEALACTION' }) }));
    page.node.set(PDFName.of('Annots'), ctx.obj([annot]));
    const { bytes } = await publishedPdf(await doc.save(), entry, () => Promise.reject(new Error('not layered')));
    await assertClean(bytes);
    const dir = path.join(tmp.dir, 'annot');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.pdf'), bytes);
    const text = execFileSync('pdftotext', [path.join(dir, 'a.pdf'), '-']).toString();
    expect(text).toMatch(/BODY TEXT/);
    expect(text).toMatch(/SEALAPPEARANCE/);
    expect(findLeaks(scanBytes(bytes, 'a.pdf'), ['SEALACTION'])).toEqual([]);
  });

  it('assertClean refuses a PDF that still has document JavaScript', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: 'x' }));
    await expect(assertClean(await doc.save())).rejects.toThrow(/OpenAction|JS/);
  });
});
