/**
 * The Export screen in Chromium through the browser preview, on an archive of its own
 * (tests/e2e/exportArchive.ts): the summary of what will and will not be published, the
 * undecided document listed, the confirm button, the run's summary, axe, a screenshot; the site is
 * written to the folder inside the data folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startPreview, type RunningPreview } from './previewProcess';
import { expectNoAxeViolations, ROOT, screenshot } from './helpers';

test.describe.configure({ mode: 'serial' });

let preview: RunningPreview | undefined;
let dir = '';
let url = '';
let token = '';

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-e2e-export-'));
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/e2e/exportArchive.ts'), path.join(dir, 'data')], { cwd: ROOT, stdio: 'inherit' });
  preview = await startPreview(dir, 30_000);
  ({ url, token } = preview);
});

test.afterAll(async () => {
  await preview?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('export screen: what will and will not be published, confirm, summary', async ({ page }) => {
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${url}#token=${token}`);
  await expect(page.locator('h1')).toBeVisible();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Xuất danh mục' }).click();
  const title = page.getByRole('heading', { level: 1, name: 'Xuất danh mục công khai' });
  await expect(title).toBeFocused();

  const summary = page.getByRole('table');
  const row = (name: string) => summary.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Công khai')).toContainText('2');
  await expect(row('Tiếp cận có điều kiện')).toContainText('1');
  await expect(row('Không được tiếp cận')).toContainText('1');
  await expect(row('Chưa duyệt')).toContainText('1');
  // The undecided document is listed with a link to it.
  const undecided = page.getByRole('region', { name: 'Chưa duyệt (1)' });
  await expect(undecided.getByRole('link')).toHaveCount(1);
  await expect(page.getByText('Bản xem trước ghi vào thư mục trong thư mục dữ liệu:')).toBeVisible();
  // The rows add up to the archive, and each catalogue lists what it will publish.
  await expect(summary.getByRole('row', { name: /^Tổng số tài liệu trong kho/ })).toContainText('5');
  const publicList = page.getByRole('region', { name: 'Các văn bản sẽ có trong danh mục công khai' });
  await expect(publicList.getByRole('link')).toHaveCount(2);
  const conditionalList = page.getByRole('region', { name: 'Các dòng sẽ có trong danh mục có điều kiện' });
  await expect(conditionalList.getByRole('row')).toHaveCount(2);
  await expect(conditionalList).toContainText('đồng ý');

  await page.getByRole('button', { name: 'Xác nhận xuất 3 mục' }).click();
  await expect(page.getByText(/Đã xuất \d+ tệp trong/)).toBeVisible({ timeout: 60_000 });
  const site = path.join(dir, 'data', 'exports', 'site');
  expect(existsSync(path.join(site, 'index.html'))).toBe(true);
  expect(existsSync(path.join(site, 'danh-muc-cong-khai.pdf'))).toBe(true);
  await screenshot(page, 'export.png');
  await expectNoAxeViolations(page);
});
