import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, restoreArchive } from '../../../electron/engine/index';
import { sha256Hex } from '../../../electron/engine/archive/fileStore';
import { runCli } from '../../helpers/cli';
import { fixture, tempDir } from '../../helpers/fixtures';
import { PUBLIC_TRIGGER, tamper, zeroLeafPage } from '../../helpers/archiveDamage';

/** An archive with three documents and a form, made once; each case copies it. */
async function baseArchive(dataDir: string): Promise<string> {
  const engine = await createEngine({ dataDir });
  await engine.importPaths([fixture('corpus', 'd01'), fixture('corpus', 'd15'), fixture('corpus', 'd04-scan.tiff')]);
  await engine.setAgencyForm('01a', fixture('corpus', 'd03', 'born-digital.pdf'));
  const docSha = engine.get(engine.list()[0]!.id).sha256;
  await engine.close();
  return docSha;
}

let base = '';
let baseDocSha = '';

/** A copy of the base archive and its backup; `change` edits the closed copy before the backup is
 *  taken (the way a crafted backup would be made). */
async function archiveWithBackup(dir: string, change?: (dbFile: string, docSha: string, dataDir: string) => void): Promise<string> {
  const dataDir = path.join(dir, 'data');
  cpSync(base, dataDir, { recursive: true });
  change?.(path.join(dataDir, 'archive.sqlite'), baseDocSha, dataDir);
  const file = path.join(dir, 'archive.mbbackup');
  const engine = await createEngine({ dataDir });
  try {
    await engine.backup(file);
  } finally {
    await engine.close();
  }
  return file;
}

/** Restoring must fail with `code` and leave nothing: no target, no staging folder. */
async function expectRefused(backup: string, dir: string, code: string): Promise<void> {
  const target = path.join(dir, `restored-${code}`);
  await expect(restoreArchive(backup, target)).rejects.toMatchObject({ code });
  expect(existsSync(target)).toBe(false);
  expect(readdirSync(dir).filter((n) => n.includes('.restoring-'))).toEqual([]);
}

describe('restore trusts nothing', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  let good: string;

  beforeAll(async () => {
    base = path.join(temp.dir, 'base');
    baseDocSha = await baseArchive(base);
    mkdirSync(path.join(temp.dir, 'good'));
    good = await archiveWithBackup(path.join(temp.dir, 'good'));
  });

  it('restores a good backup (form included) and the restored archive verifies', async () => {
    const target = path.join(temp.dir, 'ok');
    expect(await restoreArchive(good, target)).toEqual({ dataDir: target, files: 4 });
    const engine = await createEngine({ dataDir: target });
    try {
      expect((await engine.verify()).ok).toBe(true);
      expect(engine.agencySettings().forms.map((f) => f.code)).toEqual(['01a']);
    } finally {
      await engine.close();
    }
  });

  it('refuses a backup whose database section was damaged in transit (SHA-256 differs), CLI exit 1', async () => {
    const bytes = readFileSync(good);
    // The database entry follows the manifest: flip a byte well inside it.
    const at = bytes.indexOf(Buffer.from('SQLite format 3\0')) + 3000;
    bytes[at] = bytes[at]! ^ 0xff;
    const damaged = path.join(temp.dir, 'damaged.mbbackup');
    writeFileSync(damaged, bytes);
    await expectRefused(damaged, temp.dir, 'BACKUP_DAMAGED');
    const cli = runCli(['restore', damaged, '--data-dir', path.join(temp.dir, 'cli-target')]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('Lỗi [BACKUP_DAMAGED]: Khôi phục “damaged.mbbackup”');
    expect(cli.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(temp.dir, 'cli-target'))).toBe(false);
  });

  it('refuses a backup with a trigger that turns secret decisions public', async () => {
    const dir = path.join(temp.dir, 'trigger');
    mkdirSync(dir);
    const backup = await archiveWithBackup(dir, (db) => tamper(db, PUBLIC_TRIGGER));
    await expectRefused(backup, dir, 'BACKUP_UNTRUSTED');
  });

  it('refuses a backup whose agency form points at a stored document (a held-back original)', async () => {
    const dir = path.join(temp.dir, 'form-doc');
    mkdirSync(dir);
    const backup = await archiveWithBackup(dir, (db, docSha) =>
      tamper(db, `UPDATE settings SET value = '${JSON.stringify({ sha256: docSha, ext: 'pdf', size: 1 })}' WHERE key = 'agency.form.01a'`),
    );
    await expectRefused(backup, dir, 'BACKUP_UNTRUSTED');
  });

  it('refuses a backup whose agency form is an HTML page with a script', async () => {
    const dir = path.join(temp.dir, 'form-html');
    mkdirSync(dir);
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const sha = sha256Hex(html);
    const backup = await archiveWithBackup(dir, (db, _doc, dataDir) => {
      const file = path.join(dataDir, 'store', sha.slice(0, 2), sha.slice(2, 4), sha);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, html);
      tamper(
        db,
        `INSERT INTO files VALUES ('${sha}', ${html.length}, 'application/pdf', '2026-01-01');
         UPDATE settings SET value = '${JSON.stringify({ sha256: sha, ext: 'pdf', size: html.length })}' WHERE key = 'agency.form.01a'`,
      );
    });
    await expectRefused(backup, dir, 'BACKUP_UNTRUSTED');
  });

  it('refuses unknown or malformed settings', async () => {
    const dir = path.join(temp.dir, 'settings');
    mkdirSync(dir);
    const backup = await archiveWithBackup(dir, (db) => tamper(db, `INSERT INTO settings VALUES ('site.url', 'javascript:alert(1)')`));
    await expectRefused(backup, dir, 'BACKUP_UNTRUSTED');
  });

  it('refuses to back up a database that fails integrity_check', async () => {
    const dir = path.join(temp.dir, 'corrupt');
    mkdirSync(dir);
    await expect(archiveWithBackup(dir, (db) => zeroLeafPage(db, 'pages', 'last'))).rejects.toMatchObject({ code: 'ARCHIVE_DAMAGED' });
    expect(readdirSync(dir).filter((n) => n !== 'data')).toEqual([]);
  });

  it('refuses a target that is a file (and leaves the file alone) or a folder that is not empty', async () => {
    const file = path.join(temp.dir, 'precious.txt');
    writeFileSync(file, 'do not delete');
    await expect(restoreArchive(good, file)).rejects.toMatchObject({ code: 'TARGET_IS_FILE' });
    expect(readFileSync(file, 'utf8')).toBe('do not delete');
    const cli = runCli(['restore', good, '--data-dir', file]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('[TARGET_IS_FILE]');
    expect(readFileSync(file, 'utf8')).toBe('do not delete');
    const busy = path.join(temp.dir, 'busy');
    mkdirSync(busy);
    writeFileSync(path.join(busy, 'x'), 'x');
    await expect(restoreArchive(good, busy)).rejects.toMatchObject({ code: 'DATA_DIR_NOT_EMPTY' });
  });
});
