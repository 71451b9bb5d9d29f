/**
 * bench:review — the review desk at scale, in Chromium through the browser preview: time from a
 * keystroke (J: next document; Enter: approve and move on) to the next document's suggestion and
 * decision form on screen, at 100 000 documents with suggestions. Prints figures (goal: p95 ≤
 * 100 ms); asserts nothing. Needs `npm run build` first.
 *
 *   npx tsx bench/reviewDesk.ts [-- --docs 100000] [--keys 60] [--data-dir DIR]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { createEngine } from '../electron/engine/index';
import { nowIso } from '../electron/engine/archive/database';
import { fillArchive } from './lib/fillArchive';
import { startPreview } from '../tests/e2e/previewProcess';
import { CHROMIUM_LAUNCH } from '../tests/e2e/chromium';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '100000' }, keys: { type: 'string', default: '60' }, 'data-dir': { type: 'string' } },
});
const docs = Number(values.docs);
const keys = Number(values.keys);
const keep = values['data-dir'] !== undefined;
const root = keep ? path.resolve(values['data-dir']!) : mkdtempSync(path.join(os.tmpdir(), 'minhbach-bench-review-'));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function fill(): Promise<void> {
  const engine = await createEngine({ dataDir: path.join(root, 'data'), actor: 'bench' });
  if (engine.count() < docs) {
    const t = performance.now();
    fillArchive(engine, engine.count(), docs, 1000);
    // Every document gets a suggestion (public, Art. 17 cl. 1 point a), as after Analyse.
    engine.db
      .prepare(
        `INSERT OR IGNORE INTO suggestions (document_id, access_class, basis_id, basis_version, reasons, engine_version, created_at)
         SELECT id, 'public', 'L104.D17.K1.a', '2016', '[{"text":"thủ tục hành chính","page":1,"rule":"publish.procedures"}]', 'bench', ? FROM documents`,
      )
      .run(nowIso());
    engine.db.prepare("UPDATE documents SET status = 'suggested' WHERE status IN ('imported','text_ready')").run();
    console.log(`Filled ${docs.toLocaleString('en')} documents with suggestions in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else console.log(`Reusing ${engine.count().toLocaleString('en')} documents in ${root}`);
  await engine.close();
}

/** Presses `key` and returns ms from the keydown to two frames after the next document's form
 *  is on screen (its title in the document panel). */
async function timeKey(page: Page, key: string): Promise<number> {
  const before = await page.locator('.review-doc .panel-title').textContent();
  await page.evaluate(`window.__keyAt = 0; window.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, { once: true, capture: true })`);
  await page.keyboard.press(key);
  await page.locator('.review-doc .panel-title').filter({ hasNotText: before ?? '' }).waitFor();
  await page.locator('.review-decide form').waitFor();
  return (await page.evaluate(
    `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - window.__keyAt))))`,
  )) as number;
}

async function main(): Promise<void> {
  await fill();
  const preview = await startPreview(root);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await page.goto(`${preview.url}#token=${preview.token}`);
    await page.goto(`${preview.url}#/settings`);
    await page.getByRole('textbox').last().waitFor();
    await page.goto(`${preview.url}#/review`);
    await page.locator('.review-decide form').waitFor({ timeout: 60_000 });
    const next: number[] = [];
    for (let i = 0; i < keys; i += 1) {
      next.push(await timeKey(page, 'j'));
      await page.waitForTimeout(150); // a person reads for a moment
    }
    next.sort((a, b) => a - b);
    console.log(
      `J → next document at ${docs.toLocaleString('en')} documents (${next.length} keys): p50 ${percentile(next, 50).toFixed(0)} ms, p95 ${percentile(next, 95).toFixed(0)} ms, max ${next.at(-1)!.toFixed(0)} ms (goal p95 ≤ 100 ms)`,
    );
    const approve: number[] = [];
    for (let i = 0; i < Math.min(keys, 30); i += 1) {
      approve.push(await timeKey(page, 'Enter'));
      await page.waitForTimeout(150);
    }
    approve.sort((a, b) => a - b);
    console.log(
      `Enter (approve) → next document (${approve.length} keys): p50 ${percentile(approve, 50).toFixed(0)} ms, p95 ${percentile(approve, 95).toFixed(0)} ms, max ${approve.at(-1)!.toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await preview.stop();
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

await main();
