/**
 * Skew estimation by projection profiles: text lines make sharp peaks in the row histogram of ink
 * only when the histogram is taken along the lines' own angle. We try angles in ±5° and keep the one
 * whose profile is "sharpest" (largest sum of squared differences between neighbouring rows).
 * Runs on a small greyscale copy of the page (~1000 px wide), so it costs a few tens of milliseconds.
 */

export const MAX_SKEW_DEGREES = 5;
const COARSE_STEP = 0.25;
const FINE_STEP = 0.05;
/** Below this share of ink pixels there is nothing to align (blank page); above it, no text lines. */
const MIN_INK_SHARE = 0.0005;
const MAX_INK_SHARE = 0.5;

/** Otsu's threshold over an 8-bit greyscale buffer. */
export function otsuThreshold(grey: Uint8Array): number {
  const hist = new Float64Array(256);
  for (const v of grey) hist[v]! += 1;
  const total = grey.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i += 1) sumAll += i * hist[i]!;
  let sumBack = 0;
  let weightBack = 0;
  let best = 127;
  let bestVariance = -1;
  for (let t = 0; t < 256; t += 1) {
    weightBack += hist[t]!;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += t * hist[t]!;
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / weightFore;
    const variance = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

function profileSharpness(xs: Int32Array, ys: Int32Array, width: number, height: number, degrees: number): number {
  const t = Math.tan((degrees * Math.PI) / 180);
  const offset = Math.ceil(Math.abs(t) * width) + 1;
  const bins = new Int32Array(height + 2 * offset + 2);
  for (let i = 0; i < xs.length; i += 1) bins[Math.round(ys[i]! + xs[i]! * t) + offset]! += 1;
  let score = 0;
  for (let i = 1; i < bins.length; i += 1) {
    const d = bins[i]! - bins[i - 1]!;
    score += d * d;
  }
  return score;
}

/**
 * Returns the page's skew in degrees, positive = content rotated counter-clockwise (lines rise to
 * the right). Rotating the image clockwise by this angle straightens it. 0 when the page has too
 * little (or too much) ink to tell.
 */
export function estimateSkew(grey: Uint8Array, width: number, height: number): number {
  if (width < 8 || height < 8 || grey.length < width * height) return 0;
  const threshold = otsuThreshold(grey);
  let ink = 0;
  for (let i = 0; i < width * height; i += 1) if (grey[i]! <= threshold) ink += 1;
  const share = ink / (width * height);
  if (share < MIN_INK_SHARE || share > MAX_INK_SHARE) return 0;
  const xs = new Int32Array(ink);
  const ys = new Int32Array(ink);
  let k = 0;
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      if (grey[row + x]! <= threshold) {
        xs[k] = x;
        ys[k] = y;
        k += 1;
      }
    }
  }
  const search = (from: number, to: number, step: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let a = from; a <= to + 1e-9; a += step) {
      const score = profileSharpness(xs, ys, width, height, a);
      if (score > bestScore) {
        bestScore = score;
        best = a;
      }
    }
    return best;
  };
  const coarse = search(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES, COARSE_STEP);
  const fine = search(coarse - COARSE_STEP, coarse + COARSE_STEP, FINE_STEP);
  return Math.round(fine * 100) / 100;
}
