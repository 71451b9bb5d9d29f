/**
 * The exported disclosure catalogue in Chromium, over http://127.0.0.1 (a tiny static server) and
 * over file://: both catalogues with the right rows and columns, search without diacritics, the
 * tables with JavaScript off, axe (WCAG 2.1 AA), hostile names shown as text, phone and desktop
 * screenshots in tests/artifacts/.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectNoAxeViolations, ROOT, screenshot } from './helpers';

const HTML_NAME = 'a<script>alert(1)<script>.pdf';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.pdf': 'application/pdf', '.xml': 'application/xml', '.json': 'application/json' };

let tmp = '';
let site = '';
let ids: Record<string, string> = {};
let hostile: string | null = null;
let server: http.Server;
let base = '';

test.beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'minhbach-site-'));
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/e2e/catalogueSite.ts'), path.join(tmp, 'data'), path.join(tmp, 'site')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  ({ out: site, ids, hostile } = JSON.parse(out.trim().split('\n').pop()!) as { out: string; ids: Record<string, string>; hostile: string | null });
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(site, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    if (!file.startsWith(site) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});

test.afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function guard(page: Page): void {
  page.on('pageerror', (e) => {
    throw e;
  });
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
}

for (const mode of ['http', 'file'] as const) {
  const at = (file: string) => (mode === 'http' ? base + file : pathToFileURL(path.join(site, file)).href);

  test(`catalogue site over ${mode}: catalogues, columns, rows, search without diacritics`, async ({ page }) => {
    guard(page);
    await page.goto(at('index.html'));
    await expect(page.locator('h1')).toHaveText('Chuyên mục tiếp cận thông tin');
    await expect(page.getByText('Trần Thị Bích')).toBeVisible();
    await expect(page.getByRole('link', { name: /Mẫu 01a/ })).toBeVisible();

    await page.getByRole('link', { name: 'Thông tin phải công khai' }).first().click();
    const publicHeads = page.locator('table.catalogue').first().locator('thead th');
    await expect(publicHeads).toHaveText(['STT', 'Tên, số, ký hiệu văn bản', 'Ngày ban hành', 'Hình thức công khai', 'Thời điểm công khai', 'Thời hạn công khai', 'Đường dẫn']);
    const publicRows = page.locator('table.catalogue tbody tr');
    await expect(publicRows).toHaveCount(3);
    await expect(page.locator('main')).toContainText('1530/STTTT-CNTT');
    await expect(page.locator('main')).toContainText('08/KH-UBND');
    await expect(page.locator('main')).not.toContainText('35/UBND-NC');
    await expect(page.locator('main')).not.toContainText('1534/QĐ-UBND');
    // Grouped by the Art. 17 point of the legal basis.
    await expect(page.locator('section.group h2')).toHaveText([/^Điểm b khoản 1 Điều 17/, /^Điểm d khoản 1 Điều 17/, /^Khoản 2 Điều 17/]);

    await page.getByRole('link', { name: 'Thông tin tiếp cận có điều kiện' }).first().click();
    await expect(page.locator('table.catalogue thead th')).toHaveText(['STT', 'Tên thông tin', 'Số, ký hiệu', 'Ngày ban hành', 'Điều kiện tiếp cận', 'Căn cứ pháp lý']);
    await expect(page.locator('table.catalogue tbody tr')).toHaveCount(1);
    await expect(page.locator('table.catalogue tbody')).toContainText('1534/QĐ-UBND');
    await expect(page.locator('table.catalogue tbody')).toContainText('khoản 2 Điều 7');
    await expect(page.locator('main a[href$=".pdf"]')).toHaveCount(0);

    await page.goto(at('index.html'));
    await page.getByLabel(/Tìm trong danh mục/).fill('pho bien giao duc phap luat');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(page.locator('#ket-qua')).toContainText('Phổ biến, giáo dục pháp luật');
    await expect(page.locator('#ket-qua li')).toHaveCount(1);
    await page.getByLabel(/Tìm trong danh mục/).fill('tro cap xa hoi');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(page.locator('#ket-qua')).toContainText('Tiếp cận có điều kiện');
    await page.getByLabel(/Tìm trong danh mục/).fill('an ninh noi bo');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(page.locator('#ket-qua h2')).toContainText('Không tìm thấy');

    await page.goto(at(`tai-lieu/${ids.d10}.html`));
    await expect(page.locator('dl.fields')).toContainText('1530/STTTT-CNTT');
    await expect(page.getByRole('link', { name: /Tải văn bản \(PDF/ })).toBeVisible();
    await expect(page.locator('#toan-van')).toBeVisible();
  });
}

test('catalogue site: sorting and filtering with JavaScript, hostile names stay text', async ({ page }) => {
  guard(page);
  await page.goto(base + 'danh-muc-cong-khai.html');
  await page.getByLabel('Lọc các dòng trên trang này').fill('pho bien');
  await expect(page.locator('table.catalogue tbody tr:visible')).toHaveCount(1);
  await page.getByLabel('Lọc các dòng trên trang này').fill('');
  await page.locator('table.catalogue').first().getByRole('button', { name: 'Ngày ban hành' }).click();
  await expect(page.locator('table.catalogue').first().locator('th[aria-sort]')).toHaveCount(1);
  expect(hostile).not.toBeNull();
  await page.goto(`${base}tai-lieu/${hostile}.html`);
  await expect(page.locator('h1')).toHaveText(HTML_NAME);
  await expect(page.locator('main img')).toHaveCount(0);
  const html = readFileSync(path.join(site, `tai-lieu/${hostile}.html`), 'utf8');
  expect(html).not.toContain('<script>alert');
  expect(html).toContain('a&lt;script&gt;alert(1)&lt;script&gt;.pdf');
});

test.describe('catalogue site without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('tables are complete and the search page explains itself', async ({ page }) => {
    await page.goto(base + 'danh-muc-cong-khai.html');
    await expect(page.locator('table.catalogue tbody tr')).toHaveCount(3);
    await page.goto(base + 'danh-muc-co-dieu-kien.html');
    await expect(page.locator('table.catalogue tbody tr')).toHaveCount(1);
    await page.goto(base + 'tim-kiem.html');
    await expect(page.locator('p.notice')).toContainText('Tìm kiếm cần JavaScript');
  });
});

test('catalogue site: axe (WCAG 2.1 AA) on every kind of page, screenshots, first-load size', async ({ page }) => {
  guard(page);
  for (const file of ['index.html', 'danh-muc-cong-khai.html', 'danh-muc-co-dieu-kien.html', `tai-lieu/${ids.d10}.html`, 'tim-kiem.html?q=ke+hoach']) {
    await page.goto(base + file);
    if (file.startsWith('tim-kiem')) await expect(page.locator('#ket-qua h2')).toBeVisible();
    await expectNoAxeViolations(page);
  }
  // First load of the index: the page and its stylesheet (it loads no script and no image).
  const sizes = ['index.html', 'assets/site.css'].map((f) => statSync(path.join(site, f)).size);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(150 * 1024);
  await page.goto(base + 'index.html');
  await screenshot(page, 'catalogue-index-desktop.png');
  await page.goto(base + 'danh-muc-cong-khai.html');
  await screenshot(page, 'catalogue-public-desktop.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + 'index.html');
  await screenshot(page, 'catalogue-index-phone.png');
  await page.goto(base + 'danh-muc-cong-khai.html');
  await screenshot(page, 'catalogue-public-phone.png');
  await page.goto(base + 'danh-muc-co-dieu-kien.html');
  await screenshot(page, 'catalogue-conditional-phone.png');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1123, height: 794 });
  await page.goto(base + 'danh-muc-cong-khai.html');
  await expect(page.locator('.site-header nav')).toBeHidden();
  await screenshot(page, 'catalogue-public-print.png');
});
