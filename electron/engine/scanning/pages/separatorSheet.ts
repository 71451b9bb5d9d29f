/**
 * The separator sheet: a printed page with a QR code, put in front of each document of a batch
 * (as Paperless-ngx and NAPS2 do with their patch or barcode sheets). The splitter looks for this
 * exact payload only: many Vietnamese documents now carry their own QR code (e-document
 * verification), and those must never split a batch.
 */
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import encodeQR from '@paulmillr/qr';
import decodeQR from '@paulmillr/qr/decode.js';
import { PDFDocument, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { resourcePath } from '../../resourcesDir';

export const SEPARATOR_PAYLOAD = 'MINHBACH-SEPARATOR-V1';
const MM = 72 / 25.4;

/** A4 PDF: the QR code twice (top and bottom, so a sheet fed upside down is found too), with
 *  what the sheet is for in Vietnamese. Deterministic bytes. */
export async function separatorSheetPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await readFile(resourcePath('fonts', 'LiberationSerif-Regular.ttf')), { subset: true });
  pdf.setTitle('Minh Bạch — trang phân cách tài liệu');
  pdf.setProducer('Minh Bạch');
  pdf.setCreator('Minh Bạch');
  const fixed = new Date(Date.UTC(2026, 0, 1));
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  const page = pdf.addPage([210 * MM, 297 * MM]);
  const modules = encodeQR(SEPARATOR_PAYLOAD, 'raw', { ecc: 'high', border: 0 });
  const drawQr = (centreX: number, centreY: number, sizeMm: number) => {
    const cell = (sizeMm * MM) / modules.length;
    const left = centreX - (sizeMm * MM) / 2;
    const top = centreY + (sizeMm * MM) / 2;
    modules.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) page.drawRectangle({ x: left + x * cell, y: top - (y + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
      }),
    );
  };
  const centre = (text: string, y: number, size: number) =>
    page.drawText(text, { x: (210 * MM - font.widthOfTextAtSize(text, size)) / 2, y, size, font });
  centre('TRANG PHÂN CÁCH TÀI LIỆU', 250 * MM, 22);
  drawQr(105 * MM, 185 * MM, 70);
  centre('Đặt trang này trước mỗi tài liệu khi quét cả xấp giấy qua khay nạp tự động.', 130 * MM, 12);
  centre('Minh Bạch tách lô quét tại trang này và không lưu trang này vào kho.', 123 * MM, 12);
  centre('In một mặt. Có thể dùng lại nhiều lần.', 116 * MM, 12);
  drawQr(105 * MM, 60 * MM, 45);
  centre('Minh Bạch', 20 * MM, 10);
  return pdf.save({ useObjectStreams: false });
}

/** Whether a page image carries the separator QR code. Looks at a reduced copy (the code is
 *  large) and at the top and bottom halves, where the two codes of the sheet sit. */
export async function hasSeparatorCode(image: Uint8Array | string): Promise<boolean> {
  const base = sharp(image, { limitInputPixels: 400_000_000 }).resize({ width: 1000 }).toColourspace('srgb').removeAlpha();
  const { data, info } = await base.raw().toBuffer({ resolveWithObject: true });
  const whole = { width: info.width, height: info.height, data };
  const half = Math.floor(info.height / 2);
  const region = (y0: number, h: number) => ({
    width: info.width,
    height: h,
    data: data.subarray(y0 * info.width * 3, (y0 + h) * info.width * 3),
  });
  for (const img of [whole, region(0, half), region(half, info.height - half)]) {
    try {
      if (decodeQR(img) === SEPARATOR_PAYLOAD) return true;
    } catch {
      // No readable code in this region.
    }
  }
  return false;
}
