/**
 * A clerk's request, end to end in Chromium through the browser preview, on an archive of its own
 * (a public and a conditional document reviewed with the CLI): register a request received the
 * day before Tết 2026 and see its due date after the break, link both documents, be refused the
 * conditional one without a consent (with the reason), record a consent with its scan, answer,
 * download the provision notice, see the year's statistics count it, and see a request past its
 * due date highlighted in the register and counted on the Library header.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runCli } from '../helpers/cli';
import { startPreview, type RunningPreview } from './previewProcess';
import { expectNoAxeViolations, fixture, screenshot } from './helpers';

test.describe.configure({ mode: 'serial' });

let preview: RunningPreview | undefined;
let dir = '';
const ids = { pub: 0, cond: 0 };

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-e2e-requests-'));
  const data = ['--data-dir', path.join(dir, 'data')]; // the preview keeps its archive in DIR/data
  for (const [key, name, access, basis] of [
    ['pub', 'd01', 'public', 'L104.D17.K1.a'],
    ['cond', 'd15', 'conditional', 'L104.D7.K2'],
  ] as const) {
    const imported = JSON.parse(runCli(['import', fixture(`corpus/${name}/born-digital.pdf`), '--json', ...data]).stdout.trim()) as { id: number };
    ids[key] = imported.id;
    expect(runCli(['review', String(imported.id), '--access', access, '--basis', basis, '--reviewer', 'Lê Thẩm Định', ...data]).code).toBe(0);
  }
  preview = await startPreview(dir, 30_000);
});

test.afterAll(async () => {
  await preview?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(page: Page, hash: string): Promise<void> {
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${preview!.url}#token=${preview!.token}`);
  await expect(page.locator('h1')).toBeVisible();
  await page.goto(`${preview!.url}${hash}`);
}

async function register(page: Page, received: string, channel: string, requester: string, subject: string): Promise<void> {
  await page.goto(`${preview!.url}#/requests`);
  await page.getByLabel('Ngày nhận').fill(received);
  await page.getByLabel('Hình thức yêu cầu').selectOption(channel);
  await page.getByLabel('Người yêu cầu', { exact: true }).fill(requester);
  await page.getByLabel('Nội dung yêu cầu').fill(subject);
  await page.getByRole('button', { name: 'Vào sổ' }).click();
  await expect(page.locator('h1')).toContainText('Yêu cầu số');
}

test('register, deadline across Tết, consent rule, answer with notice, statistics, due highlighting', async ({ page }) => {
  await open(page, '#/requests');
  await register(page, '2026-02-12', 'post', 'Nguyễn Văn Yêu Cầu', 'Danh sách hộ được trợ cấp năm 2025');
  // Post: 5 working days; 16–20/02/2026 are the Tết days off.
  await expect(page.getByTestId('due-date')).toHaveText('26/02/2026');

  for (const id of [ids.pub, ids.cond]) {
    await page.getByLabel('Mã tài liệu (ID)').fill(String(id));
    await page.getByRole('button', { name: 'Liên kết tài liệu' }).click();
    await expect(page.getByTestId(`request-doc-${id}`)).toBeVisible();
  }
  await expect(page.getByTestId(`request-doc-${ids.cond}`)).toContainText('Chưa có văn bản đồng ý');

  // Answering with the conditional document is refused, with the reason.
  const answer = page.getByRole('region', { name: 'Trả lời yêu cầu' });
  await answer.getByRole('checkbox', { name: `#${ids.pub}` }).check();
  await answer.getByRole('checkbox', { name: `#${ids.cond}` }).check();
  await answer.getByRole('button', { name: 'Ghi kết quả trả lời' }).click();
  await expect(answer.getByRole('alert')).toContainText('tiếp cận có điều kiện');
  await expect(answer.getByRole('alert')).toContainText(`#${ids.cond}`);
  await expect(page.getByTestId('request-status')).toHaveText('Mới nhận');
  const requestUrl = page.url();

  // Record the consent, with the scanned letter.
  await page.goto(`${preview!.url}#/consents`);
  await page.getByLabel('Tài liệu (ID)').fill(String(ids.cond));
  await page.getByLabel('Người hoặc doanh nghiệp đồng ý').fill('Trần Thị Đồng Ý');
  await page.getByLabel('Ngày đồng ý').fill('2026-02-01');
  await page.getByLabel('Phạm vi đồng ý').fill('Đồng ý cung cấp danh sách cho người yêu cầu');
  await page.getByLabel('Bản quét văn bản đồng ý').setInputFiles(fixture('corpus/d01/born-digital.pdf'));
  await page.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(page.getByText('Đã ghi văn bản đồng ý số 1.')).toBeVisible();
  await expect(page.getByRole('cell', { name: /có bản quét/ })).toBeVisible();

  // Now the answer goes through; the provision notice lists the files.
  await page.goto(requestUrl);
  await expect(page.getByTestId(`request-doc-${ids.cond}`)).toContainText('Có văn bản đồng ý số 1');
  await answer.getByRole('checkbox', { name: `#${ids.pub}` }).check();
  await answer.getByRole('checkbox', { name: `#${ids.cond}` }).check();
  await answer.getByLabel('Chi phí thực tế in, sao, chụp, gửi (đồng)').fill('6000');
  await answer.getByRole('button', { name: 'Ghi kết quả trả lời' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('Đã cung cấp');
  const notices = page.getByRole('region', { name: 'Thông báo, phiếu gửi người yêu cầu' });
  const download = page.waitForEvent('download');
  await notices.getByRole('listitem').filter({ hasText: 'Thông báo cung cấp thông tin' }).getByRole('button', { name: 'PDF' }).click();
  expect((await download).suggestedFilename()).toBe('thong-bao-provision-yeu-cau-1.pdf');
  const provided = page.waitForEvent('download');
  await page.getByTestId(`request-doc-${ids.cond}`).getByRole('button', { name: 'Tải tệp đã cung cấp' }).click();
  expect((await provided).suggestedFilename()).toBe(`tai-lieu-${ids.cond}.pdf`);

  // The year's statistics count it.
  await page.goto(`${preview!.url}#/statistics`);
  await page.getByLabel('Năm').fill('2026');
  await expect(page.locator('[data-stat=received] td')).toHaveText('1');
  await expect(page.locator('[data-stat=answered] td')).toHaveText('1');
  await expect(page.locator('[data-stat=fees] td')).toHaveText('6.000');
  await expect(page.getByRole('img', { name: 'Yêu cầu theo hình thức' })).toBeVisible();

  // A request received on 05/01/2026 by e-mail (3 working days) and still open is past due:
  // highlighted in the register and counted on the Library header.
  await register(page, '2026-01-05', 'email', 'Lê Thị Khẩn', 'Kế hoạch công tác năm');
  await expect(page.getByTestId('due-date')).toHaveText('08/01/2026');
  await page.goto(`${preview!.url}#/requests`);
  await expect(page.locator('tr[data-due=overdue]')).toHaveCount(1);
  await expect(page.locator('tr[data-due=closed]')).toHaveCount(1);
  await expectNoAxeViolations(page);
  await screenshot(page, 'requests-register.png');
  await page.goto(`${preview!.url}#/library`);
  await expect(page.getByTestId('requests-due')).toContainText('0 sắp đến hạn, 1 quá hạn');
});
