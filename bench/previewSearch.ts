/**
 * bench:preview — the renderer at scale, in Chromium through the browser preview: time from a
 * search keystroke to the results on screen, and frame times while scrolling the library.
 * Prints figures; asserts nothing. Needs `npm run build` first.
 *
 *   npx tsx bench/previewSearch.ts [-- --docs 100000] [--data-dir DIR]
 *
 * With --data-dir the filled archive is kept there and reused by the next run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { createEngine } from '../electron/engine/index';
import { fillArchive } from './lib/fillArchive';
import { startPreview } from '../tests/e2e/previewProcess';
import { CHROMIUM_LAUNCH } from '../tests/e2e/chromium';
import { keystrokeLatencies, percentile } from './lib/keystrokes';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '100000' }, 'data-dir': { type: 'string' } },
});
const docs = Number(values.docs);
const keep = values['data-dir'] !== undefined;
const root = keep
  ? path.resolve(values['data-dir']!)
  : mkdtempSync(path.join(os.tmpdir(), 'minhbach-bench-preview-'));

async function fill(): Promise<void> {
  const engine = await createEngine({ dataDir: path.join(root, 'data'), actor: 'bench' });
  if (engine.count() >= docs) {
    console.log(`Reusing ${engine.count().toLocaleString('en')} documents in ${root}`);
    await engine.close();
    return;
  }
  const t = performance.now();
  fillArchive(engine, 0, docs, 1000);
  console.log(
    `Inserted ${docs.toLocaleString('en')} synthetic documents in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  await engine.close();
}

async function main(): Promise<void> {
  await fill();
  const preview = await startPreview(root);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${preview.url}#token=${preview.token}`);
    await page.locator('.doc-scroll [role=row]').first().waitFor();

    // Scrolling: 150 frames of 600 px, then a jump to the middle of the list.
    const frames = (await page.evaluate(`new Promise((resolve) => {
      const el = document.querySelector('.doc-scroll');
      const deltas = [];
      let last = performance.now();
      let n = 0;
      const step = (now) => {
        deltas.push(now - last); last = now; el.scrollTop += 600;
        if (++n < 150) requestAnimationFrame(step); else resolve(deltas.slice(1));
      };
      requestAnimationFrame(step);
    })`)) as number[];
    frames.sort((a, b) => a - b);
    console.log(
      `Scroll ${docs.toLocaleString('en')} rows: frame p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${frames.at(-1)!.toFixed(1)} ms, frames > 50 ms: ${frames.filter((f) => f > 50).length}/${frames.length}`,
    );
    const jumpStart = Date.now();
    await page.evaluate(
      `document.querySelector('.doc-scroll').scrollTop = document.querySelector('.doc-scroll').scrollHeight / 2`,
    );
    // (waitForFunction would need eval, which the CSP forbids.)
    await page.locator('.doc-placeholder').first().waitFor({ state: 'detached' });
    console.log(
      `Jump to row ~${(docs / 2).toLocaleString('en')}: rows shown after ${Date.now() - jumpStart} ms`,
    );

    // Keystroke → results on screen, one keystroke at a time (each sends its own query).
    const { latencies, held } = await keystrokeLatencies(page);
    console.log(`(${held} keystrokes sent no new query: spaces and short last words held back)`);
    latencies.sort((a, b) => a - b);
    console.log(
      `Keystroke → results at ${docs.toLocaleString('en')} documents (${latencies.length} keystrokes, incl. 60 ms debounce): p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await preview.stop();
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

await main();
