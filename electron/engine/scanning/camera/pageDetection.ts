/**
 * Page edges in a camera frame and the straightened page, with OpenCV (OpenCV.js, the WebAssembly
 * build, `@techstark/opencv-js`) — the same steps as jscanify: find the largest four-cornered
 * outline, then a perspective warp to a rectangle.
 *
 * It runs in the engine's page worker, not in the renderer: OpenCV.js is ~8 MB of JavaScript that
 * compiles WebAssembly, which the renderer's Content-Security-Policy (no 'wasm-unsafe-eval')
 * rightly forbids, and the worker keeps the UI thread free.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Corners } from '../../../../shared/contract/scanning';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenCV.js ships loose typings.
type Cv = any;
let loading: Promise<Cv> | null = null;

export function loadOpenCv(): Promise<Cv> {
  loading ??= new Promise((resolve, reject) => {
    const require = createRequire(import.meta.url);
    // Evaluated as a plain CommonJS body rather than require()d, so that no module loader hook
    // (tsx in the CLI and tests, Playwright's in the e2e setup) processes this 10 MB script.
    const module = { exports: {} as Cv };
    const file = require.resolve('@techstark/opencv-js');
    const source = readFileSync(file, 'utf8');
    // eslint-disable-next-line no-new-func -- the library's own file from node_modules, never user data.
    new Function('module', 'exports', 'require', '__filename', '__dirname', source)(module, module.exports, require, file, path.dirname(file));
    const cv = module.exports as Cv;
    // Emscripten's Module has a then() that hands back the Module itself: a promise resolved with
    // it never settles (it adopts the "thenable" forever). Drop it once the runtime is up.
    const ready = () => {
      delete cv.then;
      resolve(cv);
    };
    if (cv.Mat) return ready();
    cv.onRuntimeInitialized = ready;
    setTimeout(() => reject(new Error('OpenCV.js did not start in 60 s')), 60_000).unref();
  });
  return loading;
}

export interface Rgba {
  data: Uint8Array;
  width: number;
  height: number;
}

type Point = { x: number; y: number };

/** tl, tr, br, bl. */
export function orderCorners(points: Point[]): Point[] {
  const bySum = [...points].sort((a, b) => a.x + a.y - (b.x + b.y));
  const byDiff = [...points].sort((a, b) => a.y - a.x - (b.y - b.x));
  return [bySum[0]!, byDiff[0]!, bySum[3]!, byDiff[3]!];
}

function quadFromContours(cv: Cv, contours: Cv, minArea: number, maxArea: number): Point[] | null {
  let best: Point[] | null = null;
  let bestArea = minArea;
  for (let i = 0; i < contours.size(); i++) {
    const contour = contours.get(i);
    const area = cv.contourArea(contour);
    if (area > bestArea && area < maxArea) {
      const approx = new cv.Mat();
      cv.approxPolyDP(contour, approx, 0.02 * cv.arcLength(contour, true), true);
      if (approx.rows === 4 && cv.isContourConvex(approx)) {
        const pts: Point[] = [];
        for (let k = 0; k < 4; k++) pts.push({ x: approx.data32S[k * 2], y: approx.data32S[k * 2 + 1] });
        best = pts;
        bestArea = area;
      }
      approx.delete();
    }
    contour.delete();
  }
  return best;
}

/**
 * The page's four corners as fractions of the frame (tl, tr, br, bl), or null when no page-sized
 * four-cornered outline is found. A light page on a darker desk is found by its brightness
 * (Otsu), anything else by its edges (Canny).
 */
export async function detectPageCorners(frame: Rgba): Promise<Corners | null> {
  const cv = await loadOpenCv();
  const src = new cv.Mat(frame.height, frame.width, cv.CV_8UC4);
  src.data.set(frame.data);
  const grey = new cv.Mat();
  const mask = new cv.Mat();
  const contours = new cv.MatVector();
  const hierarchy = new cv.Mat();
  const kernel = cv.Mat.ones(5, 5, cv.CV_8U);
  try {
    cv.cvtColor(src, grey, cv.COLOR_RGBA2GRAY);
    cv.GaussianBlur(grey, grey, new cv.Size(5, 5), 0);
    const minArea = frame.width * frame.height * 0.15;
    // The whole frame's outline (a plain desk, a page filling everything) is not a page found.
    const maxArea = frame.width * frame.height * 0.95;
    cv.threshold(grey, mask, 0, 255, cv.THRESH_BINARY + cv.THRESH_OTSU);
    cv.morphologyEx(mask, mask, cv.MORPH_CLOSE, kernel);
    cv.findContours(mask, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
    let quad = quadFromContours(cv, contours, minArea, maxArea);
    if (!quad) {
      cv.Canny(grey, mask, 50, 150);
      cv.dilate(mask, mask, kernel);
      contours.delete();
      const again = new cv.MatVector();
      cv.findContours(mask, again, hierarchy, cv.RETR_LIST, cv.CHAIN_APPROX_SIMPLE);
      quad = quadFromContours(cv, again, minArea, maxArea);
      again.delete();
    }
    if (!quad) return null;
    return orderCorners(quad).map((p) => ({
      x: Math.min(1, Math.max(0, p.x / frame.width)),
      y: Math.min(1, Math.max(0, p.y / frame.height)),
    })) as Corners;
  } finally {
    for (const m of [src, grey, mask, hierarchy, kernel]) m.delete();
    if (!contours.isDeleted()) contours.delete();
  }
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** The page inside the corners (fractions, tl tr br bl), straightened to a rectangle, as RGBA. */
export async function straightenPage(frame: Rgba, corners: Corners): Promise<Rgba> {
  const cv = await loadOpenCv();
  const pts = corners.map((c) => ({ x: c.x * frame.width, y: c.y * frame.height }));
  const [tl, tr, br, bl] = pts as [Point, Point, Point, Point];
  const width = Math.max(16, Math.round(Math.max(distance(tl, tr), distance(bl, br))));
  const height = Math.max(16, Math.round(Math.max(distance(tl, bl), distance(tr, br))));
  const src = new cv.Mat(frame.height, frame.width, cv.CV_8UC4);
  src.data.set(frame.data);
  const from = cv.matFromArray(4, 1, cv.CV_32FC2, [tl.x, tl.y, tr.x, tr.y, br.x, br.y, bl.x, bl.y]);
  const to = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, width, 0, width, height, 0, height]);
  const transform = cv.getPerspectiveTransform(from, to);
  const out = new cv.Mat();
  try {
    cv.warpPerspective(src, out, transform, new cv.Size(width, height), cv.INTER_CUBIC, cv.BORDER_REPLICATE);
    return { data: new Uint8Array(out.data), width, height };
  } finally {
    for (const m of [src, from, to, transform, out]) m.delete();
  }
}
