/**
 * Redaction benchmark (issue 14: a 10-page document is redacted in ≤ 2× its OCR time). A
 * support-payment decision with its beneficiary list (bench/lib/supportDecision.ts) of `--pages`
 * pages, scanned at 250 dpi, is imported into a fresh archive and OCR'd (timed); its personal data
 * is proposed and accepted; then the redacted PDF is built (timed: page images painted, OCR'd
 * afresh, the new PDF written and stored). The same for the born-digital version, whose redaction
 * renders every page at 300 dpi (its "OCR time" is a forced OCR of the same pages). Wall and CPU
 * seconds (user + system of this process, whose threads are the OCR workers; the PDF child that
 * renders pages is not counted) and the load average are printed: on a shared machine read the
 * CPU ratio too.
 *
 * Also printed, per version: how well the proposals cover the list's personal data — recall (of
 * the beneficiaries' names, CCCD numbers and places of residence, the share a proposed region
 * covers whole) and precision (of the proposed regions, the share that lie on one of those
 * strings; OCR's slips allowed) — and the independent proof of the built file
 * (tests/helpers/redactionProof): `wholeStrings`, the beneficiaries' strings still readable in any
 * of four forms in pdftotext, qpdf --qdf or the inflated streams — the proposals' misses a reviewer
 * would have to draw, since the engine's own check covers only the accepted regions; `pieces`,
 * their words and 6-digit runs found in the extracted text (read the list: digits of neighbouring
 * cells run together can match by chance).
 *
 *   npm run bench:redaction [-- --pages 10 --workers 2 --keep DIR]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { distance } from 'fastest-levenshtein';
import { createEngine, type Engine } from '../electron/engine/index';
import type { Region } from '../electron/engine/redaction/index';
import { fold } from '../shared/text/vietnamese';
import { fragments, readPdf, survivors } from '../tests/helpers/redactionProof';
import { beneficiaries, scannedPdf, supportDecisionPdf, type Beneficiary } from './lib/supportDecision';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '10' },
    workers: { type: 'string', default: String(os.availableParallelism()) },
    keep: { type: 'string' },
  },
});
const pages = Math.max(2, Number(values.pages));
const workers = Math.max(1, Number(values.workers));
const ROWS = 20;

/** CPU seconds of this process: the OCR workers are its threads. The PDF child process (page
 *  rendering) is not counted — its time shows in the wall figures. */
function cpuSeconds(): number {
  const self = process.cpuUsage();
  return (self.user + self.system) / 1e6;
}

async function timed<T>(
  label: string,
  run: () => Promise<T>,
): Promise<{ value: T; wall: number; cpu: number }> {
  const wall0 = performance.now();
  const cpu0 = cpuSeconds();
  const value = await run();
  const result = { value, wall: (performance.now() - wall0) / 1000, cpu: cpuSeconds() - cpu0 };
  process.stderr.write(
    `${label}: ${result.wall.toFixed(1)} s wall, ${result.cpu.toFixed(1)} s CPU (load ${os.loadavg()[0]!.toFixed(1)})\n`,
  );
  return result;
}

const plain = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The same string give or take OCR's slips (a region's text is what OCR read under its box). */
const same = (a: string, b: string) => distance(a, b) <= Math.max(1, Math.floor(b.length * 0.2));

/** Recall over the truth strings (a proposed region's text holds the string, or is it with OCR's
 *  slips) and precision over the proposed regions (the text is, holds or lies within a truth
 *  string, slips allowed). Folded comparison. */
function coverage(regions: readonly Region[], truth: readonly string[]) {
  const texts = regions.map((r) => plain(r.text ?? ''));
  const wanted = truth.map(plain);
  const covers = (r: string, w: string) => ` ${r} `.includes(` ${w} `) || same(r, w);
  const missed = truth.filter((_, i) => !texts.some((r) => covers(r, wanted[i]!)));
  const wrong = regions.filter(
    (_, i) => !wanted.some((w) => covers(texts[i]!, w) || ` ${w} `.includes(` ${texts[i]} `)),
  );
  return {
    recall: +((truth.length - missed.length) / truth.length).toFixed(3),
    precision: +((regions.length - wrong.length) / Math.max(1, regions.length)).toFixed(3),
    missed: missed.slice(0, 8),
    wrong: wrong.slice(0, 8).map((r) => `${r.category}: ${r.text ?? '(no text)'}`),
  };
}

async function measure(
  engine: Engine,
  file: string,
  kind: 'scan' | 'born-digital',
  people: readonly Beneficiary[],
) {
  const [imported] = await engine.importPaths([file]);
  const id = imported!.id!;
  const ocr = await timed(`${kind}: OCR of ${pages} pages`, () =>
    engine.ocr([id], { force: kind === 'born-digital', workers }),
  );
  const proposed = await engine.redaction.propose(id, 'bench');
  engine.redaction.acceptAll(id, 'bench');
  const redaction = await timed(
    `${kind}: redaction of ${pages} pages (${proposed.regions.length} regions)`,
    () => engine.redaction.build(id),
  );
  const truth = people.flatMap((p) => [p.name, p.cccd, p.address]);
  const original = engine
    .get(id)
    .pages.map((p) => p.text ?? '')
    .join('\n');
  const redactedText = truth.reduce((rest, t) => rest.split(t).join(' '), original);
  const bytes = await engine.redactedPdf(id);
  const readings = readPdf(bytes);
  const whole = survivors(readings, truth);
  // Pieces (a word, 6 digits of a number) are looked for in the extracted text only; a 6-digit
  // piece may also match digits of neighbouring cells run together (year, amount), so read the list.
  const pieces = survivors(readings, [], fragments(truth, redactedText)).filter(
    (s) => !whole.some((w) => w.reading === s.reading && s.form === w.form),
  );
  return {
    kind,
    pages,
    regions: proposed.regions.length,
    proposals: coverage(proposed.regions, truth),
    proof: {
      wholeStrings: new Set(whole.map((p) => p.text)).size,
      strings: [...new Set(whole.map((p) => p.text))].slice(0, 8),
      pieces: new Set(pieces.map((p) => p.text)).size,
      pieceList: [...new Set(pieces.map((p) => p.text))].slice(0, 8),
    },
    ocr: { wall: +ocr.wall.toFixed(1), cpu: +ocr.cpu.toFixed(1) },
    redaction: { wall: +redaction.wall.toFixed(1), cpu: +redaction.cpu.toFixed(1) },
    ratioWall: +(redaction.wall / ocr.wall).toFixed(2),
    ratioCpu: +(redaction.cpu / ocr.cpu).toFixed(2),
    redactionSecondsPerPage: +(redaction.wall / pages).toFixed(2),
  };
}

const dir = values.keep
  ? path.resolve(values.keep)
  : mkdtempSync(path.join(os.tmpdir(), 'minhbach-bench-redaction-'));
mkdirSync(dir, { recursive: true });
process.env.MINHBACH_TODAY ??= '2026-06-01';
try {
  const people = beneficiaries((pages - 1) * ROWS, 10);
  const born = await supportDecisionPdf(people, { rowsPerPage: ROWS });
  writeFileSync(path.join(dir, 'born-digital.pdf'), born);
  writeFileSync(path.join(dir, 'scan.pdf'), await scannedPdf(born, { dpi: 250 }));
  const results = [];
  for (const kind of ['scan', 'born-digital'] as const) {
    const engine = await createEngine({
      dataDir: path.join(dir, `data-${kind}`),
      workers: 1,
      ocrWorkers: workers,
      actor: 'bench',
    });
    try {
      results.push(
        await measure(
          engine,
          path.join(dir, kind === 'scan' ? 'scan.pdf' : 'born-digital.pdf'),
          kind,
          people,
        ),
      );
    } finally {
      await engine.close();
    }
  }
  console.log(
    JSON.stringify({ workers, loadAverage: os.loadavg().map((l) => +l.toFixed(1)), results }, null, 1),
  );
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
