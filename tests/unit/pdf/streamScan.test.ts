import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PDF_LIMITS } from '../../../electron/engine/pdf/limits';
import { jpegSize, jpxSize, scanPdfStreams } from '../../../electron/engine/pdf/streamScan';
import { buildPdf } from '../../helpers/pdfBombs';

const limits = { ...DEFAULT_PDF_LIMITS, maxStreamBytes: 1024 * 1024, maxImagePixels: 1_000_000, maxImageBytes: 4 * 1024 * 1024 };

function pdfWithStream(dict: string, data: Buffer): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]),
  ]);
}

describe('the PDF bomb scan (before decoding)', () => {
  it('measures Flate streams without keeping them: under the limit passes, over it is DECOMPRESSION_BOMB', async () => {
    const fine = pdfWithStream('/Filter /FlateDecode', deflateSync(Buffer.alloc(512 * 1024, 0x20)));
    expect(await scanPdfStreams(fine, limits)).toEqual({ streams: 1, inflatedBytes: 512 * 1024 });
    const bomb = pdfWithStream('/Filter /FlateDecode', deflateSync(Buffer.alloc(3 * 1024 * 1024, 0x20)));
    await expect(scanPdfStreams(bomb, limits)).rejects.toMatchObject({ code: 'DECOMPRESSION_BOMB' });
  });

  it('refuses an image whose dictionary declares too many pixels (directly or by reference), or whose data inflates past its declared size', async () => {
    const declared = pdfWithStream('/Subtype /Image /Width 2000 /Height 2000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', deflateSync(Buffer.alloc(10)));
    await expect(scanPdfStreams(declared, limits)).rejects.toMatchObject({ code: 'DECOMPRESSION_BOMB' });
    const lying = pdfWithStream('/Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', deflateSync(Buffer.alloc(2 * 1024 * 1024)));
    await expect(scanPdfStreams(lying, limits)).rejects.toMatchObject({ code: 'DECOMPRESSION_BOMB' });
    const indirect = Buffer.concat([
      pdfWithStream('/Subtype /Image /Width 6 0 R /Height 6 0 R /ColorSpace /DeviceGray /BitsPerComponent 8', Buffer.alloc(10)),
      Buffer.from('\n6 0 obj 5000 endobj\n'),
    ]);
    await expect(scanPdfStreams(indirect, limits)).rejects.toMatchObject({ code: 'DECOMPRESSION_BOMB' });
    const honest = pdfWithStream('/Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', deflateSync(Buffer.alloc(100 * 100)));
    expect((await scanPdfStreams(honest, limits)).inflatedBytes).toBe(10_000);
  });

  it('reads the real size from JPEG and JPEG 2000 headers', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x02, 0x58, 0x03]);
    expect(jpegSize(Buffer.concat([jpeg, Buffer.alloc(16)]))).toEqual({ width: 600, height: 300 });
    const siz = Buffer.alloc(40);
    Buffer.from([0xff, 0x4f, 0xff, 0x51]).copy(siz, 0);
    siz.writeUInt32BE(5000, 8);
    siz.writeUInt32BE(7000, 12);
    expect(jpxSize(siz)).toEqual({ width: 5000, height: 7000 });
  });
});
