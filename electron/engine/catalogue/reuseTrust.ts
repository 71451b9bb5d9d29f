/**
 * Which published files this process has already read and hashed, so that the next export of the
 * same target may reuse them without reading 80 000 files again (README "Verifying reused files").
 *
 * A record says: the file with this identity — device, inode, size and modification time to the
 * nanosecond — held bytes with this SHA-256 when this process hashed it. Records are kept by inode,
 * not by path: the current site and the spare generation (publishTarget.ts) name the same inode
 * when a file did not change. A later export trusts the record for a reused file only when the
 * staged file (the very inode that will be published) still has that identity. Every ordinary way of changing a file's bytes changes that
 * identity: writing into it moves its modification time (and usually its size); replacing it
 * (an editor's save, a copy, a restore, an export killed half-way) gives the path a new inode.
 *
 * Not part of the identity: the change time (ctime). The export's own hard links and the deletion
 * of the replaced generation change every shared inode's link count, hence its ctime, on every run;
 * requiring an unchanged ctime would make every record useless. What is given up by that: a change
 * that also puts the old modification time back (`touch -d`, `cp -p` of a file whose time equals the
 * record's to the nanosecond) — tampering, not damage; a full re-hash catches it.
 *
 * Racy records (git's "racy clean" problem): a file's times have a granularity (jiffies on Linux,
 * 100 ns on NTFS, 2 s on FAT), so a write in the same tick as the hash would leave the identity
 * unchanged. A record is trusted only when the file's modification time is more than two seconds
 * older than the start of the export that hashed it (the modification time of its lock file, read
 * from the same volume, so no clock of ours is compared with the disk's): any later write then
 * lands at a visibly later time.
 *
 * Records live in this process only, never on disk: the first export of every session (every CLI
 * run, every start of the app) re-hashes everything it reuses, and `verifyAll` does so on demand.
 * Volumes without hard links (FAT, exFAT: coarse, settable times) always re-hash (the copy is a
 * new file anyway).
 */
import { lstatSync, type BigIntStats } from 'node:fs';

/** Modification times this close to the hashing export's start are not trusted (ns). */
const RACY_MARGIN_NS = 2_000_000_000n;
/** Records kept per target: a bound, so a process exporting to many folders stays small. */
const MAX_TARGETS = 8;

interface TrustedFile {
  size: bigint;
  mtimeNs: bigint;
  sha256: string;
}

const byTarget = new Map<string, Map<string, TrustedFile>>();

const inodeKey = (s: BigIntStats) => `${s.dev}:${s.ino}`;

export class ReuseTrust {
  /** Reused files accepted by their identity (not read). */
  trusted = 0;
  /** Reused files read and hashed. */
  rehashed = 0;

  private constructor(
    private readonly records: Map<string, TrustedFile> | null,
    /** The hashing export's start on the volume's clock (ns); null: nothing is recorded. */
    private readonly startNs: bigint | null,
  ) {}

  /**
   * The records of a target for one export. `clockFile` is a file this export just wrote beside
   * the target (its lock): its modification time is the start of the export on the disk's clock.
   * With `verifyAll` no record is used (all are made afresh).
   */
  static forExport(target: string, clockFile: string, verifyAll: boolean): ReuseTrust {
    let records = byTarget.get(target);
    if (!records || verifyAll) {
      records = new Map();
      byTarget.delete(target);
      byTarget.set(target, records);
      while (byTarget.size > MAX_TARGETS) byTarget.delete(byTarget.keys().next().value!);
    }
    let startNs: bigint | null = null;
    try {
      startNs = lstatSync(clockFile, { bigint: true }).mtimeNs;
    } catch {
      // No clock: records are neither made nor used.
    }
    return new ReuseTrust(startNs === null ? null : records, startNs);
  }

  /** A process that cannot trust identities on this volume (no hard links): forget and re-hash. */
  disable(): void {
    this.records?.clear();
  }

  /** Whether the staged file (a hard link of the published one) is the recorded, unchanged file
   *  with the expected bytes. */
  accepts(staged: BigIntStats, sha256: string, size: number): boolean {
    const r = this.records?.get(inodeKey(staged));
    const ok = !!r && r.sha256 === sha256 && staged.size === BigInt(size) && r.size === staged.size && r.mtimeNs === staged.mtimeNs;
    if (ok) this.trusted += 1;
    return ok;
  }

  /** Records the identity a file had when its bytes were hashed (`stat` taken before the read),
   *  unless its modification time is too recent to tell a later write apart. */
  remember(statBeforeRead: BigIntStats, sha256: string): void {
    if (!this.records || this.startNs === null) return;
    if (statBeforeRead.mtimeNs >= this.startNs - RACY_MARGIN_NS) {
      this.records.delete(inodeKey(statBeforeRead));
      return;
    }
    this.records.set(inodeKey(statBeforeRead), { size: statBeforeRead.size, mtimeNs: statBeforeRead.mtimeNs, sha256 });
  }

  forget(stat: BigIntStats): void {
    this.records?.delete(inodeKey(stat));
  }
}
