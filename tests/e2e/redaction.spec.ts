/**
 * Partial disclosure in Chromium, on an archive of its own: a reviewer takes a support-payment
 * decision with 14 named beneficiaries from import to a published redacted PDF. Upload, analyse,
 * key 4 (public with redactions) with the basis picked by typing; the regions proposed from the
 * personal data; Enter refused while they are undecided; accept all; a box drawn with the mouse,
 * one with the keyboard; a selected text span redacted (its other occurrence proposed, accepted);
 * Enter approves; the Document screen shows the regions; the export publishes the redacted PDF
 * with no beneficiary's name or ID number in it, and its catalogue row says what was withheld and
 * why. axe on the Review and Document screens; screenshot `redaction.png`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startPreview, type RunningPreview } from './previewProcess';
import { ARTIFACTS, ROOT, expectNoAxeViolations } from './helpers';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 900 } });

let preview: RunningPreview | undefined;
let dir = '';

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-e2e-redaction-'));
  const made = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/e2e/supportDecisionFile.ts'), path.join(dir, 'quyet-dinh-ho-tro.pdf')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(made.status, made.stderr).toBe(0);
  preview = await startPreview(dir, 30_000);
});

test.afterAll(async () => {
  await preview?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const summary = (page: Page) => page.locator('.redaction-summary');
const hint = (page: Page) => page.locator('.review-hint');

/** Selects `phrase` in the page text panel, as a reader dragging over it would. */
async function selectText(page: Page, phrase: string): Promise<void> {
  await page.locator('.review-text').evaluate((panel, wanted) => {
    const doc = panel.ownerDocument;
    const walker = doc.createTreeWalker(panel, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = doc.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      doc.getSelection()!.removeAllRanges();
      doc.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the page text`);
  }, phrase);
}

test('a support-payment decision from import to a published redacted PDF, by a reviewer in the app', async ({ page }) => {
  test.setTimeout(240_000);
  page.on('pageerror', (e) => {
    throw e;
  });
  const { url, token } = preview!;
  await page.goto(`${url}#token=${token}`);
  await expect(page.locator('h1')).toBeVisible();

  // Import by upload.
  await page.goto(`${url}#/import`);
  await page.getByTestId('file-input').setInputFiles([{ name: 'quyet-dinh-ho-tro.pdf', mimeType: 'application/pdf', buffer: readFileSync(path.join(dir, 'quyet-dinh-ho-tro.pdf')) }]);
  await expect(page.getByText('Đã xử lý 1 / 1 tệp')).toBeVisible({ timeout: 45_000 });

  // Review: analyse, then key 4 — public with redactions, its basis picked by typing.
  await page.goto(`${url}#/review`);
  await page.getByRole('button', { name: 'Phân tích và gợi ý' }).click();
  await expect(page.getByText('Đã phân tích 1 tài liệu')).toBeVisible();
  await page.locator('h1').focus();
  await page.keyboard.press('4');
  const picker = page.getByRole('combobox', { name: 'Căn cứ pháp lý' });
  await expect(picker).toBeFocused();
  await page.keyboard.type('điểm e khoản 1 điều 17');
  await expect(page.getByRole('listbox', { name: 'Căn cứ pháp lý phù hợp' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: /Công khai một phần/ })).toBeChecked();
  // The regions proposed from the personal data found: 14 names, ID numbers and addresses.
  await expect(summary(page)).toHaveText(/0 vùng che, 42 đề xuất chưa quyết định/);
  await page.locator('h1').focus();
  await page.keyboard.press('Enter');
  await expect(hint(page)).toContainText('còn vùng che đề xuất chưa quyết định');

  await page.getByRole('button', { name: 'Chấp nhận mọi đề xuất' }).click();
  await expect(summary(page)).toHaveText(/42 vùng che, 0 đề xuất/);
  // Page 2, the list: every box black with its ground's label.
  await page.locator('h1').focus();
  await page.keyboard.press(']');
  const boxes = page.locator('.review-image-frame .rg-accepted');
  await expect(boxes).toHaveCount(42);
  await expect(boxes.first()).toContainText('Đ7.K2');

  // A box drawn with the mouse over the first beneficiary's year of birth.
  await page.getByRole('button', { name: 'Vẽ vùng che' }).click();
  const surface = page.getByRole('application', { name: /Vẽ vùng che/ });
  await expect(surface).toBeFocused();
  const frame = (await surface.boundingBox())!;
  await page.mouse.move(frame.x + frame.width * (199 / 595), frame.y + frame.height * (96 / 842));
  await page.mouse.down();
  await page.mouse.move(frame.x + frame.width * (249 / 595), frame.y + frame.height * (114 / 842), { steps: 4 });
  await page.mouse.up();
  await expect(summary(page)).toHaveText(/43 vùng che/);
  // One with the keyboard: D, move it, Enter.
  await page.locator('h1').focus();
  await page.keyboard.press('d');
  await expect(page.getByRole('application', { name: /Vẽ vùng che/ })).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Enter');
  await expect(summary(page)).toHaveText(/44 vùng che/);

  // A text span selected on page 1: redacted, and its other occurrence proposed.
  await page.locator('h1').focus();
  await page.keyboard.press('[');
  await selectText(page, 'Trưởng phòng Lao động');
  await page.getByRole('button', { name: 'Che đoạn chữ đã chọn' }).click();
  await expect(summary(page)).toHaveText(/45 vùng che, 1 đề xuất/);
  await page.getByRole('button', { name: 'Chấp nhận mọi đề xuất' }).click();
  await expect(summary(page)).toHaveText(/46 vùng che, 0 đề xuất/);
  await page.getByText('Che gì, và vì sao ô đen vẽ trong trình sửa PDF không phải là che').click();
  await expect(page.getByText(/chữ bên dưới vẫn còn trong tệp/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'redaction.png') });

  // Enter approves.
  await page.locator('h1').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.review-messages')).toContainText('Đã phê duyệt');

  // The Document screen shows the regions on the page image.
  const id = Number((await page.locator('.review-doc a').first().getAttribute('href'))!.match(/documents\/(\d+)/)![1]);
  await page.goto(`${url}#/documents/${id}?page=2`);
  await expect(page.locator('.document-screen .badge').first()).toHaveText('Công khai một phần');
  await expect(page.locator('.viewer-frame .rg-accepted')).toHaveCount(44);
  await expectNoAxeViolations(page);

  // Export: the catalogue row says what was withheld and on which ground; the PDF is the redacted one.
  await page.goto(`${url}#/export`);
  await page.getByRole('button', { name: 'Xác nhận xuất 1 mục' }).click();
  await expect(page.getByText(/Đã xuất \d+ tệp trong/)).toBeVisible({ timeout: 150_000 });
  const site = path.join(dir, 'data', 'exports', 'site');
  expect(readFileSync(path.join(site, 'danh-muc-cong-khai.html'), 'utf8')).toContain('Công khai một phần: đã che thông tin theo khoản 2 Điều 7');
  const pdf = readdirSync(path.join(site, 'tai-lieu')).find((f) => f.endsWith('.pdf'))!;
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(site, 'tai-lieu', pdf), '-']).toString('utf8');
  expect(text).toContain('DANH SÁCH CÁC HỘ GIA ĐÌNH');
  const list = readFileSync(path.join(site, 'catalog.json'), 'utf8');
  for (const beneficiary of ['094061194297', 'Đặng Thanh Phúc', 'Thạch Kim Lan', 'ấp Bưng Tróp, xã An Ninh', 'Trưởng phòng Lao động']) {
    expect(text).not.toContain(beneficiary);
    expect(list).not.toContain(beneficiary);
  }
});
