import type { Page } from '@playwright/test';
import { searchableQuery } from '../../renderer/src/screens/Library/searchQuery';

export const QUERIES = ['tiep can thong tin', 'quy hoach su dung dat', 'cai cach hanh chinh', 'don doc thuc hien', 'ngan sach nha nuoc'];

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Keystroke → results on screen in the Library, one keystroke at a time (each sends its own
 * query), typed at about five keys a second. Returns the latency of each keystroke that sent a
 * query (ms, from the input event to two frames after the response), and how many sent none.
 */
export async function keystrokeLatencies(page: Page, queries: readonly string[] = QUERIES): Promise<{ latencies: number[]; held: number }> {
  const search = page.getByRole('searchbox');
  await page.evaluate(
    `document.querySelector('input[type=search]').addEventListener('input', (e) => { window.__inputAt = performance.now(); }, true)`,
  );
  const latencies: number[] = [];
  let held = 0;
  for (const query of queries) {
    await search.fill('');
    await page.waitForTimeout(300);
    let previous = '';
    for (let i = 1; i <= query.length; i += 1) {
      const sent = searchableQuery(query.slice(0, i));
      const key = query[i - 1] === ' ' ? 'Space' : query[i - 1]!;
      if (sent === previous) {
        // A space, or a short last word held back: the results on screen stay as they are.
        await search.press(key);
        held += 1;
        continue;
      }
      previous = sent;
      const response = page.waitForResponse(
        (r) => r.url().includes('documents:search') && (JSON.parse(r.request().postData() ?? '{}') as { query?: string }).query === sent,
      );
      await search.press(key);
      await response;
      const ms = (await page.evaluate(
        `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - window.__inputAt))))`,
      )) as number;
      latencies.push(ms);
      // A person types about five keys a second.
      await page.waitForTimeout(200);
    }
  }
  return { latencies, held };
}
