/**
 * How an export verifies the files it reuses instead of writing (catalogue README, "Verifying
 * reused files" and "Spare generation"): by their identity when this process hashed that very file
 * before and it is unchanged since, else by reading them; `verifyAll` reads everything; the spare
 * generation kept beside the target only ever holds files the site publishes, and nothing planted
 * in it is published; and a site reached through re-exports (cached table chunks, the derived
 * search index, the spare generation, identities) is the same bytes as one built from nothing.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/index';
import { clearChunkCache } from '../../../electron/engine/catalogue/chunkCache';
import { publishPaths } from '../../../electron/engine/catalogue/publishTarget';
import { resetSearchIndexCache } from '../../../electron/engine/catalogue/searchIndex';
import { snapshot } from '../../helpers/exportFaults';
import { tempDir } from '../../helpers/fixtures';
import { decreeLines, syntheticArchive } from '../../helpers/syntheticDocs';
import { publicIdOf, walk } from './reviewedCorpus';

function expectMatchesManifest(dir: string): void {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
  const snap = snapshot(dir);
  expect(Object.keys(snap).sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
  for (const f of manifest.files) expect(snap[f.path], f.path).toBe(f.sha256);
}

/** Moves every file's modification time an hour back: identities are only recorded for files not
 *  written in the last seconds (a write in the same clock tick would not show). */
function age(dir: string): void {
  const then = new Date(Date.now() - 3_600_000);
  for (const f of walk(dir)) utimesSync(path.join(dir, f), then, then);
}

/** The same number of bytes, other content (an in-place edit a size check cannot see). */
function editInPlace(file: string): void {
  const bytes = readFileSync(file);
  const at = bytes.indexOf('<h1>') + 4;
  bytes[at] = bytes[at] === 0x58 ? 0x59 : 0x58;
  writeFileSync(file, bytes);
}

describe('verifying reused files', () => {
  const tmp = tempDir('minhbach-reuse-verification-');
  const out = path.join(tmp.dir, 'site');
  let engine: Engine;
  let ids: Map<string, number>;
  const run = (verifyAll = false) => engine.exportCatalogue({ out, asOf: '2026-01-01', ...(verifyAll ? { verifyAll } : {}) });
  const decide = (name: string, access: 'public' | 'secret', note?: string) =>
    engine.decide({ documentId: ids.get(name)!, access, basis: access === 'public' ? 'L104.D17.K1.d' : 'L104.D6.K1', reviewer: 'Người duyệt', ...(note ? { note } : {}) });
  const pageOf = (name: string) => `tai-lieu/${publicIdOf(engine, ids.get(name)!)}.html`;

  beforeAll(async () => {
    const files = path.join(tmp.dir, 'files');
    mkdirSync(files);
    ({ engine, ids } = await syntheticArchive(
      path.join(tmp.dir, 'data'),
      ['a', 'b', 'c'].map((n, i) => ({ name: n, lines: decreeLines({ number: `${30 + i}/KH-UBND`, type: 'Kế hoạch', subject: `Về việc kế hoạch ${n.toUpperCase()}REUSE năm 2025`, body: ['Nội dung.'] }) })),
      files,
    ));
    for (const n of ['a', 'b', 'c']) decide(n, 'public');
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    tmp.cleanup();
  });

  it('unchanged files are accepted by their identity without being read; an in-place edit of the same size is read, caught and rewritten', async () => {
    await run();
    age(out);
    const hashing = await run(); // reads everything once: the identities are recorded
    expect(hashing.rehashed).toBe(hashing.unchanged);
    const quiet = await run();
    expect(quiet.unchanged).toBeGreaterThan(5);
    expect(quiet.rehashed).toBe(0);
    expect(quiet.writtenFiles).toEqual([]);
    const victim = pageOf('a');
    editInPlace(path.join(out, victim));
    const caught = await run();
    expect(caught.writtenFiles).toEqual([victim]);
    expectMatchesManifest(out);
  }, 60_000);

  it('verifyAll reads every reused file: a change whose identity was forged (modification time put back to the nanosecond) is caught', async () => {
    age(out);
    await run(true);
    const victim = path.join(out, pageOf('b'));
    const before = lstatSync(victim, { bigint: true });
    editInPlace(victim);
    const ns = before.mtimeNs % 1_000_000_000n;
    execFileSync('touch', ['-m', '-d', `@${before.mtimeNs / 1_000_000_000n}.${String(ns).padStart(9, '0')}`, victim]);
    const forged = lstatSync(victim, { bigint: true });
    expect([forged.ino, forged.size, forged.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
    const all = await run(true);
    expect(all.rehashed).toBeGreaterThanOrEqual(all.unchanged); // every file reused was read
    expect(all.writtenFiles).toEqual([pageOf('b')]);
    expectMatchesManifest(out);
  }, 60_000);

  it('the spare generation beside the target holds only files the site publishes, byte for byte; what is planted in it is never published', async () => {
    decide('c', 'secret', 'Xem lại: tài liệu mật');
    const withdrawn = pageOf('c');
    await run();
    const spare = publishPaths(out).spare;
    const site = snapshot(out);
    const kept = snapshot(spare);
    expect(Object.keys(kept).length).toBeGreaterThan(0);
    for (const [f, sha] of Object.entries(kept)) expect(site[f], f).toBe(sha);
    expect(kept[withdrawn]).toBeUndefined();
    expect(readdirSync(publishPaths(out).work)).toEqual(['state.json']);

    writeFileSync(path.join(spare, 'ghi-chu.html'), 'không thuộc bản xuất');
    mkdirSync(path.join(spare, 'tai-lieu'), { recursive: true });
    writeFileSync(path.join(spare, withdrawn), '<h1>CREUSE</h1>');
    const replaced = pageOf('a');
    unlinkSync(path.join(spare, replaced));
    writeFileSync(path.join(spare, replaced), 'thay thế');
    expect(kept['assets/site.css']).toBeDefined();
    unlinkSync(path.join(spare, 'assets/site.css'));
    symlinkSync(path.join(tmp.dir, 'files', 'c.pdf'), path.join(spare, 'assets/site.css'));
    const next = await run();
    expect(next.keptFromSpare).toBeGreaterThan(0);
    expectMatchesManifest(out);
    expect(walk(out)).not.toContain('ghi-chu.html');
    expect(walk(out)).not.toContain(withdrawn);
    expect(readFileSync(path.join(out, replaced), 'utf8')).toContain('REUSE');
    expect(lstatSync(path.join(out, 'assets/site.css')).isFile()).toBe(true);
  }, 60_000);

  it('after re-exports that reuse by identity, stage from the spare and build from cached pieces, the site is byte for byte an export from nothing', async () => {
    engine.decide({ documentId: ids.get('a')!, access: 'public', basis: 'L104.D17.K1.d', reviewer: 'Người duyệt', publishedTitle: 'Về việc kế hoạch AREUSE năm 2025 (đã đính chính)' });
    await run();
    age(out);
    await run();
    decide('c', 'public', 'Xem lại: không còn mật');
    const last = await run();
    // The warm paths were taken: files kept from the spare, most accepted by identity, not read.
    expect(last.keptFromSpare).toBeGreaterThan(0);
    expect(last.rehashed).toBeLessThan(last.files / 2);
    clearChunkCache();
    resetSearchIndexCache();
    const cold = path.join(tmp.dir, 'cold');
    await engine.exportCatalogue({ out: cold, asOf: '2026-01-01', verifyAll: true });
    expect(snapshot(out)).toEqual(snapshot(cold));
    expect(readFileSync(path.join(out, 'danh-muc-cong-khai.html'), 'utf8')).toContain('(đã đính chính)');
    expect(walk(out)).toContain(pageOf('c'));
  }, 60_000);
});
