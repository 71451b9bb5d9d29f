// Worker thread entry: renders one image-only PDF page at 300 dpi for OCR, away from the thread
// that owns the database and answers the UI (pdf.js rendering of a scanned page takes ~1 s and can
// hang on a hostile file; here it can only time out). Scripts in the PDF never run.
import { serveTasks } from '../workers/workerProtocol';
import { rasterisePdfPage, type RasterisedPage } from './pdfRasteriser';

export interface PdfRasterTask {
  bytes: Uint8Array;
  /** 1-based page number. */
  page: number;
}

serveTasks<PdfRasterTask, RasterisedPage>((task) => rasterisePdfPage(task.bytes, task.page));
