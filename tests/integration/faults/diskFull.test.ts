import { cpSync, mkdirSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/index';
import type { AppError } from '../../../shared/domain/errors';
import { scanStoreFolder } from '../../../electron/engine/integrity/storeScan';
import { fixture, tempDir } from '../../helpers/fixtures';
import { canMount, mountTmpfs, smallArchive, unmount } from '../../helpers/faultSetup';

/** Leaves about `bytes` free on the file system of `dir`. */
function fillUpTo(dir: string, bytes: number): void {
  const fs = statfsSync(dir);
  const free = fs.bavail * fs.bsize;
  if (free > bytes) writeFileSync(path.join(dir, `filler-${free}.bin`), Buffer.alloc(free - bytes));
}

describe.skipIf(!canMount())('a full disk (size-limited tmpfs): "ổ đĩa đầy" naming the operation, nothing half-written', () => {
  const temp = tempDir();
  const disk = path.join(temp.dir, 'disk');
  const template = path.join(temp.dir, 'template');
  beforeAll(async () => {
    await smallArchive(template);
    mkdirSync(disk);
    mountTmpfs(disk, '3m');
  });
  afterAll(() => {
    unmount(disk);
    temp.cleanup();
  });

  it('import and backup fail with DISK_FULL naming the operation, leave no temp or partial file; the archive stays whole and verifies', async () => {
    const dataDir = path.join(disk, 'data');
    cpSync(template, dataDir, { recursive: true });
    const engine = await createEngine({ dataDir, actor: 'test' });
    try {
      fillUpTo(disk, 64 * 1024);
      const [result] = await engine.importPaths([fixture('corpus', 'd04-scan.pdf')]);
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'DISK_FULL', message: expect.stringContaining('Ổ đĩa đầy') } });
      expect((await scanStoreFolder(engine.store.root, () => true)).debris).toEqual([]);
      expect(engine.list()).toHaveLength(2);

      fillUpTo(disk, 0);
      const target = path.join(disk, 'full.mbbackup');
      const failure = await engine.backup(target).then(
        () => null,
        (e: AppError) => e,
      );
      expect(failure).toMatchObject({ code: 'DISK_FULL' });
      expect(failure!.toUser().message).toContain(`Sao lưu vào “${target}”: Ổ đĩa đầy`);
      expect(readdirSync(disk).filter((n) => n.includes('.partial-'))).toEqual([]);
      expect(readdirSync(path.join(dataDir, 'tmp'))).toEqual([]);
    } finally {
      await engine.close();
    }
    // Room again: the archive is whole.
    removeFillers(disk);
    const db = new Database(path.join(dataDir, 'archive.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const again = await createEngine({ dataDir });
    try {
      expect((await again.verify()).ok).toBe(true);
      expect(again.list()).toHaveLength(2);
    } finally {
      await again.close();
    }
  });
});

function removeFillers(disk: string): void {
  for (const name of readdirSync(disk)) if (name.startsWith('filler-')) rmSync(path.join(disk, name));
}
