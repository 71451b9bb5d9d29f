// Worker thread entry: renders one PDF page for the viewer, away from the thread that answers the
// UI, so a heavy or hostile page can only time out here. Scripts in the PDF never run.
import sharp from 'sharp';
import { serveTasks } from '../workers/workerProtocol';
import { loadPdfjs, pdfjsAssetUrls } from '../importing/pdfjsAssets';

export interface PdfPageTask {
  bytes: Uint8Array;
  page: number;
  /** Longest side of the result, in pixels. */
  size: number;
}

export interface PdfPageImage {
  webp: Uint8Array;
  width: number;
  height: number;
}

interface NodeCanvas {
  canvas: unknown;
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

async function renderPage(task: PdfPageTask): Promise<PdfPageImage> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(task.bytes),
    ...pdfjsAssetUrls(),
    cMapPacked: true,
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const page = await doc.getPage(task.page);
    const unscaled = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: task.size / Math.max(unscaled.width, unscaled.height) });
    const width = Math.max(1, Math.ceil(viewport.width));
    const height = Math.max(1, Math.ceil(viewport.height));
    const { canvas, context } = (doc.canvasFactory as { create(w: number, h: number): NodeCanvas }).create(
      width,
      height,
    );
    // pdfjs types canvases as DOM objects; in Node they are @napi-rs/canvas ones.
    await page.render({ canvas, canvasContext: context, viewport } as unknown as Parameters<
      typeof page.render
    >[0]).promise;
    const rgba = context.getImageData(0, 0, width, height).data;
    const webp = await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
      raw: { width, height, channels: 4 },
    })
      .flatten({ background: '#ffffff' })
      .webp({ quality: 80 })
      .toBuffer();
    page.cleanup();
    return { webp: new Uint8Array(webp), width, height };
  } finally {
    await doc.destroy();
  }
}

serveTasks<PdfPageTask, PdfPageImage>(renderPage);
