import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfService } from '../../../electron/engine/pdf/index';
import { fixture } from '../../helpers/fixtures';

describe('engine/pdf in its child process', () => {
  const pdf = new PdfService();
  afterAll(() => pdf.close());

  it('renders a page in colour at no less than 200 dpi for redaction, greyscale at 300 dpi for OCR, and reads the text layer', async () => {
    const scan = readFileSync(fixture('ocr', 'd28-scan.pdf'));
    const colour = await pdf.rasteriseColour(scan, 1, 150);
    expect(colour.dpi).toBe(200);
    const meta = await sharp(colour.png).metadata();
    expect([meta.channels, meta.density]).toEqual([3, 200]);
    const grey = await pdf.rasterise(scan, 1);
    expect(grey.dpi).toBe(300);
    expect((await sharp(grey.png).metadata()).channels).toBe(1);
    const born = readFileSync(fixture('corpus', 'd01', 'born-digital.pdf'));
    expect(await pdf.pageText(born, 1)).toMatch(/\p{L}{3,}/u);
    expect(pdf.lastPeakRssMb).toBeGreaterThan(0);
    expect(pdf.lastPeakRssMb).toBeLessThan(pdf.limits.rssCeilingMb);
  });

  it('names a page that does not exist as INVALID_INPUT and carries on with the next task', async () => {
    const born = readFileSync(fixture('corpus', 'd01', 'born-digital.pdf'));
    await expect(pdf.pageText(born, 99)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await pdf.countPages(born)).toBeGreaterThan(0);
  });
});
