import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/index';
import { fixture, tempDir } from '../../helpers/fixtures';
import { jsonLines } from '../../helpers/cli';
import { canMount, chownTree, IS_ROOT, mountReadOnlyView, OTHER_UID, runCliAs, smallArchive, unmount } from '../../helpers/faultSetup';

/** What read-only mode promises, through the real CLI: stderr says why once, reading works,
 *  changes are refused by name, nothing is written into the data folder. */
function expectReadOnlyCli(dataDir: string, outDir: string, uid?: number): void {
  const before = readdirSync(dataDir).sort();
  const list = runCliAs(uid, ['list', '--json', '--data-dir', dataDir]);
  expect(list.code).toBe(0);
  expect(list.stderr).toContain('Cảnh báo [READ_ONLY]');
  expect(JSON.parse(list.stdout)).toHaveLength(2);
  const site = path.join(outDir, 'site');
  const exported = runCliAs(uid, ['export', '--out', site, '--data-dir', dataDir]);
  expect(exported.code).toBe(0);
  expect(existsSync(path.join(site, 'index.html'))).toBe(true);
  const imported = runCliAs(uid, ['import', fixture('corpus', 'd10', 'born-digital.pdf'), '--json', '--data-dir', dataDir]);
  expect(imported.code).toBe(1);
  expect(imported.stderr).toContain('Lỗi [READ_ONLY]: Nhập tệp: Kho lưu trữ đang ở chế độ chỉ đọc');
  expect(imported.stderr).not.toMatch(/\n\s+at /);
  expect(readdirSync(dataDir).sort()).toEqual(before);
}

/** The same promises through the engine (search, show, backup that finishes, verify). */
async function expectReadOnlyEngine(dataDir: string, outDir: string): Promise<void> {
  const engine = await createEngine({ dataDir });
  try {
    expect(engine.health.mode).toBe('read-only');
    expect(engine.search('niem yet')).toHaveLength(1);
    expect(engine.get(engine.list()[0]!.id).pages.length).toBeGreaterThan(0);
    const backup = await engine.backup(path.join(outDir, 'ro.mbbackup'));
    expect(backup.files).toBe(2);
    expect((await engine.verify()).ok).toBe(true);
    await expect(engine.importPaths([fixture('corpus', 'd10', 'born-digital.pdf')])).rejects.toMatchObject({ code: 'READ_ONLY' });
    expect(() => engine.decide({ documentId: 1, access: 'secret', basis: 'L104.D6', reviewer: 'x' })).toThrow(/read-only/);
    // The pipeline's own changes are refused too, and it never starts on a read-only archive.
    await expect(engine.analyse('all')).rejects.toMatchObject({ code: 'READ_ONLY' });
    expect(() => engine.confirmHeader(1, 'x')).toThrow(/read-only/);
    expect(() => engine.updatePipelineSettings({ autoOcr: false })).toThrow(/read-only/);
    expect(await engine.resume()).toEqual([]);
  } finally {
    await engine.close();
  }
}

describe('a read-only archive opens in read-only mode', () => {
  const temp = tempDir();
  const template = path.join(temp.dir, 'template');
  const mounted: string[] = [];
  beforeAll(() => smallArchive(template));
  afterAll(() => {
    for (const m of mounted) unmount(m);
    temp.cleanup();
  });

  it.skipIf(!canMount())('on a read-only file system (bind mount): list, search, show, export, backup, verify work; import, decisions and the pipeline are refused', async () => {
    const view = path.join(temp.dir, 'ro-view');
    mkdirSync(view);
    mountReadOnlyView(template, view);
    mounted.push(view);
    const out = path.join(temp.dir, 'out-fs');
    mkdirSync(out);
    await expectReadOnlyEngine(view, out);
    expectReadOnlyCli(view, out);
  });

  it.skipIf(process.platform === 'win32')('with a read-only database file (another account, mode 0444), then a stale read-only -shm is fixed once permissions are', () => {
    const dataDir = path.join(temp.dir, 'ro-db');
    cpSync(template, dataDir, { recursive: true });
    const out = path.join(temp.dir, 'out-db');
    mkdirSync(out, { mode: 0o777 });
    chmodSync(out, 0o777);
    const uid = IS_ROOT ? OTHER_UID : undefined;
    if (uid !== undefined) chownTree(dataDir, uid);
    chmodSync(path.join(dataDir, 'archive.sqlite'), 0o444);
    chmodSync(temp.dir, 0o711); // the other account must reach the folder
    expectReadOnlyCli(dataDir, out, uid);

    // A plain read-only open by SQLite itself leaves -wal and -shm as read-only as the database.
    const shm = path.join(dataDir, 'archive.sqlite-shm');
    writeFileSync(shm, Buffer.alloc(32768));
    chmodSync(shm, 0o444);
    if (uid !== undefined) chownTree(dataDir, uid);
    chmodSync(path.join(dataDir, 'archive.sqlite'), 0o600); // the user fixes the database's mode
    const imported = runCliAs(uid, ['import', fixture('corpus', 'd10', 'born-digital.pdf'), '--json', '--data-dir', dataDir]);
    expect(imported.stderr).not.toContain('READ_ONLY');
    expect(imported.code).toBe(0);
    expect(jsonLines(imported.stdout)[0]).toMatchObject({ status: 'imported' });
    expect(readFileSync(path.join(dataDir, 'logs', 'minhbach.log'), 'utf8')).toMatch(/stale read-only .*archive\.sqlite-shm/);
    const db = new Database(path.join(dataDir, 'archive.sqlite'), { readonly: true });
    expect((db.prepare('SELECT count(*) AS c FROM documents').get() as { c: number }).c).toBe(3);
    db.close();
  });
});
