/**
 * One document of a batch as the stored original: a multi-page PDF of the page images (JPEG for
 * grey and colour, PNG for line art), each page sized from its scan resolution. The bytes depend
 * only on the pages and the batch, so archiving a batch again after a crash finds the same
 * files already in the archive instead of storing them twice.
 */
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

export interface PdfPage {
  file: string;
  /** Scan resolution; null (camera) = the page is taken to be A4 wide. */
  dpi: number | null;
}

export interface PdfOptions {
  title: string;
  colour: 'grey' | 'colour' | 'lineart';
  /** Fixed creation date (the batch's), so the same batch gives the same bytes. */
  createdAt: Date;
}

const A4_WIDTH_INCHES = 210 / 25.4;

export async function buildDocumentPdf(pages: readonly PdfPage[], options: PdfOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(options.title);
  pdf.setCreator('Minh Bạch');
  pdf.setProducer('Minh Bạch');
  pdf.setCreationDate(options.createdAt);
  pdf.setModificationDate(options.createdAt);
  for (const page of pages) {
    const source = sharp(page.file, { limitInputPixels: 400_000_000 });
    const { width = 1, height = 1 } = await source.metadata();
    const dpi = page.dpi ?? width / A4_WIDTH_INCHES;
    const image =
      options.colour === 'lineart'
        ? await pdf.embedPng(await source.greyscale().png({ palette: true, colours: 2 }).toBuffer())
        : options.colour === 'grey'
          ? await pdf.embedJpg(await source.greyscale().toColourspace('b-w').jpeg({ quality: 85 }).toBuffer())
          : await pdf.embedJpg(await source.toColourspace('srgb').jpeg({ quality: 85 }).toBuffer());
    const w = (width / dpi) * 72;
    const h = (height / dpi) * 72;
    pdf.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
  }
  return pdf.save({ useObjectStreams: false });
}
