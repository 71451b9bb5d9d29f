import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const OCR_FIXTURES = fileURLToPath(new URL('../../fixtures/ocr/', import.meta.url));

export function fixture(name: string): Buffer {
  return readFileSync(path.join(OCR_FIXTURES, name));
}

/** Ground-truth text of page `page` (1-based) of a fixture document. */
export function truthPage(doc: string, page = 1): string {
  const truth = JSON.parse(readFileSync(path.join(OCR_FIXTURES, `${doc}-truth.json`), 'utf8')) as { text: string };
  return truth.text.split('\f')[page - 1] ?? '';
}
