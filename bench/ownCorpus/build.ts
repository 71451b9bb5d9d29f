/**
 * Writes the own corpus in the layout of ../shared/corpus: dNN/born-digital.pdf (a text-layer PDF
 * in the Decree 30 layout: issuer and number on the left, motto and date on the right, title,
 * subject, body, recipients beside the signature), dNN/scan.pdf (that page rendered at 200 dpi,
 * tilted, blurred and JPEG-compressed, for the OCR path) and dNN/truth.json.
 *
 *   npx tsx bench/ownCorpus/build.ts --out DIR [--scans]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import sharp from 'sharp';
import { rasterisePdfPage } from '../../electron/engine/ocr/pdfRasteriser';
import { resourcePath } from '../../electron/engine/resourcesDir';
import { seededRandom } from '../lib/vietnameseDocuments';
import { PROTECTED_DOCUMENTS } from './protectedDocuments';
import { PUBLIC_DOCUMENTS } from './publicDocuments';
import { PRACTICE_DOCUMENTS } from './practiceDocuments';
import type { OwnDocument } from './types';

export const OWN_DOCUMENTS: OwnDocument[] = [...PUBLIC_DOCUMENTS, ...PROTECTED_DOCUMENTS, ...PRACTICE_DOCUMENTS];

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

function dateLine(d: OwnDocument): string {
  const [y, m, day] = d.date.split('-').map(Number) as [number, number, number];
  return `${d.place}, ngày ${String(day).padStart(2, '0')} tháng ${m < 3 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

/** The truth in ../shared/corpus's format. */
export function truthOf(d: OwnDocument, text: string): Record<string, unknown> {
  return {
    id: d.id,
    split: 'own',
    text,
    pages: 1,
    metadata: {
      so_ky_hieu: `${d.number}/${d.notation}`,
      so: Number(d.number),
      ky_hieu: d.notation,
      loai_van_ban: d.type,
      co_quan_ban_hanh: d.issuerName,
      dia_danh: d.place,
      ngay_ban_hanh: d.date,
      trich_yeu: d.subject.join(' '),
      nguoi_ky: d.sign.name,
      chuc_vu: d.sign.title,
      do_mat: d.secrecy ?? null,
      do_khan: d.urgency ?? null,
    },
    expected_access: d.access,
    legal_basis: d.basis,
    personal_data: d.personal ?? [],
  };
}

interface Writer {
  page: PDFPage;
  y: number;
}

const SIZE = 12;
const LEFT = { x0: 40, x1: 270 };
const RIGHT = { x0: 270, x1: 560 };
const BODY = { x0: 60, x1: 540 };

function centred(w: Writer, font: PDFFont, text: string, col: { x0: number; x1: number }, size = SIZE): void {
  const width = font.widthOfTextAtSize(text, size);
  w.page.drawText(text, { x: col.x0 + Math.max(0, (col.x1 - col.x0 - width) / 2), y: w.y, size, font });
  w.y -= size * 1.35;
}

function wrapped(w: Writer, font: PDFFont, doc: PDFDocument, text: string): Writer {
  const words = text.split(' ');
  let line = '';
  const flush = () => {
    if (w.y < 50) w = { page: doc.addPage([595, 842]), y: 790 };
    w.page.drawText(line, { x: BODY.x0, y: w.y, size: SIZE, font });
    w.y -= SIZE * 1.4;
    line = '';
  };
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, SIZE) > BODY.x1 - BODY.x0 && line) {
      flush();
      line = word;
    } else line = next;
  }
  if (line) flush();
  return w;
}

/** A text-layer PDF of the document. */
export async function bornDigitalPdf(d: OwnDocument): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(resourcePath('fonts', 'LiberationSerif-Regular.ttf')), { subset: true });
  let w: Writer = { page: doc.addPage([595, 842]), y: 800 };
  // Left column: issuer, number, "V/v" subject of a letter, markings.
  for (const line of d.issuer) centred(w, font, line, LEFT);
  centred(w, font, `Số: ${d.number}/${d.notation}`, LEFT);
  if (!d.title) for (const line of d.subject) centred(w, font, line, LEFT, 11);
  for (const mark of d.marks ?? []) centred(w, font, mark, LEFT);
  const leftEnd = w.y;
  // Right column: motto and date.
  w.y = 800;
  for (const line of MOTTO) centred(w, font, line, RIGHT);
  centred(w, font, dateLine(d), RIGHT, 11);
  w.y = Math.min(w.y, leftEnd) - 14;
  if (d.title) {
    centred(w, font, d.title, BODY, 14);
    for (const line of d.subject) centred(w, font, line, BODY);
    w.y -= 8;
  }
  for (const line of d.preamble ?? []) w = line === line.toLocaleUpperCase('vi') ? (centred(w, font, line, BODY), w) : wrapped(w, font, doc, line);
  if (d.to) w = wrapped(w, font, doc, d.to);
  for (const p of d.body) w = wrapped(w, font, doc, p);
  if (w.y < 160) w = { page: doc.addPage([595, 842]), y: 790 };
  w.y -= 10;
  const top = w.y;
  w.page.drawText('Nơi nhận:', { x: LEFT.x0, y: w.y, size: 11, font });
  w.y -= 14;
  for (const r of d.recipients) {
    w.page.drawText(`- ${r}`, { x: LEFT.x0, y: w.y, size: 10, font });
    w.y -= 13;
  }
  w.y = top;
  for (const line of d.sign.lines) centred(w, font, line, { x0: 300, x1: 540 });
  w.y -= 40;
  centred(w, font, d.sign.name, { x0: 300, x1: 540 });
  return doc.save();
}

/** The page scanned: 200 dpi, slightly tilted, blurred, JPEG at low quality, in a PDF. */
export async function scanPdf(bornDigital: Uint8Array, seed: number): Promise<Uint8Array> {
  const random = seededRandom(seed);
  const doc = await PDFDocument.create();
  const source = await PDFDocument.load(bornDigital);
  for (let n = 1; n <= source.getPageCount(); n += 1) {
    const raster = await rasterisePdfPage(bornDigital, n, 200);
    const jpeg = await sharp(raster.png)
      .rotate((random() - 0.5) * 1.2, { background: '#ffffff' })
      .blur(0.5 + random() * 0.4)
      .greyscale()
      .jpeg({ quality: 35 })
      .toBuffer();
    const image = await doc.embedJpg(jpeg);
    const page = doc.addPage([595, 842]);
    page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return doc.save();
}

/** Writes every document (and with `scans` its scan) under `dir`; returns the folder names. */
export async function buildOwnCorpus(dir: string, options: { scans?: boolean } = {}): Promise<string[]> {
  const { readPdfPageText } = await import('../../electron/engine/ocr/pdfRasteriser');
  const names: string[] = [];
  for (const [i, d] of OWN_DOCUMENTS.entries()) {
    const folder = path.join(dir, `d${String(i + 1).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    const pdf = await bornDigitalPdf(d);
    writeFileSync(path.join(folder, 'born-digital.pdf'), pdf);
    writeFileSync(path.join(folder, 'truth.json'), JSON.stringify(truthOf(d, await readPdfPageText(pdf, 1)), null, 1));
    if (options.scans) writeFileSync(path.join(folder, 'scan.pdf'), await scanPdf(pdf, 1000 + i));
    names.push(path.basename(folder));
  }
  return names;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, scans: { type: 'boolean', default: false } } });
  if (!values.out) throw new Error('--out DIR');
  const names = await buildOwnCorpus(path.resolve(values.out), { scans: values.scans ?? false });
  console.log(`${names.length} documents written to ${values.out}`);
}
