/**
 * Paints redaction regions onto a page image: each box filled opaque black over whole pixels
 * (rounded outwards), with its ground's short label ("Đ7.K2") in white when the box is tall and
 * wide enough to hold it. The label is drawn from Liberation Serif's glyph outlines as SVG paths,
 * so no font has to be installed where the app runs (Windows PCs, CI) and the result is the same
 * everywhere. The pixels under a box are replaced, not covered: the painted image holds nothing of
 * what was there.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import sharp from 'sharp';
import { resourcePath } from '../resourcesDir';
import type { Box } from './textBoxes';

export interface PaintedBox {
  box: Box;
  label: string;
}

interface GlyphRun {
  glyphs: { path: { toSVG(): string } }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
}

interface LabelFont {
  unitsPerEm: number;
  ascent: number;
  layout(text: string): GlyphRun;
}

let font: LabelFont | null = null;
function labelFont(): LabelFont {
  font ??= fontkit.create(
    readFileSync(resourcePath('fonts', 'LiberationSerif-Regular.ttf')),
  ) as unknown as LabelFont;
  return font;
}

/** The label as SVG paths, its baseline starting at (x, y), `size` pixels per em. */
function labelPaths(text: string, x: number, y: number, size: number): { svg: string; width: number } {
  const f = labelFont();
  const run = f.layout(text);
  const scale = size / f.unitsPerEm;
  let pen = 0;
  const parts: string[] = [];
  run.glyphs.forEach((g, i) => {
    const p = run.positions[i]!;
    const d = g.path.toSVG();
    if (d)
      parts.push(
        `<path transform="translate(${(x + (pen + p.xOffset) * scale).toFixed(2)} ${(y - p.yOffset * scale).toFixed(2)}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})" d="${d}"/>`,
      );
    pen += p.xAdvance;
  });
  return { svg: parts.join(''), width: pen * scale };
}

/** Pixel rectangle of a box on a width × height image, rounded outwards. */
export function pixelRect(
  box: Box,
  width: number,
  height: number,
): { left: number; top: number; right: number; bottom: number } {
  return {
    left: Math.max(0, Math.floor(box.x * width)),
    top: Math.max(0, Math.floor(box.y * height)),
    right: Math.min(width, Math.ceil((box.x + box.w) * width)),
    bottom: Math.min(height, Math.ceil((box.y + box.h) * height)),
  };
}

/** The SVG that paints the boxes on a width × height image. */
export function overlaySvg(boxes: readonly PaintedBox[], width: number, height: number): string {
  const shapes: string[] = [];
  for (const { box, label } of boxes) {
    const r = pixelRect(box, width, height);
    const w = r.right - r.left;
    const h = r.bottom - r.top;
    if (w <= 0 || h <= 0) continue;
    shapes.push(`<rect x="${r.left}" y="${r.top}" width="${w}" height="${h}" fill="#000"/>`);
    if (!label) continue;
    const full = h * 0.72;
    const natural = labelPaths(label, 0, 0, full).width;
    const size = natural > w * 0.9 ? full * ((w * 0.9) / natural) : full;
    if (size < 9) continue; // too small to read: the box alone
    const lw = natural * (size / full);
    const x = r.left + (w - lw) / 2;
    const y = r.top + h / 2 + size * 0.33;
    shapes.push(`<g fill="#fff">${labelPaths(label, x, y, size).svg}</g>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${shapes.join('')}</svg>`;
}

/** The page image with the boxes painted; PNG with the image's resolution kept. */
export async function paintRegions(
  image: Uint8Array,
  boxes: readonly PaintedBox[],
  options: { maxPixels?: number; fallbackDpi?: number } = {},
): Promise<{ png: Buffer; width: number; height: number; dpi: number }> {
  // EXIF orientation applied first: regions were placed on the upright image the viewer shows.
  const upright = await sharp(image, { limitInputPixels: options.maxPixels ?? 120_000_000 })
    .rotate()
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  const { width, height } = upright.info;
  const meta = await sharp(image, { limitInputPixels: options.maxPixels ?? 120_000_000 }).metadata();
  const dpi = meta.density && meta.density > 1 ? meta.density : (options.fallbackDpi ?? 300);
  const png = await sharp(upright.data)
    .composite([{ input: Buffer.from(overlaySvg(boxes, width, height)), top: 0, left: 0 }])
    .flatten({ background: '#ffffff' })
    .withMetadata({ density: dpi })
    .png({ compressionLevel: 3 })
    .toBuffer();
  return { png, width, height, dpi };
}
