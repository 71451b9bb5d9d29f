import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { removeStoreDebris } from '../integrity/storeScan';

/** Temp names carry the pid of the process that owns them (`backup-<pid>-<hex>.sqlite`,
 *  `<dir>.restoring-<pid>-<hex>`, `store/…/.tmp-<pid>-<hex>`), so a later start can tell the
 *  leftovers of a killed process from the work of one still running. */
export function debrisTag(): string {
  return `${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const PID_IN_NAME = /(?:^|[.-])(?:backup|restoring|partial|tmp|ro)-(\d+)-[0-9a-f]+/;

/** True when `name` is a temp file of ours whose process is gone (or, without a pid, is old). */
function isAbandoned(name: string, mtimeMs: number, now: number, maxAgeMs: number): boolean {
  const m = PID_IN_NAME.exec(name);
  if (m) return !isProcessAlive(Number(m[1]));
  return now - mtimeMs > maxAgeMs;
}

export interface DebrisReport {
  removed: string[];
}

/**
 * Removes what killed backups, restores and imports left behind: database snapshots in DATA/tmp,
 * `DATA.restoring-*` folders beside the data folder, `.tmp-*` files in the store. Only what belongs
 * to a process that no longer runs (or, for names without a pid, is older than a day).
 */
export async function cleanDebris(root: string, now = Date.now()): Promise<DebrisReport> {
  const removed: string[] = [];
  const DAY = 24 * 3600_000;
  const tmp = path.join(root, 'tmp');
  for (const name of await readdir(tmp).catch(() => [] as string[])) {
    if (!/^(backup|restore|ro)-/.test(name)) continue;
    const file = path.join(tmp, name);
    const info = await stat(file).catch(() => null);
    if (!info || !isAbandoned(name, info.mtimeMs, now, DAY)) continue;
    await rm(file, { recursive: true, force: true });
    removed.push(file);
  }
  const parent = path.dirname(root);
  const base = path.basename(root);
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(`${base}.restoring-`)) continue;
    const dir = path.join(parent, name);
    const info = await stat(dir).catch(() => null);
    if (!info || !isAbandoned(name, info.mtimeMs, now, DAY)) continue;
    await rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  for (const rel of await removeStoreDebris(path.join(root, 'store'), (name, mtimeMs) => isAbandoned(name, mtimeMs, now, 3600_000))) {
    removed.push(path.join(root, 'store', rel));
  }
  return { removed };
}

/** Partial backup files (`<target>.partial-<pid>-<hex>`) of killed backups to the same target. */
export async function cleanPartialBackups(target: string): Promise<string[]> {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}.partial-`;
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const info = await stat(path.join(dir, name)).catch(() => null);
    if (!info || !isAbandoned(name, info.mtimeMs, Date.now(), 24 * 3600_000)) continue;
    await rm(path.join(dir, name), { force: true });
    removed.push(path.join(dir, name));
  }
  return removed;
}
