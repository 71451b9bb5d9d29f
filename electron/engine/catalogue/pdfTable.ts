/**
 * The catalogues as PDF tables for the agency's official publication: A4 landscape, Liberation
 * Serif (every Vietnamese glyph, OFL, in resources/fonts/), header row repeated on each page, page
 * numbers. Metadata is set from the data only (title, fixed dates, our producer): no user name, no
 * path, no clock. pdf-lib's font-name suffix comes from a seeded generator, so bytes repeat.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { defaultFontPath } from '../ocr/searchablePdf';

export interface PdfTable {
  title: string;
  subtitle: string;
  header: string[];
  widths: number[];
  rows: (string | number | null)[][];
}

const PAGE_W = 841.89;
const PAGE_H = 595.28;
const MARGIN = 36;
const SIZE = 8.5;
const LINE = SIZE * 1.25;
const PAD = 3;

let fontBytes: Buffer | null = null;

/** Greedy word wrap; a word wider than the cell is cut by characters. */
function wrap(font: PDFFont, text: string, width: number, cache: Map<string, number>): string[] {
  const measure = (s: string) => {
    let w = cache.get(s);
    if (w === undefined) {
      w = font.widthOfTextAtSize(s, SIZE);
      if (cache.size < 200_000) cache.set(s, w);
    }
    return w;
  };
  const space = measure(' ');
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = measure(word);
    let rest = word;
    while (w > width) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut)) > width) cut -= 1;
      if (line) lines.push(line);
      lines.push(rest.slice(0, cut));
      line = '';
      lineW = 0;
      rest = rest.slice(cut);
      w = measure(rest);
    }
    if (line && lineW + space + w > width) {
      lines.push(line);
      line = rest;
      lineW = w;
    } else {
      line = line ? `${line} ${rest}` : rest;
      lineW = line === rest ? w : lineW + space + w;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export async function pdfTable(table: PdfTable, dateIso: string): Promise<Uint8Array> {
  fontBytes ??= readFileSync(defaultFontPath());
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const date = new Date(dateIso);
  doc.setTitle(table.title);
  doc.setSubject(table.subtitle);
  doc.setLanguage('vi-VN');
  doc.setCreator('Minh Bạch');
  doc.setProducer('Minh Bạch');
  doc.setCreationDate(date);
  doc.setModificationDate(date);

  const usable = PAGE_W - 2 * MARGIN;
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => (w / total) * usable);
  const cache = new Map<string, number>();
  const headerLines = table.header.map((h, i) => wrap(font, h, widths[i]! - 2 * PAD, cache));
  const headerH = Math.max(...headerLines.map((l) => l.length)) * LINE + 2 * PAD;
  let page: PDFPage | null = null;
  let y = 0;
  let pageNo = 0;

  const drawRow = (cells: string[][], h: number, bold: boolean) => {
    let x = MARGIN;
    if (bold) page!.drawRectangle({ x, y: y - h, width: usable, height: h, color: rgb(0.93, 0.93, 0.93) });
    cells.forEach((lines, i) => {
      page!.drawRectangle({ x, y: y - h, width: widths[i]!, height: h, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
      lines.forEach((l, k) => page!.drawText(l, { x: x + PAD, y: y - PAD - SIZE - k * LINE, size: SIZE, font }));
      x += widths[i]!;
    });
    y -= h;
  };
  const newPage = () => {
    page = doc.addPage([PAGE_W, PAGE_H]);
    pageNo += 1;
    y = PAGE_H - MARGIN;
    if (pageNo === 1) {
      const t = font.widthOfTextAtSize(table.title, 14);
      page.drawText(table.title, { x: (PAGE_W - t) / 2, y: y - 14, size: 14, font });
      const s = font.widthOfTextAtSize(table.subtitle, 10);
      page.drawText(table.subtitle, { x: (PAGE_W - s) / 2, y: y - 32, size: 10, font });
      y -= 44;
    }
    page.drawText(`Trang ${pageNo}`, { x: PAGE_W - MARGIN - 40, y: MARGIN / 2, size: 8, font });
    drawRow(headerLines, headerH, true);
  };
  newPage();
  for (const row of table.rows) {
    const cells = row.map((v, i) => wrap(font, v === null ? '' : String(v), widths[i]! - 2 * PAD, cache));
    const h = Math.max(...cells.map((l) => l.length)) * LINE + 2 * PAD;
    if (y - h < MARGIN) newPage();
    drawRow(cells, h, false);
  }
  if (table.rows.length === 0) {
    page!.drawText('(Chưa có mục nào)', { x: MARGIN + PAD, y: y - PAD - SIZE - 4, size: SIZE, font });
  }
  return doc.save({ useObjectStreams: true });
}
