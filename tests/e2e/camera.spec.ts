/**
 * The document-camera path in Chromium with its fake capture device playing a photo of a page
 * (d07, tilted in perspective on a desk; tests/e2e/cameraFrame.ts): live outline, capture,
 * corner adjustment, the straightened page saved as a document, OCR'd, and its text compared
 * with the page's ground truth.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { levenshtein } from '../../bench/ocrMetrics';
import { CHROMIUM_LAUNCH } from './chromium';
import { FRAME, PAGE_QUAD } from './cameraFrame';
import { CAMERA_VIDEO, expectNoAxeViolations, fixture, invokePreview, openApp, screenshot } from './helpers';
import { useOwnPreview } from './ownPreview';

test.use({
  launchOptions: {
    ...CHROMIUM_LAUNCH,
    args: [
      ...CHROMIUM_LAUNCH.args,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${CAMERA_VIDEO}`,
    ],
  },
});

useOwnPreview();

const words = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .split(' ')
    .filter(Boolean);

/** Word error rate: word-level edit distance / truth words (each distinct word one symbol). */
function wordErrorRate(recognised: string, truth: string): number {
  const symbols = new Map<string, string>();
  const encode = (ws: string[]) => ws.map((w) => symbols.get(w) ?? (symbols.set(w, String.fromCharCode(0xe000 + symbols.size)), symbols.get(w)!)).join('');
  const t = words(truth);
  return levenshtein(encode(words(recognised)), encode(t)) / t.length;
}

test('camera: page found live, captured, corners adjustable, straightened page OCR’d to the source text (WER ≤ 10 %)', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page, '#/camera');
  await expect(page.getByRole('heading', { level: 1, name: 'Chụp bằng máy ảnh' })).toBeVisible();
  await page.getByRole('button', { name: 'Bật máy ảnh' }).click();
  await expect(page.getByText('Đã tìm thấy mép trang.')).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'camera-live.png');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Chụp trang' }).click();
  await expect(page.getByTestId('corner-editor')).toBeVisible({ timeout: 60_000 });
  // The corners found are those of the page in the photo (within 1.5 % of the frame).
  for (const [i, name] of ['Góc trên trái', 'Góc trên phải', 'Góc dưới phải', 'Góc dưới trái'].entries()) {
    const label = (await page.getByRole('button', { name: new RegExp(`^${name}`) }).getAttribute('aria-label'))!;
    const [x, y] = label.match(/\d+/g)!.map(Number) as [number, number];
    expect(Math.abs(x - (PAGE_QUAD[i]!.x / FRAME.width) * 100), label).toBeLessThanOrEqual(1.5);
    expect(Math.abs(y - (PAGE_QUAD[i]!.y / FRAME.height) * 100), label).toBeLessThanOrEqual(1.5);
  }
  // Manual adjustment: a corner moves with the keyboard and back.
  const corner = page.getByRole('button', { name: /^Góc trên trái/ });
  const before = await corner.getAttribute('aria-label');
  await corner.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(corner).not.toHaveAttribute('aria-label', before!);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(corner).toHaveAttribute('aria-label', before!);
  await screenshot(page, 'camera-corners.png');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Dùng trang này' }).click();
  await expect(page.getByTestId('batch-page')).toHaveCount(1, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Lưu thành một tài liệu' }).click();
  const link = page.getByRole('link', { name: /^Mở Bản quét/ });
  await expect(link).toBeVisible({ timeout: 60_000 });
  const id = Number(/documents\/(\d+)/.exec((await link.getAttribute('href'))!)![1]);

  let text = '';
  await expect
    .poll(
      async () => {
        const doc = await invokePreview<{ pages: { source: string | null; text: string | null }[] }>('documents:get', { id });
        text = doc.pages[0]?.text ?? '';
        return doc.pages[0]?.source ?? null;
      },
      { timeout: 180_000, intervals: [2_000] },
    )
    .toBe('ocr');
  const truth = (JSON.parse(readFileSync(fixture('ocr/d07-truth.json'), 'utf8')) as { text: string }).text.split('\f')[0]!;
  const wer = wordErrorRate(text, truth);
  console.log(`camera path: word error rate ${(wer * 100).toFixed(1)} % over ${words(truth).length} words`);
  expect(wer).toBeLessThanOrEqual(0.1);
});
