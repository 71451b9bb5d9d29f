/**
 * Evaluation of document understanding against the corpus ground truth.
 *
 *   npm run eval:understanding -- --corpus ../shared/corpus [--ocr] [--workers N] [--keep DIR]
 *   npm run eval:understanding -- --corpus ../shared/corpus --reuse DIR/ocr
 *
 * Imports every document's born-digital PDF (text layer) into a temporary archive — and with
 * --ocr its scan.pdf, OCR'd (slow: minutes) — runs extract + suggest, and prints per-field exact
 * match of the header (NFC, case-folded, white space collapsed), the confusion matrix of suggested
 * vs expected access class, personal-data recall, and every miss.
 *
 * --keep DIR keeps the OCR archive (DIR/ocr, a data dir) instead of deleting it, so extraction
 * rules can be iterated on in seconds: `minhbach extract --all --data-dir DIR/ocr` + `show --json`,
 * or `--reuse DIR/ocr`, which re-runs extract + suggest on that archive (on a copy) and evaluates it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, type Engine } from '../electron/engine/index';
import { HEADER_KEYS } from '../shared/domain/header';

const { values } = parseArgs({
  options: { corpus: { type: 'string', default: '../shared/corpus' }, ocr: { type: 'boolean', default: false }, workers: { type: 'string' }, keep: { type: 'string' }, reuse: { type: 'string' } },
});
const corpus = path.resolve(values.corpus!);

const KEY_MAP: Record<string, string> = {
  so_ky_hieu: 'numberNotation',
  so: 'number',
  ky_hieu: 'notation',
  loai_van_ban: 'docType',
  co_quan_ban_hanh: 'issuer',
  dia_danh: 'place',
  ngay_ban_hanh: 'issuedDate',
  trich_yeu: 'subject',
  nguoi_ky: 'signer',
  chuc_vu: 'signerTitle',
  do_mat: 'secrecy',
  do_khan: 'urgency',
};
const norm = (v: unknown) => (v === null || v === undefined ? '' : String(v).normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim());
/** `so` is an integer in the truth; "09" on the page is 9. */
const normField = (key: string, v: unknown) => (key === 'number' ? norm(v).replace(/^0+(?=\d)/, '') : norm(v));

interface Truth {
  id: string;
  metadata: Record<string, unknown>;
  expected_access: 'public' | 'conditional' | 'secret';
  legal_basis: string;
  personal_data: string[];
}

const docs = readdirSync(corpus)
  .filter((d) => /^d\d+$/.test(d) && existsSync(path.join(corpus, d, 'truth.json')))
  .sort()
  .map((d) => ({ dir: d, truth: JSON.parse(readFileSync(path.join(corpus, d, 'truth.json'), 'utf8')) as Truth }));

async function evaluate(label: string, file: string, ocr: boolean, reuse?: string): Promise<void> {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'minhbach-eval-'));
  const inbox = path.join(temp, 'inbox');
  const present = docs.filter((d) => existsSync(path.join(corpus, d.dir, file)));
  if (reuse) cpSync(reuse, path.join(temp, 'data'), { recursive: true });
  else {
    for (const d of present) {
      mkdirSync(path.join(inbox, d.dir), { recursive: true });
      cpSync(path.join(corpus, d.dir, file), path.join(inbox, d.dir, `${d.dir}.pdf`));
    }
  }
  const engine: Engine = await createEngine({ dataDir: path.join(temp, 'data'), actor: 'eval' });
  try {
    const idOf = new Map<string, number>();
    if (reuse) for (const s of engine.list({ limit: 100_000 })) idOf.set(path.basename(s.fileName, '.pdf'), s.id);
    else for (const r of await engine.importPaths([inbox])) if (r.id) idOf.set(path.basename(r.path, '.pdf'), r.id);
    if (ocr && !reuse) {
      const started = Date.now();
      await engine.ocr([...idOf.values()], { ...(values.workers ? { workers: Number(values.workers) } : {}), onProgress: () => undefined });
      console.log(`OCR: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    engine.extract('all');
    engine.suggest('all');

    const fieldHits: Record<string, number> = Object.fromEntries(HEADER_KEYS.map((k) => [k, 0]));
    const fieldMisses: string[] = [];
    const classes = ['public', 'conditional', 'secret', 'needs-review'] as const;
    const matrix: Record<string, Record<string, number>> = Object.fromEntries(classes.slice(0, 3).map((c) => [c, Object.fromEntries(classes.map((k) => [k, 0]))]));
    const accessMisses: string[] = [];
    let piiTotal = 0;
    let piiFound = 0;
    const piiMisses: string[] = [];
    for (const d of present) {
      const id = idOf.get(d.dir);
      if (!id) {
        fieldMisses.push(`${d.dir}: not imported`);
        continue;
      }
      const detail = engine.get(id);
      for (const [vk, key] of Object.entries(KEY_MAP)) {
        const want = normField(key, d.truth.metadata[vk]);
        const got = normField(key, (detail.header as Record<string, string | null>)[key]);
        if (want === got) fieldHits[key]! += 1;
        else fieldMisses.push(`${d.dir} ${key}: expected «${String(d.truth.metadata[vk])}» got «${String((detail.header as Record<string, unknown>)[key])}»`);
      }
      const got = detail.access.suggested?.class ?? 'needs-review';
      matrix[d.truth.expected_access]![got]! += 1;
      if (got !== d.truth.expected_access) accessMisses.push(`${d.dir}: expected ${d.truth.expected_access} (${d.truth.legal_basis}) got ${got} — ${detail.access.suggested?.reasons.map((r) => r.text).join(' | ')}`);
      // White space is ignored: OCR groups digits and spaces words differently ("0354 524429" for
      // "0354 524 429", "1,xã" for "1, xã"); the finding's span covers the same characters.
      const found = detail.personalData.map((p) => p.text.replace(/\s+/g, ''));
      for (const pii of d.truth.personal_data) {
        piiTotal += 1;
        if (found.some((f) => f.includes(pii.replace(/\s+/g, '')))) piiFound += 1;
        else piiMisses.push(`${d.dir}: «${pii}»`);
      }
    }
    const n = present.length;
    console.log(`\n## ${label}: ${n} documents\n`);
    console.log('| field | exact | % |\n|---|---|---|');
    let all = 0;
    for (const key of Object.values(KEY_MAP)) {
      all += fieldHits[key]!;
      console.log(`| ${key} | ${fieldHits[key]}/${n} | ${((100 * fieldHits[key]!) / n).toFixed(1)} |`);
    }
    const fields = Object.keys(KEY_MAP).length;
    console.log(`| **all fields** | ${all}/${n * fields} | ${((100 * all) / (n * fields)).toFixed(1)} |`);
    console.log('\nAccess class (rows: expected, columns: suggested)\n');
    console.log(`| expected \\ suggested | ${classes.join(' | ')} |\n|---|${classes.map(() => '---').join('|')}|`);
    for (const c of classes.slice(0, 3)) console.log(`| ${c} | ${classes.map((k) => matrix[c]![k]).join(' | ')} |`);
    const right = classes.slice(0, 3).reduce((s, c) => s + matrix[c]![c]!, 0);
    console.log(`\nAccess right: ${right}/${n} (${((100 * right) / n).toFixed(1)} %); secret→public: ${matrix.secret!.public}; conditional→public: ${matrix.conditional!.public}`);
    console.log(`Personal-data recall: ${piiFound}/${piiTotal} (${piiTotal ? ((100 * piiFound) / piiTotal).toFixed(1) : '100.0'} %)`);
    console.log(`\nHeader misses (${fieldMisses.length}):\n${fieldMisses.map((m) => '- ' + m).join('\n') || '- none'}`);
    console.log(`\nAccess misses (${accessMisses.length}):\n${accessMisses.map((m) => '- ' + m).join('\n') || '- none'}`);
    console.log(`\nPersonal-data misses (${piiMisses.length}):\n${piiMisses.map((m) => '- ' + m).join('\n') || '- none'}`);
  } finally {
    await engine.close();
    if (values.keep && ocr && !reuse) {
      const keep = path.resolve(values.keep, 'ocr');
      rmSync(keep, { recursive: true, force: true });
      mkdirSync(path.dirname(keep), { recursive: true });
      cpSync(path.join(temp, 'data'), keep, { recursive: true });
      console.log(`OCR archive kept in ${keep}`);
    }
    rmSync(temp, { recursive: true, force: true });
  }
}

if (values.reuse) await evaluate(`OCR (scan.pdf, archive ${values.reuse})`, 'scan.pdf', true, path.resolve(values.reuse));
else {
  await evaluate('Text layer (born-digital.pdf)', 'born-digital.pdf', false);
  if (values.ocr) await evaluate('OCR (scan.pdf)', 'scan.pdf', true);
}
