import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A PDF as the command-line tools see it: qpdf's QDF form (every stream decompressed, objects one
 *  by one) and pdftotext's page text. Independent of our own PDF code, so the leak tests do not
 *  trust what they test. */
export function qpdfAndText(bytes: Uint8Array): { qdf: Buffer; text: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mb-pdf-'));
  try {
    const input = path.join(dir, 'in.pdf');
    const qdf = path.join(dir, 'qdf.pdf');
    writeFileSync(input, bytes);
    try {
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', input, qdf], { stdio: 'ignore' });
    } catch {
      // exit 3: warnings, the file is written
    }
    return {
      qdf: readFileSync(qdf),
      text: execFileSync('pdftotext', ['-enc', 'UTF-8', input, '-'], {
        maxBuffer: 256 * 1024 * 1024,
      }).toString('utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
