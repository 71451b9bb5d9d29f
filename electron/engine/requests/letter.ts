/**
 * An administrative letter (the notices to a requester) as DOCX and PDF: the agency and national
 * heading side by side, place and date, title, paragraphs, an optional table (the files
 * provided), the signer. Written as plain Office Open XML (ooxml.ts's escaping and deterministic
 * ZIP) and with pdf-lib + Liberation Serif (every Vietnamese glyph), like the catalogue files; no
 * clock, no user name, no path in either file.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { xml } from '../catalogue/ooxml';
import { deterministicZip, type ZipData } from '../catalogue/zip';
import { defaultFontPath } from '../ocr/searchablePdf';

export interface Letter {
  agencyName: string;
  /** "Hà Nội, ngày 05 tháng 02 năm 2026" */
  placeDate: string;
  title: string;
  subtitle?: string;
  paragraphs: string[];
  table?: { header: string[]; widths: number[]; rows: string[][] };
  closing?: string[];
  signer: { position: string; name: string };
  /** ISO date the letter is dated (document metadata). */
  dateIso: string;
}

const NATIONAL = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>';

function run(text: string, o: { bold?: boolean; italic?: boolean; size?: number } = {}): string {
  return `<w:r><w:rPr>${FONT}${o.bold ? '<w:b/>' : ''}${o.italic ? '<w:i/>' : ''}<w:sz w:val="${o.size ?? 26}"/></w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r>`;
}

function p(
  text: string,
  o: {
    bold?: boolean;
    italic?: boolean;
    center?: boolean;
    right?: boolean;
    size?: number;
    indent?: boolean;
  } = {},
): string {
  const jc = o.center ? 'center' : o.right ? 'right' : 'both';
  return `<w:p><w:pPr><w:jc w:val="${jc}"/>${o.indent ? '<w:ind w:firstLine="567"/>' : ''}<w:spacing w:after="80"/></w:pPr>${run(text, o)}</w:p>`;
}

function cell(content: string, width: number): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${content}</w:tc>`;
}

export function letterDocx(l: Letter): Promise<Uint8Array> {
  const usable = 11906 - 1701 - 1134; // A4 portrait minus left 3 cm, right 2 cm (Decree 30/2020)
  const half = Math.floor(usable / 2);
  const noBorders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((b) => `<w:${b} w:val="nil"/>`)
    .join('');
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join('');
  const heading = `<w:tbl><w:tblPr><w:tblW w:w="${usable}" w:type="dxa"/><w:tblBorders>${noBorders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="${half}"/><w:gridCol w:w="${usable - half}"/></w:tblGrid><w:tr>${cell(
    p(l.agencyName.toUpperCase(), { bold: true, center: true, size: 24 }),
    half,
  )}${cell(p(NATIONAL, { bold: true, center: true, size: 24 }) + p(MOTTO, { bold: true, center: true, size: 26 }), usable - half)}</w:tr></w:tbl>`;
  let table = '';
  if (l.table) {
    const total = l.table.widths.reduce((a, b) => a + b, 0);
    const widths = l.table.widths.map((w) => Math.floor((w / total) * usable));
    const row = (cells: string[], bold: boolean) =>
      `<w:tr>${cells.map((c, i) => cell(p(c, { bold, size: 24 }), widths[i]!)).join('')}</w:tr>`;
    table = `<w:tbl><w:tblPr><w:tblW w:w="${usable}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths
      .map((w) => `<w:gridCol w:w="${w}"/>`)
      .join(
        '',
      )}</w:tblGrid>${row(l.table.header, true)}${l.table.rows.map((r) => row(r, false)).join('')}</w:tbl>`;
  }
  const body = [
    heading,
    p(l.placeDate, { italic: true, right: true }),
    p(l.title, { bold: true, center: true, size: 28 }),
    l.subtitle ? p(l.subtitle, { center: true }) : '',
    ...l.paragraphs.map((t) => p(t, { indent: true })),
    table,
    ...(l.closing ?? []).map((t) => p(t, { indent: true })),
    p(l.signer.position.toUpperCase(), { bold: true, right: true }),
    p('(Ký, ghi rõ họ tên, đóng dấu)', { italic: true, right: true, size: 22 }),
    p(l.signer.name, { bold: true, right: true }),
  ].join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const entries: [string, ZipData][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ],
    ['word/document.xml', document],
  ];
  return deterministicZip(entries, `${l.dateIso}T00:00:00.000Z`);
}

let fontBytes: Buffer | null = null;
const A4 = { w: 595.28, h: 841.89 };
const LEFT = 85;
const RIGHT = 57;

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

export async function letterPdf(l: Letter): Promise<Uint8Array> {
  fontBytes ??= readFileSync(defaultFontPath());
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const date = new Date(`${l.dateIso}T00:00:00.000Z`);
  doc.setTitle(l.title);
  doc.setLanguage('vi-VN');
  doc.setCreator('Minh Bạch');
  doc.setProducer('Minh Bạch');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const usable = A4.w - LEFT - RIGHT;
  let page: PDFPage = doc.addPage([A4.w, A4.h]);
  let y = A4.h - 60;
  const ensure = (h: number) => {
    if (y - h < 60) {
      page = doc.addPage([A4.w, A4.h]);
      y = A4.h - 60;
    }
  };
  const text = (
    s: string,
    size: number,
    align: 'left' | 'center' | 'right' | 'justify',
    x0 = LEFT,
    width = usable,
    indent = 0,
  ) => {
    for (const [i, line] of wrap(font, s, size, width - indent).entries()) {
      ensure(size * 1.4);
      const w = font.widthOfTextAtSize(line, size);
      const x =
        align === 'center'
          ? x0 + (width - w) / 2
          : align === 'right'
            ? x0 + width - w
            : x0 + (i === 0 ? indent : 0);
      page.drawText(line, { x, y: y - size, size, font, color: rgb(0, 0, 0) });
      y -= size * 1.4;
    }
  };
  // Heading: agency (left half) and the national heading (right half).
  const top = y;
  text(l.agencyName.toUpperCase(), 11, 'center', LEFT, usable * 0.45);
  const leftBottom = y;
  y = top;
  text(NATIONAL, 11, 'center', LEFT + usable * 0.45, usable * 0.55);
  text(MOTTO, 12, 'center', LEFT + usable * 0.45, usable * 0.55);
  y = Math.min(y, leftBottom) - 10;
  text(l.placeDate, 12, 'right');
  y -= 10;
  text(l.title, 14, 'center');
  if (l.subtitle) text(l.subtitle, 12, 'center');
  y -= 8;
  for (const para of l.paragraphs) text(para, 12, 'justify', LEFT, usable, 28);
  if (l.table) {
    const total = l.table.widths.reduce((a, b) => a + b, 0);
    const widths = l.table.widths.map((w) => (w / total) * usable);
    const size = 10.5;
    const drawRow = (cells: string[]) => {
      const wrapped = cells.map((c, i) => wrap(font, c, size, widths[i]! - 6));
      const h = Math.max(...wrapped.map((w) => w.length)) * size * 1.3 + 6;
      ensure(h);
      let x = LEFT;
      wrapped.forEach((lines, i) => {
        page.drawRectangle({
          x,
          y: y - h,
          width: widths[i]!,
          height: h,
          borderColor: rgb(0, 0, 0),
          borderWidth: 0.5,
        });
        lines.forEach((line, k) =>
          page.drawText(line, { x: x + 3, y: y - 3 - size - k * size * 1.3, size, font }),
        );
        x += widths[i]!;
      });
      y -= h;
    };
    y -= 4;
    drawRow(l.table.header);
    for (const r of l.table.rows) drawRow(r);
    y -= 8;
  }
  for (const para of l.closing ?? []) text(para, 12, 'justify', LEFT, usable, 28);
  y -= 10;
  const signX = LEFT + usable * 0.45;
  text(l.signer.position.toUpperCase(), 12, 'center', signX, usable * 0.55);
  text('(Ký, ghi rõ họ tên, đóng dấu)', 11, 'center', signX, usable * 0.55);
  y -= 40;
  text(l.signer.name, 12, 'center', signX, usable * 0.55);
  return doc.save({ useObjectStreams: true });
}
