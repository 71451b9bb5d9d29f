import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/index';
import { bornDigitalPdf, OWN_DOCUMENTS } from '../../../bench/ownCorpus/build';
import { tempDir } from '../../helpers/fixtures';
import { runCli } from '../../helpers/cli';
import type { AppError } from '../../../shared/domain/errors';

/** The agency learns: decisions on part of the own corpus, the model retrained in its worker
 *  thread and stored in the archive, suggestions for the rest, export to a file and import into
 *  another archive as a starter model — with the real engine, SQLite files and the CLI. */
const BASIS: Record<string, string> = {
  'Điều 17 khoản 2': 'L104.D17.K2',
  'Điều 6 khoản 1': 'L104.D6.K1',
  'Điều 6 khoản 2': 'L104.D6.K2',
  'Điều 7 khoản 1': 'L104.D7.K1',
  'Điều 7 khoản 2': 'L104.D7.K2',
};
const basisOf = (b: string) => BASIS[b] ?? `L104.D17.K1.${/điểm (đ|[a-p])/.exec(b)![1]!.replace('đ', 'dd')}`;
const HELD = ['o51', 'o55', 'o27', 'o39'];
const PICKED = ['o01', 'o03', 'o08', 'o10', 'o14', 'o21', 'o23', 'o25', 'o26', 'o27', 'o28', 'o30', 'o32', 'o34', 'o37', 'o38', 'o39', 'o43', 'o44'];
const DOCS = OWN_DOCUMENTS.filter((d) => PICKED.includes(d.id) || (d.id >= 'o48' && d.id <= 'o55'));

describe('access model over the archive', () => {
  const temp = tempDir('minhbach-model-');
  const dataDir = path.join(temp.dir, 'data');
  let engine: Engine;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    const inbox = path.join(temp.dir, 'inbox');
    mkdirSync(inbox, { recursive: true });
    for (const d of DOCS) writeFileSync(path.join(inbox, `${d.id}.pdf`), await bornDigitalPdf(d));
    engine = await createEngine({ dataDir, actor: 'test' });
    for (const r of await engine.importPaths([inbox])) ids.set(path.basename(r.path, '.pdf'), r.id!);
    engine.extract('all');
    for (const d of DOCS.filter((x) => !HELD.includes(x.id))) {
      engine.decide({ documentId: ids.get(d.id)!, access: d.access, basis: basisOf(d.basis), reviewer: 'Nguyễn Thị Hà' });
    }
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    temp.cleanup();
  });

  it('learns the approved decisions in its worker and keeps the model in the archive; then nothing is pending', async () => {
    const learnt = DOCS.length - HELD.length;
    expect(engine.modelStatus()).toMatchObject({ examples: 0, pending: learnt });
    const status = await engine.updateModel();
    expect(status).toMatchObject({ examples: learnt, pending: 0, source: 'local', starter: null });
    expect(status.labels['publish:other']).toEqual({ accessClass: 'public', examples: 6 });
    const db = new Database(path.join(dataDir, 'archive.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM access_model_examples').get()).toEqual({ n: learnt });
    expect(db.prepare("SELECT examples FROM access_model WHERE slot = 'current'").get()).toEqual({ examples: learnt });
    db.close();
  });

  it('proposes public for a held-back schedule (rules alone: needs review), never bulk-approves it, and the rules still decide the rest', () => {
    const [schedule, holiday, catalogue, workSecret] = engine.suggest(HELD.map((id) => ids.get(id)!)) as { class: string | null; basis: string | null; source: string | null; confidence: number | null }[];
    expect(schedule).toMatchObject({ class: 'public', basis: 'L104.D17.K2', source: 'model' });
    expect(schedule!.confidence).toBeGreaterThan(0.85);
    expect(holiday!.class === null || holiday!.source === 'model').toBe(true);
    expect(catalogue).toMatchObject({ class: 'public', basis: 'L104.D17.K1.m', source: 'rules' });
    expect(workSecret).toMatchObject({ class: 'secret', basis: 'L104.D6.K2', source: 'rules' });
    const plan = engine.planApproval({}).map((i) => i.id);
    expect(plan).toContain(ids.get('o27'));
    expect(plan).not.toContain(ids.get('o51'));
    expect(engine.get(ids.get('o51')!).access.suggested).toMatchObject({ source: 'model', basisVersion: '2016' });
  });

  it('exports a shareable file (CLI) that another archive imports as its starter model and suggests with (a bad file refused in Vietnamese)', async () => {
    await engine.close();
    const file = path.join(temp.dir, 'mo-hinh.json');
    const exported = runCli(['model', 'export', file, '--source', 'Sở Tư pháp tỉnh Hậu Giang', '--data-dir', dataDir, '--json']);
    expect(exported.code, exported.stderr).toBe(0);
    const model = JSON.parse(readFileSync(file, 'utf8'));
    expect(model).toMatchObject({ format: 'minhbach-access-model', source: 'Sở Tư pháp tỉnh Hậu Giang', examples: DOCS.length - HELD.length });

    const other = path.join(temp.dir, 'other');
    const inbox = path.join(temp.dir, 'inbox2');
    mkdirSync(inbox, { recursive: true });
    writeFileSync(path.join(inbox, 'o51.pdf'), await bornDigitalPdf(OWN_DOCUMENTS.find((d) => d.id === 'o51')!));
    const second = await createEngine({ dataDir: other, actor: 'test' });
    try {
      const bad = path.join(temp.dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ ...model, format: 'something-else' }));
      const refused = await second.importModel(bad).then(() => null, (e: AppError) => e);
      expect(refused?.code).toBe('MODEL_INVALID');
      expect(refused?.toUser().message).toContain('Tệp bad.json: format');
      await second.importPaths([inbox]);
      second.extract('all');
    } finally {
      await second.close();
    }
    const imported = runCli(['model', 'import', file, '--data-dir', other, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ examples: DOCS.length - HELD.length, pending: 0, starter: { source: 'Sở Tư pháp tỉnh Hậu Giang' } });
    // The starter's words (shared ones only) still point the schedule to Art. 17 cl. 2: proposed,
    // or — below the threshold with this small a model — given as the model's guess.
    const suggested = runCli(['suggest', '--all', '--data-dir', other]);
    expect(suggested.stdout, suggested.stdout).toMatch(
      /công khai\tL104\.D17\.K2, phiên bản 2016 \(theo các quyết định trước đây của cơ quan, độ tin cậy \d+ %\)|Các quyết định trước đây gợi ý: Thông tin khác mà cơ quan nhà nước chủ động công khai .* độ tin cậy \d+ %/,
    );
  }, 120_000);

  it('a changed decision makes the next update a full retrain on the corrected label', async () => {
    engine = await createEngine({ dataDir, actor: 'test' });
    engine.decide({ documentId: ids.get('o48')!, access: 'secret', basis: 'L104.D6.K2', reviewer: 'Lê Văn B', note: 'Lịch có nội dung làm việc nội bộ' });
    expect(engine.modelStatus().pending).toBe(DOCS.length - HELD.length);
    const status = await engine.updateModel();
    expect(status.pending).toBe(0);
    expect(status.labels['publish:other']!.examples).toBe(5);
    expect(status.labels['internal-or-harmful']!.examples).toBeGreaterThan(1);
  });

});
