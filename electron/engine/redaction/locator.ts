/**
 * A document's pages as the redaction tools see them: for an offset span of the page text, the
 * boxes it covers on the page image; for a box drawn on the image, the words under it. OCR'd pages
 * use their stored words (prepared-image pixels); text-layer PDF pages the pdf.js text items of
 * the original (read in the memory-capped PDF child, once per page).
 */
import { readFile } from 'node:fs/promises';
import type { Db } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import type { PageTextItems } from '../pdf/index';
import { wordOffsets } from '../review/queue';
import {
  itemCharCentre,
  ocrBoxes,
  textLayerBoxes,
  textWithSources,
  type Box,
  type OcrWordBox,
} from './textBoxes';

type Layout =
  | { kind: 'ocr'; text: string; words: OcrWordBox[]; width: number; height: number }
  | { kind: 'text-layer'; text: string; items: PageTextItems }
  | { kind: 'none'; text: string };

export type TextItemsReader = (pdf: Uint8Array, page: number) => Promise<PageTextItems>;

const inside = (box: Box, x: number, y: number) =>
  x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h;

export class DocumentLocator {
  private readonly layouts = new Map<number, Promise<Layout>>();
  private original: Promise<Uint8Array> | null = null;

  constructor(
    private readonly db: Db,
    private readonly store: FileStore,
    private readonly documentId: number,
    private readonly textItems: TextItemsReader,
  ) {}

  private layout(page: number): Promise<Layout> {
    let l = this.layouts.get(page);
    if (!l) {
      l = this.read(page);
      this.layouts.set(page, l);
    }
    return l;
  }

  private async read(page: number): Promise<Layout> {
    const row = this.db
      .prepare(
        `SELECT p.text, p.source, p.words, p.width, p.height, d.mime, d.file_sha256
           FROM pages p JOIN documents d ON d.id = p.document_id WHERE p.document_id = ? AND p.n = ?`,
      )
      .get(this.documentId, page) as
      | {
          text: string | null;
          source: string | null;
          words: string | null;
          width: number | null;
          height: number | null;
          mime: string;
          file_sha256: string;
        }
      | undefined;
    const text = row?.text ?? '';
    if (!row) return { kind: 'none', text };
    if (row.source === 'ocr' && row.words && row.width && row.height) {
      return {
        kind: 'ocr',
        text,
        words: JSON.parse(row.words) as OcrWordBox[],
        width: row.width,
        height: row.height,
      };
    }
    if (row.source === 'text-layer' && row.mime === 'application/pdf') {
      this.original ??= readFile(this.store.pathFor(row.file_sha256));
      return { kind: 'text-layer', text, items: await this.textItems(await this.original, page) };
    }
    return { kind: 'none', text };
  }

  /** The page's text (as stored). */
  async text(page: number): Promise<string> {
    return (await this.layout(page)).text;
  }

  /** Boxes of the text span [start, end) of the page; [] when it cannot be placed. */
  async boxes(page: number, start: number, end: number): Promise<Box[]> {
    const l = await this.layout(page);
    if (l.kind === 'ocr') return ocrBoxes(l.words, l.text, l.width, l.height, start, end);
    if (l.kind === 'text-layer') return textLayerBoxes(l.items, l.text, start, end);
    return [];
  }

  /** The words whose middle lies inside the box, in reading order; null when none (or the page
   *  has no text the tools can place). */
  async textIn(page: number, box: Box): Promise<string | null> {
    const l = await this.layout(page);
    const parts: string[] = [];
    if (l.kind === 'ocr') {
      for (const w of l.words) {
        if (inside(box, (w.x0 + w.x1) / 2 / l.width, (w.y0 + w.y1) / 2 / l.height)) parts.push(w.text);
      }
    } else if (l.kind === 'text-layer') {
      const { text, sources } = textWithSources(l.items.items);
      let run = '';
      for (let k = 0; k < text.length; k += 1) {
        const s = sources[k];
        const ch = text[k]!;
        if (!s || /\s/.test(ch)) {
          run += run ? ' ' : '';
          continue;
        }
        const [cx, cy] = itemCharCentre(l.items.items[s[0]]!, s[1]);
        if (inside(box, cx / l.items.width, cy / l.items.height)) run += ch;
        else if (run.trim()) {
          parts.push(run.trim());
          run = '';
        }
      }
      if (run.trim()) parts.push(run.trim());
    }
    const joined = parts.join(' ').replace(/\s+/g, ' ').trim();
    return joined || null;
  }

  /** Offsets of every OCR word of the page (for tests and the text panel). */
  async wordSpans(page: number): Promise<({ start: number; end: number } | null)[]> {
    const l = await this.layout(page);
    return l.kind === 'ocr' ? wordOffsets(l.text, l.words) : [];
  }
}
