/**
 * Where a span of a page's text is on the page image: boxes as fractions of the image.
 *
 * - OCR'd pages: the boxes of the OCR words the span touches (whole words), padded, and the words
 *   of one line joined into one box (the gaps between them covered too).
 * - Text-layer pages: pdf.js's text items (engine/pdf `textItems`, placed on the page). The page
 *   text was built from the same items (pdfDocument.ts textFromItems), so the text is rebuilt here
 *   with, for every character, the item and character it came from. Within an item, characters are
 *   placed by their advance widths in Liberation Serif — metric-compatible with Times New Roman,
 *   the font Decree 30/2020 prescribes — scaled to the item's real length; the box is padded by a
 *   sixth of the font size on each side, and reaches from above a capital's stacked diacritics to
 *   below the descenders.
 *
 * Hand-rolled on purpose: pdf.js gives no per-character positions, and no library maps offsets of
 * a normalised text back to its items. If the rebuilt text differs from the stored one (the text
 * layer was read by an older build), the span is found by its words nearest the stored offset.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { PageTextItems, PlacedTextItem } from '../pdf/index';
import { resourcePath } from '../resourcesDir';
import { wordOffsets } from '../review/queue';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface OcrWordBox {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Pixel or point rectangles, before they become fractions. */
interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Character source: [item index, character index in item.str], or null for inserted line ends. */
type Source = readonly [number, number] | null;

const ASCENT_EM = 1.18;
const DESCENT_EM = 0.32;
const SIDE_EM = 1 / 6;

interface Metrics {
  unitsPerEm: number;
  advance(codePoint: number): number | null;
}

let metrics: Metrics | null = null;

/** Liberation Serif advance widths (resources/fonts, shipped with the app). */
function fontMetrics(): Metrics {
  if (metrics) return metrics;
  const font = fontkit.create(
    readFileSync(resourcePath('fonts', 'LiberationSerif-Regular.ttf')),
  ) as unknown as {
    unitsPerEm: number;
    hasGlyphForCodePoint(cp: number): boolean;
    glyphForCodePoint(cp: number): { advanceWidth: number };
  };
  const cache = new Map<number, number | null>();
  metrics = {
    unitsPerEm: font.unitsPerEm,
    advance(cp) {
      let w = cache.get(cp);
      if (w === undefined) {
        w = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth : null;
        cache.set(cp, w);
      }
      return w;
    },
  };
  return metrics;
}

/** Relative advance of each UTF-16 unit of `s` (combining marks and low surrogates take none). */
function advances(s: string): number[] {
  const m = fontMetrics();
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 1) {
    const code = s.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) {
      out.push(0);
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (/\p{M}/u.test(String.fromCodePoint(cp))) {
      out.push(0);
      continue;
    }
    out.push((m.advance(cp) ?? m.unitsPerEm / 2) / m.unitsPerEm);
  }
  return out;
}

/**
 * The page text exactly as pdfDocument.ts textFromItems builds it from the items, with each
 * character's source item and character: items joined, a line end after `hasEOL` items, runs of
 * spaces and tabs made one space, lines trimmed, empty lines kept only after a non-empty one, the
 * whole trimmed, NFC.
 */
export function textWithSources(items: readonly Pick<PlacedTextItem, 'str' | 'hasEOL'>[]): {
  text: string;
  sources: Source[];
} {
  const chars: { c: string; s: Source }[] = [];
  items.forEach((item, i) => {
    if (typeof item.str !== 'string') return;
    for (let j = 0; j < item.str.length; j += 1) chars.push({ c: item.str[j]!, s: [i, j] });
    if (item.hasEOL) chars.push({ c: '\n', s: null });
  });
  // Lines, each with runs of spaces/tabs collapsed and trimmed (JS \s is String.prototype.trim's set).
  const lines: { c: string; s: Source }[][] = [[]];
  for (const ch of chars) {
    if (ch.c === '\n') lines.push([]);
    else lines[lines.length - 1]!.push(ch);
  }
  const cleaned = lines.map((line) => {
    const out: { c: string; s: Source }[] = [];
    for (const ch of line) {
      if (ch.c === ' ' || ch.c === '\t') {
        if (
          out.length > 0 &&
          out[out.length - 1]!.c === ' ' &&
          (out[out.length - 1] as { blank?: boolean }).blank
        )
          continue;
        out.push(Object.assign({ c: ' ', s: ch.s }, { blank: true }));
      } else out.push(ch);
    }
    let a = 0;
    let b = out.length;
    while (a < b && /\s/.test(out[a]!.c)) a += 1;
    while (b > a && /\s/.test(out[b - 1]!.c)) b -= 1;
    return out.slice(a, b);
  });
  const kept = cleaned.filter((line, i) => line.length > 0 || (i > 0 && cleaned[i - 1]!.length > 0));
  let joined: { c: string; s: Source }[] = [];
  kept.forEach((line, i) => {
    if (i > 0) joined.push({ c: '\n', s: null });
    joined = joined.concat(line);
  });
  let a = 0;
  let b = joined.length;
  while (a < b && /\s/.test(joined[a]!.c)) a += 1;
  while (b > a && /\s/.test(joined[b - 1]!.c)) b -= 1;
  joined = joined.slice(a, b);
  // NFC cluster by cluster (a base character and the marks after it), keeping the cluster's source.
  let text = '';
  const sources: Source[] = [];
  let i = 0;
  while (i < joined.length) {
    let j = i + 1;
    while (j < joined.length && /\p{M}/u.test(joined[j]!.c)) j += 1;
    const cluster = joined.slice(i, j);
    const normal = cluster
      .map((x) => x.c)
      .join('')
      .normalize('NFC');
    const source = cluster.find((x) => x.s !== null)?.s ?? null;
    for (let k = 0; k < normal.length; k += 1) sources.push(source);
    text += normal;
    i = j;
  }
  return { text, sources };
}

/** [start, end) of the span in `text` (built), given its offsets in `stored` (the archive's page
 *  text): the same offsets when the texts agree, else the occurrence of its words nearest to
 *  where it was; null when it is not there. */
export function locateSpan(
  text: string,
  stored: string,
  start: number,
  end: number,
): [number, number] | null {
  if (text === stored) return start >= 0 && end <= text.length && start < end ? [start, end] : null;
  const needle = stored.slice(start, end).replace(/\s+/g, ' ').trim();
  if (!needle) return null;
  const words = needle.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(words.join('\\s+'), 'g');
  let best: [number, number] | null = null;
  for (const m of text.matchAll(re)) {
    if (!best || Math.abs(m.index - start) < Math.abs(best[0] - start))
      best = [m.index, m.index + m[0].length];
  }
  return best;
}

function rectOfItemChars(item: PlacedTextItem, from: number, to: number): Rect {
  const adv = advances(item.str);
  const total = adv.reduce((s, w) => s + w, 0);
  const scale = total > 0 ? item.length / total : 0;
  let a = 0;
  for (let k = 0; k < from; k += 1) a += adv[k]!;
  let b = a;
  for (let k = from; k < to; k += 1) b += adv[k]!;
  const size = item.size > 0 ? item.size : 10;
  const along0 = a * scale - SIDE_EM * size;
  const along1 = Math.max(b * scale, a * scale) + SIDE_EM * size;
  // "up" in the viewport (y down) is the text direction turned a quarter counter-clockwise.
  const ux = item.dy;
  const uy = -item.dx;
  const corners: [number, number][] = [];
  for (const along of [along0, along1]) {
    for (const up of [-DESCENT_EM * size, ASCENT_EM * size]) {
      corners.push([item.x + item.dx * along + ux * up, item.y + item.dy * along + uy * up]);
    }
  }
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The middle of character `j` of a placed item (viewport points), placed by its advance width. */
export function itemCharCentre(item: PlacedTextItem, j: number): [number, number] {
  const adv = advances(item.str);
  const total = adv.reduce((s, w) => s + w, 0);
  const scale = total > 0 ? item.length / total : 0;
  let a = 0;
  for (let k = 0; k < j; k += 1) a += adv[k]!;
  const along = (a + (adv[j] ?? 0) / 2) * scale;
  const up = (item.size > 0 ? item.size : 10) * 0.35;
  return [item.x + item.dx * along + item.dy * up, item.y + item.dy * along - item.dx * up];
}

/** Rectangles of one line (their heights overlap by half or more) joined when close. */
function mergeLines(rects: Rect[]): Rect[] {
  const out: Rect[] = [];
  for (const r of [...rects].sort((p, q) => p.y0 - q.y0 || p.x0 - q.x0)) {
    const same = out.find((o) => {
      const overlap = Math.min(o.y1, r.y1) - Math.max(o.y0, r.y0);
      const h = Math.min(o.y1 - o.y0, r.y1 - r.y0);
      const gap = Math.max(r.x0 - o.x1, o.x0 - r.x1);
      return overlap >= h / 2 && gap <= Math.max(o.y1 - o.y0, r.y1 - r.y0) * 1.5;
    });
    if (same) {
      same.x0 = Math.min(same.x0, r.x0);
      same.y0 = Math.min(same.y0, r.y0);
      same.x1 = Math.max(same.x1, r.x1);
      same.y1 = Math.max(same.y1, r.y1);
    } else out.push({ ...r });
  }
  return out;
}

function toFractions(rects: Rect[], width: number, height: number): Box[] {
  return rects
    .map((r) => {
      const x0 = Math.max(0, r.x0 / width);
      const y0 = Math.max(0, r.y0 / height);
      const x1 = Math.min(1, r.x1 / width);
      const y1 = Math.min(1, r.y1 / height);
      return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    })
    .filter((b) => b.w > 0 && b.h > 0);
}

/** Boxes of text offsets [start, end) of a text-layer page (offsets in `stored`, its page text). */
export function textLayerBoxes(page: PageTextItems, stored: string, start: number, end: number): Box[] {
  const { text, sources } = textWithSources(page.items);
  const span = locateSpan(text, stored, start, end);
  if (!span) return [];
  // Consecutive characters of one item become one run.
  const runs = new Map<number, [number, number]>();
  for (let k = span[0]; k < span[1]; k += 1) {
    const s = sources[k];
    if (!s || /\s/.test(text[k]!)) continue;
    const run = runs.get(s[0]);
    if (run) {
      run[0] = Math.min(run[0], s[1]);
      run[1] = Math.max(run[1], s[1] + 1);
    } else runs.set(s[0], [s[1], s[1] + 1]);
  }
  const rects = [...runs].map(([i, [from, to]]) => rectOfItemChars(page.items[i]!, from, to));
  return toFractions(mergeLines(rects), page.width, page.height);
}

/** Boxes of text offsets [start, end) of an OCR'd page: its words' boxes (pixels of an image of
 *  `width` × `height`), padded, one box per line. */
export function ocrBoxes(
  words: readonly OcrWordBox[],
  text: string,
  width: number,
  height: number,
  start: number,
  end: number,
): Box[] {
  const offsets = wordOffsets(text, words);
  const rects: Rect[] = [];
  offsets.forEach((o, i) => {
    if (!o || o.end <= start || o.start >= end) return;
    const w = words[i]!;
    const pad = Math.max(2, (w.y1 - w.y0) * 0.18);
    rects.push({ x0: w.x0 - pad, y0: w.y0 - pad, x1: w.x1 + pad, y1: w.y1 + pad });
  });
  return toFractions(mergeLines(rects), width, height);
}
