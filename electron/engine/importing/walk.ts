import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { vietnameseCollator } from '../../../shared/text/vietnamese';

/** Files an operating system leaves in folders; skipped when walking a folder (a file named
 *  explicitly is always tried). */
const OS_LITTER = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);

export interface WalkEntry {
  path: string;
  /** Set when the path itself cannot be used (missing, unreadable, not a file). */
  problem?: 'READ_FAILED' | 'NOT_A_FILE';
}

/** Expands the given paths into files, folders recursively, in a stable Vietnamese order.
 *  Symbolic links to folders are not followed (no loops, no escaping the chosen folder). */
export async function walkPaths(paths: string[]): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  for (const given of paths) {
    const absolute = path.resolve(given);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      out.push({ path: absolute, problem: 'READ_FAILED' });
      continue;
    }
    if (info.isDirectory()) await walkFolder(absolute, out);
    else if (info.isFile()) out.push({ path: absolute });
    else out.push({ path: absolute, problem: 'NOT_A_FILE' });
  }
  return out;
}

async function walkFolder(folder: string, out: WalkEntry[]): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    out.push({ path: folder, problem: 'READ_FAILED' });
    return;
  }
  names.sort((a, b) => vietnameseCollator.compare(a, b));
  for (const name of names) {
    if (name.startsWith('.') || OS_LITTER.has(name.toLowerCase())) continue;
    const full = path.join(folder, name);
    let info;
    try {
      info = await lstat(full);
    } catch {
      out.push({ path: full, problem: 'READ_FAILED' });
      continue;
    }
    if (info.isDirectory()) await walkFolder(full, out);
    else if (info.isFile()) out.push({ path: full });
    else if (info.isSymbolicLink()) {
      const target = await stat(full).catch(() => null);
      if (target?.isFile()) out.push({ path: full });
    }
  }
}
