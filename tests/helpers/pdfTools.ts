import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

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

/** Every FlateDecode stream of a PDF inflated (object streams included: their dictionaries'
 *  strings), in process — qpdf's decompression without a child process. Streams that are not
 *  deflated (an image, a raw stream) are left out: their bytes are in the file's plain text. */
export function inflatedStreams(bytes: Uint8Array): Buffer[] {
  const latin1 = Buffer.from(bytes).toString('latin1');
  const out: Buffer[] = [];
  for (const m of latin1.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = latin1.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      out.push(inflateSync(Buffer.from(latin1.slice(start, end), 'latin1'), { finishFlush: 2 }));
    } catch {
      // not deflated
    }
  }
  return out;
}
