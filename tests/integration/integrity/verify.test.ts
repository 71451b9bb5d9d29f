import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/index';
import { runCli } from '../../helpers/cli';
import { fixture, tempDir } from '../../helpers/fixtures';
import { flipOneByte, tamper, zeroLeafPage, PUBLIC_TRIGGER } from '../../helpers/archiveDamage';

const CORPUS = ['d01', 'd10', 'd14', 'd15', 'd17'].map((d) => fixture('corpus', d)).concat(fixture('corpus', 'd04-scan.tiff'));

describe('verify', () => {
  const temp = tempDir();
  const dataDir = path.join(temp.dir, 'data');
  let engine: Engine;
  let ids: number[];

  async function reopen(): Promise<Engine> {
    await engine.close();
    engine = await createEngine({ dataDir });
    return engine;
  }

  beforeAll(async () => {
    engine = await createEngine({ dataDir });
    await engine.importPaths(CORPUS);
    ids = engine.list().map((d) => d.id).sort((a, b) => a - b);
  });
  afterAll(async () => {
    await engine.close();
    temp.cleanup();
  });

  it('passes every check on an intact archive, and names the checks it ran', async () => {
    const report = await engine.verify();
    expect(report.ok).toBe(true);
    expect(report.checked).toBe(CORPUS.length);
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['database', true],
      ['foreign-keys', true],
      ['search-index', true],
      ['audit', true],
      ['schema', true],
      ['store', true],
      ['orphans', true],
      ['forms', true],
    ]);
    expect(report.damagedDocuments).toEqual([]);
    expect((await engine.verify({ quick: true })).ok).toBe(true);
  });

  it('reports store files no record points to and leftovers of killed writes, without failing', async () => {
    const orphan = engine.store.pathFor('ab'.repeat(32));
    mkdirSync(path.dirname(orphan), { recursive: true });
    writeFileSync(orphan, 'nobody points here');
    writeFileSync(path.join(path.dirname(orphan), '.tmp-999999-abc'), 'half');
    mkdirSync(path.join(engine.store.root, '.tmp'), { recursive: true });
    writeFileSync(path.join(engine.store.root, '.tmp', '.tmp-999998-abc'), 'half');
    const report = await engine.verify();
    expect(report.ok).toBe(true);
    expect(report.orphans).toEqual([`ab/ab/${'ab'.repeat(32)}`]);
    expect(report.debris.sort()).toEqual(['.tmp/.tmp-999998-abc', 'ab/ab/.tmp-999999-abc']);
    rmSync(path.join(engine.store.root, '.tmp', '.tmp-999998-abc'));
    rmSync(path.dirname(orphan), { recursive: true });
  });

  it('finds a trigger added by hand (schema differs from what the migrations make)', async () => {
    await engine.close();
    tamper(path.join(dataDir, 'archive.sqlite'), PUBLIC_TRIGGER);
    engine = await createEngine({ dataDir });
    const report = await engine.verify();
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'schema')).toMatchObject({ ok: false, problems: [expect.stringContaining('trigger decisions_public')] });
    await engine.close();
    tamper(path.join(dataDir, 'archive.sqlite'), 'DROP TRIGGER decisions_public');
    engine = await createEngine({ dataDir });
    expect((await engine.verify()).ok).toBe(true);
  });

  it('names the document of an edited audit event and of a row pointing at a missing file', async () => {
    await engine.close();
    const file = path.join(dataDir, 'archive.sqlite');
    tamper(file, `DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'forger' WHERE seq = (SELECT min(seq) FROM audit WHERE document_id = ${ids[1]});`);
    tamper(file, `UPDATE documents SET file_sha256 = '${'0'.repeat(64)}' WHERE id = ${ids[2]}`);
    engine = await createEngine({ dataDir });
    const report = await engine.verify();
    expect(report.ok).toBe(false);
    const failed = report.checks.filter((c) => !c.ok).map((c) => c.name);
    expect(failed).toEqual(expect.arrayContaining(['audit', 'foreign-keys', 'schema']));
    expect(report.damagedDocuments.map((d) => d.id)).toEqual(expect.arrayContaining([ids[1], ids[2]]));
    expect(report.damagedDocuments.find((d) => d.id === ids[1])!.problems.join()).toMatch(/audit event/);
  });

  it('catches one flipped byte and a missing file, naming the documents', async () => {
    const [a, b] = engine.list();
    flipOneByte(engine.store.pathFor(engine.get(a!.id).sha256), 1000);
    rmSync(engine.store.pathFor(engine.get(b!.id).sha256));
    const report = await engine.verify();
    expect(report.ok).toBe(false);
    expect(report.mismatched).toEqual([expect.objectContaining({ sha256: engine.get(a!.id).sha256, documents: [a!.id] })]);
    expect(report.missing).toEqual([{ sha256: engine.get(b!.id).sha256, documents: [b!.id] }]);
    expect(report.damagedDocuments.map((d) => d.id)).toEqual(expect.arrayContaining([a!.id, b!.id]));
    await reopen();
  });
  it('catches 8 zero bytes in one database page: names the damaged documents, CLI exits 1 in Vietnamese', async () => {
    await engine.close();
    // Start again from a clean copy of the archive for this repro.
    rmSync(dataDir, { recursive: true, force: true });
    engine = await createEngine({ dataDir });
    await engine.importPaths(CORPUS);
    await engine.close();
    zeroLeafPage(path.join(dataDir, 'archive.sqlite'), 'pages', 'last');
    engine = await createEngine({ dataDir });
    const report = await engine.verify();
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'database')!.ok).toBe(false);
    expect(report.damagedDocuments.length).toBeGreaterThan(0);
    for (const d of report.damagedDocuments) expect(d.problems.join()).toMatch(/pages rows unreadable/);
    await engine.close();
    const cli = runCli(['verify', '--data-dir', dataDir]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('LỖI  Tệp cơ sở dữ liệu (integrity_check)');
    expect(cli.stdout).toMatch(/Tài liệu bị hỏng \(\d+\):\n {2}số \d+ “/);
    expect(cli.stdout).toContain('Toàn vẹn: CÓ LỖI');
    expect(cli.stderr).not.toMatch(/\n\s+at /); // no stack trace
    engine = await createEngine({ dataDir });
  });

});
