import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ERROR_MESSAGES } from '../../shared/domain/errors';
import { expectNoAxeViolations, fixture, openApp, previewUrl, screenshot } from './helpers';

// One archive for the whole run: the import comes first, the rest reads what it imported.
test.describe.configure({ mode: 'serial' });

const HOSTILE_NAME = 'a<script>alert(1)<script>.pdf';

test('first start: the reviewer and the agency are asked for once, both required, then shown in Settings', async ({
  page,
}) => {
  await openApp(page);
  const dialog = page.getByRole('dialog', { name: 'Chào mừng đến với Minh Bạch' });
  await expect(dialog).toBeVisible();
  const reviewer = dialog.getByLabel('Họ và tên của bạn');
  await expect(reviewer).toBeFocused();
  // Escape does not get rid of it; an empty name is refused with the reason.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await expect(dialog.getByText('Hãy nhập họ và tên người xử lý.')).toBeVisible();
  await expect(dialog.getByText('Hãy nhập tên cơ quan.')).toBeVisible();
  await expect(reviewer).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await screenshot(page, 'first-start.png');

  await reviewer.fill('Nguyễn Thị Văn Thư');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Tên cơ quan')).toBeFocused();
  await page.keyboard.type('Ủy ban nhân dân xã Thoại Sơn');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Thư viện tài liệu' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.goto(previewUrl('#/settings'));
  await expect(page.getByLabel('Tên người xử lý')).toHaveValue('Nguyễn Thị Văn Thư');
  await expect(page.getByLabel('Tên cơ quan')).toHaveValue('Ủy ban nhân dân xã Thoại Sơn');
});

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
  // The text panel says what is true of the page (waiting its turn, being recognised, its text).
  await expect(page.getByRole('heading', { name: /Chữ của trang 2/ })).toBeVisible();
  await expect(page.locator('.viewer-text')).not.toContainText('đang chờ nhận dạng OCR)');
  await screenshot(page, 'document-scan.png');
});

test('edit a header field (validated), see it after a reload and in the history', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('niem yet');
  // Search results carry highlighted snippets: wait for them before opening the first row.
  const hit = page.locator('.doc-scroll [role=row]').first();
  await expect(hit.locator('mark').first()).toBeVisible();
  await hit.getByRole('link').click();

  // The pipeline read the header by itself; the person corrects the date it read.
  const number = page.getByLabel('Số, ký hiệu', { exact: true });
  const date = page.getByLabel('Ngày ban hành');
  await expect(number).toHaveValue('1245/UBND-VP');
  await expect(date).toHaveValue('16/08/2021');
  await date.fill('31/02/2021');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Ngày không hợp lệ. Hãy nhập theo dạng dd/mm/yyyy.')).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');

  await date.fill('17/08/2021');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Số, ký hiệu', { exact: true })).toHaveValue('1245/UBND-VP');
  await expect(page.getByLabel('Ngày ban hành')).toHaveValue('17/08/2021');
  // The history names the correction, its old and new value, and who made it.
  const history = page.locator('.history');
  await expect(history).toContainText('Sửa trường thông tin bởi Nguyễn Thị Văn Thư');
  await expect(history).toContainText('Ngày ban hành: “16/08/2021” → “17/08/2021”');
  await expect(history).toContainText('Đọc các trường thông tin');
  await expect(history).not.toContainText('header.corrected');
  await expect(page.locator('h1')).toContainText('1245/UBND-VP');

  // The library row shows the corrected date as dd/mm/yyyy.
  await page.goto(previewUrl('#/library'));
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('');
  const row = page.locator('.doc-scroll [role=row]').filter({ hasText: '1245/UBND-VP' });
  await expect(row).toContainText('17/08/2021');
  await screenshot(page, 'library.png');
  await expectNoAxeViolations(page);
});

test('library: a column sorts both ways (missing values last), the full value shows on hover, the order survives a visit', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('');
  const cells = (column: string) => page.locator(`.doc-scroll [role=row] ${column}`).allTextContents();
  // Pages: 1, 1 and 2 — the order flips with the second press (keyboard).
  const pages = page.getByRole('columnheader', { name: 'Trang' });
  await expect(pages).toHaveAttribute('aria-sort', 'none');
  await pages.getByRole('button').click();
  await expect(pages).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => cells('.cell-num')).toEqual(['2', '1', '1']);
  await pages.getByRole('button').press('Enter');
  await expect(pages).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => cells('.cell-num')).toEqual(['1', '1', '2']);
  // Number: Vietnamese order, documents without one last.
  const header = page.getByRole('columnheader', { name: 'Số, ký hiệu' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(pages).toHaveAttribute('aria-sort', 'none');
  await expect(page.getByText(/xếp theo Số, ký hiệu \(tăng dần\)/)).toBeVisible();
  await expect.poll(async () => (await cells('.cell-number'))[0]).not.toBe('—');
  const numbers = await cells('.cell-number');
  const known = numbers.filter((n) => n !== '—');
  expect(numbers.slice(known.length).every((n) => n === '—')).toBe(true);
  expect(known).toEqual([...known].sort(new Intl.Collator('vi', { numeric: true }).compare));
  // A cut-off value is whole in its title (shown on hover).
  const cell = page.locator('.doc-scroll [role=row] .cell-number', { hasText: '1245/UBND-VP' });
  await expect(cell).toHaveAttribute('title', '1245/UBND-VP');
  await expectNoAxeViolations(page);

  await page.goto(previewUrl('#/jobs'));
  await page.goto(previewUrl('#/library'));
  await expect(page.getByRole('columnheader', { name: 'Số, ký hiệu' })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('button', { name: 'Xếp theo thứ tự nhập' }).click();
  await expect(page.getByRole('columnheader', { name: 'Số, ký hiệu' })).toHaveAttribute('aria-sort', 'none');
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

test('OCR by itself after import, named after the scan on Jobs; with automatic OCR off a scan says it is not queued until its OCR button', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openApp(page, '#/jobs');
  const job = page.locator('.job-card').filter({ hasText: 'Nhận dạng chữ (OCR): d04-scan.tiff' });
  await expect(job).toContainText('Hoàn tất', { timeout: 150_000 });
  await expect(job.getByRole('progressbar').first()).toHaveAttribute('value', '2');
  await expect(job).toContainText('2 trang xong');
  await screenshot(page, 'jobs-ocr.png');
  await expectNoAxeViolations(page);
  // "OCR tất cả": every page still without text (none here) is queued.
  await page.getByRole('button', { name: 'OCR tất cả' }).click();
  await expect(page.getByText('Đã xếp hàng nhận dạng chữ cho mọi trang chưa có chữ.')).toBeVisible();

  await page.goto(previewUrl('#/library'));
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('d04-scan');
  const first = page.locator('.doc-scroll [role=row]').first();
  await expect(first).toContainText('d04-scan');
  await first.getByRole('link').first().click();
  await expect(page.locator('.viewer-source')).toContainText('nhận dạng OCR');
  await expect(page.locator('.page-text')).not.toBeEmpty();
  await expect(page.locator('.history')).toContainText('Nhận dạng chữ (OCR) một trang');
  await expect(page.locator('.history')).not.toContainText('ocr.page');

  // Automatic OCR off: a new scan's page is "not queued", with the OCR button, until pressed.
  await page.goto(previewUrl('#/settings'));
  await page.getByLabel('Tự động nhận dạng chữ (OCR) ngay sau khi nhập').uncheck();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  await page.goto(previewUrl('#/import'));
  await page.getByTestId('file-input').setInputFiles(fixture('ocr/d28-scan.pdf'));
  const result = page.locator('.results-table tbody tr').filter({ hasText: 'd28-scan.pdf' });
  await expect(result).toContainText('1 trang cần OCR', { timeout: 45_000 });
  await expect(result).toContainText('OCR tự động đang tắt');
  await result.getByRole('link', { name: 'Mở d28-scan.pdf' }).click();
  await expect(page.getByText('1 trang chưa có chữ, chưa được xếp hàng nhận dạng.')).toBeVisible();
  await expect(page.locator('.viewer-text')).toContainText('chưa được nhận dạng');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Nhận dạng chữ (OCR)' }).click();
  // Now it is held by an OCR job: waiting its turn or being recognised, and said so.
  await expect(page.locator('.ocr-action')).toContainText(
    /đang chờ đến lượt nhận dạng|Đang nhận dạng chữ|Đã bắt đầu nhận dạng chữ/,
  );
  await expect(page.locator('.viewer-text')).toContainText(/đang chờ đến lượt|đang nhận dạng chữ|nhận dạng OCR/);

  await page.goto(previewUrl('#/settings'));
  await page.getByLabel('Tự động nhận dạng chữ (OCR) ngay sau khi nhập').check();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
});

test('settings: the agency details the published section needs, checked, saved, and a form uploaded as a file', async ({
  page,
}) => {
  await openApp(page, '#/settings');
  await page.getByLabel('Địa chỉ trụ sở').fill('Ấp Bắc Sơn, xã Thoại Sơn, tỉnh An Giang');
  await page.getByLabel('Họ và tên', { exact: true }).fill('Lê Văn Đầu Mối');
  await page.getByLabel('Số điện thoại').fill('0296 3 123 456');
  await page.getByLabel('Thư điện tử').fill('tiepcan@');
  await page.getByLabel('Địa chỉ trang web của chuyên mục').fill('thoaison.gov.vn/tiep-can');
  await page.getByLabel('Thời hạn công khai mặc định (số tháng)').fill('12');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Địa chỉ trang web phải bắt đầu bằng http:// hoặc https://')).toBeVisible();
  await expect(page.getByText('Thư điện tử chưa đúng dạng')).toBeVisible();
  await page.getByLabel('Thư điện tử').fill('tiepcan@thoaison.gov.vn');
  await page.getByLabel('Địa chỉ trang web của chuyên mục').fill('https://thoaison.gov.vn/tiep-can/');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();

  // A form is the agency's own file: chosen with the file picker, stored at once.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn tệp cho Mẫu 01a — Phiếu yêu cầu cung cấp thông tin (công dân)' }).click();
  // (its own file: a document already in the archive is refused as a form, FORM_IS_DOCUMENT)
  const formFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'minhbach-form-')), 'mau-01a.pdf');
  writeFileSync(formFile, Buffer.concat([readFileSync(fixture('corpus/d01/born-digital.pdf')), Buffer.from('\n% Mau 01a\n')]));
  await (await chooser).setFiles(formFile);
  const row = page.getByRole('row', { name: /Mẫu 01a/ });
  await expect(row).toContainText('Đã có: PDF');
  await expectNoAxeViolations(page);
  await screenshot(page, 'settings-agency.png');

  await page.reload();
  await expect(page.getByLabel('Địa chỉ trang web của chuyên mục')).toHaveValue('https://thoaison.gov.vn/tiep-can/');
  await expect(page.getByLabel('Thời hạn công khai mặc định (số tháng)')).toHaveValue('12');
  await expect(page.getByRole('row', { name: /Mẫu 01a/ })).toContainText('Đã có: PDF');
  await page.getByRole('button', { name: 'Gỡ tệp của Mẫu 01a — Phiếu yêu cầu cung cấp thông tin (công dân)' }).click();
  await expect(page.getByRole('row', { name: /Mẫu 01a/ })).toContainText('Chưa có');
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
