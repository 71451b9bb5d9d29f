/**
 * Turns a scanned page (PNG, JPEG, WebP, or page n of a TIFF) into the image we OCR and store:
 * greyscale, ~300 dpi, upright, deskewed. Everything happens in sharp/libvips (off the JS thread)
 * except the skew search, which runs on a small copy.
 */
import sharp from 'sharp';
import type { Metadata, Sharp, SharpOptions } from 'sharp';
import { AppError } from '../../../shared/domain/errors';
import type { Orientation } from './types';
import type { OrientationGuess } from './ocrPool';
import { estimateSkew } from './skewEstimation';

/** Decoding refuses images above this many pixels before allocating them (decompression bombs). */
export const MAX_INPUT_PIXELS = 120_000_000;
/** Pages narrower or shorter than this hold no readable text: reported as empty, never divided by. */
export const MIN_PAGE_SIDE_PX = 32;
export const TARGET_DPI = 300;
/** Scans under this are upscaled to TARGET_DPI: tesseract's LSTM models lose accents below ~250 dpi. */
const UPSCALE_BELOW_DPI = 250;
/** Scans above this are downscaled: more pixels only slow tesseract down. */
const DOWNSCALE_ABOVE_DPI = 450;
/** OSD runs on a copy whose longer side is this long (~0.3 s instead of seconds). */
const OSD_LONG_SIDE_PX = 1600;
/** Tesseract's own minimum orientation margin is 7; corpus pages score 8–16 when turned and 14+
 *  upright. Below this we keep the page as it is rather than risk turning an upright page. */
export const MIN_ORIENTATION_CONFIDENCE = 4;
const SKEW_SAMPLE_WIDTH_PX = 1000;
/** Skews smaller than this are left alone: rotating resamples the page and softens the glyphs. */
const MIN_SKEW_TO_CORRECT = 0.15;
const A4_LONG_SIDE_INCHES = 11.69;

export type OrientationDetector = (image: Buffer) => Promise<OrientationGuess>;

export interface PreparedPage {
  /** Greyscale PNG of the corrected page, with its dpi in pHYs (to store). Encoded in the
   *  background: recognition does not wait for it. */
  png: Promise<Buffer>;
  /** The same pixels as binary PGM, what tesseract reads: no encoding cost, and Leptonica decodes it
   *  far faster than PNG. */
  pgm: Buffer;
  width: number;
  height: number;
  dpi: number;
  orientation: Orientation;
  skew: number;
  /** The image is too small to hold text: skip recognition. */
  empty: boolean;
}

interface GreyRaster {
  data: Buffer;
  width: number;
  height: number;
}

function sharpOptions(pageIndex: number): SharpOptions {
  return { page: pageIndex, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' };
}

/** Number of pages in an image file (TIFF can hold many; everything else has one). */
export async function countImagePages(bytes: Uint8Array): Promise<number> {
  const meta = await readMetadata(bytes, 0);
  return Math.max(1, meta.pages ?? 1);
}

async function readMetadata(bytes: Uint8Array, pageIndex: number): Promise<Metadata> {
  if (bytes.byteLength === 0) throw new AppError('EMPTY_FILE');
  try {
    const meta = await sharp(bytes, sharpOptions(pageIndex)).metadata();
    if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_INPUT_PIXELS) {
      throw new AppError('IMAGE_TOO_LARGE', `${meta.width}x${meta.height}`);
    }
    return meta;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('CORRUPT_FILE', `image metadata: ${(e as Error).message}`);
  }
}

/**
 * The scan's resolution: the file's own density when it is plausible, else a guess from the pixel
 * size assuming A4 (a 72-dpi default in a JFIF header on a 2480-px-wide scan is not believed).
 */
export function resolveDpi(density: number | undefined, width: number, height: number): number {
  const guess = Math.max(width, height) / A4_LONG_SIDE_INCHES;
  if (density && density >= 100 && density <= 1200) return density;
  return Math.max(1, Math.round(guess));
}

async function decodeGrey(bytes: Uint8Array, pageIndex: number, scale: number, width: number): Promise<GreyRaster> {
  try {
    let pipeline = sharp(bytes, sharpOptions(pageIndex)).rotate().flatten({ background: '#ffffff' });
    if (scale !== 1) pipeline = pipeline.resize({ width: Math.round(width * scale), kernel: 'lanczos3' });
    const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (e) {
    throw new AppError('CORRUPT_FILE', `image decode: ${(e as Error).message}`);
  }
}

/** Raw one-channel input is read as sRGB by default: every output must say 'b-w' again, or a PNG
 *  comes out with three channels. */
function fromRaster(r: GreyRaster): Sharp {
  return sharp(r.data, { raw: { width: r.width, height: r.height, channels: 1 } });
}

async function toRaster(pipeline: Sharp): Promise<GreyRaster> {
  const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function detectUpright(page: GreyRaster, detect: OrientationDetector): Promise<Orientation> {
  const long = Math.max(page.width, page.height);
  const scale = Math.min(1, OSD_LONG_SIDE_PX / long);
  const small = await fromRaster(page)
    .resize({ width: Math.max(1, Math.round(page.width * scale)) })
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer();
  const guess = await detect(small);
  return guess.confidence >= MIN_ORIENTATION_CONFIDENCE ? guess.degrees : 0;
}

async function measureSkew(page: GreyRaster): Promise<number> {
  const scale = Math.min(1, SKEW_SAMPLE_WIDTH_PX / page.width);
  const sample = await toRaster(fromRaster(page).resize({ width: Math.max(8, Math.round(page.width * scale)) }));
  return estimateSkew(sample.data, sample.width, sample.height);
}

/** Rotates clockwise by `degrees` on white and crops back to the original size, centred, so the
 *  corrected page has the scan's dimensions. */
async function straighten(page: GreyRaster, degrees: number): Promise<GreyRaster> {
  const rotated = await toRaster(fromRaster(page).rotate(degrees, { background: { r: 255, g: 255, b: 255 } }));
  const left = Math.max(0, Math.floor((rotated.width - page.width) / 2));
  const top = Math.max(0, Math.floor((rotated.height - page.height) / 2));
  return toRaster(
    fromRaster(rotated).extract({
      left,
      top,
      width: Math.min(page.width, rotated.width),
      height: Math.min(page.height, rotated.height),
    }),
  );
}

/** Binary greyscale PNM (P5): a 15-byte header in front of the raw pixels. */
export function toPgm(r: GreyRaster): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${r.width} ${r.height}\n255\n`, 'ascii'), r.data.subarray(0, r.width * r.height)]);
}

export interface PreparePageOptions {
  /** Page of a multi-page TIFF, 0-based. */
  pageIndex?: number;
  /** Without a detector the page is assumed upright. */
  detectOrientation?: OrientationDetector;
}

export async function preparePage(bytes: Uint8Array, options: PreparePageOptions = {}): Promise<PreparedPage> {
  const pageIndex = options.pageIndex ?? 0;
  const pages = await countImagePages(bytes);
  if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= pages) {
    throw new AppError('INVALID_INPUT', `page ${pageIndex} of ${pages}`);
  }
  const meta = await readMetadata(bytes, pageIndex);
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const sourceDpi = resolveDpi(meta.density, width, height);

  if (width < MIN_PAGE_SIDE_PX || height < MIN_PAGE_SIDE_PX) {
    const tiny = await decodeGrey(bytes, pageIndex, 1, width);
    const png = fromRaster(tiny).toColourspace('b-w').png().toBuffer();
    return { png, pgm: toPgm(tiny), width: tiny.width, height: tiny.height, dpi: sourceDpi, orientation: 0, skew: 0, empty: true };
  }

  const resample = sourceDpi < UPSCALE_BELOW_DPI || sourceDpi > DOWNSCALE_ABOVE_DPI;
  const scale = resample ? TARGET_DPI / sourceDpi : 1;
  const dpi = resample ? TARGET_DPI : Math.round(sourceDpi);
  let page = await decodeGrey(bytes, pageIndex, scale, width);

  const orientation = options.detectOrientation ? await detectUpright(page, options.detectOrientation) : 0;
  if (orientation !== 0) page = await toRaster(fromRaster(page).rotate(orientation));

  const skew = await measureSkew(page);
  if (Math.abs(skew) >= MIN_SKEW_TO_CORRECT) page = await straighten(page, skew);

  const png = fromRaster(page).toColourspace('b-w').png({ compressionLevel: 6 }).withDensity(dpi).toBuffer();
  png.catch(() => undefined); // awaited by the caller; never an unhandled rejection meanwhile
  return { png, pgm: toPgm(page), width: page.width, height: page.height, dpi, orientation, skew, empty: false };
}
