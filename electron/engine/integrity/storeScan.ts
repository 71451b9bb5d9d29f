import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { STORE_TEMP } from '../archive/fileStore';

export interface StoreScan {
  /** `ab/cd/<sha256>` files whose hash no record knows. */
  orphans: string[];
  /** `.tmp-*` files a killed write left behind, and anything else that is not a stored file. */
  debris: string[];
}

const SHA = /^[0-9a-f]{64}$/;
const TWO_HEX = /^[0-9a-f]{2}$/;

/** Walks store/ab/cd/ and sorts out what does not belong. */
export async function scanStoreFolder(root: string, isKnown: (sha256: string) => boolean): Promise<StoreScan> {
  const scan: StoreScan = { orphans: [], debris: [] };
  const list = (dir: string) => readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const first of await list(root)) {
    if (first.isDirectory() && first.name === STORE_TEMP) {
      for (const file of await list(path.join(root, STORE_TEMP))) scan.debris.push(`${STORE_TEMP}/${file.name}`);
      continue;
    }
    if (!first.isDirectory() || !TWO_HEX.test(first.name)) {
      scan.debris.push(first.name);
      continue;
    }
    for (const second of await list(path.join(root, first.name))) {
      const rel2 = `${first.name}/${second.name}`;
      if (!second.isDirectory() || !TWO_HEX.test(second.name)) {
        scan.debris.push(rel2);
        continue;
      }
      for (const file of await list(path.join(root, first.name, second.name))) {
        const rel = `${rel2}/${file.name}`;
        if (SHA.test(file.name) && file.name.startsWith(first.name + second.name) && file.isFile()) {
          if (!isKnown(file.name)) scan.orphans.push(rel);
        } else scan.debris.push(rel);
      }
    }
  }
  return scan;
}

/** Removes the `.tmp-*` files of store writes that `abandoned(name, mtimeMs)` says were cut short
 *  by a killed process. Returns what it removed, relative to the store. */
export async function removeStoreDebris(root: string, abandoned: (name: string, mtimeMs: number) => boolean): Promise<string[]> {
  const removed: string[] = [];
  // Only the store's temp folder: walking every ab/cd folder at each start would cost seconds on a
  // large archive (verify still reports older leftovers anywhere in the store).
  const names = await readdir(path.join(root, STORE_TEMP)).catch(() => [] as string[]);
  for (const name of names) {
    const rel = `${STORE_TEMP}/${name}`;
    if (!name.startsWith('.tmp-')) continue;
    const file = path.join(root, rel);
    try {
      const info = await stat(file);
      if (!abandoned(name, info.mtimeMs)) continue;
      await rm(file, { force: true });
      removed.push(rel);
    } catch {
      // gone already
    }
  }
  return removed;
}
