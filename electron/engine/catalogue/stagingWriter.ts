/**
 * Builds the next generation in the staging folder. A file whose bytes (or, for an expensive
 * file, the fingerprint of its inputs) match the current generation's state is hard-linked from
 * the published folder — or copied where the volume has no hard links (FAT, exFAT) — and then
 * RE-HASHED from the staged copy: only bytes that really match are reused, anything else is
 * written anew. Every written file is read back and hashed as well, so after `finish` every
 * staged file has been checked on disk against the hash that goes into `manifest.json`.
 *
 * Writes run in the background while the export renders the next files, bounded by count and
 * bytes in flight. Reuse runs inline with synchronous calls: a link, a read and a hash of a small
 * file each, 80 000 times per re-export, where the thread-pool round trips of the asynchronous
 * calls cost more than the calls (measured: 1.2 s link + 0.8 s read/hash for 80 000 4 KB files
 * synchronously, about twice that through the callbacks).
 */
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, copyFileSync, linkSync, lstatSync, mkdirSync, openSync, readFile as readFileCb, readSync, unlinkSync, writeFile as writeFileCb } from 'node:fs';
import { mkdir, readdir, readFile, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ExportError, exportFailure } from './exportErrors';
import { MANIFEST_FILE, type PublishSession } from './publishTarget';
import { ReuseTrust } from './reuseTrust';
import { keepDigest, textDigestsOf, type TextDigest } from './textDigests';

// The callback API through promisify: fs/promises goes through a FileHandle, one threadpool
// round trip per step, and wrote 100 000 small pages about three times slower.
const readFast = promisify(readFileCb);
const writeFast = promisify(writeFileCb);

const SAFE_PATH = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\.[a-z0-9]+$/;

/** How the export writes a file's bytes; tests put a size-limited writer here (ENOSPC). */
export interface ExportIo {
  writeFile(file: string, bytes: Uint8Array): Promise<void>;
}

export const diskIo: ExportIo = { writeFile: (file, bytes) => writeFast(file, bytes) };

export interface FileState {
  sha256: string;
  size: number;
  fingerprint?: string;
  /** What producing the file learnt and later files need (kept with the reuse state). */
  meta?: Record<string, unknown>;
}

/** An expensive file's bytes, and optionally what was learnt producing them. */
export interface Produced {
  bytes: Uint8Array;
  meta?: Record<string, unknown>;
}

interface State {
  version: 2;
  files: Record<string, FileState>;
}

export interface ManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
}

export interface StageStats {
  /** Files whose bytes were written by this run (not reused from the previous generation). */
  written: string[];
  /** Files reused from the previous generation (re-hashed, or accepted by their identity). */
  reused: number;
  /** Of those, the files read and hashed again. */
  rehashed: number;
  /** Of those, the files the spare generation already had (no link made). */
  keptFromSpare: number;
  /** Files of the previous generation that this one does not have. */
  removed: string[];
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

let readBuffer = Buffer.alloc(1 << 20);

/** SHA-256 of a file expected to be `size` bytes, or null if it is not: open, one read of size + 1
 *  bytes into a reused buffer, close — three system calls and no allocation per file (readFileSync
 *  took five calls and a buffer each, and the garbage collector a third of a re-export). */
function hashFileOfSize(file: string, size: number): string | null {
  if (readBuffer.length < size + 1) readBuffer = Buffer.alloc(size + 1);
  const fd = openSync(file, 'r');
  try {
    let got = 0;
    for (let n = -1; n !== 0 && got <= size; got += n) n = readSync(fd, readBuffer, got, size + 1 - got, null);
    return got === size ? createHash('sha256').update(readBuffer.subarray(0, size)).digest('hex') : null;
  } finally {
    closeSync(fd);
  }
}

/** The previous generation's reuse state: state.json beside the site, else the state file that
 *  exports before issue 9 kept inside it. Only a hint: reuse always re-hashes. */
async function loadState(session: PublishSession): Promise<State> {
  const empty: State = { version: 2, files: {} };
  if (!session.hasCurrent) return empty;
  for (const file of [session.paths.state, path.join(session.paths.target, '.minhbach-export.json')]) {
    try {
      const raw = JSON.parse(await readFile(file, 'utf8')) as { files?: Record<string, FileState> };
      if (raw.files && typeof raw.files === 'object') return { version: 2, files: raw.files };
    } catch {
      // Missing or unreadable: try the next, else nothing is reused.
    }
  }
  return empty;
}

export class StagingWriter {
  private readonly next = new Map<string, FileState>();
  /** Hash of each staged file as read back from the staging folder. */
  private readonly verified = new Map<string, string>();
  private readonly written: string[] = [];
  private reused = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private inFlightBytes = 0;
  private failure: unknown = null;
  private readonly made = new Set<string>();
  private readonly listings = new Map<string, Promise<Set<string>>>();
  /** Hard links unsupported on this volume: copy instead. */
  private copyMode = false;
  /** Files the staging folder still holds from the spare generation and this export has not yet
   *  checked: kept when their bytes are the expected ones, else replaced; removed at the end. */
  private readonly spareFiles: Set<string>;
  /** Files kept from the spare generation without linking. */
  private keptFromSpare = 0;
  /** Set when the export failed: nothing more is staged. */
  private aborted = false;
  /** Digests of the texts this process staged for the target last time (textDigests.ts). */
  private readonly texts: Map<string, TextDigest>;
  /** Tasks that stage files concurrently (the table builders): awaited by abort. */
  private readonly tracked = new Set<Promise<unknown>>();

  private constructor(
    private readonly session: PublishSession,
    private readonly previous: State,
    private readonly previousFiles: string[],
    private readonly previousManifest: string | null,
    private readonly io: ExportIo,
    private readonly trust: ReuseTrust,
    spareFiles: string[],
  ) {
    this.texts = textDigestsOf(session.paths.target);
    this.spareFiles = new Set(spareFiles);
  }

  /** `verifyAll`: re-hash every reused file, trusting no identity recorded by earlier exports. */
  static async open(session: PublishSession, io: ExportIo = diskIo, verifyAll = false): Promise<StagingWriter> {
    const state = await loadState(session);
    let previousFiles: string[] = Object.keys(state.files);
    let previousManifest: string | null = null;
    if (session.hasCurrent) {
      try {
        previousManifest = await readFile(path.join(session.paths.target, MANIFEST_FILE), 'utf8');
        const manifest = JSON.parse(previousManifest) as { files?: { path: string }[] };
        if (Array.isArray(manifest.files)) previousFiles = manifest.files.map((f) => f.path);
      } catch {
        // An old or damaged generation: the state's list stands in.
      }
    }
    const trust = ReuseTrust.forExport(session.paths.target, session.paths.lock, verifyAll);
    // What the spare generation holds, from the folder itself (not from its old manifest).
    const spareFiles = session.stagingFromSpare ? await walk(session.paths.staging) : [];
    return new StagingWriter(session, state, previousFiles, previousManifest, io, trust, spareFiles);
  }

  private get staging(): string {
    return this.session.paths.staging;
  }

  /** Registers a task that stages files beside the main loop, so a failure can wait for it. */
  track<T>(task: Promise<T>): Promise<T> {
    this.tracked.add(task);
    task.catch(() => undefined);
    return task;
  }

  /** After a failure: refuse further files and wait until nothing writes into staging any more,
   *  so the staging folder can be deleted for good. */
  async abort(): Promise<void> {
    this.aborted = true;
    await Promise.allSettled([...this.tracked]);
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
  }

  private checkPath(file: string): void {
    if (this.aborted) throw new Error('export aborted');
    // Every name is generated by the exporter; this guards against a bug ever writing outside.
    if (!SAFE_PATH.test(file) || file === MANIFEST_FILE) throw new Error(`unsafe export path ${file}`);
    if (this.next.has(file)) throw new Error(`export path written twice: ${file}`);
  }

  /** Whether the published generation has the file: one listing per folder, not a stat per file. */
  private async inCurrent(file: string): Promise<boolean> {
    if (!this.session.hasCurrent) return false;
    const dir = path.posix.dirname(file);
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = readdir(path.join(this.session.paths.target, dir)).then(
        (names) => new Set(names),
        () => new Set<string>(),
      );
      this.listings.set(dir, listing);
    }
    return (await listing).has(path.posix.basename(file));
  }

  private async ensureDir(file: string): Promise<string> {
    const target = path.join(this.staging, file);
    const dir = path.dirname(target);
    if (!this.made.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.made.add(dir);
    }
    return target;
  }

  /** Writes bytes and reads them back: the staged file's hash is what is verified. */
  private async writeVerified(file: string, bytes: Uint8Array, sha: string): Promise<void> {
    const target = await this.ensureDir(file);
    // A spare file may be a hard link of a published file: never write into it, replace it.
    this.dropSpare(file);
    try {
      await this.io.writeFile(target, bytes);
    } catch (e) {
      throw exportFailure(e, { file, step: 'write' });
    }
    const back = sha256(await readFast(target));
    if (back !== sha) throw new ExportError('EXPORT_VERIFY_FAILED', `Tệp «${file}» đọc lại không khớp với nội dung vừa ghi (lỗi ổ đĩa?). Trang đã công bố trước đó được giữ nguyên.`, `read-back mismatch ${file}`, undefined, file);
    this.verified.set(file, sha);
    this.written.push(file);
  }

  /** Reuses a file of an earlier generation when its bytes are the expected ones: the spare
   *  generation's copy already in staging (kept as it is), else — when the current generation has
   *  the file — a hard link (or copy) of the published one. Either way the staged file is checked:
   *  by its identity when this process hashed that very file before and it is unchanged since
   *  (reuseTrust.ts), else by reading and hashing it. False when neither has the expected bytes. */
  private async reuse(file: string, expected: string, size: number, currentHasIt: boolean): Promise<boolean> {
    const target = path.join(this.staging, file);
    if (this.spareFiles.delete(file)) {
      if (this.check(file, target, expected, size)) {
        this.keptFromSpare += 1;
        return true;
      }
      unlinkSync(target);
    }
    if (!currentHasIt || !(await this.inCurrent(file))) return false;
    return this.linkCurrent(file, target, expected, size);
  }

  private linkCurrent(file: string, target: string, expected: string, size: number): boolean {
    const dir = path.dirname(target);
    if (!this.made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.made.add(dir);
    }
    const source = path.join(this.session.paths.target, file);
    try {
      if (this.copyMode) copyFileSync(source, target, fsConstants.COPYFILE_EXCL);
      else linkSync(source, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (!this.copyMode && (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV' || code === 'EMLINK')) {
        this.copyMode = true;
        this.trust.disable();
        return this.linkCurrent(file, target, expected, size);
      }
      if (code === 'ENOENT') return false;
      throw exportFailure(e, { file, step: 'reuse' });
    }
    if (this.check(file, target, expected, size)) return true;
    unlinkSync(target);
    return false;
  }

  /** Whether the staged file holds the expected bytes: accepted by its identity (reuseTrust.ts) or
   *  read and hashed; when it does, it counts as verified and reused. */
  private check(file: string, target: string, expected: string, size: number): boolean {
    // The identity before the read: a write during the read shows as a changed identity next time.
    const identity = lstatSync(target, { bigint: true });
    if (!identity.isFile()) return false; // never open a link, a pipe or a device planted there
    if (this.trust.accepts(identity, expected, size)) {
      this.verified.set(file, expected);
      this.reused += 1;
      return true;
    }
    const sha = hashFileOfSize(target, size);
    this.trust.rehashed += 1;
    if (sha !== expected) {
      this.trust.forget(identity);
      return false;
    }
    this.trust.remember(identity, sha);
    this.verified.set(file, sha);
    this.reused += 1;
    return true;
  }

  /** Removes the spare generation's copy of a file that is about to be written. */
  private dropSpare(file: string): void {
    if (!this.spareFiles.delete(file)) return;
    try {
      unlinkSync(path.join(this.staging, file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }

  /** Whether hard links worked on this volume (the replaced generation can be kept as the spare:
   *  with copies it would double the disk space). */
  get linksWork(): boolean {
    return !this.copyMode;
  }

  private async schedule(bytesHint: number, task: () => Promise<void>): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.inFlight.size >= 48 || (this.inFlightBytes > 64 * 1024 * 1024 && this.inFlight.size > 0)) {
      await Promise.race(this.inFlight);
      if (this.failure) throw this.failure;
    }
    this.inFlightBytes += bytesHint;
    const p = task()
      .catch((e: unknown) => {
        this.failure ??= e;
      })
      .finally(() => {
        this.inFlight.delete(p);
        this.inFlightBytes -= bytesHint;
      });
    this.inFlight.add(p);
  }

  async put(file: string, content: Uint8Array | string): Promise<void> {
    this.checkPath(file);
    let bytes: Uint8Array | null = null;
    let state: FileState;
    const known = typeof content === 'string' ? this.texts.get(file) : undefined;
    if (known && known.text === content) state = { sha256: known.sha256, size: known.size };
    else {
      bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      state = { sha256: sha256(bytes), size: bytes.length };
      if (typeof content === 'string') keepDigest(this.texts, file, { text: content, ...state });
    }
    this.next.set(file, state);
    const prev = this.previous.files[file];
    if (await this.reuse(file, state.sha256, state.size, prev?.sha256 === state.sha256)) return;
    bytes ??= Buffer.from(content as string, 'utf8');
    const toWrite = bytes;
    await this.schedule(toWrite.length, () => this.writeVerified(file, toWrite, state.sha256));
  }

  /** An expensive file: produced only when its inputs' fingerprint changed or the published copy
   *  does not hash to what the state says; else reused. */
  async putDerived(file: string, fingerprint: string, produceRaw: () => Promise<Uint8Array | Produced>): Promise<FileState> {
    const produce = async (): Promise<Produced> => {
      const r = await produceRaw();
      return r instanceof Uint8Array ? { bytes: r } : r;
    };
    this.checkPath(file);
    const prev = this.previous.files[file];
    if (prev?.fingerprint === fingerprint && (await this.reuse(file, prev.sha256, prev.size, true))) {
      this.next.set(file, prev);
      return prev;
    }
    // New inputs, or the published copy is damaged or gone: produce it (the output is deterministic).
    const { bytes, meta } = await produce();
    const state: FileState = { sha256: sha256(bytes), size: bytes.length, fingerprint, ...(meta ? { meta } : {}) };
    this.next.set(file, state);
    if (await this.reuse(file, state.sha256, state.size, prev?.sha256 === state.sha256)) return state;
    await this.schedule(bytes.length, () => this.writeVerified(file, bytes, state.sha256));
    return state;
  }

  /** Files of this generation, sorted by path, with their hashes (what the manifest lists). */
  files(): ManifestEntry[] {
    return [...this.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([p, s]) => ({ path: p, sha256: s.sha256, bytes: s.size }));
  }

  /** Waits for the staged files, writes `manifest.json` LAST, then verifies the staging folder
   *  against the manifest read back from disk: the same set of files, each with the hash read
   *  from its staged bytes. Throws EXPORT_VERIFY_FAILED on any difference. */
  async finish(manifest: (files: ManifestEntry[]) => string): Promise<StageStats & { manifestText: string }> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    await this.removeSpareLeftovers();
    const manifestText = manifest(this.files());
    const manifestBytes = Buffer.from(manifestText, 'utf8');
    const target = path.join(this.staging, MANIFEST_FILE);
    try {
      await this.io.writeFile(target, manifestBytes);
    } catch (e) {
      throw exportFailure(e, { file: MANIFEST_FILE, step: 'write' });
    }
    await this.verify(await readFile(target, 'utf8'), manifestText);
    const written = this.written.sort();
    if (manifestText !== this.previousManifest) written.push(MANIFEST_FILE);
    const removed = this.previousFiles.filter((f) => !this.next.has(f)).sort();
    return { written, reused: this.reused, rehashed: this.trust.rehashed, keptFromSpare: this.keptFromSpare, removed, manifestText };
  }

  /** Files of the spare generation this one does not have (its old manifest among them), and the
   *  folders they leave empty. */
  private async removeSpareLeftovers(): Promise<void> {
    const dirs = new Set<string>();
    for (const file of [...this.spareFiles]) {
      this.dropSpare(file);
      for (let d = path.posix.dirname(file); d !== '.'; d = path.posix.dirname(d)) dirs.add(d);
    }
    for (const d of [...dirs].sort((a, b) => b.length - a.length)) await rmdir(path.join(this.staging, d)).catch(() => undefined);
  }

  private async verify(onDisk: string, expected: string): Promise<void> {
    const fail = (why: string) => new ExportError('EXPORT_VERIFY_FAILED', `Bản xuất không khớp với manifest.json (${why}), nên không được công bố. Trang đã công bố trước đó được giữ nguyên.`, `verify: ${why}`);
    if (onDisk !== expected) throw fail('manifest.json đọc lại khác');
    const listed = (JSON.parse(onDisk) as { files: ManifestEntry[] }).files;
    const staged = await walk(this.staging);
    const names = new Set(listed.map((f) => f.path));
    const extra = staged.filter((f) => f !== MANIFEST_FILE && !names.has(f));
    if (extra.length) throw fail(`tệp thừa «${extra[0]}»`);
    if (staged.length !== listed.length + 1) throw fail('thiếu tệp');
    for (const f of listed) {
      if (this.verified.get(f.path) !== f.sha256) throw fail(`«${f.path}» khác`);
    }
  }

  /** The reuse state of this generation (written beside the site after the switch). */
  stateJson(): string {
    const state: State = { version: 2, files: Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : 1))) };
    return JSON.stringify(state);
  }
}

/** Relative paths (with /) of every file under a folder. */
async function walk(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(root, p)));
    else out.push(p);
  }
  return out;
}
