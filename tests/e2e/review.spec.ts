/**
 * The review workflow in Chromium through the browser preview, on an archive of its own (so the
 * order of spec files does not matter): upload three born-digital PDFs (d23 stamped MẬT, d15
 * social-assistance list with personal data, d01 administrative procedures), run suggestions,
 * walk the queue with the keyboard, see the MẬT evidence marked, approve with Enter, see a change
 * of an approved decision refused without a reason, bulk-approve the rest after a dry run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ERROR_MESSAGES } from '../../shared/domain/errors';
import { startPreview, type RunningPreview } from './previewProcess';
import { expectNoAxeViolations, fixture, screenshot } from './helpers';

test.describe.configure({ mode: 'serial' });

let preview: RunningPreview | undefined;
let dir = '';
let url = '';
let token = '';

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-e2e-review-'));
  preview = await startPreview(dir, 30_000);
  ({ url, token } = preview);
});

test.afterAll(async () => {
  await preview?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(page: Page, hash: string): Promise<void> {
  page.on('pageerror', (e) => {
    throw e;
  });
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await page.goto(`${url}#token=${token}`);
  await expect(page.locator('h1')).toBeVisible();
  await page.goto(`${url}${hash}`);
}

const active = (page: Page) => page.locator('[role=option][aria-selected=true]');

/** Presses J until the active document's title contains `text` (the import order is not fixed). */
async function walkTo(page: Page, text: string): Promise<void> {
  // J down the queue, then K back up. After each key, wait for the selection to move (it does not
  // at either end of the queue) so a slow render is never read as the old row.
  for (const key of ['j', 'j', 'j', 'j', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k']) {
    const current = (await active(page).textContent()) ?? '';
    if (current.includes(text)) return;
    await page.keyboard.press(key);
    await expect(active(page))
      .not.toHaveText(current, { timeout: 2_000 })
      .catch(() => undefined);
  }
  await expect(active(page)).toContainText(text);
}

test('review queue: suggestions, keyboard, evidence, approve, reason required, bulk approval', async ({
  page,
}) => {
  await open(page, '#/import');
  await page.getByTestId('file-input').setInputFiles(
    ['d23', 'd15', 'd01'].map((d) => ({
      name: `${d}.pdf`,
      mimeType: 'application/pdf',
      buffer: readFileSync(fixture(`corpus/${d}/born-digital.pdf`)),
    })),
  );
  await expect(page.getByText('Đã xử lý 3 / 3 tệp')).toBeVisible({ timeout: 30_000 });

  // Reviewer name from Settings is recorded with the decisions.
  await page.goto(`${url}#/settings`);
  await page.getByLabel('Tên người xử lý').fill('Lê Thị Thẩm Định');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Thẩm định' })
    .click();
  const title = page.getByRole('heading', { level: 1, name: 'Thẩm định mức tiếp cận' });
  await expect(title).toBeFocused();
  const queue = page.getByRole('listbox', { name: 'Hàng đợi thẩm định' });
  await expect(queue.getByRole('option')).toHaveCount(3);

  await page.getByRole('button', { name: 'Phân tích và gợi ý' }).click();
  await expect(page.getByText('Đã phân tích 3 tài liệu (0 chưa có chữ).')).toBeVisible();
  await expect(queue.getByRole('option').filter({ hasText: 'Đề xuất:' })).toHaveCount(3);

  // Keyboard: J/K (and ↓/↑) move through the queue; focus goes to the list with a visible ring.
  await title.focus();
  await page.keyboard.press('j');
  await expect(queue).toBeFocused();
  expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
  await page.keyboard.press('ArrowUp');
  await walkTo(page, '35/UBND-NC');

  // d23: secret suggested for its MẬT stamp; the stamp is marked in the page text.
  const main = page.locator('.review-main');
  await expect(main).toContainText('Trang 1:');
  await expect(main.locator('.review-reasons')).toContainText('dấu mật trên văn bản');
  const stamp = main.locator('.review-text mark.ev-stamp');
  await expect(stamp).toHaveCount(1);
  await expect(stamp).toContainText('MẬT');
  await expect(page.getByText('Trang có lớp chữ sẵn: bằng chứng chỉ được tô trong phần chữ.')).toBeVisible();
  await expect(page.getByRole('radio', { name: /Không công khai/ })).toBeChecked();
  await expect(page.getByLabel('Căn cứ pháp lý')).toHaveValue('L104.D6.K1');
  // The registry's unverified entries say so in the select box.
  await expect(
    page.getByLabel('Căn cứ pháp lý').locator('option', { hasText: 'chưa kiểm chứng' }).first(),
  ).toBeAttached();
  await expect(page.getByRole('img', { name: /Ảnh trang 1/ })).toBeVisible({ timeout: 20_000 });
  await screenshot(page, 'review.png');
  await expectNoAxeViolations(page);

  // Enter approves and moves on to the next document.
  // (Files import side by side, so d23 may be the last of the queue: then there is no next.)
  const last = (await queue.getByRole('option').last().getAttribute('aria-selected')) === 'true';
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Đã phê duyệt: 35\/UBND-NC/)).toBeVisible();
  if (!last) await expect(active(page)).not.toContainText('35/UBND-NC');

  // Back to d23 (K); choosing another class (2) for an approved decision needs a reason.
  await walkTo(page, '35/UBND-NC');
  await expect(page.locator('.review-main')).toContainText(
    'Đã quyết định: Không công khai (L104.D6.K1), người thẩm định Lê Thị Thẩm Định',
  );
  await page.keyboard.press('2');
  await expect(page.getByRole('radio', { name: /Có điều kiện/ })).toBeChecked();
  await expect(page.getByLabel('Căn cứ pháp lý')).toHaveValue(/^L104\.D7\./);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(ERROR_MESSAGES.REASON_REQUIRED.vi);
  const note = page.getByLabel('Lý do thay đổi (bắt buộc khi sửa quyết định đã duyệt)');
  await expect(note).toBeFocused();
  // Escape returns to the queue; 3 puts the class back (nothing was changed).
  await page.keyboard.press('Escape');
  await expect(queue).toBeFocused();
  await page.keyboard.press('3');
  await expect(page.getByLabel('Căn cứ pháp lý')).toHaveValue('L104.D6.K1');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // B goes to the basis select.
  await page.keyboard.press('b');
  await expect(page.getByLabel('Căn cứ pháp lý')).toBeFocused();
  await page.keyboard.press('Escape');

  // Bulk approval of what is left, after a dry run listing what will change.
  await page.getByRole('button', { name: 'Phê duyệt đề xuất hàng loạt…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Phê duyệt đề xuất hàng loạt' });
  await expect(dialog).toBeVisible();
  const rows = dialog.locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(1);
  await expect(dialog).toContainText(`Chạy thử: ${count} tài liệu sẽ được phê duyệt theo đề xuất.`);
  await expect(rows.filter({ hasText: '1534/QĐ-UBND' })).toContainText('Có điều kiện');
  await expect(dialog).not.toContainText('35/UBND-NC');
  await expectNoAxeViolations(page);
  await screenshot(page, 'review-bulk.png');
  await dialog.getByRole('button', { name: `Phê duyệt ${count} tài liệu` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Đã phê duyệt ${count} tài liệu theo đề xuất.`)).toBeVisible();
  await expect(queue.getByRole('option').filter({ hasText: 'Đã duyệt' })).toHaveCount(1 + count);

  // The audit chain still verifies.
  await page.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
  await expect(page.getByText(/^Nhật ký kiểm toán toàn vẹn: \d+ sự kiện\.$/)).toBeVisible();
  // The history names the decision and its legal basis in words, never a raw code.
  await expect(page.locator('.history')).toContainText('Ghi quyết định phân loại');
  await expect(page.locator('.history')).toContainText('Luật Tiếp cận thông tin');
  await expect(page.locator('.history')).not.toContainText('decision.recorded');
});
