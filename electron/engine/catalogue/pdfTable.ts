/**
 * The catalogues as PDF tables for the agency's official publication: A4 landscape, Liberation
 * Serif (every Vietnamese glyph, OFL, in resources/fonts/), header row repeated on each page, page
 * numbers. Metadata is set from the data only (title, fixed dates, our producer): no user name, no
 * path, no clock. pdf-lib's font-name suffix comes from a seeded generator, so bytes repeat.
 *
 * Speed (100 000 rows): pdf-lib embeds the font and writes the file, but the pages are written as
 * raw content streams — one text object per page, words measured and glyph-encoded once (cache),
 * the stream deflated by zlib as soon as the page is full — instead of one pdf-lib operator object
 * per drawText/drawRectangle, which held gigabytes for 100 000 rows.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFFont, type PDFRef } from 'pdf-lib';
import { defaultFontPath } from '../ocr/searchablePdf';
import { cached, chunkKey, chunksOf } from './chunkCache';
import { breathe } from './zip';

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

interface Word {
  width: number;
  /** Glyph ids as hex (without the angle brackets). */
  hex: string;
}

/** Measures and encodes each character once (fontkit's shaping per string was most of the time);
 *  a word is its characters, a line its words joined by a space. Widths are the glyphs' advances,
 *  as pdf-lib measures them. */
class Typesetter {
  private readonly chars = new Map<string, Word>();
  private readonly words = new Map<string, Word>();
  constructor(private readonly font: PDFFont) {}

  private char(c: string): Word {
    let w = this.chars.get(c);
    if (w === undefined) {
      w = { width: this.font.widthOfTextAtSize(c, SIZE), hex: this.font.encodeText(c).toString().slice(1, -1) };
      this.chars.set(c, w);
    }
    return w;
  }

  word(s: string): Word {
    let w = this.words.get(s);
    if (w === undefined) {
      let width = 0;
      let hex = '';
      for (const c of s) {
        const g = this.char(c);
        width += g.width;
        hex += g.hex;
      }
      w = { width, hex };
      if (this.words.size < 100_000) this.words.set(s, w);
    }
    return w;
  }

  /** Greedy word wrap; a word wider than the cell is cut by characters. Lines as glyph hex. */
  wrap(text: string, width: number): string[] {
    const space = this.word(' ');
    const lines: string[] = [];
    let line: string[] = [];
    let lineW = 0;
    for (const raw of text.split(/\s+/)) {
      if (!raw) continue;
      let word = raw;
      let w = this.word(word);
      while (w.width > width) {
        let cut = word.length - 1;
        while (cut > 1 && this.word(word.slice(0, cut)).width > width) cut -= 1;
        if (line.length) lines.push(line.join(space.hex));
        lines.push(this.word(word.slice(0, cut)).hex);
        line = [];
        lineW = 0;
        word = word.slice(cut);
        w = this.word(word);
      }
      if (line.length && lineW + space.width + w.width > width) {
        lines.push(line.join(space.hex));
        line = [w.hex];
        lineW = w.width;
      } else {
        lineW = line.length ? lineW + space.width + w.width : w.width;
        line.push(w.hex);
      }
    }
    if (line.length) lines.push(line.join(space.hex));
    return lines.length ? lines : [''];
  }
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();

/** Vertical room the title and subtitle take on the first page. */
const TITLE_H = 44;

interface Layout {
  ts: Typesetter;
  widths: number[];
  usable: number;
  headerLines: string[][];
  headerH: number;
}

/** A run of pages drawn from one chunk of rows: each page's content stream (rules and cell text,
 *  deflated), without the page number and title, which depend on where the chunk lands. */
interface RenderedChunk {
  pages: Buffer[];
}

/** Typesets rows onto pages that start with the header row; the first chunk leaves room for the
 *  title. Every chunk starts a page, so its pages do not depend on the chunks before it. */
function renderChunk(layout: Layout, rows: (string | number | null)[][], first: boolean): RenderedChunk {
  const { ts, widths, usable } = layout;
  const pages: Buffer[] = [];
  let ops: string[] = [];
  let text: string[] = [];
  let y = 0;
  let open = false;
  const flush = () => {
    if (!open) return;
    const content = `q\n${ops.join('\n')}\nQ\nBT\n${text.join('\n')}\nET\n`;
    pages.push(deflateSync(Buffer.from(content, 'latin1'), { level: 3 }));
    ops = [];
    text = [];
  };
  const drawRow = (cells: string[][], h: number, header: boolean) => {
    let x = MARGIN;
    if (header) ops.push(`0.93 g ${n(x)} ${n(y - h)} ${n(usable)} ${n(h)} re f 0 g`);
    cells.forEach((lines, i) => {
      ops.push(`${n(x)} ${n(y - h)} ${n(widths[i]!)} ${n(h)} re S`);
      lines.forEach((l, k) => {
        if (l) text.push(`/F1 ${SIZE} Tf 1 0 0 1 ${n(x + PAD)} ${n(y - PAD - SIZE - k * LINE)} Tm <${l}> Tj`);
      });
      x += widths[i]!;
    });
    y -= h;
  };
  const newPage = () => {
    flush();
    open = true;
    ops.push('0.5 w 0 G');
    y = PAGE_H - MARGIN - (first && pages.length === 0 ? TITLE_H : 0);
    drawRow(layout.headerLines, layout.headerH, true);
  };
  newPage();
  for (const row of rows) {
    const cells = row.map((v, i) => ts.wrap(v === null ? '' : String(v), widths[i]! - 2 * PAD));
    const h = Math.max(...cells.map((l) => l.length)) * LINE + 2 * PAD;
    if (y - h < MARGIN) newPage();
    drawRow(cells, h, false);
  }
  if (rows.length === 0) text.push(`/F1 ${SIZE} Tf 1 0 0 1 ${n(MARGIN + PAD)} ${n(y - PAD - SIZE - 4)} Tm <${ts.wrap('(Chưa có mục nào)', 1000)[0]!}> Tj`);
  flush();
  return { pages };
}

/**
 * The table as a PDF. Rows go in chunks (chunkCache.ts) that each start a new page and are cached
 * by their content: a re-export typesets and compresses only the chunk whose rows changed. For
 * that, glyph ids must not depend on the other chunks, so the font is embedded whole (with a
 * subset, a glyph's id is the order in which the document first used it); page numbers and the
 * title are small streams of their own.
 */
export async function pdfTable(table: PdfTable, dateIso: string): Promise<Uint8Array> {
  fontBytes ??= readFileSync(defaultFontPath());
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: false });
  const date = new Date(dateIso);
  doc.setTitle(table.title);
  doc.setSubject(table.subtitle);
  doc.setLanguage('vi-VN');
  doc.setCreator('Minh Bạch');
  doc.setProducer('Minh Bạch');
  doc.setCreationDate(date);
  doc.setModificationDate(date);

  const ts = new Typesetter(font);
  const usable = PAGE_W - 2 * MARGIN;
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => (w / total) * usable);
  const headerLines = table.header.map((h, i) => ts.wrap(h, widths[i]! - 2 * PAD));
  const headerH = Math.max(...headerLines.map((l) => l.length)) * LINE + 2 * PAD;
  const layout: Layout = { ts, widths, usable, headerLines, headerH };
  // Pages go straight into the page tree's Kids: pdf-lib's addPage re-walks the whole tree on
  // every call (quadratic for thousands of pages).
  const ctx = doc.context;
  const pagesRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
  const kids = ctx.lookup(pagesRef, PDFDict).lookup(PDFName.of('Kids'), PDFArray);
  const stream = (content: string) => ctx.register(ctx.stream(Buffer.from(content, 'latin1')));
  const show = (s: string, x: number, y: number, size: number) => `BT /F1 ${size} Tf 1 0 0 1 ${n(x)} ${n(y)} Tm <${ts.wrap(s, 10_000)[0]!}> Tj ET\n`;
  const centred = (s: string, size: number, y: number) => show(s, (PAGE_W - font.widthOfTextAtSize(s, size)) / 2, y, size);
  const top = PAGE_H - MARGIN;
  const titleRef = stream(centred(table.title, 14, top - 14) + centred(table.subtitle, 10, top - 32));
  const chunks = chunksOf(table.rows);
  if (chunks.length === 0) chunks.push({ start: 0, rows: [] });
  for (const [c, chunk] of chunks.entries()) {
    if (c > 0) await breathe();
    const first = c === 0;
    const rendered = cached(
      chunkKey('pdf-rows', table.header, table.widths, first, chunk.rows),
      () => renderChunk(layout, chunk.rows, first),
      (r) => r.pages.reduce((sum, b) => sum + b.length, 64),
    );
    for (const bytes of rendered.pages) {
      const contents = ctx.register(ctx.stream(bytes, { Filter: 'FlateDecode' }));
      const number = stream(show(`Trang ${kids.size() + 1}`, PAGE_W - MARGIN - 40, MARGIN / 2, 8));
      const parts = kids.size() === 0 ? [titleRef, contents, number] : [contents, number];
      const page = ctx.obj({ Type: 'Page', Parent: pagesRef, MediaBox: [0, 0, PAGE_W, PAGE_H], Resources: { Font: { F1: font.ref } }, Contents: parts });
      kids.push(ctx.register(page));
    }
  }
  ctx.lookup(pagesRef, PDFDict).set(PDFName.of('Count'), PDFNumber.of(kids.size()));
  // No default page: pdf-lib's page count comes from a cache that never saw the pages put in
  // the tree above, and it would add a blank one.
  return doc.save({ useObjectStreams: true, addDefaultPage: false });
}
