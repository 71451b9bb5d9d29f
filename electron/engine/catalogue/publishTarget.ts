/**
 * The published folder and its switch (README "How publishing works"). The target folder is
 * always one complete generation; the next one is built beside it and replaces it by directory
 * renames:
 *
 *   site/                 the target: what the web server serves — exactly one export, nothing else
 *   .site.minhbach/       Minh Bạch's working folder beside it (same volume, so renames are cheap)
 *     lock                one export at a time per target (pid inside; a dead owner's lock is taken over)
 *     state.json          fingerprints of the current generation (what can be reused next time)
 *     staging/            the next generation while it is built and verified
 *     previous/           the generation being replaced, only during the switch
 *   .site.minhbach-spare/ the generation before the current one, kept as the base of the next
 *                         staging folder (README "Spare generation"); never served
 *
 * Switch: rename site → .site.minhbach/previous, rename staging → site, then previous becomes the
 * spare (or is deleted). If the second rename fails, previous is renamed back. A crash between the
 * two renames leaves no site/ but a complete previous/, which the next run puts back before doing
 * anything else.
 */
import { lstat, mkdir, open, readFile, readdir, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import { ExportError } from './exportErrors';

export const MANIFEST_FILE = 'manifest.json';
/** The state file of exports before issue 9 (kept inside the site); marks a folder as ours. */
const LEGACY_STATE_FILE = '.minhbach-export.json';

export interface PublishPaths {
  target: string;
  work: string;
  lock: string;
  state: string;
  staging: string;
  previous: string;
  /** The spare generation beside the target (not inside the working folder: that holds only the
   *  reuse state between exports). */
  spare: string;
}

export function publishPaths(target: string): PublishPaths {
  const resolved = path.resolve(target);
  const work = path.join(path.dirname(resolved), `.${path.basename(resolved)}.minhbach`);
  return {
    target: resolved,
    work,
    lock: path.join(work, 'lock'),
    state: path.join(work, 'state.json'),
    staging: path.join(work, 'staging'),
    previous: path.join(work, 'previous'),
    spare: path.join(path.dirname(resolved), `.${path.basename(resolved)}.minhbach-spare`),
  };
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code;

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch (e) {
    if (errno(e) === 'ENOENT') return false;
    throw e;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
}

/**
 * Renames, retrying while Windows reports the folder in use (an antivirus scanning the new files,
 * an Explorer window, a web server's change watcher): up to `budgetMs`, backing off.
 */
export async function renameRetrying(from: string, to: string, budgetMs = 10_000): Promise<void> {
  const started = Date.now();
  for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = errno(e);
      const transient = code === 'EPERM' || code === 'EBUSY' || code === 'EACCES' || code === 'ENOTEMPTY';
      if (!transient || Date.now() - started > budgetMs) throw e;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Whether a folder is a previous Minh Bạch export: its manifest says so (or the old state file is there). */
async function isOurExport(dir: string, names: string[]): Promise<boolean> {
  if (names.includes(LEGACY_STATE_FILE)) return true;
  if (!names.includes(MANIFEST_FILE)) return false;
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as { generator?: unknown };
    return manifest.generator === 'Minh Bạch';
  } catch {
    return false;
  }
}

export class PublishSession {
  private released = false;
  /** The replaced generation being deleted after a switch. */
  cleanup: Promise<void> = Promise.resolve();

  private constructor(
    readonly paths: PublishPaths,
    /** The target holds a previous generation (files may be reused from it). */
    readonly hasCurrent: boolean,
    /** The staging folder starts as the spare generation (files to be checked, kept or replaced),
     *  not empty. */
    readonly stagingFromSpare: boolean,
  ) {}

  /**
   * Takes the target: checks it is a plain folder that is empty or a previous export, takes the
   * lock, repairs what a crash left (a switch cut in half), removes every leftover of earlier
   * runs, and creates an empty staging folder.
   */
  static async open(target: string): Promise<PublishSession> {
    const paths = publishPaths(target);
    const { root } = path.parse(paths.target);
    if (paths.target === root) throw new ExportError('EXPORT_TARGET_INVALID', `Không thể xuất vào thư mục gốc của ổ đĩa (${paths.target}).`, `target is a root: ${paths.target}`);
    await mkdir(paths.work, { recursive: true });
    await PublishSession.lock(paths);
    try {
      // A switch cut in half: the site is gone but the complete previous generation is beside it.
      if (!(await exists(paths.target)) && (await exists(paths.previous))) await renameRetrying(paths.previous, paths.target);
      await rm(paths.previous, { recursive: true, force: true });
      await rm(paths.staging, { recursive: true, force: true });
      for (const name of await readdir(paths.work)) {
        if (name.startsWith('trash-') || name.startsWith('state.json.tmp')) await rm(path.join(paths.work, name), { recursive: true, force: true });
      }
      let hasCurrent = false;
      let info;
      try {
        info = await lstat(paths.target);
      } catch (e) {
        if (errno(e) !== 'ENOENT') throw e;
      }
      if (info) {
        if (info.isSymbolicLink() || !info.isDirectory()) {
          throw new ExportError('EXPORT_TARGET_INVALID', `«${paths.target}» không phải là một thư mục thường (là tệp hoặc liên kết), nên không thể dùng làm thư mục xuất.`, `target is not a plain directory: ${paths.target}`);
        }
        const names = await readdir(paths.target);
        if (names.length > 0) {
          if (!(await isOurExport(paths.target, names))) {
            throw new ExportError(
              'EXPORT_TARGET_NOT_OURS',
              `Thư mục «${paths.target}» đã có ${names.length} tệp/thư mục không phải do Minh Bạch xuất (ví dụ «${names.sort()[0]}»). Minh Bạch thay toàn bộ thư mục xuất mỗi lần xuất, nên chỉ xuất vào thư mục trống hoặc thư mục của lần xuất trước.`,
              `target not empty and not an export: ${paths.target}`,
            );
          }
          hasCurrent = true;
        }
      }
      // The spare generation becomes the staging folder; without a current site it is no base.
      let fromSpare = false;
      const spare = await lstat(paths.spare).catch(() => null);
      if (spare && hasCurrent && spare.isDirectory()) {
        fromSpare = await rename(paths.spare, paths.staging).then(
          () => true,
          () => false,
        );
      }
      if (!fromSpare) {
        await rm(paths.spare, { recursive: true, force: true });
        await mkdir(paths.staging, { recursive: true });
      }
      return new PublishSession(paths, hasCurrent, fromSpare);
    } catch (e) {
      await unlink(paths.lock).catch(() => undefined);
      // Refused before anything was published: leave no empty working folder behind.
      await rmdir(paths.work).catch(() => undefined);
      throw e;
    }
  }

  private static async lock(paths: PublishPaths): Promise<void> {
    const me = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const handle = await open(paths.lock, 'wx');
        await handle.writeFile(me);
        await handle.close();
        return;
      } catch (e) {
        if (errno(e) !== 'EEXIST') throw e;
      }
      let owner: { pid?: number; host?: string } = {};
      try {
        owner = JSON.parse(await readFile(paths.lock, 'utf8')) as typeof owner;
      } catch {
        // A lock file cut short by a crash while it was written: its owner is gone.
      }
      const held = typeof owner.pid === 'number' && (owner.host !== hostname() || (owner.pid !== process.pid && alive(owner.pid)) || owner.pid === process.pid);
      if (held) {
        throw new ExportError(
          'EXPORT_BUSY',
          `Một lần xuất khác (tiến trình ${owner.pid}${owner.host !== hostname() ? ` trên máy ${owner.host}` : ''}) đang ghi vào «${paths.target}». Hãy đợi lần xuất đó kết thúc. Nếu chắc chắn không còn lần xuất nào chạy, hãy xóa tệp «${paths.lock}».`,
          `lock held by ${owner.pid}@${owner.host}`,
        );
      }
      await unlink(paths.lock).catch(() => undefined); // its owner died (kill, power cut): take it over
    }
    throw new AppError('EXPORT_BUSY', paths.lock);
  }

  /**
   * Replaces the target with the staged generation; on failure the previous one stays. With
   * `keepSpare` the replaced generation is kept as the next export's base, else deleted: first the
   * files the new generation does not publish with the same bytes (`differs`: what it wrote anew
   * and what it removed) are deleted from it, so the spare only ever holds files the current site
   * publishes, byte for byte — a withdrawn document's page or an old title leaves the disk with
   * the switch, as before.
   */
  async switchOver(keepSpare = false, differs: readonly string[] = []): Promise<void> {
    const { target, staging, previous, work } = this.paths;
    const moved = await exists(target);
    if (moved) await renameRetrying(target, previous);
    try {
      await renameRetrying(staging, target);
    } catch (e) {
      if (moved) await renameRetrying(previous, target).catch(() => undefined);
      throw new ExportError(
        'EXPORT_SWITCH_FAILED',
        `Không thay được thư mục «${target}» bằng bản xuất mới (${errno(e) ?? (e as Error).message}); thư mục có thể đang được chương trình khác mở. Trang đã công bố trước đó được giữ nguyên.`,
        `switch failed: ${(e as Error).message}`,
      );
    }
    if (moved && keepSpare) {
      let pruned = true;
      for (const file of [MANIFEST_FILE, ...differs]) {
        try {
          await unlink(path.join(previous, file));
        } catch (e) {
          if (errno(e) !== 'ENOENT') pruned = false;
        }
      }
      // A kill before this rename leaves previous/, which the next export deletes.
      if (pruned && (await rename(previous, this.paths.spare).then(() => true, () => false))) return;
    }
    if (moved) {
      // Deleted under another name, so a deletion cut short is never mistaken for a generation,
      // and in the background: the new site is already published (80 000 files take ~1 s); what
      // a crash leaves is removed by the next export.
      const trash = path.join(work, `trash-${process.pid}-${Date.now()}`);
      await rename(previous, trash).then(
        () => {
          this.cleanup = rm(trash, { recursive: true, force: true }).catch(() => undefined);
        },
        () => undefined,
      );
    }
  }

  /** Writes the reuse state of the generation just published (temp + rename). */
  async writeState(json: string): Promise<void> {
    const temp = `${this.paths.state}.tmp-${process.pid}`;
    await writeFile(temp, json);
    await rename(temp, this.paths.state);
  }

  /** Removes the staging folder of a failed export; the target was never touched. */
  async abandon(): Promise<void> {
    await rm(this.paths.staging, { recursive: true, force: true }).catch(() => undefined);
    await this.release();
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await unlink(this.paths.lock).catch(() => undefined);
  }
}
