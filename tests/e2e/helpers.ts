import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
export const fixture = (p: string) => path.join(ROOT, 'tests/fixtures', p);

export function previewUrl(hash = '#/library'): string {
  const url = process.env.MINHBACH_PREVIEW_URL;
  const token = process.env.MINHBACH_PREVIEW_TOKEN;
  if (!url || !token) throw new Error('the preview is not running (globalSetup)');
  return `${url}${hash}`;
}

/** Opens the app with the token (first visit of a page), failing the test on any script error or
 *  dialog (an alert() would mean a file name ran as markup). */
export async function openApp(page: Page, hash = '#/library'): Promise<void> {
  page.on('pageerror', (e) => {
    throw e;
  });
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await page.goto(`${process.env.MINHBACH_PREVIEW_URL}#token=${process.env.MINHBACH_PREVIEW_TOKEN}`);
  await expect(page.locator('h1')).toBeVisible();
  if (hash !== '#/library') await page.goto(previewUrl(hash));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

/** axe with WCAG 2.1 A/AA rules: the screen must have no violations at all. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}
