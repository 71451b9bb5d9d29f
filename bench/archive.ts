/**
 * bench:archive — import throughput of born-digital PDFs and search latency at 10 000 and
 * 100 000 documents. Prints figures; asserts nothing.
 *
 *   npm run bench:archive [-- --import-files 300 --docs 10000,100000 --runs 20]
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { createEngine, type Engine } from '../electron/engine/index';
import { fillArchive } from './lib/fillArchive';
import type { SearchOptions } from '../electron/engine/search/search';
import { seededRandom, syntheticDocument } from './lib/vietnameseDocuments';

const { values } = parseArgs({
  options: {
    'import-files': { type: 'string', default: '300' },
    docs: { type: 'string', default: '10000,100000' },
    runs: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
  },
});
const importFiles = Number(values['import-files']);
const docSteps = String(values.docs).split(',').map(Number);
const runs = Number(values.runs);
const root = path.join(os.tmpdir(), `minhbach-bench-${process.pid}`);
mkdirSync(root, { recursive: true });

function fontBytes(): Uint8Array {
  const candidates = [
    path.join(import.meta.dirname, '..', 'resources', 'fonts', 'LiberationSerif-Regular.ttf'),
    '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
  ];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error('No Vietnamese-capable TTF found (resources/fonts or fonts-liberation2)');
  return readFileSync(found);
}

async function makePdfs(folder: string, count: number): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const font = fontBytes();
  const random = seededRandom(7);
  for (let i = 0; i < count; i += 1) {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const embedded = await doc.embedFont(font, { subset: true });
    const synthetic = syntheticDocument(random, i);
    for (const text of synthetic.pages) {
      const page = doc.addPage([595, 842]);
      let y = 800;
      for (const line of text.split('\n')) {
        // Wrap long lines roughly at the A4 text width.
        for (let start = 0; start < line.length && y > 40; start += 95) {
          page.drawText(line.slice(start, start + 95), { x: 50, y, size: 10, font: embedded });
          y -= 14;
        }
      }
    }
    writeFileSync(path.join(folder, `van-ban-${String(i).padStart(5, '0')}.pdf`), await doc.save());
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function benchImport(): Promise<void> {
  const folder = path.join(root, 'pdfs');
  const t0 = performance.now();
  await makePdfs(folder, importFiles);
  console.log(`Generated ${importFiles} born-digital PDFs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const engine = await createEngine({ dataDir: path.join(root, 'import-data'), actor: 'bench' });
  try {
    // Warm the worker threads (module loading) so the figure is the steady-state rate.
    const warm = path.join(root, 'warm');
    await makePdfs(warm, 2);
    await engine.importPaths([warm]);
    const start = performance.now();
    const results = await engine.importPaths([folder]);
    const seconds = (performance.now() - start) / 1000;
    const imported = results.filter((r) => r.status === 'imported').length;
    console.log(`Import: ${imported}/${importFiles} files in ${seconds.toFixed(2)} s = ${(imported / seconds).toFixed(1)} files/s (${engine.analyseWorkers} reader threads, ${os.availableParallelism()} cores)`);
  } finally {
    await engine.close();
  }
}

const QUERIES: { label: string; query: string; options?: SearchOptions }[] = [
  { label: 'diacritics', query: 'tiếp cận thông tin' },
  { label: 'no diacritics', query: 'tiep can thong tin' },
  { label: 'đ folded', query: 'don doc thuc hien' },
  { label: 'rare words', query: 'phong chay chua chay mua kho' },
  { label: 'phrase', query: '"ngân sách nhà nước"' },
  { label: 'prefix (as you type)', query: 'quy hoach su dun', options: { prefixLast: true } },
  { label: 'filter type', query: 'tiep can thong tin', options: { docType: 'Quyết định' } },
  { label: 'filter year+type', query: 'cai cach hanh chinh', options: { year: 2020, docType: 'Kế hoạch' } },
  { label: 'filter issuer', query: 'chuyển đổi số', options: { issuer: 'Sở Tư pháp tỉnh Sóc Trăng' } },
];

function benchSearch(engine: Engine, size: number): void {
  engine.db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = statSync(engine.paths.database).size;
  console.log(`\nSearch at ${size.toLocaleString('en')} documents (database ${(dbBytes / 1024 / 1024).toFixed(0)} MB, ${(dbBytes / size / 1024).toFixed(1)} KB/document)`);
  console.log('query'.padEnd(24), 'hits'.padStart(5), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8));
  const all: number[] = [];
  const { number_notation: someNumber } = engine.db
    .prepare('SELECT number_notation FROM documents WHERE id = ?')
    .get(Math.ceil(size / 2)) as { number_notation: string };
  const queries = [...QUERIES, { label: `number ${someNumber}`, query: someNumber }];
  for (const q of queries) {
    const times: number[] = [];
    let hits = 0;
    for (let r = 0; r < runs; r += 1) {
      const t = performance.now();
      hits = engine.search(q.query, { limit: 50, ...('options' in q ? q.options : {}) }).length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    console.log(q.label.padEnd(24), String(hits).padStart(5), percentile(times, 50).toFixed(1).padStart(8), percentile(times, 95).toFixed(1).padStart(8));
  }
  all.sort((a, b) => a - b);
  console.log('ALL'.padEnd(24), ''.padStart(5), percentile(all, 50).toFixed(1).padStart(8), percentile(all, 95).toFixed(1).padStart(8));
}

async function main(): Promise<void> {
  console.log(`Minh Bạch archive benchmark — ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, Node ${process.version}`);
  if (importFiles > 0) await benchImport();
  const engine = await createEngine({ dataDir: path.join(root, 'search-data'), actor: 'bench' });
  try {
    let filled = 0;
    for (const size of docSteps) {
      const t = performance.now();
      fillArchive(engine, filled, size);
      console.log(`\nInserted ${(size - filled).toLocaleString('en')} synthetic documents in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      filled = size;
      benchSearch(engine, size);
    }
  } finally {
    await engine.close();
    if (!values.keep) rmSync(root, { recursive: true, force: true });
  }
}

await main();
