/**
 * Documents of our own making for pipeline tests: born-digital PDFs with a real Decree 30 header
 * (bench/lib/vietnameseDocuments.ts, drawn with pdf-lib in Liberation Serif), and small "scans"
 * (a few lines of text rendered to a PNG) that OCR reads in well under a second.
 */
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { seededRandom, syntheticDocument } from '../../bench/lib/vietnameseDocuments';
import { REPO_ROOT } from './fixtures';

const FONT = readFileSync(path.join(REPO_ROOT, 'resources', 'fonts', 'LiberationSerif-Regular.ttf'));

export async function bornDigitalPdf(pages: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(FONT, { subset: true });
  for (const text of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 800;
    for (const line of text.split('\n')) {
      page.drawText(line, { x: 40, y, size: 10, font });
      y -= 14;
    }
  }
  return pdf.save();
}

/** `count` born-digital PDFs of synthetic documents (seeded: the same files every run). */
export async function writeSyntheticPdfs(dir: string, count: number, seed = 11): Promise<string[]> {
  const random = seededRandom(seed);
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const doc = syntheticDocument(random, i);
    const file = path.join(dir, `van-ban-${String(i + 1).padStart(3, '0')}.pdf`);
    writeFileSync(file, await bornDigitalPdf(doc.pages.slice(0, 1)));
    files.push(file);
  }
  return files;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A small PNG "scan" of a few lines of text (black on white, ~300 dpi letter size). */
export async function writeTextScan(file: string, lines: string[]): Promise<string> {
  const width = 1200;
  const height = 80 + lines.length * 100;
  const text = lines.map((l, i) => `<text x="60" y="${90 + i * 100}" font-family="Liberation Serif" font-size="40">${escapeXml(l)}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${text}</svg>`;
  await sharp(Buffer.from(svg)).png().toFile(file);
  return file;
}
