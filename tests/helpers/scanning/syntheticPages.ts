/**
 * Generated scans of real-looking paper, for blank-page and separator tests: paper grain and a
 * slow shading gradient, dust specks, the scanner's edge shadow, and text from the other side
 * showing through (mirrored, blurred, faint). Deterministic for a given seed.
 */
import sharp, { type OverlayOptions } from 'sharp';
import { seededRandom as rng } from '../../../bench/lib/vietnameseDocuments';

export type PageKind =
  | 'blank-clean'
  | 'blank-show-through'
  | 'blank-heavy-show-through'
  | 'blank-specks-shadow'
  | 'blank-recycled-paper'
  | 'text-page'
  | 'one-line'
  | 'page-number-only'
  | 'signature-only'
  | 'stamp-only';

export const BLANK_KINDS: PageKind[] = [
  'blank-clean',
  'blank-show-through',
  'blank-heavy-show-through',
  'blank-specks-shadow',
  'blank-recycled-paper',
];
export const CONTENT_KINDS: PageKind[] = ['text-page', 'one-line', 'page-number-only', 'signature-only', 'stamp-only'];

export const BODY_LINES = [
  'Thực hiện Kế hoạch số 19/KH-UBND ngày 24/02/2025 của Ủy ban nhân dân tỉnh về công tác',
  'phổ biến, giáo dục pháp luật năm 2025, Sở Tư pháp tổ chức Hội nghị tập huấn chuyên sâu',
  'Luật Tiếp cận thông tin cho người làm đầu mối cung cấp thông tin của các cơ quan, đơn vị.',
  'Đề nghị các cơ quan, đơn vị cử đại biểu tham dự đầy đủ, đúng thành phần và đúng giờ.',
];

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** White page with black text lines (or other SVG content), as one grey channel. */
async function renderSvg(width: number, height: number, body: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${body}</svg>`;
  return sharp(Buffer.from(svg)).greyscale().raw().toBuffer();
}

export function textLinesSvg(lines: string[], dpi: number, opts: { top?: number; size?: number } = {}): string {
  const px = (mm: number) => (mm / 25.4) * dpi;
  const size = ((opts.size ?? 13) / 72) * dpi;
  return lines
    .map(
      (line, i) =>
        `<text x="${px(25)}" y="${px(opts.top ?? 40) + i * size * 1.5}" font-family="Liberation Serif" font-size="${size}">${escapeXml(line)}</text>`,
    )
    .join('');
}

export function a4Pixels(dpi: number): { width: number; height: number } {
  return { width: Math.round((210 / 25.4) * dpi), height: Math.round((297 / 25.4) * dpi) };
}

/** A greyscale PNG of the given kind at `dpi` (default 150). Built from libvips operations
 *  (noise, blur, multiply) so a 300-dpi page takes a fraction of a second. */
export async function syntheticPage(kind: PageKind, seed = 1, dpi = 150): Promise<Buffer> {
  const { width, height } = a4Pixels(dpi);
  const random = rng(seed);
  const recycled = kind === 'blank-recycled-paper';
  const level = recycled ? 205 : 232 + Math.floor(random() * 12);
  const paper = await sharp({
    create: { width, height, channels: 3, background: { r: level, g: level, b: level }, noise: { type: 'gaussian', mean: level, sigma: recycled ? 9 : 5 } },
  })
    .greyscale()
    .raw()
    .toBuffer();
  const layers: OverlayOptions[] = [];
  // A slow shading across the page, as from an uneven lamp.
  layers.push({
    input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="rgb(255,255,255)"/><stop offset="1" stop-color="rgb(247,247,247)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`),
    blend: 'multiply',
  });

  const showThrough = { 'blank-show-through': 35, 'blank-heavy-show-through': 60, 'blank-recycled-paper': 30 }[kind as string];
  if (showThrough) {
    // The other side's text: mirrored, blurred by the paper, and faint (at most `showThrough` levels).
    const back = await sharp(await renderSvg(width, height, textLinesSvg([...BODY_LINES, ...BODY_LINES, ...BODY_LINES], dpi, { size: 14 })), {
      raw: { width, height, channels: 1 },
    })
      .flop()
      .blur((1.4 * dpi) / 150)
      .linear(showThrough / 255, 255 - showThrough)
      .png()
      .toBuffer();
    layers.push({ input: back, blend: 'multiply' });
  }
  if (kind === 'blank-specks-shadow' || kind === 'blank-heavy-show-through') {
    // Dust and toner specks of 0.2–0.6 mm, and the scanner lid's shadow along one edge.
    const specks = Array.from({ length: 40 }, () => {
      const r = ((0.1 + random() * 0.2) / 25.4) * dpi;
      return `<circle cx="${random() * width}" cy="${random() * height}" r="${r}" fill="rgb(60,60,60)"/>`;
    }).join('');
    const band = Math.round(width * 0.015);
    layers.push({
      input: Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="s" x1="0" x2="1"><stop offset="0" stop-color="rgb(90,90,90)"/><stop offset="1" stop-color="rgb(250,250,250)"/></linearGradient></defs><rect width="100%" height="100%" fill="white"/><rect width="${band}" height="${height}" fill="url(#s)"/>${specks}</svg>`,
      ),
      blend: 'multiply',
    });
  }

  const ink: Record<string, string> = {
    'text-page': textLinesSvg(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '', ...BODY_LINES, ...BODY_LINES], dpi),
    'one-line': textLinesSvg(['Nơi nhận: Như trên; Lưu: VT.'], dpi, { top: 250, size: 11 }),
    'page-number-only': `<text x="${width / 2}" y="${height - (15 / 25.4) * dpi}" font-family="Liberation Serif" font-size="${(12 / 72) * dpi}" text-anchor="middle">- 3 -</text>`,
    'signature-only': `<path d="M ${width * 0.6} ${height * 0.3} c 40 -60, 80 60, 120 0 s 60 -50, 110 10 s 40 30, 90 -20" stroke="black" stroke-width="${dpi / 75}" fill="none"/>`,
    'stamp-only': `<circle cx="${width * 0.65}" cy="${height * 0.35}" r="${(18 / 25.4) * dpi}" stroke="rgb(200,40,40)" stroke-width="${dpi / 50}" fill="none"/><text x="${width * 0.65}" y="${height * 0.35}" text-anchor="middle" font-family="Liberation Sans" fill="rgb(200,40,40)" font-size="${(9 / 72) * dpi}">ĐÃ KÝ</text>`,
  };
  if (ink[kind]) {
    const printed = await sharp(await renderSvg(width, height, ink[kind]!), { raw: { width, height, channels: 1 } }).png().toBuffer();
    layers.push({ input: printed, blend: 'multiply' });
  }
  return sharp(paper, { raw: { width, height, channels: 1 } })
    .composite(layers)
    .greyscale()
    .toColourspace('b-w')
    .png({ compressionLevel: 2 })
    .withMetadata({ density: dpi })
    .toBuffer();
}
