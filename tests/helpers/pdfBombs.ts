// Hostile PDFs made at run time (never committed: they are small files that decode to gigabytes).
// Each is a complete one-page PDF; what differs is the stream that explodes.
import { createDeflate } from 'node:zlib';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Deflates `total` bytes of `fill` without holding them in memory. */
function deflateOf(total: number, fill: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflate({ level: 9 });
    const out: Buffer[] = [];
    deflate.on('data', (c: Buffer) => out.push(c));
    deflate.on('end', () => resolve(Buffer.concat(out)));
    deflate.on('error', reject);
    const chunk = Buffer.alloc(4 * 1024 * 1024, fill);
    let left = total;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!deflate.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          deflate.once('drain', pump);
          return;
        }
      }
      deflate.end();
    };
    pump();
  });
}

/** A PDF from object bodies (1-based), with a correct xref table. */
export function buildPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

function page(contents: Buffer, resources = '<< >>'): (string | Buffer)[] {
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources ${resources} >>`,
    contents,
  ];
}

export interface Bomb {
  name: string;
  /** What it does, for the bench's table. */
  what: string;
  make: () => Promise<Buffer>;
}

export const BOMBS: Bomb[] = [
  {
    name: 'content-stream-1gib.pdf',
    what: 'content stream deflated from 1 GiB of spaces (~1 MB file)',
    make: async () => buildPdf(page(stream('/Filter /FlateDecode', await deflateOf(1024 ** 3, 0x20)))),
  },
  {
    name: 'image-declared-30000x30000.pdf',
    what: 'image XObject declaring 30000×30000 RGB (2.7 GB decoded)',
    make: async () =>
      buildPdf([
        ...page(stream('', Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q')), '<< /XObject << /Im0 5 0 R >> >>'),
        stream('/Type /XObject /Subtype /Image /Width 30000 /Height 30000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode', await deflateOf(16 * 1024 * 1024, 0xff)),
      ]),
  },
  {
    name: 'image-undeclared-inflate.pdf',
    what: '2000×2000 grey image whose data inflates to 512 MiB',
    make: async () =>
      buildPdf([
        ...page(stream('', Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q')), '<< /XObject << /Im0 5 0 R >> >>'),
        stream('/Type /XObject /Subtype /Image /Width 2000 /Height 2000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', await deflateOf(512 * 1024 ** 2, 0)),
      ]),
  },
  {
    name: 'jpeg-sof-60000x60000.pdf',
    what: 'image dictionary says 100×100, its JPEG header says 60000×60000',
    make: async () => {
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xea, 0x60, 0xea, 0x60, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
      return buildPdf([
        ...page(stream('', Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q')), '<< /XObject << /Im0 5 0 R >> >>'),
        stream('/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode', jpeg),
      ]);
    },
  },
  {
    name: 'runlength-content-1gib.pdf',
    what: 'content stream in RunLength (not measured before decoding): 1 GiB from 16 MB — stopped by the memory ceiling',
    make: async () => {
      const run = Buffer.alloc(16 * 1024 * 1024);
      for (let i = 0; i < run.length; i += 2) {
        run[i] = 0x81; // 257 - 0x81 = 128 copies
        run[i + 1] = 0x20;
      }
      return buildPdf(page(stream('/Filter /RunLengthDecode', Buffer.concat([run, Buffer.from([0x80])]))));
    },
  },
];

/** Writes every bomb into a cache folder (made once per machine; they take seconds to deflate). */
export async function bombFiles(dir = path.join(os.tmpdir(), 'minhbach-bombs-v2')): Promise<{ file: string; bomb: Bomb }[]> {
  mkdirSync(dir, { recursive: true });
  const out = [];
  for (const bomb of BOMBS) {
    const file = path.join(dir, bomb.name);
    if (!existsSync(file)) writeFileSync(file, await bomb.make());
    out.push({ file, bomb });
  }
  return out;
}
