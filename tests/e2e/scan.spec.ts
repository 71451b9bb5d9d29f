/**
 * The Scan screen against real SANE: a network scanner (SANE's escl backend → the fake eSCL
 * scanner on loopback) feeds a letter, a blank page with show-through, the QR separator sheet and
 * a second document. The screen shows each page's fate, archives two documents, they are OCR'd
 * and found by search. Also: scan profiles in Settings, and the SANE test device listed.
 */
import { expect, test } from '@playwright/test';
import { startFakeEsclScanner, type FakeEsclScanner } from '../helpers/scanning/fakeEsclScanner';
import { scannedSeparatorSheet } from '../helpers/scanning/scannedPages';
import { syntheticPage } from '../helpers/scanning/syntheticPages';
import { expectNoAxeViolations, invokePreview, openApp, screenshot } from './helpers';
import { useOwnPreview } from './ownPreview';

test.describe.configure({ mode: 'serial' });
useOwnPreview();

let scanner: FakeEsclScanner;
test.beforeAll(async () => {
  scanner = await startFakeEsclScanner([
    await syntheticPage('text-page', 21),
    await syntheticPage('blank-heavy-show-through', 22),
    await scannedSeparatorSheet(),
    await syntheticPage('one-line', 23),
  ]);
});
test.afterAll(async () => {
  await scanner?.close();
});

test('scan profiles: saved in Settings, offered on the Scan screen', async ({ page }) => {
  await openApp(page, '#/settings');
  await page.getByLabel('Tên hồ sơ').fill('ADF hai mặt 200 dpi');
  const profiles = page.locator('section', { has: page.getByRole('heading', { name: 'Hồ sơ quét' }) });
  await profiles.getByLabel('Độ phân giải (dpi)').selectOption('200');
  await profiles.getByLabel('Quét hai mặt').check();
  await page.getByRole('button', { name: 'Ghi hồ sơ quét' }).click();
  await expect(page.getByTestId('scan-profiles')).toContainText('ADF hai mặt 200 dpi');
  await expect(page.getByTestId('scan-profiles')).toContainText('200 dpi');
  await expectNoAxeViolations(page);

  await openApp(page, '#/scan');
  await expect(page.getByRole('heading', { level: 1, name: 'Quét tài liệu' })).toBeVisible();
  await page.getByLabel('Hồ sơ quét').selectOption('ADF hai mặt 200 dpi');
  await expect(page.getByLabel('Độ phân giải (dpi)')).toHaveValue('200');
  await expect(page.getByLabel('Quét hai mặt')).toBeChecked();
  // The SANE test device is among the scanners found.
  await expect(page.getByText(/Tìm thấy \d+ máy quét/)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#scan-devices option[value="test:0"]')).toHaveCount(1);
});

test('scan screen: a network-scanner batch, blank page removed, split at the QR sheet, archived, OCR’d, searchable', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page, '#/scan');
  await page.getByLabel('Máy quét', { exact: true }).fill(scanner.device);
  await page.getByLabel('Độ phân giải (dpi)').selectOption('150');
  await page.getByLabel('Tách lô thành tài liệu').selectOption('qr');
  await page.getByRole('button', { name: 'Quét', exact: true }).click();

  await expect(page.getByTestId('scan-plan')).toHaveText('4 trang → 2 tài liệu (bỏ 1 trang trắng, 1 trang phân cách)', { timeout: 60_000 });
  const pages = page.getByTestId('batch-page');
  await expect(pages).toHaveCount(4);
  await expect(pages.nth(0)).toContainText('Tài liệu 1');
  await expect(pages.nth(1)).toContainText('Trang trắng — sẽ bỏ');
  await expect(pages.nth(2)).toContainText('Trang phân cách');
  await expect(pages.nth(3)).toContainText('Tài liệu 2');
  await expect(pages.nth(0).getByRole('img')).toBeVisible();
  await screenshot(page, 'scan-batch.png');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Lưu vào kho' }).click();
  await expect(page.getByText(/^Đã lưu vào kho/)).toBeVisible({ timeout: 60_000 });
  const links = page.getByRole('link', { name: /^Mở Bản quét/ });
  await expect(links).toHaveCount(2);
  const first = Number(/documents\/(\d+)/.exec((await links.first().getAttribute('href'))!)![1]);

  // OCR runs after archiving; the letter's words become searchable (diacritics optional).
  await expect
    .poll(async () => (await invokePreview<{ hits: { id: number }[] }>('documents:search', { query: 'pho bien giao duc phap luat' })).hits.map((h) => h.id), {
      timeout: 180_000,
      intervals: [2_000],
    })
    .toContain(first);
  await openApp(page);
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('pho bien giao duc');
  await expect(page.locator('.doc-scroll [role=row]').filter({ hasText: 'Bản quét' }).first()).toBeVisible();
});
