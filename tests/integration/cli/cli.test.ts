import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, stageBadFiles, tempDir } from '../../helpers/fixtures';
import { jsonLines, runCli } from '../../helpers/cli';

describe('minhbach CLI', () => {
  const temp = tempDir();
  const dataDir = path.join(temp.dir, 'data');
  const inbox = path.join(temp.dir, 'inbox');
  let imported: Record<string, unknown>[];

  beforeAll(() => {
    cpSync(fixture('corpus', 'd01', 'born-digital.pdf'), path.join(inbox, 'd01.pdf'));
    cpSync(fixture('corpus', 'd15', 'born-digital.pdf'), path.join(inbox, 'd15.pdf'));
    cpSync(fixture('corpus', 'd04-scan.tiff'), path.join(inbox, 'scans', 'd04.tiff'));
    const run = runCli(['import', inbox, '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    // The hostile files in a second batch: two of them are copies of d01 and d15.
    const bad = runCli(['import', stageBadFiles(path.join(temp.dir, 'bad')), '--json', '--data-dir', dataDir]);
    expect(bad.code).toBe(0);
    imported = [...jsonLines(run.stdout), ...jsonLines(bad.stdout)];
  });
  afterAll(() => temp.cleanup());

  it('import prints one JSON line per file and exits 0 even with rejections', () => {
    expect(imported).toHaveLength(15);
    for (const line of imported) {
      expect(Object.keys(line).every((k) => ['path', 'status', 'id', 'pages', 'error', 'warnings', 'textPages', 'ocrPages', 'ocrQueued'].includes(k))).toBe(true);
    }
    const byName = (n: string) => imported.find((l) => path.basename(String(l.path)) === n)!;
    expect(byName('d15.pdf')).toMatchObject({ status: 'imported', pages: 2 });
    expect(byName('d04.tiff')).toMatchObject({ status: 'imported', pages: 2 });
    expect(byName('encrypted-password.pdf')).toMatchObject({
      status: 'rejected',
      error: { code: 'ENCRYPTED_PDF', message: expect.stringContaining('mật khẩu') },
    });
  });

  it('list, show and search speak the documented JSON', () => {
    const list = JSON.parse(runCli(['list', '--json', '--data-dir', dataDir]).stdout) as Record<string, unknown>[];
    expect(list.length).toBe(imported.filter((l) => l.status === 'imported').length);
    expect(Object.keys(list[0]!)).toEqual(expect.arrayContaining(['id', 'title', 'fileName', 'pages', 'status', 'access']));

    const d15 = imported.find((l) => String(l.path).endsWith('d15.pdf'))!;
    const show = JSON.parse(runCli(['show', String(d15.id), '--json', '--data-dir', dataDir]).stdout);
    expect(show).toMatchObject({ id: d15.id, fileName: 'd15.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(show.pages).toHaveLength(2);
    expect(show.pages[0]).toMatchObject({ n: 1, source: 'text-layer', confidence: null });
    expect(show.header).toHaveProperty('numberNotation');
    expect(show.access).toEqual({ suggested: null, decided: null });
    expect(show.history[0]).toMatchObject({ action: 'document.imported' });

    const search = JSON.parse(runCli(['search', 'tro cap xa hoi', '--json', '--data-dir', dataDir]).stdout);
    expect(search[0]).toMatchObject({ id: d15.id, score: expect.any(Number), snippet: expect.stringContaining('<mark>') });
    const filtered = JSON.parse(runCli(['search', 'tro cap', '--access', 'secret', '--json', '--data-dir', dataDir]).stdout);
    expect(filtered).toEqual([]);
  });

  it('uses MINHBACH_DATA_DIR when --data-dir is not given', () => {
    const list = JSON.parse(runCli(['list', '--json'], { MINHBACH_DATA_DIR: dataDir }).stdout) as unknown[];
    expect(list.length).toBeGreaterThan(0);
  });

  it('exits 2 for bad usage and 1 for a failure, with a Vietnamese message', () => {
    expect(runCli(['frobnicate']).code).toBe(2);
    expect(runCli(['search', '--data-dir', dataDir]).code).toBe(2);
    expect(runCli(['list', '--access', 'everyone', '--data-dir', dataDir]).code).toBe(2);
    expect(runCli(['list', '--no-such-flag', '--data-dir', dataDir]).code).toBe(2);
    const missing = runCli(['show', '99999', '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy tài liệu');
  });

  it('verify, backup and restore round-trip from the command line', () => {
    expect(runCli(['verify', '--json', '--data-dir', dataDir])).toMatchObject({ code: 0 });
    const backupFile = path.join(temp.dir, 'b.mbbackup');
    expect(runCli(['backup', backupFile, '--data-dir', dataDir]).code).toBe(0);
    const target = path.join(temp.dir, 'restored');
    mkdirSync(target);
    expect(runCli(['restore', backupFile, '--data-dir', target]).code).toBe(0);
    const verify = JSON.parse(runCli(['verify', '--json', '--data-dir', target]).stdout);
    expect(verify).toMatchObject({ ok: true, missing: [], mismatched: [] });
    expect(runCli(['restore', backupFile, '--data-dir', target]).code).toBe(1);
  });
});
