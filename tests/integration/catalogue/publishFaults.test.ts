/**
 * Regression tests for issue 9's repros: a failed export poisoning later ones, a full disk, the
 * MẬT hold-back before extraction, personal data in conditional rows, a folder that is not ours,
 * debris and damaged files in the published folder, a re-analysis approved unseen, a flipped
 * byte in an original naming no document, sequential ids in published names.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/index';
import { ExportError } from '../../../electron/engine/catalogue/exportErrors';
import { publishPaths } from '../../../electron/engine/catalogue/publishTarget';
import { runCli } from '../../helpers/cli';
import { sizeLimitedIo, snapshot } from '../../helpers/exportFaults';
import { tempDir } from '../../helpers/fixtures';
import { decreeLines, syntheticArchive } from '../../helpers/syntheticDocs';
import { findLeaks, scanBytes } from './outputScanner';
import { publicIdOf, walk } from './reviewedCorpus';

const PERSON = 'Nguyễn Văn Bình';

/** The folder holds exactly the manifest's files, each with the manifest's hash. */
function expectMatchesManifest(dir: string): void {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
  const snap = snapshot(dir);
  expect(Object.keys(snap).sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
  for (const f of manifest.files) expect(snap[f.path], f.path).toBe(f.sha256);
}

async function failure(run: Promise<unknown>): Promise<ExportError> {
  try {
    await run;
  } catch (e) {
    expect(e).toBeInstanceOf(ExportError);
    return e as ExportError;
  }
  throw new Error('the export did not fail');
}

describe('publishing under faults (issue 9 repros)', () => {
  const tmp = tempDir('minhbach-publish-faults-');
  let engine: Engine;
  let ids: Map<string, number>;
  const data = path.join(tmp.dir, 'data');
  const out = path.join(tmp.dir, 'site');
  const id = (name: string) => ids.get(name)!;

  beforeAll(async () => {
    const files = path.join(tmp.dir, 'files');
    mkdirSync(files);
    ({ engine, ids } = await syntheticArchive(
      data,
      [
        { name: 'plan', lines: decreeLines({ number: '15/KH-UBND', type: 'Kế hoạch', subject: 'Về việc cải cách hành chính năm 2025', body: ['Nội dung công khai KEHOACHCONGKHAI.'] }) },
        { name: 'notice', lines: decreeLines({ number: '16/TB-UBND', type: 'Thông báo', subject: 'Về việc lịch tiếp công dân quý II', body: ['Thông báo THONGBAOCONGKHAI.'] }) },
        { name: 'later', lines: decreeLines({ number: '17/QĐ-UBND', type: 'Quyết định', subject: 'Về việc phân công nhiệm vụ BIMATSAUNAY', body: ['Đoạn văn TAILIEUSAUNAY3318.'] }) },
        { name: 'stamped', lines: decreeLines({ number: '18/QĐ-UBND', type: 'Quyết định', subject: 'Về việc phương án bảo vệ MATTRUOCKHITRICH', body: ['Đoạn MATNOIDUNG4471.'], stamp: 'MẬT' }) },
        { name: 'discipline', lines: decreeLines({ number: '19/QĐ-UBND', type: 'Quyết định', subject: `Về việc thi hành kỷ luật đối với ông ${PERSON}, công chức địa chính`, body: [`Ông ${PERSON}, sinh ngày 02/03/1980, CCCD 079080001234.`] }) },
        { name: 'fresh', lines: decreeLines({ number: '21/KH-UBND', type: 'Kế hoạch', subject: 'Về việc kế hoạch phát triển du lịch năm 2025', body: ['Kế hoạch phát triển du lịch của huyện.'] }) },
        { name: 'broken', lines: decreeLines({ number: '20/KH-UBND', type: 'Kế hoạch', subject: 'Về việc kế hoạch HONGTEPGOC', body: ['Nội dung.'] }) },
      ],
      files,
    ));
    engine.updateAgencySettings({ name: 'Ủy ban nhân dân huyện Thử Nghiệm' });
    // Header fields read for all but the stamped document (its test is about an unextracted one).
    engine.extract(['plan', 'notice', 'later', 'discipline', 'broken'].map((n) => ids.get(n)!));
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    tmp.cleanup();
  });

  const decide = (name: string, access: 'public' | 'conditional' | 'secret', extra: { note?: string; approve?: boolean; publishedTitle?: string } = {}) =>
    engine.decide({ documentId: id(name), access, basis: access === 'public' ? 'L104.D17.K1.d' : access === 'conditional' ? 'L104.D7.K2' : 'L104.D6.K1', reviewer: 'Người duyệt', ...extra });

  it('a document that fails half-way leaves the site untouched; the next export removes a re-decided document completely', async () => {
    decide('plan', 'public');
    decide('notice', 'public');
    await engine.exportCatalogue({ out, asOf: '2026-01-01' });
    expectMatchesManifest(out);
    const before = snapshot(out);

    // "later" is published in the same run as a document whose original is damaged in the store.
    decide('later', 'public');
    decide('broken', 'public');
    const sha = (engine.db.prepare('SELECT file_sha256 FROM documents WHERE id = ?').get(id('broken')) as { file_sha256: string }).file_sha256;
    const stored = engine.store.pathFor(sha);
    const original = readFileSync(stored);
    writeFileSync(stored, Buffer.from(original.toString('latin1').replace('/Pages', '/Pagez'), 'latin1'));
    const e = await failure(engine.exportCatalogue({ out, asOf: '2026-01-01' }));
    writeFileSync(stored, original);
    expect(e.code).toBe('EXPORT_DOCUMENT_FAILED');
    expect(e.toUser().message).toContain(`#${id('broken')}`);
    expect(e.toUser().message).toContain('20/KH-UBND');
    expect(e.toUser().message).toMatch(/Trang đã công bố trước đó được giữ nguyên/);
    expect(snapshot(out)).toEqual(before);
    expect(existsSync(publishPaths(out).staging)).toBe(false);
    expect(existsSync(publishPaths(out).lock)).toBe(false);

    // Re-decided secret: nothing of "later" may remain anywhere.
    decide('broken', 'secret', { note: 'sửa' });
    decide('later', 'secret', { note: 'Xem lại: tài liệu mật' });
    const after = await engine.exportCatalogue({ out, asOf: '2026-01-01' });
    expect(after.counts.public).toBe(2);
    expectMatchesManifest(out);
    const texts = walk(out).flatMap((f) => scanBytes(readFileSync(path.join(out, f)), f));
    expect(findLeaks(texts, ['BIMATSAUNAY', 'TAILIEUSAUNAY3318', '17/QĐ-UBND'])).toEqual([]);
    expect(walk(out).some((f) => f.includes(publicIdOf(engine, id('later'))))).toBe(false);
  }, 60_000);

  it('a full disk fails with DISK_FULL naming the file; the site, the ZIP and the folder beside it are as before', async () => {
    decide('notice', 'public', { note: 'duyệt lại' }); // a change, so files are written
    const zip = path.join(tmp.dir, 'site.zip');
    await (await engine.exportCatalogue({ out, zip, asOf: '2026-01-01' })).cleanup;
    const before = snapshot(out);
    const zipBefore = readFileSync(zip);
    decide('plan', 'public', { note: 'duyệt lại' });
    const e = await failure(engine.exportCatalogue({ out, zip, asOf: '2026-01-01', io: sizeLimitedIo(20_000) }));
    expect(e.code).toBe('DISK_FULL');
    expect(e.toUser().message).toMatch(/^Ổ đĩa đầy/);
    expect(snapshot(out)).toEqual(before);
    expect(readFileSync(zip).equals(zipBefore)).toBe(true);
    expect(readdirSync(tmp.dir).filter((f) => f.includes('tmp'))).toEqual([]);
    expect(readdirSync(publishPaths(out).work).sort()).toEqual(['state.json']);
  }, 60_000);

  it('a MẬT stamp holds a document back even when approved public before any extraction', async () => {
    decide('stamped', 'public');
    const summary = await engine.exportCatalogue({ out, asOf: '2026-01-01' });
    expect(summary.heldBack).toContainEqual({ documentId: id('stamped'), reason: 'secrecy-marking' });
    const texts = walk(out).flatMap((f) => scanBytes(readFileSync(path.join(out, f)), f));
    expect(findLeaks(texts, ['MATTRUOCKHITRICH', 'MATNOIDUNG4471', '18/QĐ-UBND'])).toEqual([]);
  }, 60_000);

  it('a page text changed after an export (a re-OCR that now reads a MẬT line) is checked again: held back', async () => {
    decide('notice', 'public', { note: 'duyệt lại' });
    const first = await engine.exportCatalogue({ out, asOf: '2026-01-01' });
    expect(first.heldBack.map((h) => h.documentId)).not.toContain(id('notice'));
    engine.db.prepare("UPDATE pages SET text = 'MẬT' || char(10) || text WHERE document_id = ? AND n = 1").run(id('notice'));
    const again = await engine.exportCatalogue({ out, asOf: '2026-01-01' });
    expect(again.heldBack).toContainEqual({ documentId: id('notice'), reason: 'secrecy-marking' });
    expect(walk(out).some((f) => f.includes(publicIdOf(engine, id('notice'))))).toBe(false);
    engine.db.prepare("UPDATE pages SET text = substr(text, 5) WHERE document_id = ? AND n = 1").run(id('notice'));
  }, 60_000);

  it('a conditional row publishes the masked title; a title that still names the person is refused', async () => {
    const view = engine.publishedTitle(id('discipline'));
    expect(view.proposed).toBe('Về việc thi hành kỷ luật đối với ông [đã che], công chức địa chính');
    expect(() => decide('discipline', 'conditional', { publishedTitle: `Kỷ luật ông ${PERSON}` })).toThrow(/personal data/);
    decide('discipline', 'conditional');
    const zip = path.join(tmp.dir, 'masked.zip');
    await engine.exportCatalogue({ out, zip, asOf: '2026-01-01' });
    const catalog = JSON.parse(readFileSync(path.join(out, 'catalog.json'), 'utf8')) as { conditional: { id: string; title: string }[] };
    expect(catalog.conditional.map((c) => c.title)).toContain('Về việc thi hành kỷ luật đối với ông [đã che], công chức địa chính');
    // No internal id on a conditional row: its key is the opaque public id.
    expect(catalog.conditional.every((c) => /^dk-[a-z2-9]{12}$/.test(c.id))).toBe(true);
    const texts = [...walk(out).flatMap((f) => scanBytes(readFileSync(path.join(out, f)), f)), ...scanBytes(readFileSync(zip), 'masked.zip')];
    expect(findLeaks(texts, [PERSON, '079080001234', '02/03/1980'])).toEqual([]);
    // An approval whose stored title names the person (made before the finding existed) is held back.
    engine.db.prepare('UPDATE decisions SET published_title = ? WHERE id = (SELECT max(id) FROM decisions WHERE document_id = ?)').run(`Kỷ luật ông ${PERSON}`, id('discipline'));
    const held = await engine.exportCatalogue({ out, asOf: '2026-01-01' });
    expect(held.heldBack).toContainEqual({ documentId: id('discipline'), reason: 'personal-data' });
    expect(findLeaks(walk(out).flatMap((f) => scanBytes(readFileSync(path.join(out, f)), f)), [PERSON])).toEqual([]);
  }, 60_000);

  it('published names carry opaque ids, never the archive’s sequential ids', () => {
    const names = walk(out).filter((f) => f.startsWith('tai-lieu/'));
    expect(names.length).toBeGreaterThan(0);
    for (const f of names) expect(f).toMatch(/^tai-lieu\/[a-z2-9]{12}\.(html|pdf)$/);
    const catalog = readFileSync(path.join(out, 'catalog.json'), 'utf8');
    for (const n of ids.values()) expect(catalog).not.toMatch(new RegExp(`"(tl|dk)-${n}"`));
  });

  it('the folder belongs to Minh Bạch: stray files and debris go, a damaged file is rewritten, a foreign folder is refused', async () => {
    writeFileSync(path.join(out, 'ghi-chu-rieng.txt'), 'không thuộc bản xuất');
    writeFileSync(path.join(out, 'index.html.tmp-4242'), '');
    const victim = walk(out).find((f) => f.startsWith('tai-lieu/') && f.endsWith('.html'))!;
    writeFileSync(path.join(out, victim), ''); // a 0-byte file a kill left behind
    mkdirSync(path.join(publishPaths(out).work, 'staging', 'tai-lieu'), { recursive: true });
    writeFileSync(path.join(publishPaths(out).work, 'staging', 'tai-lieu', 'x.html'), 'old staging');
    const summary = await engine.exportCatalogue({ out, asOf: '2026-01-01' });
    expect(summary.writtenFiles).toContain(victim);
    expectMatchesManifest(out);
    expect(readFileSync(path.join(out, victim)).length).toBeGreaterThan(0);

    const foreign = path.join(tmp.dir, 'wwwroot');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'index.php'), '<?php');
    const e = await failure(engine.exportCatalogue({ out: foreign, asOf: '2026-01-01' }));
    expect(e.code).toBe('EXPORT_TARGET_NOT_OURS');
    expect(readdirSync(foreign)).toEqual(['index.php']);
    expect(existsSync(publishPaths(foreign).work)).toBe(false);
  }, 60_000);

  it('bulk approval refuses a suggestion re-made after the dry run under the same document', () => {
    engine.extract([id('fresh')]);
    engine.suggest([id('fresh')]);
    const plan = engine.planApproval({});
    expect(plan.map((p) => p.id)).toEqual([id('fresh')]);
    expect(plan[0]!.publishedTitle).toBe(engine.publishedTitle(id('fresh')).proposed);
    expect(plan[0]!.publishedTitle).toMatch(/du lịch/);
    engine.suggest([id('fresh')]); // a re-analysis (or the CLI on the same archive): same document, new suggestion
    expect(() => engine.approveSuggestions({}, 'Người duyệt', plan)).toThrow(/plan changed/i);
    expect(engine.planApproval({}).map((p) => p.id)).toEqual([id('fresh')]); // nothing approved
    const again = engine.planApproval({});
    expect(engine.approveSuggestions({}, 'Người duyệt', again).map((p) => p.id)).toEqual([id('fresh')]);
  });

  it('the CLI: an export failure exits 1 with the Vietnamese message naming the document, and JSON with --json', async () => {
    const sha = (engine.db.prepare('SELECT file_sha256 FROM documents WHERE id = ?').get(id('broken')) as { file_sha256: string }).file_sha256;
    decide('broken', 'public', { note: 'công khai lại' });
    const stored = engine.store.pathFor(sha);
    const original = readFileSync(stored);
    writeFileSync(stored, Buffer.from(original.toString('latin1').replace('/Pages', '/Pagez'), 'latin1'));
    const before = snapshot(out);
    try {
      const r = runCli(['export', '--out', out, '--as-of', '2026-01-01', '--json', '--data-dir', data]);
      expect(r.code).toBe(1);
      const error = (JSON.parse(r.stdout.trim().split('\n').pop()!) as { error: { code: string; message: string; document: { id: number } } }).error;
      expect(error.code).toBe('EXPORT_DOCUMENT_FAILED');
      expect(error.document.id).toBe(id('broken'));
      expect(r.stderr).toContain(`Không xuất được văn bản #${id('broken')} (số 20/KH-UBND)`);
      expect(snapshot(out)).toEqual(before);
    } finally {
      writeFileSync(stored, original);
    }
  }, 60_000);
});
