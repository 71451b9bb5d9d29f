/**
 * Reading order for Vietnamese administrative pages, built from tesseract's block tree.
 *
 * Decree 30 pages have two-column bands: the header (left: issuer, "Số: …", "V/v …"; right: national
 * motto, place and date) and the footer (left: "Nơi nhận:"; right: signature). Tesseract may read
 * such a band line by line across both columns ("ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI …"). We split lines
 * at wide gaps, classify each piece as left column, right column or full width, and emit each
 * two-column band as its whole left column, then its whole right column — the order of the corpus
 * ground truth (corpus/README.md, "Ground-truth text conventions").
 *
 * A line that splits into three or more pieces is a table row: it stays one line, cells joined by a
 * tab. Wrapped lines of one body paragraph are joined with spaces (one paragraph = one line).
 */
import type Tesseract from 'tesseract.js';
import { nfc } from '../../../shared/text/vietnamese';
import type { OcrWord } from './types';

/** A gap wider than this many line heights separates columns (or table cells). */
const COLUMN_GAP_LINE_HEIGHTS = 1.2;
/** Words with no letter or digit and less confidence than this are specks, rules or seal marks. */
const NOISE_CONFIDENCE = 50;

type Column = 'left' | 'right' | 'full';

interface Segment {
  cells: OcrWord[][];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  paragraph: number;
  column: Column;
}

export interface ReadingOrderResult {
  text: string;
  words: OcrWord[];
}

/** Marks tesseract reads from rules, scanner streaks and specks; never text on these pages. */
const ALWAYS_NOISE = /^[_|~`©®°'"‘’“”,.:;=]+$/u;

/** One- or two-character "words" read with less confidence than this are specks and dust (on the
 *  corpus every such word under 20 was junk: "ị", "c", "á", "x", "3,"). */
const SPECK_CONFIDENCE = 20;

function isNoise(word: OcrWord): boolean {
  if (ALWAYS_NOISE.test(word.text)) return true;
  if (word.confidence < SPECK_CONFIDENCE && [...word.text].length <= 2) return true;
  return !/[\p{L}\p{N}]/u.test(word.text) && word.confidence < NOISE_CONFIDENCE;
}

function toWord(w: Tesseract.Word): OcrWord {
  return {
    // A table's vertical rule read as "|" glued to the cell's first or last word.
    text: nfc(w.text.trim().replace(/^\|+(?=\p{L}|\p{N})|(?<=\p{L}|\p{N}|[.,;:)])\|+$/gu, '')),
    x0: w.bbox.x0,
    y0: w.bbox.y0,
    x1: w.bbox.x1,
    y1: w.bbox.y1,
    confidence: Math.round(w.confidence * 10) / 10,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function bounds(words: OcrWord[]): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.min(...words.map((w) => w.x0)),
    y0: Math.min(...words.map((w) => w.y0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y1: Math.max(...words.map((w) => w.y1)),
  };
}

/** Splits one tesseract line into pieces separated by column-wide gaps. */
function splitAtGaps(words: OcrWord[]): OcrWord[][] {
  const sorted = [...words].sort((a, b) => a.x0 - b.x0);
  const gap = COLUMN_GAP_LINE_HEIGHTS * Math.max(1, median(sorted.map((w) => w.y1 - w.y0)));
  const pieces: OcrWord[][] = [];
  let current: OcrWord[] = [];
  for (const word of sorted) {
    const last = current[current.length - 1];
    if (last && word.x0 - last.x1 > gap) {
      pieces.push(current);
      current = [];
    }
    current.push(word);
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

function collectSegments(blocks: Tesseract.Block[]): Segment[] {
  const segments: Segment[] = [];
  let paragraphId = 0;
  for (const block of blocks) {
    for (const paragraph of block.paragraphs ?? []) {
      paragraphId += 1;
      for (const line of paragraph.lines ?? []) {
        const words = (line.words ?? []).map(toWord).filter((w) => w.text.length > 0 && !isNoise(w));
        if (words.length === 0) continue;
        const pieces = splitAtGaps(words);
        // Three or more pieces on one baseline: a table row, kept together.
        const groups = pieces.length >= 3 ? [pieces] : pieces.map((p) => [p]);
        for (const cells of groups) {
          segments.push({ cells, ...bounds(cells.flat()), paragraph: paragraphId, column: 'full' });
        }
      }
    }
  }
  return segments;
}

/** Left/right relative to the text area (Vietnamese pages have a wider left margin). */
function classify(segments: Segment[]): void {
  if (segments.length === 0) return;
  const left = Math.min(...segments.map((s) => s.x0));
  const right = Math.max(...segments.map((s) => s.x1));
  const width = Math.max(1, right - left);
  for (const s of segments) {
    if (s.cells.length > 1) continue; // table rows are full width
    const centre = ((s.x0 + s.x1) / 2 - left) / width;
    const start = (s.x0 - left) / width;
    const end = (s.x1 - left) / width;
    if (centre < 0.42 && end < 0.55) s.column = 'left';
    else if (centre > 0.58 && start > 0.35) s.column = 'right';
  }
}

/** Top-to-bottom, with each run of column pieces emitted left column first, then right. */
function order(segments: Segment[]): Segment[] {
  const byTop = [...segments].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const out: Segment[] = [];
  let band: Segment[] = [];
  const flush = (): void => {
    out.push(...band.filter((s) => s.column === 'left'), ...band.filter((s) => s.column === 'right'));
    band = [];
  };
  for (const s of byTop) {
    if (s.column === 'full') {
      flush();
      out.push(s);
    } else {
      band.push(s);
    }
  }
  flush();
  return out;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

/**
 * Table cells that wrap onto more lines come out of tesseract as extra lines under the row, with
 * nothing in the row's first column (the STT number, or the label of a two-column table). Those
 * lines are folded back into the row, each piece into the cell above it, so a row reads as one line
 * ("1\tHuỳnh Thanh Sa Phone\t10/12/1964…") instead of its fragments.
 */
function foldTableContinuations(ordered: Segment[]): Segment[] {
  const out: Segment[] = [];
  let row: Segment | null = null;
  let lineHeight = 0;
  for (const s of ordered) {
    if (row) {
      const first = row.cells[0]!;
      const firstX1 = Math.max(...first.map((w) => w.x1));
      const tableX0 = row.x0 - lineHeight;
      const tableX1 = row.x1 + lineHeight;
      const below = s.y0 >= row.y0 && s.y0 - row.y1 <= 1.5 * lineHeight;
      const inside = s.x0 >= tableX0 && s.x1 <= tableX1;
      const leavesFirstColumnEmpty = s.x0 > firstX1;
      if (below && inside && leavesFirstColumnEmpty) {
        const cellRanges = row.cells.map((cell) => bounds(cell));
        for (const piece of s.cells) {
          const b = bounds(piece);
          let best = 0;
          let bestScore = -Infinity;
          cellRanges.forEach((range, index) => {
            const score = overlap(b.x0, b.x1, range.x0, range.x1) - Math.abs((b.x0 + b.x1) / 2 - (range.x0 + range.x1) / 2) / 1000;
            if (score > bestScore) {
              bestScore = score;
              best = index;
            }
          });
          row.cells[best] = [...row.cells[best]!, ...piece];
        }
        Object.assign(row, bounds(row.cells.flat()));
        continue;
      }
    }
    out.push(s);
    if (s.cells.length >= 2 && s.column === 'full') {
      row = s;
      lineHeight = Math.max(1, median(s.cells.flat().map((w) => w.y1 - w.y0)));
    } else {
      row = null;
    }
  }
  return out;
}

export function buildReadingOrder(blocks: Tesseract.Block[] | null | undefined): ReadingOrderResult {
  const segments = collectSegments(blocks ?? []);
  classify(segments);
  const ordered = foldTableContinuations(order(segments));
  let text = '';
  let previous: Segment | undefined;
  for (const s of ordered) {
    const line = s.cells.map((cell) => cell.map((w) => w.text).join(' ')).join('\t');
    if (previous) {
      // A paragraph's short last line may classify as 'left'; it still continues the paragraph.
      const sameParagraph =
        previous.paragraph === s.paragraph && previous.column === 'full' && previous.cells.length === 1 && s.cells.length === 1;
      text += sameParagraph ? ' ' : '\n';
    }
    text += line;
    previous = s;
  }
  return { text: nfc(text), words: ordered.flatMap((s) => s.cells.flat()) };
}
