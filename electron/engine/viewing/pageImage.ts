import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { Db } from '../archive/database';
import { writeFileAtomic, type FileStore } from '../archive/fileStore';
import type { PdfService } from '../pdf/index';

export interface PageImageBytes {
  mime: 'image/webp';
  bytes: Buffer;
  width: number;
  height: number;
}

interface PageSourceRow {
  mime: string;
  file_sha256: string;
  image_sha256: string | null;
}

export interface PageImageOptions {
  /** Renders PDF pages (engine/pdf: a memory-capped child process). */
  pdf: () => PdfService;
  maxPixels: number;
  /** Rendered PDF pages are kept here, named by content hash, page and size. */
  cacheDir: string;
}

/**
 * Page images for the viewer, scaled so the longest side is `size` px. Prefers the corrected
 * page image the OCR step stores (`pages.image_sha256`: deskewed, rotated); else renders the page
 * from the original: images with sharp (TIFF pages by index), PDF pages with engine/pdf in its
 * child process, cached on disk since a PDF page is slow to render and never changes.
 */
export class PageImages {
  constructor(
    private readonly db: Db,
    private readonly store: FileStore,
    private readonly options: PageImageOptions,
  ) {}

  async render(documentId: number, page: number, size: number): Promise<PageImageBytes | null> {
    const row = this.db
      .prepare(
        `SELECT d.mime, d.file_sha256, p.image_sha256 FROM documents d JOIN pages p ON p.document_id = d.id
          WHERE d.id = ? AND p.n = ?`,
      )
      .get(documentId, page) as PageSourceRow | undefined;
    if (!row) return null;
    if (row.image_sha256)
      return this.scaled(sharp(this.store.pathFor(row.image_sha256), this.sharpOptions()), size);
    if (row.mime.startsWith('image/')) {
      const pageOption = row.mime === 'image/tiff' ? { page: page - 1 } : {};
      return this.scaled(
        sharp(this.store.pathFor(row.file_sha256), { ...this.sharpOptions(), ...pageOption }),
        size,
      );
    }
    if (row.mime === 'application/pdf') return this.pdfPage(row.file_sha256, page, size);
    return null;
  }

  private sharpOptions() {
    return { limitInputPixels: this.options.maxPixels };
  }

  private async scaled(input: Sharp, size: number): Promise<PageImageBytes> {
    const { data, info } = await input
      .rotate() // honour EXIF orientation of camera photos
      .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { mime: 'image/webp', bytes: data, width: info.width, height: info.height };
  }

  private async pdfPage(sha256: string, page: number, size: number): Promise<PageImageBytes> {
    const cached = path.join(this.options.cacheDir, sha256.slice(0, 2), `${sha256}-p${page}-${size}.webp`);
    try {
      const bytes = await readFile(cached);
      const meta = await sharp(bytes).metadata();
      return { mime: 'image/webp', bytes, width: meta.width ?? size, height: meta.height ?? size };
    } catch {
      // not rendered yet
    }
    const original = await readFile(this.store.pathFor(sha256));
    const image = await this.options.pdf().renderForViewer(original, page, size);
    const bytes = Buffer.from(image.webp.buffer, image.webp.byteOffset, image.webp.byteLength);
    await writeFileAtomic(cached, bytes).catch(() => undefined); // a cache miss next time is fine
    return { mime: 'image/webp', bytes, width: image.width, height: image.height };
  }

  async close(): Promise<void> {
    // The PDF service belongs to the engine, which closes it.
  }
}
