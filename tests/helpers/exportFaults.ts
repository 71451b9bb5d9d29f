/** Faults and checks shared by the publishing tests. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExportIo } from '../../electron/engine/catalogue/stagingWriter';

/** A disk with `budget` bytes free: what fits is written, then ENOSPC — as a real full disk does. */
export function sizeLimitedIo(budget: number): ExportIo {
  let left = budget;
  return {
    writeFile: async (file, bytes) => {
      const fits = Math.max(0, Math.min(bytes.length, left));
      left -= fits;
      writeFileSync(file, bytes.subarray(0, fits));
      if (fits < bytes.length) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
}

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}

/** Every file of a folder with its SHA-256 ("the site is untouched" = this did not change). */
export function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(files(dir).map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));
}
