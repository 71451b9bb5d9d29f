/**
 * A photo of a page on a desk, as a document camera sees it — the page tilted in perspective on a
 * dark, grainy surface, slightly unevenly lit — written as a one-frame Y4M video for Chromium's
 * fake capture device (`--use-file-for-fake-video-capture`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { loadOpenCv } from '../../electron/engine/scanning/camera/pageDetection';

export const FRAME = { width: 3264, height: 2448 };
/** Where the page's corners land in the frame (tl, tr, br, bl), in pixels. */
export const PAGE_QUAD = [
  { x: 1000, y: 150 },
  { x: 2480, y: 250 },
  { x: 2580, y: 2330 },
  { x: 860, y: 2260 },
];

export async function writeCameraVideo(pagePng: string, target: string): Promise<void> {
  const cv = await loadOpenCv();
  const page = await sharp(readFileSync(pagePng)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width: W, height: H } = FRAME;
  const src = new cv.Mat(page.info.height, page.info.width, cv.CV_8UC4);
  src.data.set(page.data);
  const from = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, page.info.width, 0, page.info.width, page.info.height, 0, page.info.height]);
  const to = cv.matFromArray(4, 1, cv.CV_32FC2, PAGE_QUAD.flatMap((p) => [p.x, p.y]));
  const transform = cv.getPerspectiveTransform(from, to);
  const warped = new cv.Mat();
  // Transparent outside the page, so the desk shows through.
  cv.warpPerspective(src, warped, transform, new cv.Size(W, H), cv.INTER_AREA, cv.BORDER_CONSTANT, new cv.Scalar(0, 0, 0, 0));
  const pageLayer = Buffer.from(warped.data);
  for (const m of [src, from, to, transform, warped]) m.delete();

  const desk = await sharp({ create: { width: W, height: H, channels: 3, background: { r: 70, g: 58, b: 48 }, noise: { type: 'gaussian', mean: 64, sigma: 10 } } })
    .png()
    .toBuffer();
  const light = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><radialGradient id="l" cx="0.4" cy="0.35" r="0.9"><stop offset="0" stop-color="rgb(255,255,255)"/><stop offset="1" stop-color="rgb(200,200,200)"/></radialGradient></defs><rect width="100%" height="100%" fill="url(#l)"/></svg>`,
  );
  const photo = await sharp(desk)
    .composite([
      { input: pageLayer, raw: { width: W, height: H, channels: 4 } },
      { input: light, blend: 'multiply' },
    ])
    .blur(0.8)
    .png()
    .toBuffer();
  await writeY4m(photo, target);
}

/** One I420 frame in a YUV4MPEG2 file (Y full size, U and V at half resolution, BT.601). */
async function writeY4m(image: Buffer, target: string): Promise<void> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width: w, height: h } = info;
  const y = Buffer.alloc(w * h);
  const u = Buffer.alloc((w / 2) * (h / 2));
  const v = Buffer.alloc((w / 2) * (h / 2));
  for (let j = 0; j < h; j++)
    for (let i = 0; i < w; i++) {
      const k = (j * w + i) * 3;
      y[j * w + i] = Math.round(16 + 0.257 * data[k]! + 0.504 * data[k + 1]! + 0.098 * data[k + 2]!);
    }
  for (let j = 0; j < h / 2; j++)
    for (let i = 0; i < w / 2; i++) {
      const k = (2 * j * w + 2 * i) * 3;
      const [r, g, b] = [data[k]!, data[k + 1]!, data[k + 2]!];
      u[j * (w / 2) + i] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      v[j * (w / 2) + i] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F30:1 Ip A1:1 C420jpeg\nFRAME\n`), y, u, v]));
}

// `node --import tsx tests/e2e/cameraFrame.ts PAGE.png OUT.y4m` — run as its own process by
// globalSetup: Playwright's module hooks would transform OpenCV.js's 10 MB script on require.
if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  await writeCameraVideo(process.argv[2]!, process.argv[3]!);
  process.exit(0);
}
