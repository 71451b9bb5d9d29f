/**
 * bench:header-check — how well "cần kiểm tra" picks out the header fields OCR got wrong. OCRs
 * every corpus document's scan.pdf through the pipeline (or reuses an OCR archive kept by
 * `eval:understanding -- --ocr --keep DIR`), compares each published field with truth.json, and
 * prints, for thresholds around the ones in shared/domain/headerCheck.ts, the share of wrong
 * fields marked (caught) and of right fields marked (extra work for the clerk). Asserts nothing.
 *
 *   npx tsx bench/headerCheck.ts [-- --corpus ../shared/corpus] [--keep DIR] [--reuse DIR]
 *
 * It prints the table for the stored measure (the weakest word under the field, words of two
 * letters or more) and for the alternative considered, the mean word confidence under the field.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../electron/engine/index';
import { EXTRACTION_CHECK_THRESHOLD, OCR_FIELD_CHECK_THRESHOLD } from '../shared/domain/headerCheck';
import { ocrPageWords, wordsUnder } from '../electron/engine/understanding/fieldConfidence';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: '../shared/corpus' }, reuse: { type: 'string' }, keep: { type: 'string' } } });
const corpus = path.resolve(values.corpus!);
/** truth.json's names of the fields the catalogue publishes. */
const TRUTH_KEY = { numberNotation: 'so_ky_hieu', docType: 'loai_van_ban', issuer: 'co_quan_ban_hanh', issuedDate: 'ngay_ban_hanh', subject: 'trich_yeu' } as const;
const norm = (v: unknown) => (v === null || v === undefined ? '' : String(v).normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim());

interface Field {
  doc: string;
  key: string;
  right: boolean;
  ocr: number;
  weakest: number;
  rule: number;
}

function table(label: string, fields: Field[], measure: (f: Field) => number): void {
  const wrong = fields.filter((f) => !f.right);
  console.log(label);
  for (const ocrT of [50, 55, 60, 65, 70, 75, 80, 85, 90]) {
    const marked = (f: Field) => measure(f) < ocrT || f.rule < EXTRACTION_CHECK_THRESHOLD;
    const caught = wrong.filter(marked).length;
    const extra = fields.filter((f) => f.right && marked(f)).length;
    const current = label.startsWith('weakest') && ocrT === OCR_FIELD_CHECK_THRESHOLD ? '  ← in use' : '';
    console.log(`  OCR < ${ocrT} (rules < ${EXTRACTION_CHECK_THRESHOLD}): wrong fields marked ${caught}/${wrong.length}, right fields marked ${extra}/${fields.length - wrong.length}${current}`);
  }
}

async function main(): Promise<void> {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'minhbach-headercheck-'));
  const dataDir = path.join(temp, 'data');
  if (values.reuse) cpSync(path.resolve(values.reuse), dataDir, { recursive: true });
  const engine = await createEngine({ dataDir, actor: 'bench' });
  try {
    const dirs = readdirSync(corpus).filter((d) => /^d\d+$/.test(d) && existsSync(path.join(corpus, d, 'scan.pdf'))).sort();
    if (!values.reuse) {
      const started = performance.now();
      await engine.importNamedFiles(dirs.map((d) => ({ path: path.join(corpus, d, 'scan.pdf'), fileName: `${d}.pdf` })));
      await engine.resume(); // OCR, then header + suggestion: the pipeline as the app runs it
      console.log(`OCR + header of ${dirs.length} scans in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    } else {
      engine.extract('all'); // the kept archive's OCR words, read with this build's rules
    }
    const idOf = new Map(engine.list({ limit: 100_000 }).map((s) => [path.basename(s.fileName, '.pdf'), s.id]));
    const fields: Field[] = [];
    for (const d of dirs) {
      const id = idOf.get(d);
      if (id === undefined) continue;
      const truth = JSON.parse(readFileSync(path.join(corpus, d, 'truth.json'), 'utf8')) as { metadata: Record<string, unknown> };
      for (const f of engine.get(id).headerFields) {
        const truthKey = TRUTH_KEY[f.key as keyof typeof TRUTH_KEY];
        if (!truthKey || f.value === null || f.ocrConfidence === null) continue;
        const span = engine.db.prepare('SELECT page, span_start, span_end FROM header_fields WHERE document_id = ? AND key = ?').get(id, f.key) as { page: number; span_start: number; span_end: number };
        const page = ocrPageWords(engine.db, id, span.page);
        const words = page ? wordsUnder(page, span.span_start, span.span_end).filter((w) => w.text.length >= 2) : [];
        const weight = words.reduce((n, w) => n + w.text.length, 0);
        const mean = weight ? words.reduce((n, w) => n + w.confidence * w.text.length, 0) / weight : f.ocrConfidence;
        fields.push({ doc: d, key: f.key, right: norm(f.value) === norm(truth.metadata[truthKey]), ocr: Math.round(mean * 10) / 10, weakest: f.ocrConfidence, rule: f.confidence ?? 0 });
      }
    }
    const wrong = fields.filter((f) => !f.right);
    console.log(`${fields.length} published fields read by OCR, ${wrong.length} of them wrong`);
    table('weakest word under the field (stored):', fields, (f) => f.weakest);
    table('mean word confidence under the field:', fields, (f) => f.ocr);
    for (const f of wrong) console.log(`  wrong: ${f.doc} ${f.key} (OCR mean ${f.ocr}, weakest ${f.weakest}, rules ${f.rule})`);
    if (values.keep) {
      cpSync(dataDir, path.resolve(values.keep), { recursive: true });
      console.log(`OCR archive kept in ${path.resolve(values.keep)} (--reuse it)`);
    }
  } finally {
    await engine.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
