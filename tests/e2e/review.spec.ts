/**
 * The review desk in Chromium at 1366×768, on an archive of its own: 30 born-digital documents
 * written by a script (tests/e2e/reviewDeskDocuments.ts) and imported with the CLI. A reviewer's
 * day by keyboard only: analyse, look at the bulk dry run (bases in words, not the primary button),
 * a key that does nothing says why, an unsaved note is kept as a draft, a group decision for five
 * near-identical documents, undo, Enter refused on the "needs review" document until a basis is
 * picked by typing, "next needing review" until nothing is left. Screenshots at 1366×768 and
 * 1920×1080; axe (WCAG 2.1 AA) at 100 % and 200 % zoom on Review, Library and Document.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { startPreview, type RunningPreview } from './previewProcess';
import { ARTIFACTS, ROOT, expectNoAxeViolations } from './helpers';
import { writeReviewDeskDocuments } from './reviewDeskDocuments';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

let preview: RunningPreview | undefined;
let dir = '';

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-e2e-review-'));
  await writeReviewDeskDocuments(path.join(dir, 'docs'), path.join(ROOT, 'resources/fonts/LiberationSerif-Regular.ttf'));
  const imported = spawnSync(
    process.execPath,
    ['bin/minhbach.js', 'import', path.join(dir, 'docs'), '--data-dir', path.join(dir, 'data'), '--json'],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  expect(imported.status, imported.stderr).toBe(0);
  preview = await startPreview(dir, 30_000);
});

test.afterAll(async () => {
  await preview?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const active = (page: Page) => page.locator('[role=option][aria-selected=true]');
const hint = (page: Page) => page.locator('.review-hint');

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  await info.attach(name, { path: file, contentType: 'image/png' });
}

/** axe at 100 % and at 200 % zoom (the same window, half the CSS pixels). */
async function axeBothZooms(page: Page): Promise<void> {
  const size = page.viewportSize()!;
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: Math.round(size.width / 2), height: Math.round(size.height / 2) });
  await expectNoAxeViolations(page);
  await page.setViewportSize(size);
}

test('a reviewer’s day: 30 documents by keyboard at 1366×768', async ({ page }, info) => {
  test.setTimeout(120_000);
  page.on('pageerror', (e) => {
    throw e;
  });
  const { url, token } = preview!;
  await page.goto(`${url}#token=${token}`);
  await expect(page.locator('h1')).toBeVisible();
  await page.goto(`${url}#/settings`);
  await page.getByLabel('Tên người xử lý').fill('Lê Thị Thẩm Định');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();

  await page.goto(`${url}#/review`);
  const title = page.getByRole('heading', { level: 1, name: 'Thẩm định mức tiếp cận' });
  await expect(title).toBeFocused();
  const queue = page.getByRole('listbox', { name: 'Hàng đợi thẩm định' });
  await expect(queue.getByRole('option')).toHaveCount(30);
  // Analyse: Tab from the title to the first action, Enter.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Phân tích và gợi ý' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Đã phân tích 30 tài liệu (0 chưa có chữ).')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.review-left')).toContainText('Còn 30 tài liệu chưa quyết định');
  // Keys keep working with focus still on the Analyse button (Enter belongs to the button).
  await page.keyboard.press('j');
  await expect(queue).toBeFocused();
  // At least 10 documents of the queue are in view at 1366×768, each with class and confidence.
  const inView = await queue.getByRole('option').evaluateAll((rows) => {
    const box = rows[0]!.parentElement!.getBoundingClientRect();
    return rows.filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= box.top - 1 && b.bottom <= box.bottom + 1 && b.bottom <= r.ownerDocument.documentElement.clientHeight;
    }).length;
  });
  expect(inView).toBeGreaterThanOrEqual(10);
  await expect(active(page)).toContainText(/Đề xuất:.*(chữ gốc|OCR)/);
  // Queue, evidence and decision side by side, all in the window.
  for (const region of ['.review-side', '.review-main', '.review-decide']) {
    const b = (await page.locator(region).boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(1366);
    expect(b.y).toBeLessThan(768 / 2);
  }
  await shot(page, info, 'review-1366x768.png');
  await axeBothZooms(page);

  // Bulk approval is a plain button; its dry run names bases in words; Esc closes it.
  const bulkButton = page.getByRole('button', { name: 'Phê duyệt đề xuất hàng loạt…' });
  await expect(bulkButton).not.toHaveClass(/btn-primary/);
  await bulkButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Phê duyệt đề xuất hàng loạt' });
  await expect(dialog).toContainText('Chạy thử: 29 tài liệu');
  await expect(dialog).toContainText('Điều 6 khoản 1');
  await expect(dialog).not.toContainText('L104.');
  await expect(dialog.getByRole('button', { name: /^Phê duyệt 29 tài liệu$/ })).not.toHaveClass(/btn-primary/);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A key that does nothing says why; a click in the evidence text does not stop the keys.
  await page.keyboard.press('q');
  await expect(hint(page)).toContainText('Phím “q” không có tác dụng');
  await page.locator('.review-text').click();
  const before = await active(page).textContent();
  await page.keyboard.press('j');
  await expect(active(page)).not.toHaveText(before!);

  // An unsaved note is kept as a draft when moving on, and is there on coming back.
  await page.keyboard.press('n');
  await page.keyboard.type('đã đối chiếu bản gốc');
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await expect(hint(page)).toContainText('được giữ làm bản nháp');
  await expect(queue.getByRole('option').filter({ hasText: 'Nháp' })).toHaveCount(1);
  await page.keyboard.press('k');
  await expect(page.getByLabel('Ghi chú')).toHaveValue('đã đối chiếu bản gốc');

  let group = false;
  let undone = false;
  let needsReview = false;
  for (let step = 0; step < 40; step += 1) {
    // T: the next document without a decision (skipping those decided in the group), unless
    // the one in view still needs one.
    let text = (await active(page).textContent()) ?? '';
    if (!text.includes('Đề xuất:')) {
      const hintText = async () => ((await hint(page).count()) ? ((await hint(page).textContent()) ?? '') : '');
      if ((await hintText()).includes('không còn tài liệu nào')) break;
      await page.keyboard.press('t');
      await expect
        .poll(async () => (await hintText()).includes('không còn tài liệu nào') || (await active(page).textContent()) !== text)
        .toBe(true);
      if ((await hintText()).includes('không còn tài liệu nào')) break;
      text = (await active(page).textContent()) ?? '';
      expect(text).toContain('Đề xuất:');
    }
    const current = text.slice(0, text.indexOf(' — '));
    await expect(page.locator('.review-doc')).toContainText(current);
    if (text.includes('701/GM-UBND')) {
      // "Needs review": no class, no basis. Enter refuses and says why; 1 opens the picker.
      needsReview = true;
      await page.keyboard.press('Enter');
      await expect(hint(page)).toContainText('chưa chọn mức tiếp cận');
      await page.keyboard.press('1');
      const picker = page.getByRole('combobox', { name: 'Căn cứ pháp lý' });
      await expect(picker).toBeFocused();
      await expect(hint(page)).toContainText('chọn căn cứ');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await expect(hint(page)).toContainText('chưa chọn căn cứ pháp lý');
      await expect(active(page)).toContainText('Cần xem xét');
      // Picked by typing.
      await page.keyboard.press('b');
      await page.keyboard.type('khoản 2 điều 17');
      await expect(page.getByRole('listbox', { name: 'Căn cứ pháp lý phù hợp' }).getByRole('option')).toHaveCount(1);
      await expectNoAxeViolations(page);
      await page.keyboard.press('Enter');
      await expect(page.locator('.basis-chosen')).toContainText('Điều 17 khoản 2');
    } else if (!group && text.includes('hỗ trợ khó khăn')) {
      // Group review: one decision for this and the four near-identical ones.
      group = true;
      await page.keyboard.press('g');
      const groupDialog = page.getByRole('dialog', { name: 'Quyết định theo nhóm văn bản giống nhau' });
      await expect(groupDialog.getByRole('checkbox', { checked: true })).toHaveCount(4);
      await expectNoAxeViolations(page);
      await page.keyboard.press('Enter');
      await expect(page.getByText('Đã ghi quyết định cho 5 tài liệu')).toBeVisible();
      continue;
    }
    await page.keyboard.press('Enter');
    await expect(page.locator('.review-messages')).toContainText(`Đã phê duyệt: ${current}`);
    if (!undone) {
      // Undo the decision just made: the document is back without a decision; approve it again.
      undone = true;
      await page.keyboard.press('u');
      await expect(page.getByText('Đã hoàn tác quyết định gần nhất')).toBeVisible();
      await expect(active(page)).toContainText(current);
      await expect(active(page)).toContainText('Đề xuất:');
    }
  }
  expect([group, undone, needsReview]).toEqual([true, true, true]);
  await expect(hint(page)).toContainText('không còn tài liệu nào cần thẩm định');
  await expect(page.locator('.review-left')).toContainText('Còn 0 tài liệu chưa quyết định');
  await expect(queue.getByRole('option').filter({ hasText: 'Đã duyệt' })).toHaveCount(30);
  await axeBothZooms(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, info, 'review-1920x1080.png');
  await page.setViewportSize({ width: 1366, height: 768 });

  // The audit chain verifies; Library and Document pass axe at both zooms.
  await page.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
  await expect(page.getByText(/^Nhật ký kiểm toán toàn vẹn: \d+ sự kiện\.$/)).toBeVisible();
  await page.goto(`${url}#/library`);
  await expect(page.locator('.doc-scroll [role=row]').first()).toBeVisible();
  await axeBothZooms(page);
  await page.locator('.doc-scroll [role=row] a').first().click();
  await expect(page.locator('.page-text')).toBeVisible();
  await axeBothZooms(page);
});
