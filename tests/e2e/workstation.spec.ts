import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ERROR_MESSAGES } from '../../shared/domain/errors';
import { expectNoAxeViolations, fixture, openApp, previewUrl, screenshot } from './helpers';

// One archive for the whole run: the import comes first, the rest reads what it imported.
test.describe.configure({ mode: 'serial' });

const HOSTILE_NAME = 'a<script>alert(1)<script>.pdf';

test('import by upload: progress, per-file results, the Vietnamese reason for a rejected file', async ({
  page,
}) => {
  await openApp(page, '#/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Nhập tài liệu' })).toBeVisible();
  await expectNoAxeViolations(page);

  const upload = (file: string, name = path.basename(file)) => ({
    name,
    mimeType: 'application/octet-stream',
    buffer: readFileSync(fixture(file)),
  });
  await page.getByTestId('file-input').setInputFiles([
    upload('corpus/d01/born-digital.pdf'),
    upload('corpus/d04-scan.tiff'),
    upload('ui/d07-born-digital.pdf'),
    upload('bad/really-a-zip.pdf'),
    // A file name that is markup must stay text (same bytes as d01).
    upload('bad/html-name.pdf', HOSTILE_NAME),
  ]);
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText('Đã xử lý 5 / 5 tệp')).toBeVisible({ timeout: 45_000 });
  const results = page.locator('.results-table tbody tr');
  await expect(results).toHaveCount(5);

  const rejected = results.filter({ hasText: 'really-a-zip.pdf' });
  await expect(rejected).toContainText('Bị từ chối');
  await expect(rejected).toContainText(ERROR_MESSAGES.TYPE_MISMATCH.vi);
  const hostile = results.filter({ hasText: HOSTILE_NAME });
  await expect(hostile.locator('td').first()).toHaveText(HOSTILE_NAME);
  // d01 and the hostile name share their bytes: whichever finishes first is imported, the other is a duplicate.
  await expect(results.filter({ hasText: 'Đã có trong kho' })).toHaveCount(1);
  await expect(page.locator('script', { hasText: 'alert(1)' })).toHaveCount(0);
  await expect(page.getByText('3 đã nhập, 1 trùng, 1 bị từ chối')).toBeVisible();
  await screenshot(page, 'import.png');
  await expectNoAxeViolations(page);
});

test('search without diacritics, highlighted snippet, open the hit: page image beside its text', async ({
  page,
}) => {
  await openApp(page);
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.fill('tiep can');
  const rows = page.locator('.doc-scroll [role=row]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('mark').first()).toHaveText(/tiếp/i);

  await search.fill('niem yet');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('mark')).toHaveText([/niêm/i, /yết/i]);
  await screenshot(page, 'library-search.png');
  await expectNoAxeViolations(page);

  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(/#\/documents\/\d+/);
  const image = page.getByRole('img', { name: /Ảnh trang 1/ });
  await expect(image).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /Chữ của trang 1/ })).toBeVisible();
  await expect(page.locator('.page-text')).toContainText('niêm yết');
  // Side by side: the text column starts to the right of the image column, at the same height.
  const imageBox = (await page.locator('.viewer-image').boundingBox())!;
  const textBox = (await page.locator('.viewer-text').boundingBox())!;
  expect(textBox.x).toBeGreaterThanOrEqual(imageBox.x + imageBox.width - 1);
  expect(Math.abs(textBox.y - imageBox.y)).toBeLessThan(5);

  await page.getByRole('button', { name: 'Phóng to' }).click();
  await expect(page.getByText('Thu phóng 125%')).toBeVisible();
  await screenshot(page, 'document.png');
  await expectNoAxeViolations(page);
});

test('multi-page scan: thumbnails switch the page image', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('d04-scan');
  // Wait for the search to replace the full list (debounced) before opening the first row.
  const first = page.locator('.doc-scroll [role=row]').first();
  await expect(first).toContainText('d04-scan');
  await first.getByRole('link').click();
  const thumbs = page.getByRole('navigation', { name: 'Các trang' }).getByRole('link');
  await expect(thumbs).toHaveCount(2);
  await thumbs.nth(1).click();
  await expect(page.getByText('Trang 2 / 2')).toBeVisible();
  await expect(page.getByRole('img', { name: /Ảnh trang 2/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Trang này chưa có chữ (đang chờ nhận dạng OCR).')).toBeVisible();
  await screenshot(page, 'document-scan.png');
});

test('edit a header field (validated), see it after a reload and in the history', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('niem yet');
  // Search results carry highlighted snippets: wait for them before opening the first row.
  const hit = page.locator('.doc-scroll [role=row]').first();
  await expect(hit.locator('mark').first()).toBeVisible();
  await hit.getByRole('link').click();

  // The pipeline has read the header already (1245/UBND-VP, 16/08/2021): the clerk corrects it.
  const number = page.getByLabel('Số, ký hiệu', { exact: true });
  const date = page.getByLabel('Ngày ban hành');
  await number.fill('1246/UBND-VP');
  await date.fill('31/02/2021');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Ngày không hợp lệ. Hãy nhập theo dạng dd/mm/yyyy.')).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');

  await date.fill('17/08/2021');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Số, ký hiệu', { exact: true })).toHaveValue('1246/UBND-VP');
  await expect(page.getByLabel('Ngày ban hành')).toHaveValue('17/08/2021');
  await expect(page.locator('.history')).toContainText('Sửa thông tin văn bản');
  await expect(page.locator('h1')).toContainText('1246/UBND-VP');

  // The library row shows the corrected number and the date as dd/mm/yyyy.
  await page.goto(previewUrl('#/library'));
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('');
  const row = page.locator('.doc-scroll [role=row]').filter({ hasText: '1246/UBND-VP' });
  await expect(row).toContainText('17/08/2021');
  await screenshot(page, 'library.png');
  await expectNoAxeViolations(page);
});

test('jobs: the import job with its progress and its failed file', async ({ page }) => {
  await openApp(page, '#/jobs');
  await expect(page.getByRole('heading', { level: 1, name: 'Công việc' })).toBeVisible();
  const job = page.locator('.panel').filter({ hasText: 'Nhập tài liệu' }).first();
  await expect(job).toContainText('Hoàn tất');
  await expect(job.getByRole('progressbar')).toHaveAttribute('value', '5');
  await job.getByText('1 mục lỗi').click();
  await expect(job).toContainText('really-a-zip.pdf');
  await expect(job.getByRole('button', { name: 'Thử lại các mục lỗi' })).toBeVisible();
  await screenshot(page, 'jobs.png');
  await expectNoAxeViolations(page);
});

test('OCR from the document screen: the job shows on Jobs with its progress, then the page has text', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('d04-scan');
  // Wait for the search to replace the full list (debounced) before opening the first row.
  const first = page.locator('.doc-scroll [role=row]').first();
  await expect(first).toContainText('d04-scan');
  await first.getByRole('link').click();
  await expect(page.getByText('2 trang chưa có chữ.')).toBeVisible();
  await page.getByRole('button', { name: 'Nhận dạng chữ (OCR) các trang chưa có chữ' }).click();
  await expect(page.getByText('Đã bắt đầu nhận dạng chữ.')).toBeVisible();
  const documentUrl = page.url();

  await page.getByRole('link', { name: 'Xem tiến độ ở mục Công việc' }).click();
  const job = page.locator('.panel').filter({ hasText: 'Nhận dạng chữ (OCR)' }).first();
  await expect(job.getByRole('progressbar')).toBeVisible();
  await expect(job).toContainText('/ 2');
  await screenshot(page, 'jobs-ocr.png');
  await expect(job).toContainText('Hoàn tất', { timeout: 150_000 });
  await expect(job.getByRole('progressbar')).toHaveAttribute('value', '2');

  await page.goto(documentUrl);
  await expect(page.locator('.viewer-source')).toContainText('nhận dạng OCR');
  await expect(page.locator('.page-text')).not.toBeEmpty();
  await expectNoAxeViolations(page);
});

test('settings, and switching the interface language (kept after a reload)', async ({ page }) => {
  await openApp(page, '#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
  await page.getByLabel('Số luồng nhận dạng').fill('12');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Từ 1 đến 8 luồng.')).toBeVisible();
  await page.getByLabel('Số luồng nhận dạng').fill('2');
  await page.getByLabel('Tên người xử lý').fill('Trần Thị B');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  await screenshot(page, 'settings.png');
  await expectNoAxeViolations(page);

  await page.getByLabel('Ngôn ngữ', { exact: true }).selectOption('en');
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Library' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.goto(previewUrl('#/library'));
  await expect(page.getByRole('heading', { level: 1, name: 'Document library' })).toBeVisible();
  await screenshot(page, 'library-en.png');
  await expectNoAxeViolations(page);
  await page.getByLabel('Language', { exact: true }).selectOption('vi');
  await expect(page.getByRole('heading', { level: 1, name: 'Thư viện tài liệu' })).toBeVisible();
});

test('keyboard: focus lands on the screen title, visible focus ring, skip link, navigation', async ({
  page,
}) => {
  await openApp(page);
  // A new screen puts focus on its h1, so keyboard and screen-reader users start at the content.
  await expect(page.getByRole('heading', { level: 1, name: 'Thư viện tài liệu' })).toBeFocused();
  await page.keyboard.press('Tab');
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await expect(search).toBeFocused();
  expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');

  const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
  await skip.focus();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  await page.getByRole('link', { name: 'Nhập tài liệu' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Nhập tài liệu' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Chọn tệp…' })).toBeFocused();
});
