/**
 * Evaluation of document understanding: header fields, and access suggestions by the rules alone
 * and by the rules with the agency's model under k-fold cross-validation (the model of each fold
 * learns only the other folds' decisions), from the text layer and, with --ocr, from OCR.
 *
 *   npm run eval:understanding                      # ../shared/corpus and the own corpus, text layer
 *   npm run eval:understanding -- --ocr             # …and from the scans (minutes)
 *   npm run eval:understanding -- --corpus DIR      # only DIR (add --own for the own corpus too)
 *   options: --folds K (5) · --seed N · --as-of yyyy-mm-dd (law version; default today)
 *            --keep DIR (keep the OCR archive in DIR/ocr) · --reuse DIR/ocr (re-evaluate a kept one)
 *
 * The basis is scored as article + clause + point in Law 104/2016's numbering (a suggestion under
 * the 2026 version is read through its ground). "Needs review" counts as wrong for class and
 * basis. The own corpus (bench/ownCorpus/) is generated into a temporary folder on each run.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../electron/engine/index';
import { localToday } from '../electron/engine/clock';
import { extractHeader } from '../electron/engine/understanding/headerExtractor';
import { gatherEvidence, suggestAccess, type Evidence } from '../electron/engine/understanding/suggest';
import { legalData } from '../electron/engine/understanding/rules/legalData';
import { trainModel, WinkAccessModel, type TrainingExample } from '../electron/engine/understanding/model/accessModel';
import { modelTokens } from '../electron/engine/understanding/model/features';
import type { ExtractedHeader } from '../electron/engine/understanding/headerExtractor';
import type { AccessClass } from '../shared/domain/access';
import { parseTruthBasis, score, shuffled, summarise, summaryRow, SUMMARY_HEADER, truthEntry, type Scored } from './lib/accessScoring';
import { buildOwnCorpus } from './ownCorpus/build';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    own: { type: 'boolean', default: false },
    ocr: { type: 'boolean', default: false },
    workers: { type: 'string' },
    keep: { type: 'string' },
    reuse: { type: 'string' },
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '10' },
    'as-of': { type: 'string' },
  },
});
const asOf = values['as-of'] ?? localToday();
const folds = Number(values.folds);
const seed = Number(values.seed);
const data = legalData();
const registry = data.registry;

const KEY_MAP: Record<string, string> = {
  so_ky_hieu: 'numberNotation', so: 'number', ky_hieu: 'notation', loai_van_ban: 'docType', co_quan_ban_hanh: 'issuer', dia_danh: 'place',
  ngay_ban_hanh: 'issuedDate', trich_yeu: 'subject', nguoi_ky: 'signer', chuc_vu: 'signerTitle', do_mat: 'secrecy', do_khan: 'urgency',
};
const norm = (v: unknown) => (v === null || v === undefined ? '' : String(v).normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim());
const normField = (key: string, v: unknown) => (key === 'number' ? norm(v).replace(/^0+(?=\d)/, '') : norm(v));

interface Truth {
  metadata: Record<string, unknown>;
  expected_access: AccessClass;
  legal_basis: string;
  personal_data: string[];
}
interface CorpusDoc {
  corpus: string;
  dir: string;
  folder: string;
  truth: Truth;
}
interface Understood extends CorpusDoc {
  header: ExtractedHeader;
  evidence: Evidence;
  ground: string | null;
  personalFound: string[];
  fields: Record<string, string | null>;
}

function readCorpus(label: string, folder: string): CorpusDoc[] {
  return readdirSync(folder)
    .filter((d) => /^d\d+$/.test(d) && existsSync(path.join(folder, d, 'truth.json')))
    .sort()
    .map((d) => ({ corpus: label, dir: d, folder: path.join(folder, d), truth: JSON.parse(readFileSync(path.join(folder, d, 'truth.json'), 'utf8')) as Truth }));
}

/** Imports (and OCRs) the documents, extracts, and reads each one back with its understanding. */
async function understand(docs: CorpusDoc[], file: string, ocr: boolean, temp: string): Promise<Understood[]> {
  const inbox = path.join(temp, 'inbox');
  const present = values.reuse ? docs : docs.filter((d) => existsSync(path.join(d.folder, file)));
  if (values.reuse) cpSync(path.resolve(values.reuse), path.join(temp, 'data'), { recursive: true });
  else for (const d of present) cpSync(path.join(d.folder, file), path.join(inbox, d.corpus, `${d.corpus}__${d.dir}.pdf`));
  const engine = await createEngine({ dataDir: path.join(temp, 'data'), actor: 'eval' });
  try {
    const idOf = new Map<string, number>();
    if (values.reuse) for (const s of engine.list({ limit: 100_000 })) idOf.set(path.basename(s.fileName, '.pdf'), s.id);
    else for (const r of await engine.importPaths([inbox])) if (r.id) idOf.set(path.basename(r.path, '.pdf'), r.id);
    if (ocr && !values.reuse) {
      const started = Date.now();
      await engine.ocr([...idOf.values()], { ...(values.workers ? { workers: Number(values.workers) } : {}), onProgress: () => undefined });
      console.log(`OCR: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    engine.extract('all');
    const out: Understood[] = [];
    for (const d of present) {
      const id = idOf.get(`${d.corpus}__${d.dir}`);
      if (!id) continue;
      const detail = engine.get(id);
      const pages = detail.pages.map((p) => ({ n: p.n, text: p.text ?? '' }));
      const header = extractHeader(pages);
      const entry = parseTruthBasis(d.truth.legal_basis).map((b) => truthEntry(registry, b)).find((e) => e !== null) ?? null;
      out.push({
        ...d,
        header,
        evidence: gatherEvidence(pages, header, { asOf }),
        ground: entry?.ground ?? null,
        personalFound: detail.personalData.map((p) => p.text.replace(/\s+/g, '')),
        fields: detail.header as Record<string, string | null>,
      });
    }
    return out;
  } finally {
    await engine.close();
    if (values.keep && ocr && !values.reuse) {
      const keep = path.resolve(values.keep, 'ocr');
      rmSync(keep, { recursive: true, force: true });
      mkdirSync(path.dirname(keep), { recursive: true });
      cpSync(path.join(temp, 'data'), keep, { recursive: true });
      console.log(`OCR archive kept in ${keep}`);
    }
  }
}

const example = (u: Understood): TrainingExample[] =>
  u.ground ? [{ tokens: modelTokens(u.evidence.modelInput), ground: u.ground, accessClass: registry.byGround(u.ground, '2016').accessClass! }] : [];

function suggestWith(u: Understood, model: WinkAccessModel | null): Scored {
  return score(registry, u.dir, u.corpus, u.truth.expected_access, u.truth.legal_basis, suggestAccess(u.header, u.evidence, { data, model }));
}

/** k-fold: each fold's documents are suggested for by a model trained on the other folds only;
 *  `limit` caps the training decisions (the "after 30 decisions" figure). */
/** The model's best guess for each document under k-fold (for the misses list). */
const guesses = new Map<string, string>();

function crossValidated(docs: Understood[], limit?: number): Scored[] {
  const order = shuffled(docs, seed);
  const out: Scored[] = [];
  for (let f = 0; f < folds; f += 1) {
    const held = order.filter((_, i) => i % folds === f);
    let training = order.filter((_, i) => i % folds !== f);
    if (limit !== undefined) training = shuffled(training, seed + f).slice(0, limit);
    const model = new WinkAccessModel(trainModel(training.flatMap(example), null));
    for (const u of held) {
      out.push(suggestWith(u, model));
      const [best] = model.probabilities(u.evidence.modelInput);
      if (limit === undefined && best) guesses.set(`${u.corpus}/${u.dir}`, `${best.ground} ${(100 * best.probability).toFixed(0)} %`);
    }
  }
  return out;
}

function report(label: string, docs: Understood[]): void {
  const corpora = [...new Set(docs.map((d) => d.corpus))];
  console.log(`\n## ${label}: ${docs.length} documents (law version on ${asOf}: ${registry.versionOn(asOf)}; ${folds}-fold, seed ${seed})\n`);
  console.log(`| field | ${corpora.join(' | ')} |\n|---|${corpora.map(() => '---').join('|')}|`);
  const fieldMisses: string[] = [];
  for (const [vk, key] of Object.entries(KEY_MAP)) {
    const cells = corpora.map((c) => {
      const of = docs.filter((d) => d.corpus === c);
      const hits = of.filter((d) => {
        const ok = normField(key, d.truth.metadata[vk]) === normField(key, d.fields[key]);
        if (!ok) fieldMisses.push(`${c}/${d.dir} ${key}: expected «${String(d.truth.metadata[vk])}» got «${String(d.fields[key])}»`);
        return ok;
      }).length;
      return `${hits}/${of.length}`;
    });
    console.log(`| ${key} | ${cells.join(' | ')} |`);
  }
  const rules = docs.map((u) => suggestWith(u, null));
  const kfold = crossValidated(docs);
  const after30 = crossValidated(docs, 30);
  console.log(`\n${SUMMARY_HEADER}`);
  for (const c of [...corpora, 'all']) {
    const pick = (rows: Scored[]) => (c === 'all' ? rows : rows.filter((r) => r.corpus === c));
    console.log(summaryRow(`${c}: rules alone`, summarise(pick(rules))));
    console.log(summaryRow(`${c}: rules + model (${folds}-fold)`, summarise(pick(kfold))));
    console.log(summaryRow(`${c}: rules + model (30 decisions)`, summarise(pick(after30))));
  }
  let piiTotal = 0;
  let piiFound = 0;
  for (const d of docs) {
    for (const p of d.truth.personal_data) {
      piiTotal += 1;
      if (d.personalFound.some((f) => f.includes(p.replace(/\s+/g, '')))) piiFound += 1;
    }
  }
  console.log(`\nPersonal-data recall: ${piiFound}/${piiTotal}`);
  const byId = new Map(kfold.map((r) => [`${r.corpus}/${r.id}`, r]));
  console.log(`\nAccess misses, rules alone (→ with the model, k-fold):`);
  for (const r of rules.filter((x) => !x.classRight || !x.basisRight)) {
    const u = docs.find((d) => d.dir === r.id && d.corpus === r.corpus)!;
    const s = suggestAccess(u.header, u.evidence, { data });
    const m = byId.get(`${r.corpus}/${r.id}`)!;
    console.log(`- ${r.corpus}/${r.id}: expected ${r.expected} (${u.truth.legal_basis}) got ${r.got ?? 'needs-review'} ${s.basisId ?? ''}${r.classRight ? ' [basis wrong]' : ''} → ${m.got ?? 'needs-review'}${m.source === 'model' ? ' (model)' : ''} [model: ${guesses.get(`${r.corpus}/${r.id}`) ?? '—'}] — ${s.reasons.map((x) => x.text).slice(0, 2).join(' | ')}`);
  }
  console.log(`\nHeader misses (${fieldMisses.length}):\n${fieldMisses.map((m) => '- ' + m).join('\n') || '- none'}`);
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'minhbach-eval-'));
try {
  const corpora: CorpusDoc[] = [];
  const given = values.corpus ?? [];
  if (given.length === 0 || values.own) {
    if (given.length === 0) corpora.push(...readCorpus('shared', path.resolve('../shared/corpus')));
    const own = path.join(temp, 'own');
    await buildOwnCorpus(own, { scans: values.ocr ?? false });
    corpora.push(...readCorpus('own', own));
  }
  for (const dir of given) corpora.push(...readCorpus(path.basename(path.resolve(dir)), path.resolve(dir)));
  if (values.reuse) report(`OCR (archive ${values.reuse})`, await understand(corpora, 'scan.pdf', true, path.join(temp, 'reuse')));
  else {
    report('Text layer (born-digital.pdf)', await understand(corpora, 'born-digital.pdf', false, path.join(temp, 'text')));
    if (values.ocr) report('OCR (scan.pdf)', await understand(corpora, 'scan.pdf', true, path.join(temp, 'ocr')));
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
