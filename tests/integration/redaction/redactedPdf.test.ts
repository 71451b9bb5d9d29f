/**
 * The redacted PDF of a born-digital support-payment decision (14 beneficiaries; text-layer pages,
 * boxes from pdf.js text items) and of a hostile PDF (hidden layer, JavaScript, Launch action,
 * attachment, form, XMP): proposals from the findings, a selected span (its other occurrence
 * proposed), a drawn box (the words under it kept), every change audited; then the proof — no
 * redacted string in any of its forms in pdftotext, qpdf --qdf or the inflated streams; the pages
 * are new images with a new text layer and nothing of the original file (no fonts but ours, no
 * annotations, attachments, metadata, layers, thumbnails); the neighbours of a box still read;
 * the file is built once per regions key.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRawStream, PDFDict } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/index';
import type { RedactionView } from '../../../electron/engine/redaction/index';
import { beneficiaries, supportDecisionPdf } from '../../../bench/lib/supportDecision';
import { tempDir } from '../../helpers/fixtures';
import { layeredPdf } from '../../helpers/hostilePdfs';
import { fragments, readPdf, survivors } from '../../helpers/redactionProof';
import { providedFile } from '../../../electron/engine/requests/provision';

const PEOPLE = beneficiaries(14);
const HIDDEN = {
  hidden: 'HIDDENLAYERSECRET7391',
  javascript: 'JSPAYLOAD4471',
  attachment: 'ATTACHEDBYTES5521',
  xmp: 'XMPAUTHOR8812',
};

describe('the redacted PDF', () => {
  const tmp = tempDir('minhbach-redacted-');
  let engine: Engine;
  let support: number;
  let layered: number;
  let view: RedactionView;
  let redacted: Uint8Array;

  beforeAll(async () => {
    const files = path.join(tmp.dir, 'files');
    mkdirSync(files);
    writeFileSync(path.join(files, 'ho-tro.pdf'), await supportDecisionPdf(PEOPLE));
    writeFileSync(
      path.join(files, 'layered.pdf'),
      await layeredPdf({
        visible: ['THONG BAO CONG KHAI 2025', 'Ho gia dinh ong NGUYEN VAN TAM, so dien thoai 0912 345 678.'],
        hidden: HIDDEN.hidden,
        javascript: `app.alert("${HIDDEN.javascript}")`,
        attachment: HIDDEN.attachment,
        xmp: HIDDEN.xmp,
      }),
    );
    engine = await createEngine({
      dataDir: path.join(tmp.dir, 'data'),
      workers: 1,
      ocrWorkers: 2,
      actor: 'test',
    });
    const results = await engine.importPaths([
      path.join(files, 'ho-tro.pdf'),
      path.join(files, 'layered.pdf'),
    ]);
    [support, layered] = results.map((r) => r.id!) as [number, number];
    view = await engine.redaction.propose(support, 'Lê Thị B');
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    tmp.cleanup();
  });

  it('proposes a region with a box for every name, CCCD number and address of the 14 beneficiaries, on ground Đ7.K2', () => {
    const texts = view.regions.map((r) => r.text);
    for (const p of PEOPLE) expect(texts).toEqual(expect.arrayContaining([p.name, p.cccd, p.address]));
    expect(
      view.regions.every(
        (r) =>
          r.state === 'proposed' && r.boxes.length > 0 && r.label === 'Đ7.K2' && r.basisId === 'L104.D7.K2',
      ),
    ).toBe(true);
    expect(view.summary).toMatchObject({ proposed: 42, unlocated: 0 });
  });

  it('a selected text span is accepted and its other occurrence proposed; a drawn box keeps the words under it; every change is audited', async () => {
    const page1 = engine.get(support).pages[0]!.text!;
    const phrase = 'Trưởng phòng Lao động';
    const start = page1.indexOf(phrase);
    let v = await engine.redaction.fromText(support, 1, start, start + phrase.length, 'Lê Thị B');
    const selected = v.regions.filter((r) => r.origin === 'text');
    expect(selected.map((r) => r.state).sort()).toEqual(['accepted', 'proposed']);
    expect(selected.find((r) => r.state === 'proposed')!.text).toBe('Trưởng phòng Lao động');
    // The year-of-birth cell of the first beneficiary, drawn on the page image (fractions of it).
    v = await engine.redaction.draw(
      support,
      2,
      { x: 199 / 595, y: 96 / 842, w: 50 / 595, h: 18 / 842 },
      'Lê Thị B',
    );
    expect(v.regions.find((r) => r.origin === 'drawn')!.text).toBe(PEOPLE[0]!.born);
    v = engine.redaction.acceptAll(support, 'Lê Thị B');
    expect(v.summary.proposed).toBe(0);
    const actions = engine.auditLog(support).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'redaction.proposed',
        'redaction.text-selected',
        'redaction.drawn',
        'redaction.accepted',
      ]),
    );
    redacted = await engine.redactedPdf(support);
  }, 180_000);

  it('no redacted string survives in pdftotext, qpdf --qdf or the inflated streams, in any form; what was not redacted still reads', () => {
    const strings = engine.redaction
      .view(support)
      .regions.filter((r) => r.state === 'accepted')
      .map((r) => r.text!);
    expect(strings.length).toBe(45);
    // Pieces a box too small would leave: words and digit runs found nowhere else in the document.
    let remainder = engine
      .get(support)
      .pages.map((p) => p.text ?? '')
      .join('\n');
    for (const s of [...strings].sort((a, b) => b.length - a.length))
      remainder = remainder.replace(
        new RegExp(
          s
            .split(/\s+/)
            .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('\\s+'),
          'g',
        ),
        ' ',
      );
    const pieces = fragments(strings, remainder);
    expect(pieces.length).toBeGreaterThan(40);
    const readings = readPdf(redacted);
    expect(survivors(readings, strings, pieces)).toEqual([]);
    // Positive controls: the scan finds what stands unredacted (heading, article, the signer).
    const controls = ['DANH SÁCH CÁC HỘ GIA ĐÌNH', 'Điều 1', 'Trần Văn Ký'];
    expect(new Set(survivors(readings, controls).map((s) => s.text))).toEqual(new Set(controls));
  });

  it('is a new PDF of page images and one embedded font (its OCR layer): no object of the original comes along', async () => {
    const doc = await PDFDocument.load(redacted);
    expect(doc.getPageCount()).toBe(2);
    const kinds = new Set<string>();
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      const dict = obj instanceof PDFDict ? obj : obj instanceof PDFRawStream ? obj.dict : null;
      const type = dict?.get(PDFName.of('Type'))?.toString();
      const subtype = dict?.get(PDFName.of('Subtype'))?.toString();
      if (type) kinds.add(`${type}${subtype ? subtype : ''}`);
    }
    const qdf = readPdf(redacted).qdf;
    for (const key of [
      '/Annots',
      '/EmbeddedFile',
      '/Metadata',
      '/OCProperties',
      '/Thumb',
      '/JavaScript',
      '/AcroForm',
      '/OpenAction',
    ])
      expect(qdf).not.toContain(key);
    expect([...kinds].filter((k) => k.startsWith('/Font/')).sort()).toEqual([
      '/Font/CIDFontType2',
      '/Font/Type0',
    ]); // our OCR layer's font
    expect(kinds.has('/XObject/Image')).toBe(true);
    expect(doc.getTitle()).toBeUndefined();
  });

  it('a requester is given the redacted file, and nothing while the regions differ from the approved ones', async () => {
    engine.decide({
      documentId: support,
      access: 'public',
      partial: true,
      basis: 'L104.D17.K1.e',
      reviewer: 'Lê Thị B',
    });
    const deps = {
      db: engine.db,
      publishedSource: (id: number) => engine.publishedSource(id),
      rasterise: (pdf: Uint8Array) => engine.rasterisedPdf(pdf),
    };
    const given = await providedFile(deps, support, '2026-06-01');
    const strings = PEOPLE.flatMap((p) => [p.name, p.cccd, p.address]);
    expect(survivors(readPdf(given.bytes), strings)).toEqual([]);
    expect(survivors(readPdf(given.bytes), ['DANH SÁCH CÁC HỘ GIA ĐÌNH'])).not.toEqual([]);
    // A region removed after the approval: the document is not provided until approved again.
    const one = engine.redaction.view(support).regions.find((r) => r.state === 'accepted')!;
    engine.redaction.setState(support, [one.id], 'removed', 'Lê Thị B');
    await expect(providedFile(deps, support, '2026-06-01')).rejects.toMatchObject({ code: 'NOT_PROVIDABLE' });
    await expect(engine.publishedSource(support)).rejects.toMatchObject({ code: 'REDACTION_CHANGED' });
    engine.redaction.setState(support, [one.id], 'accepted', 'Lê Thị B');
  }, 120_000);

  it('a hostile original: the hidden layer, JavaScript, Launch action, attachment and XMP are not in its redacted file; its box is', async () => {
    const page = engine.get(layered).pages[0]!.text!;
    const phone = '0912 345 678';
    const at = page.indexOf(phone);
    await engine.redaction.fromText(layered, 1, at, at + phone.length, 'Lê Thị B');
    const file = await engine.redaction.build(layered);
    expect(file.built).toBe(true);
    const readings = readPdf(await engine.redactedPdf(layered));
    expect(survivors(readings, [...Object.values(HIDDEN), phone])).toEqual([]);
    expect(survivors(readings, ['THONG BAO CONG KHAI'])).not.toEqual([]);
    // Built once per regions key: asking again does not OCR again.
    expect((await engine.redaction.build(layered)).built).toBe(false);
  }, 120_000);
});
