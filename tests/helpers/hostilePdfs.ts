/**
 * PDFs that try to smuggle content past the export: a hidden optional-content layer, JavaScript,
 * a Launch action, an embedded file, a form and an XMP packet (`layeredPdf`); and a PDF protected
 * by an owner password only (`ownerPasswordPdf`, encrypted by qpdf — the tests need qpdf anyway).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

export interface LayeredPdfTexts {
  visible: string[];
  hidden: string;
  javascript: string;
  attachment: string;
  xmp: string;
}

export async function layeredPdf(texts: LayeredPdfTexts): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  texts.visible.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: 12, font }));
  const ctx = doc.context;
  const ocg = ctx.register(ctx.obj({ Type: 'OCG', Name: PDFString.of('Ghi chu noi bo') }));
  doc.catalog.set(PDFName.of('OCProperties'), ctx.obj({ OCGs: [ocg], D: ctx.obj({ OFF: [ocg], Order: [ocg] }) }));
  const fontName = page.node.Resources()!.lookup(PDFName.of('Font'), (await import('pdf-lib')).PDFDict).keys()[0]!.asString();
  page.node.Resources()!.set(PDFName.of('Properties'), ctx.obj({ MC0: ocg }));
  const hidden = ctx.register(ctx.stream(`/OC /MC0 BDC BT ${fontName} 12 Tf 56 500 Td (${texts.hidden}) Tj ET EMC`));
  const contents = page.node.Contents();
  page.node.set(PDFName.of('Contents'), ctx.obj([...(contents && 'asArray' in contents ? contents.asArray() : [page.node.get(PDFName.of('Contents'))!]), hidden]));
  // Unreferenced by any page: document JavaScript, a Launch open action, an attachment, a form, XMP.
  const js = ctx.register(ctx.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(texts.javascript) }));
  const file = ctx.register(ctx.stream(texts.attachment, { Type: 'EmbeddedFile' }));
  const spec = ctx.register(ctx.obj({ Type: 'Filespec', F: PDFString.of('ghichu.txt'), EF: ctx.obj({ F: file }) }));
  doc.catalog.set(PDFName.of('Names'), ctx.obj({ JavaScript: ctx.obj({ Names: [PDFString.of('a'), js] }), EmbeddedFiles: ctx.obj({ Names: [PDFString.of('ghichu.txt'), spec] }) }));
  doc.catalog.set(PDFName.of('OpenAction'), ctx.obj({ S: 'Launch', F: PDFString.of('cmd.exe') }));
  doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [] }));
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(ctx.stream(`<x:xmpmeta xmlns:x="adobe:ns:meta/">${texts.xmp}</x:xmpmeta>`, { Type: 'Metadata', Subtype: 'XML' })));
  return doc.save({ useObjectStreams: false });
}

/** A simple text PDF encrypted with an owner password and an empty user password (AES-256). */
export async function ownerPasswordPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 22, size: 16, font }));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mb-owner-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), await doc.save());
    execFileSync('qpdf', ['--encrypt', '', 'chu-so-huu', '256', '--print=none', '--modify=none', '--extract=n', '--', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
    return readFileSync(path.join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
