import { chmod, lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * The archive holds secret documents: on Linux and macOS only its owner may read it (folders 0700,
 * files 0600). A data folder whose own mode lets others in is fixed with everything below it (once;
 * after that the folder itself keeps others out, and new files are written 0600). Top-level files
 * and folders are checked at every start. Windows: the per-user %APPDATA% folder is already
 * private to its user through its ACL, so nothing is done there.
 * Returns the paths it tightened (for the log).
 */
export async function ensurePrivate(root: string, platform: NodeJS.Platform = process.platform): Promise<string[]> {
  if (platform === 'win32') return [];
  const fixed: string[] = [];
  const tighten = async (target: string, deep: boolean): Promise<void> => {
    let info;
    try {
      info = await lstat(target);
    } catch {
      return;
    }
    if (info.isSymbolicLink()) return;
    if ((info.mode & 0o077) !== 0) {
      // Folders become 0700; files keep their owner bits only (0644 → 0600, 0444 → 0400).
      await chmod(target, info.isDirectory() ? PRIVATE_DIR_MODE : info.mode & 0o700);
      fixed.push(target);
    }
    if (deep && info.isDirectory()) {
      for (const entry of await readdir(target).catch(() => [] as string[])) await tighten(path.join(target, entry), true);
    }
  };
  const rootInfo = await lstat(root).catch(() => null);
  if (!rootInfo) return fixed;
  const wasOpen = (rootInfo.mode & 0o077) !== 0;
  if (wasOpen) {
    await tighten(root, true);
    return fixed;
  }
  for (const entry of await readdir(root).catch(() => [] as string[])) await tighten(path.join(root, entry), false);
  return fixed;
}
