import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, watch, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/index';
import { CLI } from '../../helpers/cli';
import { REPO_ROOT, tempDir } from '../../helpers/fixtures';
import { smallArchive } from '../../helpers/faultSetup';

/** Starts a process and SIGKILLs it the moment a name matching `pattern` appears in `dir`. */
function killWhenAppears(args: string[], dir: string, pattern: RegExp): Promise<{ killed: boolean }> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'ignore' });
    let killed = false;
    const watcher = watch(dir, (_event, name) => {
      if (!killed && name && pattern.test(name)) {
        killed = child.kill('SIGKILL');
      }
    });
    child.on('exit', () => {
      watcher.close();
      resolve({ killed });
    });
  });
}

/** Adds a large stored file (as a page image) so a backup or restore takes long enough to be cut. */
async function addLargeFile(dataDir: string): Promise<void> {
  const engine = await createEngine({ dataDir });
  try {
    const bytes = Buffer.alloc(96 * 1024 * 1024, 1);
    const sha = await engine.store.put(bytes);
    engine.db.prepare(`INSERT INTO files VALUES (?, ?, 'image/png', '2026-01-01')`).run(sha, bytes.length);
    engine.db.prepare(`UPDATE pages SET image_sha256 = ? WHERE rowid = (SELECT min(rowid) FROM pages)`).run(sha);
  } finally {
    await engine.close();
  }
}

describe('start-up removes what killed backups, restores and imports left behind', () => {
  const temp = tempDir();
  const dataDir = path.join(temp.dir, 'data');
  beforeAll(async () => {
    await smallArchive(dataDir);
    await addLargeFile(dataDir);
  });
  afterAll(() => temp.cleanup());

  it('a SIGKILLed backup leaves its snapshot in DATA/tmp and a .partial file; the next start and the next backup remove them', async () => {
    const tmp = path.join(dataDir, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const target = path.join(temp.dir, 'killed.mbbackup');
    const run = await killWhenAppears([CLI, 'backup', target, '--data-dir', dataDir], temp.dir, /^killed\.mbbackup\.partial-/);
    expect(run.killed).toBe(true);
    expect(readdirSync(tmp).filter((n) => n.startsWith('backup-')).length).toBeGreaterThan(0);
    expect(readdirSync(temp.dir).filter((n) => n.includes('.partial-'))).toHaveLength(1);
    const engine = await createEngine({ dataDir });
    try {
      expect(readdirSync(tmp)).toEqual([]);
      await engine.backup(target);
    } finally {
      await engine.close();
    }
    expect(readdirSync(temp.dir).filter((n) => n.includes('.partial-'))).toEqual([]);
    expect(readFileSync(path.join(dataDir, 'logs', 'minhbach.log'), 'utf8')).toMatch(/removed leftover of an interrupted operation: .*tmp.backup-/);
  });

  it('a SIGKILLed restore leaves DIR.restoring-*; starting on DIR removes it', async () => {
    const backup = path.join(temp.dir, 'killed.mbbackup');
    const target = path.join(temp.dir, 'restored');
    const run = await killWhenAppears([CLI, 'restore', backup, '--data-dir', target], temp.dir, /^restored\.restoring-/);
    expect(run.killed).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(temp.dir).filter((n) => n.startsWith('restored.restoring-'))).toHaveLength(1);
    const engine = await createEngine({ dataDir: target });
    await engine.close();
    expect(readdirSync(temp.dir).filter((n) => n.startsWith('restored.restoring-'))).toEqual([]);
  });

  it('a store write SIGKILLed half-way leaves store/.tmp/.tmp-<pid>-*; the next start removes it', async () => {
    const store = path.join(dataDir, 'store');
    const folder = path.join(store, '.tmp');
    mkdirSync(folder, { recursive: true });
    const run = await killWhenAppears(['--import', 'tsx', path.join(REPO_ROOT, 'tests/helpers/storeWriter.ts'), store, '200'], folder, /^\.tmp-/);
    expect(run.killed).toBe(true);
    expect(readdirSync(folder).filter((n) => n.startsWith('.tmp-'))).toHaveLength(1);
    const engine = await createEngine({ dataDir });
    await engine.close();
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe.skipIf(process.platform === 'win32')('private by default', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const mode = (p: string) => statSync(p).mode & 0o777;

  it('creates the data folder 0700 and every file 0600; a start fixes looser modes and logs it', async () => {
    const dataDir = path.join(temp.dir, 'data');
    await smallArchive(dataDir);
    const storeFile = (() => {
      const a = readdirSync(path.join(dataDir, 'store')).find((n) => /^[0-9a-f]{2}$/.test(n))!;
      const b = readdirSync(path.join(dataDir, 'store', a))[0]!;
      return path.join(dataDir, 'store', a, b, readdirSync(path.join(dataDir, 'store', a, b))[0]!);
    })();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'archive.sqlite'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'store'))).toBe(0o700);
    expect(mode(path.dirname(storeFile))).toBe(0o700);
    expect(mode(storeFile)).toBe(0o600);
    expect(mode(path.join(dataDir, 'logs'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'logs', 'minhbach.log'))).toBe(0o600);

    // As the archive looked before: readable by every local user.
    for (const p of [dataDir, path.join(dataDir, 'store'), path.dirname(storeFile)]) chmodSync(p, 0o755);
    for (const p of [path.join(dataDir, 'archive.sqlite'), storeFile]) chmodSync(p, 0o644);
    const engine = await createEngine({ dataDir });
    await engine.close();
    expect([dataDir, path.join(dataDir, 'store'), path.dirname(storeFile)].map(mode)).toEqual([0o700, 0o700, 0o700]);
    expect([path.join(dataDir, 'archive.sqlite'), storeFile].map(mode)).toEqual([0o600, 0o600]);
    expect(readFileSync(path.join(dataDir, 'logs', 'minhbach.log'), 'utf8')).toMatch(/permissions tightened to owner-only on \d+ path/);
    expect(existsSync(path.join(dataDir, 'archive.sqlite'))).toBe(true);
    expect(lstatSync(dataDir).isDirectory()).toBe(true);
    writeFileSync(path.join(temp.dir, 'unused'), '');
  });
});
