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
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${preview.url}#token=${preview.token}`);
    await page.locator('.doc-scroll [role=row]').first().waitFor();
    // First nobody types (documents/s of the pipeline alone), then someone types searches
    // without pause for a few minutes (keystroke latency, and documents/s while they type), then
    // the pipeline finishes alone.
    const rate = (from: { at: number; done: number }, to: { at: number; done: number }) => (to.done - from.done) / ((to.at - from.at) / 1000);
    const mark = () => ({ at: performance.now(), done: suggested() });
    let begin = mark();
    while (begin.done === 0 && performance.now() - started < 120_000) {
      await new Promise((r) => setTimeout(r, 200));
      begin = mark();
    }
    while (suggested() < docs * 0.3) await new Promise((r) => setTimeout(r, 1000));
    const quietEnd = mark();
    const during: number[] = [];
    for (let round = 0; round < 8 && suggested() < docs; round += 1) during.push(...(await keystrokeLatencies(page)).latencies);
    const typingEnd = mark();
    for (let last = -1; suggested() < docs && suggested() !== last; ) {
      last = suggested();
      await new Promise((r) => setTimeout(r, 5000));
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`Header + suggestion for ${docs.toLocaleString('en')} documents: ${seconds.toFixed(0)} s from the preview's start`);
    console.log(`  ${rate(begin, quietEnd).toFixed(0)} documents/s while nobody types; ${rate(quietEnd, typingEnd).toFixed(0)} documents/s while someone types searches without pause (storing gives way to each keystroke); ${rate(begin, mark()).toFixed(0)} documents/s overall`);
    if (during.length > 0) console.log(summary('Keystroke → results while it ran (incl. 60 ms debounce)', during));
    console.log(summary('Keystroke → results once done', (await keystrokeLatencies(page)).latencies));
  } finally {
    db.close();
    await browser.close();
    await preview.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
