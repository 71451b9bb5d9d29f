/**
 * bench:understanding — the pipeline's header + suggestion step at scale, as the clerk meets it:
 * an archive of N documents whose text is ready and whose header was never read is opened in the
 * browser preview; the host's pipeline starts reading them by itself (a worker thread reads, the
 * main thread stores in short slices) while, in Chromium, someone types searches in the Library.
 * Prints documents/second and the keystroke-to-results p50/p95 while it runs (goal ≤ 150 ms),
 * then the same once it is done. Asserts nothing. Needs `npm run build` first.
 *
 *   npx tsx bench/understanding.ts [-- --docs 100000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { createEngine } from '../electron/engine/index';
import { openDatabase } from '../electron/engine/archive/database';
import { fillArchive } from './lib/fillArchive';
import { keystrokeLatencies, percentile } from './lib/keystrokes';
import { startPreview } from '../tests/e2e/previewProcess';
import { CHROMIUM_LAUNCH } from '../tests/e2e/chromium';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '100000' } } });
const docs = Number(values.docs);
const root = mkdtempSync(path.join(os.tmpdir(), 'minhbach-bench-understanding-'));

function summary(label: string, latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `${label}: ${sorted.length} keystrokes, p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const filling = performance.now();
  const engine = await createEngine({ dataDir: path.join(root, 'data'), actor: 'bench' });
  fillArchive(engine, 0, docs, 1000, { header: false });
  await engine.close();
  console.log(`Inserted ${docs.toLocaleString('en')} documents (text ready, header not read) in ${((performance.now() - filling) / 1000).toFixed(1)} s`);

  const db = openDatabase(path.join(root, 'data', 'archive.sqlite'), { readonly: true });
  const suggested = () => (db.prepare('SELECT count(*) AS c FROM suggestions').get() as { c: number }).c;
  const started = performance.now();
  const preview = await startPreview(root); // the host starts the pipeline: reading begins now
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const samples: { at: number; done: number }[] = [];
  const sampler = setInterval(() => samples.push({ at: performance.now(), done: suggested() }), 1000);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${preview.url}#token=${preview.token}`);
    await page.locator('.doc-scroll [role=row]').first().waitFor();
    const during: number[] = [];
    let stalled = 0;
    while (suggested() < docs && stalled < 3) {
      const before = suggested();
      const round = await keystrokeLatencies(page);
      during.push(...round.latencies);
      stalled = suggested() === before ? stalled + 1 : 0;
    }
    const seconds = (performance.now() - started) / 1000;
    const busy = samples.filter((s, i) => i > 0 && s.done > samples[i - 1]!.done);
    const rate = busy.length > 1 ? (busy.at(-1)!.done - busy[0]!.done) / ((busy.at(-1)!.at - busy[0]!.at) / 1000) : docs / seconds;
    console.log(`Header + suggestion for ${docs.toLocaleString('en')} documents: ${seconds.toFixed(0)} s from the preview's start, ${rate.toFixed(0)} documents/s while reading`);
    if (during.length > 0) console.log(summary('Keystroke → results while it ran (incl. 60 ms debounce)', during));
    console.log(summary('Keystroke → results once done', (await keystrokeLatencies(page)).latencies));
  } finally {
    clearInterval(sampler);
    db.close();
    await browser.close();
    await preview.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
