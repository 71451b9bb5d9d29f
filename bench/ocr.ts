/**
 * OCR benchmark over the evaluation corpus: every scanned page (page-N.png, scan.pdf pages,
 * scan.tiff pages) through the real pipeline (preparation → pool → reading order), scored against
 * truth.json, and — when `tesseract` is on PATH — the same raw pages through native tesseract
 * (OMP_THREAD_LIMIT=1, one process per core, the same languages) for comparison.
 *
 *   npx tsx bench/ocr.ts --corpus ../shared/corpus [--workers 2] [--model fast|best_int]
 *                        [--langs vie|vie+eng] [--native-langs vie+eng] [--no-native] [--only d01,d12] [--json out.json]
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import sharp from 'sharp';
import { countImagePages, createOcrEngine, type OcrLanguages, type OcrModel } from '../electron/engine/ocr/index';
import { bagOfWordsError, characterErrorRate } from './ocrMetrics';
import { OCR_LANGUAGES } from '../electron/engine/ocr/tesseractSetup';

const run = promisify(execFile);

interface ScanParams {
  severity: string;
  dpi: number;
  orientation_deg_ccw: number;
}
interface Truth {
  id: string;
  text: string;
  scan_params: ScanParams[];
}
interface PageJob {
  doc: string;
  page: number; // 1-based
  source: 'png' | 'pdf' | 'tiff';
  truth: string;
  severity: string;
  dpi: number;
  orientation: number;
  load: () => Promise<Uint8Array>; // raw page image for OCR (PDF pages are rasterised in the timed part)
}
interface PageScore {
  job: PageJob;
  seconds: number;
  cer: number;
  wordError: number;
  confidence: number;
  detectedOrientation: number;
  error?: string;
  native?: { seconds: number; cer: number; wordError: number };
}

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/corpus' },
    workers: { type: 'string' },
    model: { type: 'string', default: 'fast' },
    langs: { type: 'string' },
    'native-langs': { type: 'string' },
    'no-native': { type: 'boolean', default: false },
    only: { type: 'string' },
    json: { type: 'string' },
  },
});

const corpus = path.resolve(args.corpus!);
const workers = Number(args.workers ?? os.availableParallelism());
const only = args.only ? new Set(args.only.split(',')) : null;
const languages = (args.langs ?? OCR_LANGUAGES) as OcrLanguages;
/** Native tesseract runs with the same languages unless told otherwise (e.g. vie+eng, the
 *  configuration the first measurements used). */
const nativeLanguages = args['native-langs'] ?? languages;

async function collectJobs(): Promise<PageJob[]> {
  const jobs: PageJob[] = [];
  const docs = (await readdir(corpus)).filter((d) => /^d\d+$/.test(d) && (!only || only.has(d))).sort();
  for (const doc of docs) {
    const dir = path.join(corpus, doc);
    const truth = JSON.parse(await readFile(path.join(dir, 'truth.json'), 'utf8')) as Truth;
    const pages = truth.text.split('\f');
    const files = new Set(await readdir(dir));
    const base = (n: number) => {
      const p = truth.scan_params[n - 1];
      return { doc, page: n, truth: pages[n - 1] ?? '', severity: p?.severity ?? '?', dpi: p?.dpi ?? 0, orientation: p?.orientation_deg_ccw ?? 0 };
    };
    for (let n = 1; n <= pages.length; n += 1) {
      if (files.has(`page-${n}.png`)) jobs.push({ ...base(n), source: 'png', load: () => readFile(path.join(dir, `page-${n}.png`)) });
    }
    if (files.has('scan.pdf')) {
      for (let n = 1; n <= pages.length; n += 1) jobs.push({ ...base(n), source: 'pdf', load: () => readFile(path.join(dir, 'scan.pdf')) });
    }
    if (files.has('scan.tiff')) {
      const tiff = await readFile(path.join(dir, 'scan.tiff'));
      const count = await countImagePages(tiff);
      for (let n = 1; n <= count; n += 1) jobs.push({ ...base(n), source: 'tiff', load: async () => tiff });
    }
  }
  return jobs;
}

/** Runs `tasks` with at most `limit` in flight. */
async function withConcurrency<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!);
      }
    }),
  );
  return results;
}

async function hasNativeTesseract(): Promise<boolean> {
  try {
    await run('tesseract', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** CPU seconds used by this process (every thread, tesseract workers included). */
function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU seconds of finished child processes (Linux: cutime + cstime in /proc/self/stat), or NaN. */
function childCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command name: field 3 is index 0, so cutime (16) and cstime (17) are 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

function summarise(label: string, scores: PageScore[], wallSeconds?: number): string {
  const ok = scores.filter((s) => !s.error);
  const native = ok.filter((s) => s.native);
  const cols = [
    label.padEnd(22),
    String(scores.length).padStart(5),
    mean(ok.map((s) => s.seconds)).toFixed(2).padStart(7),
    (wallSeconds ? ((scores.length / wallSeconds) * 60).toFixed(1) : '').padStart(8),
    pct(mean(ok.map((s) => s.cer))).padStart(7),
    pct(mean(ok.map((s) => s.wordError))).padStart(7),
    (native.length ? pct(mean(native.map((s) => s.native!.cer))) : '-').padStart(9),
    (native.length ? pct(mean(native.map((s) => s.native!.wordError))) : '-').padStart(9),
    String(scores.length - ok.length).padStart(6),
  ];
  return cols.join(' ');
}

async function main(): Promise<void> {
  const jobs = await collectJobs();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'minhbach-bench-ocr-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const engine = await createOcrEngine({
    tessdataDir: path.join(tmp, 'tessdata'),
    workers,
    model: args.model as OcrModel,
    languages,
  });
  console.log(`# OCR bench: ${jobs.length} pages, ${engine.workers} workers, engine "${engine.engine}", ${os.cpus().length} cores`);

  // Raw page images for native tesseract are written as they are produced.
  const rawPath = (j: PageJob) => path.join(tmp, `${j.doc}-${j.source}-p${j.page}.png`);
  const started = performance.now();
  const cpuStart = ownCpuSeconds();
  // One page more than there are workers, as the app's OCR job runs them (ocrJob.ts): it is
  // decoded, rasterised and prepared while the workers recognise.
  const scores = await withConcurrency(jobs, engine.workers + 1, async (job): Promise<PageScore> => {
    const t0 = performance.now();
    try {
      const bytes = await job.load();
      let image: Uint8Array = bytes;
      let pageIndex: number | undefined;
      if (job.source === 'pdf') image = (await engine.rasterisePdfPage(bytes, job.page)).png;
      if (job.source === 'tiff') pageIndex = job.page - 1;
      const result = await engine.recognisePage(image, pageIndex !== undefined ? { pageIndex } : {});
      const seconds = (performance.now() - t0) / 1000;
      await writeFile(rawPath(job), job.source === 'tiff' ? await sharp(bytes, { page: job.page - 1 }).png().toBuffer() : image);
      const score: PageScore = {
        job,
        seconds,
        cer: characterErrorRate(result.text, job.truth),
        wordError: bagOfWordsError(result.text, job.truth),
        confidence: result.confidence,
        detectedOrientation: result.orientation,
      };
      console.log(
        `${job.doc} p${job.page} ${job.source.padEnd(4)} ${job.severity.padEnd(6)} ${String(job.dpi).padStart(3)}dpi rot ${String(job.orientation).padStart(3)}→${String(result.orientation).padStart(3)}  ${seconds.toFixed(2).padStart(6)} s  CER ${pct(score.cer).padStart(6)}  words ${pct(score.wordError).padStart(6)}  conf ${result.confidence.toFixed(0)}`,
      );
      return score;
    } catch (e) {
      console.log(`${job.doc} p${job.page} ${job.source} FAILED: ${(e as Error).message}`);
      return { job, seconds: (performance.now() - t0) / 1000, cer: 1, wordError: 1, confidence: 0, detectedOrientation: -1, error: String(e) };
    }
  });
  const wall = (performance.now() - started) / 1000;
  const cpu = ownCpuSeconds() - cpuStart;
  clearInterval(sampler);
  await engine.close();

  let nativeWall: number | undefined;
  let nativeCpu = NaN;
  if (!args['no-native'] && (await hasNativeTesseract())) {
    console.log(`# native tesseract: ${workers} processes, OMP_THREAD_LIMIT=1, -l ${nativeLanguages}`);
    const t0 = performance.now();
    const childCpuStart = childCpuSeconds();
    await withConcurrency(scores.filter((s) => !s.error), workers, async (score) => {
      const t = performance.now();
      const { stdout } = await run('tesseract', [rawPath(score.job), 'stdout', '-l', nativeLanguages], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        maxBuffer: 16 * 1024 * 1024,
      });
      score.native = {
        seconds: (performance.now() - t) / 1000,
        cer: characterErrorRate(stdout, score.job.truth),
        wordError: bagOfWordsError(stdout, score.job.truth),
      };
    });
    nativeWall = (performance.now() - t0) / 1000;
    nativeCpu = childCpuSeconds() - childCpuStart;
  }

  const header = ['group'.padEnd(22), 'pages', '  s/pg', 'pages/min', '   CER', ' words', 'nat. CER', 'nat. words', 'failed'].join(' ');
  const lines = [header, summarise('all', scores, wall)];
  const upright = scores.filter((s) => s.job.orientation === 0);
  const rotated = scores.filter((s) => s.job.orientation !== 0);
  lines.push(summarise('upright', upright), summarise('rotated (90/180)', rotated));
  for (const severity of ['light', 'medium', 'heavy']) lines.push(summarise(`severity ${severity}`, scores.filter((s) => s.job.severity === severity)));
  for (const source of ['png', 'pdf', 'tiff'] as const) lines.push(summarise(`source ${source}`, scores.filter((s) => s.job.source === source)));
  lines.push(summarise('200 dpi scans', scores.filter((s) => s.job.dpi === 200)));
  const orientationHits = scores.filter((s) => s.detectedOrientation === s.job.orientation).length;
  console.log('\n' + lines.join('\n'));
  console.log(`\nwall ${wall.toFixed(1)} s for ${scores.length} pages → ${((scores.length / wall) * 60).toFixed(1)} pages/min`);
  console.log(`orientation detected correctly on ${orientationHits}/${scores.length} pages`);
  console.log(`peak RSS (whole process incl. all tesseract worker threads): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  if (nativeWall !== undefined) {
    const nativeRate = (scores.filter((s) => s.native).length / nativeWall) * 60;
    console.log(`native tesseract wall ${nativeWall.toFixed(1)} s → ${nativeRate.toFixed(1)} pages/min`);
    console.log(`throughput ratio (ours / native): ${(((scores.length / wall) * 60) / nativeRate).toFixed(2)}`);
    // Wall-clock ratios move with whatever else runs on the machine; CPU seconds per page much less.
    const nativePages = scores.filter((s) => s.native).length;
    console.log(
      `CPU per page: ours ${(cpu / scores.length).toFixed(2)} s (incl. preparation, OSD, PDF rendering), native ${(nativeCpu / nativePages).toFixed(2)} s` +
        ` → CPU-efficiency ratio (native / ours): ${(nativeCpu / nativePages / (cpu / scores.length)).toFixed(2)}`,
    );
  }
  if (args.json) {
    await writeFile(args.json, JSON.stringify({ wall, nativeWall, cpu, nativeCpu, peakRss, scores: scores.map((s) => ({ ...s, job: { ...s.job, load: undefined, truth: undefined } })) }, null, 1));
  }
  await rm(tmp, { recursive: true, force: true });
}

await main();
