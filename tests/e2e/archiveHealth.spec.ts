/**
 * An archive found damaged at start-up: the app opens read-only and every screen says so, with
 * how to restore (Chromium through the browser preview, which runs the same start-up check).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startPreview, type RunningPreview } from './previewProcess';
import { expectNoAxeViolations, ROOT, screenshot } from './helpers';

let preview: RunningPreview | undefined;
let dir = '';

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-e2e-damaged-'));
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/e2e/damagedArchive.ts'), path.join(dir, 'data')], { cwd: ROOT, stdio: 'inherit' });
  preview = await startPreview(dir, 30_000);
});

test.afterAll(async () => {
  await preview?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('archive damaged at start-up: a read-only banner on every screen explains how to restore', async ({ page }) => {
  await page.goto(`${preview!.url}#token=${preview!.token}`);
  const banner = page.getByRole('alert').filter({ hasText: 'Kho lưu trữ bị hỏng — chỉ đọc' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('minhbach restore');
  await expect(banner).toContainText('minhbach verify');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cài đặt' }).click();
  await expect(banner).toBeVisible();
  await screenshot(page, 'archive-damaged.png');
  await expectNoAxeViolations(page);
});
