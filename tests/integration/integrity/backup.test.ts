import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine, restoreArchive } from '../../../electron/engine/index';
import { openDatabase } from '../../../electron/engine/archive/database';
import { verifyAudit } from '../../../electron/engine/audit/auditLog';
import { REPO_ROOT, fixture, tempDir } from '../../helpers/fixtures';

function startWriter(dbFile: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests/helpers/auditWriter.ts'), dbFile], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
}

describe('backup and restore', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('takes a consistent backup while another process writes, and restores it', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const engine = await createEngine({ dataDir, actor: 'test' });
    await engine.importPaths([fixture('corpus', 'd01'), fixture('corpus', 'd15'), fixture('corpus', 'd04-scan.tiff')]);
    const writer = await startWriter(engine.paths.database);
    let backupFile: string;
    try {
      backupFile = path.join(temp.dir, 'archive.mbbackup');
      const report = await engine.backup(backupFile);
      expect(report.files).toBe(3);
      // The writer was still going: the live audit trail keeps growing past the snapshot.
      const before = (engine.db.prepare('SELECT count(*) AS c FROM audit').get() as { c: number }).c;
      await new Promise((r) => setTimeout(r, 100));
      expect((engine.db.prepare('SELECT count(*) AS c FROM audit').get() as { c: number }).c).toBeGreaterThan(before);
    } finally {
      writer.kill('SIGKILL');
    }
    await engine.close();

    const restoredDir = path.join(temp.dir, 'restored');
    mkdirSync(restoredDir);
    await restoreArchive(backupFile, restoredDir);
    const restored = await createEngine({ dataDir: restoredDir });
    try {
      expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
      // A torn snapshot would break the hash chain written by the other process.
      const audit = verifyAudit(restored.db);
      expect(audit.ok).toBe(true);
      expect(audit.checked).toBeGreaterThan(3);
      expect(await restored.verify()).toMatchObject({ ok: true, checked: 3 });
      expect(restored.search('niem yet').length).toBe(1);
      expect(restored.list().map((d) => d.fileName).sort()).toEqual(['born-digital.pdf', 'born-digital.pdf', 'd04-scan.tiff']);
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore into a folder that is not empty, or from a damaged file', async () => {
    const target = path.join(temp.dir, 'busy');
    mkdirSync(target);
    writeFileSync(path.join(target, 'something'), 'x');
    await expect(restoreArchive(path.join(temp.dir, 'archive.mbbackup'), target)).rejects.toMatchObject({ code: 'DATA_DIR_NOT_EMPTY' });
    const junk = path.join(temp.dir, 'junk.mbbackup');
    writeFileSync(junk, 'not a backup at all'.repeat(100));
    const empty = path.join(temp.dir, 'empty');
    await expect(restoreArchive(junk, empty)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
  });

  it('opens the restored database only through migrations (newer schema refused)', () => {
    const db = openDatabase(path.join(temp.dir, 'restored', 'archive.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
