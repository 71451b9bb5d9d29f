/**
 * The pipeline runs itself (issue 11), in Chromium through the browser preview on an archive of
 * its own: ten mixed files dropped on the Import screen — born-digital PDFs, scans (TIFF, PNG,
 * image-only PDF) and one hostile file — reach the review queue with their header fields and a
 * suggestion without any other click; progress shows on the Jobs screen; a file copied into the
 * watched scan-inbox folder goes the same way.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import sharp from 'sharp';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ERROR_MESSAGES } from '../../shared/domain/errors';
import { dropFiles } from './dropFiles';
import { expectNoAxeViolations, fixture, screenshot } from './helpers';
import { ownPreview } from './ownPreview';

test.describe.configure({ mode: 'serial' });

const preview = ownPreview('minhbach-e2e-pipeline-');
const { open, go } = preview;

test.beforeAll(() =>
  // A low-resolution scan of d07 (1100 px wide): OCR reads its number with low confidence, so
  // the number is marked "cần kiểm tra"; the same document as a born-digital PDF is dropped too.
  preview.start(async (dir) => {
    await sharp(fixture('ocr/d07-page-1.png')).resize({ width: 1100 }).toFile(path.join(dir, 'd07-scan.png'));
  }),
);

test.afterAll(() => preview.stop());

const BORN_DIGITAL = ['d01', 'd03', 'd10', 'd15', 'd23'].map((d) => ({
  path: fixture(`corpus/${d}/born-digital.pdf`),
  name: `${d}.pdf`,
}));
const scans = () => [
  { path: fixture('corpus/d04-scan.tiff'), name: 'd04-scan.tiff' },
  { path: path.join(preview.dir, 'd07-scan.png'), name: 'd07-scan.png' },
  { path: fixture('ocr/d28-scan.pdf'), name: 'd28-scan.pdf' },
];
const HOSTILE = { path: fixture('bad/really-a-zip.pdf'), name: 'really-a-zip.pdf' };
const D07_BORN_DIGITAL = { path: fixture('ui/d07-born-digital.pdf'), name: 'd07.pdf' };
const dropped = () => [...BORN_DIGITAL, ...scans(), D07_BORN_DIGITAL, HOSTILE];
const READABLE = 9;

test('ten files dropped on Import reach the review queue with header fields and a suggestion, with no other click', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page, '#/import');
  const DROPPED = dropped();
  expect(DROPPED).toHaveLength(READABLE + 1);
  await dropFiles(page, '.dropzone', DROPPED);

  // Import: every file with its pages, what needs OCR, and the reason for the hostile one.
  await expect(page.getByText(`Đã xử lý ${DROPPED.length} / ${DROPPED.length} tệp`)).toBeVisible({ timeout: 60_000 });
  const results = page.locator('.results-table tbody tr');
  await expect(results).toHaveCount(DROPPED.length);
  await expect(results.filter({ hasText: 'really-a-zip.pdf' })).toContainText(ERROR_MESSAGES.TYPE_MISMATCH.vi);
  await expect(results.filter({ hasText: 'd04-scan.tiff' })).toContainText('2 trang');
  await expect(results.filter({ hasText: 'd04-scan.tiff' })).toContainText('cần OCR');
  await expect(results.filter({ hasText: 'd01.pdf' })).toContainText('có sẵn chữ');
  await screenshot(page, 'pipeline-import.png');
  await expectNoAxeViolations(page);

  // Jobs: OCR started by itself, named after its documents, with its progress.
  await go(page, '#/jobs');
  const ocrJob = page.locator('.job-card').filter({ hasText: 'Nhận dạng chữ (OCR)' }).first();
  await expect(ocrJob).toBeVisible({ timeout: 30_000 });
  await expect(ocrJob).toContainText(/d04-scan\.tiff|d07-scan\.png|d28-scan\.pdf/);
  await expect(ocrJob.getByRole('progressbar')).toBeVisible();
  await screenshot(page, 'pipeline-jobs.png');
  await expectNoAxeViolations(page);

  // Review: every readable document arrives with a suggestion.
  await go(page, '#/review');
  const queue = page.getByRole('listbox', { name: 'Hàng đợi thẩm định' });
  await expect(queue.getByRole('option')).toHaveCount(READABLE, { timeout: 240_000 });
  await expect(queue.getByRole('option').filter({ hasText: 'Đề xuất:' })).toHaveCount(READABLE, { timeout: 240_000 });
  await screenshot(page, 'pipeline-review.png');

  // Library: the header fields were read (type and number on every born-digital document).
  await go(page, '#/library');
  const rows = page.locator('.doc-scroll [role=row]');
  await expect(rows).toHaveCount(READABLE);
  for (const number of ['1245/UBND-VP', '35/UBND-NC']) await expect(rows.filter({ hasText: number })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Chờ OCR' })).toHaveCount(0);
});

test('copies of one document are linked both ways; a field OCR was unsure of blocks approval until confirmed', async ({
  page,
}) => {
  await open(page, '#/library');
  // The scan and the born-digital PDF of d07 are one document: each row says so.
  const d07 = page.locator('.doc-scroll [role=row]').filter({ hasText: '27/GM-STP' });
  await expect(d07).toHaveCount(2);
  await expect(d07.filter({ hasText: '1 bản khác' })).toHaveCount(2);
  await expect(d07.filter({ hasText: 'Cần kiểm tra' })).toHaveCount(1);

  await go(page, '#/review');
  const queue = page.getByRole('listbox', { name: 'Hàng đợi thẩm định' });
  await queue.getByRole('option').filter({ hasText: 'Cần kiểm tra' }).click();
  const main = page.locator('.review-main');
  const check = main.getByRole('region', { name: /trường đọc bằng OCR chưa chắc chắn/ });
  await expect(check).toContainText('Số, ký hiệu: “27/GM-STP”');
  await expect(main.getByRole('region', { name: /Bản khác của cùng văn bản/ })).toContainText('d07.pdf');
  await expect(main).toContainText('Chỉ một bản được công bố: bản “d07.pdf”, không phải bản này.');
  await expectNoAxeViolations(page);
  await screenshot(page, 'review-check.png');

  // Approving publication is refused while the field is unchecked; confirmed, it goes through.
  await page.getByRole('radio', { name: 'Công khai', exact: true }).check();
  await page.getByRole('button', { name: 'Phê duyệt (Enter)' }).click();
  await expect(page.getByRole('alert')).toHaveText(ERROR_MESSAGES.HEADER_UNCHECKED.vi);
  await check.getByRole('button', { name: /^Đúng/ }).click();
  await expect(check).toHaveCount(0);
  await expect(queue.getByRole('option', { selected: true })).not.toContainText('Cần kiểm tra');
  await page.getByRole('button', { name: 'Phê duyệt (Enter)' }).click();
  await expect(page.getByText(/^Đã phê duyệt: 27\/GM-STP/)).toBeVisible();

  // The scan's own page: the link to the published copy and the confirmation in its history.
  await go(page, '#/library');
  await d07.filter({ hasText: 'Cần kiểm tra' }).or(d07.filter({ hasText: 'Công khai' })).first().getByRole('link').first().click();
  const copies = page.getByRole('region', { name: /Bản khác của cùng văn bản/ });
  await expect(copies.getByRole('link', { name: 'd07.pdf' })).toBeVisible();
  await expect(page.locator('.history')).toContainText('Xác nhận trường thông tin cần kiểm tra');
  await expect(page.locator('.history')).toContainText('Số, ký hiệu: “27/GM-STP” (đã xác nhận đúng)');
  await copies.getByRole('link', { name: 'd07.pdf' }).click();
  await expect(page.getByRole('region', { name: /Bản khác của cùng văn bản/ })).toContainText('d07-scan.png');
  await expect(page.getByText('Chỉ một bản được công bố: bản này.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('scan inbox: a file copied into the watched folder is imported, read and suggested by itself', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const inbox = path.join(preview.dir, 'scanner');
  mkdirSync(inbox, { recursive: true });
  await open(page, '#/settings');
  await page.getByLabel('Thư mục máy quét').fill(inbox);
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đang theo dõi thư mục này.')).toBeVisible();

  // d26 as the scanner's software saves it (a PDF; the OCR path of scans is the test above).
  copyFileSync(fixture('corpus/d26/born-digital.pdf'), path.join(inbox, 'may-quet-0001.pdf'));
  await go(page, '#/review');
  const queue = page.getByRole('listbox', { name: 'Hàng đợi thẩm định' });
  await expect(queue.getByRole('option')).toHaveCount(READABLE + 1, { timeout: 150_000 });
  const scanned = queue.getByRole('option').filter({ hasText: '278/BC-UBND' });
  await expect(scanned).toContainText('Đề xuất:', { timeout: 60_000 });
  await go(page, '#/jobs');
  await expect(page.locator('.job-card').filter({ hasText: 'Nhập tài liệu: may-quet-0001.pdf' })).toContainText('Hoàn tất');
});
