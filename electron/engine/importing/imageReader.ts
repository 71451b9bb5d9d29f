import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../../shared/domain/errors';
import type { ImportLimits, PageAnalysis } from './types';

type ImageMime = 'image/png' | 'image/jpeg' | 'image/tiff' | 'image/webp';

/**
 * Reads page count and sizes of an image file. The pixel count comes from the header and is
 * checked before anything is decoded (decompression bombs); then each page is decoded once at
 * reduced size with `failOn: 'warning'` so a corrupt or truncated image is rejected at import
 * rather than when someone tries to OCR or view it.
 */
export async function analyseImage(
  bytes: Uint8Array,
  mime: ImageMime,
  limits: ImportLimits,
  onPage: (done: number, total: number) => void = () => undefined,
): Promise<{ pages: PageAnalysis[]; warnings: string[] }> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw new AppError('CORRUPT_FILE', `image header: ${(e as Error).message}`);
  }
  const pageCount = mime === 'image/tiff' ? (meta.pages ?? 1) : 1;
  if (pageCount > limits.maxPages) throw new AppError('TOO_MANY_PAGES', `${pageCount} pages, limit ${limits.maxPages}`);

  const pages: PageAnalysis[] = [];
  for (let index = 0; index < pageCount; index += 1) {
    // Multi-page TIFF pages can differ in size: read each page's own header.
    const pageMeta =
      index === 0 ? meta : await sharp(bytes, { page: index, limitInputPixels: false }).metadata().catch(() => null);
    if (!pageMeta?.width || !pageMeta.height) throw new AppError('CORRUPT_FILE', `page ${index + 1}: no dimensions`);
    const pixels = pageMeta.width * pageMeta.height;
    if (pixels > limits.maxPixels) {
      throw new AppError('IMAGE_TOO_LARGE', `${pageMeta.width}x${pageMeta.height} = ${pixels} px, limit ${limits.maxPixels}`);
    }
    try {
      await sharp(bytes, { page: index, failOn: 'warning', limitInputPixels: limits.maxPixels })
        .resize({ width: 64, height: 64, fit: 'inside' })
        .raw()
        .toBuffer();
    } catch (e) {
      throw new AppError('CORRUPT_FILE', `page ${index + 1} decode: ${(e as Error).message}`);
    }
    pages.push({ n: index + 1, width: pageMeta.width, height: pageMeta.height, text: null });
    onPage(index + 1, pageCount);
  }
  return { pages, warnings: [] };
}
