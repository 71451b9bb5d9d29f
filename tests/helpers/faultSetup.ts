// Real faults for the tests: a read-only file system (bind mount), a full disk (a small tmpfs), another
// account running the CLI (so that file permissions bind even when the tests run as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../electron/engine/index';
import { CLI, type CliRun } from './cli';
import { fixture, REPO_ROOT } from './fixtures';

export const IS_ROOT = process.getuid?.() === 0;
/** `nobody` on Debian. */
export const OTHER_UID = 65534;

let mountable: boolean | undefined;

/** Mounting needs root (CI runs as root) and a kernel that lets this process mount (not every
 *  container does): tried once with a tiny tmpfs. Elsewhere these tests are skipped. */
export function canMount(): boolean {
  if (mountable !== undefined) return mountable;
  mountable = false;
  if (!IS_ROOT || process.platform !== 'linux') return mountable;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'minhbach-mount-probe-'));
  try {
    mountable = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
    if (mountable) spawnSync('umount', [probe]);
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
  return mountable;
}

export function mountReadOnlyView(source: string, target: string): void {
  execFileSync('mount', ['--bind', source, target]);
  execFileSync('mount', ['-o', 'remount,bind,ro', target]);
}

export function mountTmpfs(target: string, size: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', target]);
}

export function unmount(target: string): void {
  spawnSync('umount', ['-l', target]);
}

/** A small archive: two born-digital documents, one of them decided public and approved. */
export async function smallArchive(dataDir: string): Promise<void> {
  const engine = await createEngine({ dataDir, actor: 'test' });
  try {
    await engine.importPaths([fixture('corpus', 'd01'), fixture('corpus', 'd15')]);
    const [first] = engine.list();
    engine.decide({ documentId: first!.id, access: 'public', basis: 'L104.D17.K1.a', reviewer: 'Lê Thị B' });
  } finally {
    await engine.close();
  }
}

export function chownTree(root: string, uid: number): void {
  chownSync(root, uid, uid);
  for (const name of readdirSync(root)) {
    const p = path.join(root, name);
    if (statSync(p).isDirectory()) chownTree(p, uid);
    else chownSync(p, uid, uid);
  }
}

/** Runs the real CLI as another account (root only): file permissions bind it as they bind users. */
export function runCliAs(uid: number | undefined, args: string[], timeout = 90_000): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, HOME: '/tmp' },
    timeout,
    ...(uid !== undefined ? { uid, gid: uid } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
