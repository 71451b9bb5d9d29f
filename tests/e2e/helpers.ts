import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
export const fixture = (p: string) => path.join(ROOT, 'tests/fixtures', p);
/** One-frame video of a page photo for Chromium's fake camera (written by globalSetup). */
export const CAMERA_VIDEO = path.join(ARTIFACTS, 'camera', 'page-photo.y4m');

/** Calls a channel of the running preview directly, as the renderer does. */
export async function invokePreview<T>(channel: string, input: unknown): Promise<T> {
  const res = await fetch(`${process.env.MINHBACH_PREVIEW_URL}api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'x-minhbach-token': process.env.MINHBACH_PREVIEW_TOKEN ?? '', 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.value;
}

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
