// The pipeline survives a crash in each of its stages: `minhbach run` is killed with SIGKILL in
// the middle of the import, of header + suggestion, and of OCR (MINHBACH_KILL_AFTER makes the
// child kill itself right after the n-th item of that stage is committed — a real kill -9 at a
// chosen point), then run again; the last run finishes and no step was done twice. Files: 40
// synthetic born-digital PDFs (three write chunks of header + suggestion), two small text scans
// (OCR in well under a second each) and one hostile file.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { fixture, tempDir } from '../../helpers/fixtures';
import { writeSyntheticPdfs, writeTextScan } from '../../helpers/pipelineFiles';
import { openDatabase } from '../../../electron/engine/archive/database';
import { verifyAudit } from '../../../electron/engine/audit/auditLog';

describe('minhbach run killed in each pipeline stage', () => {
  const temp = tempDir('minhbach-kill-');
  afterAll(() => temp.cleanup());

  it('finishes after SIGKILLs during import, header + suggestion and OCR, with no step done twice', { timeout: 240_000 }, async () => {
    const input = path.join(temp.dir, 'in');
    mkdirSync(input);
    const pdfs = await writeSyntheticPdfs(input, 40);
    await writeTextScan(path.join(input, 'scan-1.png'), ['ỦY BAN NHÂN DÂN', 'HUYỆN CHÂU THÀNH', 'Số: 15/TB-UBND', 'THÔNG BÁO', 'Về việc lịch tiếp công dân']);
    await writeTextScan(path.join(input, 'scan-2.png'), ['SỞ TƯ PHÁP', 'Số: 27/GM-STP', 'GIẤY MỜI', 'Dự hội nghị tổng kết công tác']);
    copyFileSync(fixture('bad', 'really-a-zip.pdf'), path.join(input, 'really-a-zip.pdf'));
    const documents = pdfs.length + 2;
    const data = ['--data-dir', path.join(temp.dir, 'data')];
    const out = path.join(temp.dir, 'site');
    const run = (killAfter?: string) =>
      runCli(['run', input, '--out', out, '--json', ...data], killAfter ? { MINHBACH_KILL_AFTER: killAfter } : {});
    // Automatic OCR stays off until the OCR stage, so the scans cannot be recognised early (while
    // the import or header + suggestion runs) and the OCR stage always has pages to be killed in.
    expect(runCli(['settings', '--ocr-workers', '1', '--auto-ocr', 'off', ...data]).code).toBe(0);

    const events = (action: string) => {
      const db = openDatabase(path.join(temp.dir, 'data', 'archive.sqlite'), { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS c FROM audit WHERE action = ?').get(action) as { c: number }).c;
      } finally {
        db.close();
      }
    };
    // Each killed run dies by the signal, before its report, in the middle of its stage.
    const stages: [string, () => void][] = [
      // (the tenth file finished may be the hostile one, rejected)
      ['import:10', () => expect(events('document.imported')).toBeGreaterThanOrEqual(9)],
      ['understand:20', () => expect(events('understanding.extracted')).toBeGreaterThanOrEqual(20)],
      ['ocr:1', () => expect(events('ocr.page')).toBe(1)],
    ];
    for (const [killAfter, check] of stages) {
      if (killAfter === 'understand:20') expect(events('document.imported')).toBeLessThan(documents); // the import was cut short
      if (killAfter === 'ocr:1') expect(runCli(['settings', '--auto-ocr', 'on', ...data]).code).toBe(0); // queues the scans' pages
      const killed = run(killAfter);
      expect(killed.code).toBe(null);
      expect(killed.stdout).toBe('');
      check();
    }
    expect(events('understanding.extracted')).toBeLessThan(documents); // so was header + suggestion
    const finished = run();
    expect(finished.code).toBe(0);
    const report = JSON.parse(finished.stdout.trim().split('\n').pop()!) as { rejected: { code: string }[]; withoutSuggestion: number };
    expect(report.rejected.map((r) => r.code)).toEqual(['TYPE_MISMATCH']);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(true);

    const db = openDatabase(path.join(temp.dir, 'data', 'archive.sqlite'));
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { c: number }).c;
      expect(count('SELECT count(*) AS c FROM documents')).toBe(documents);
      // Every step once per document (or page), whatever was killed where.
      const perDocument = (action: string) =>
        db.prepare(`SELECT document_id, count(*) AS n FROM audit WHERE action = ? GROUP BY document_id HAVING n != 1`).all(action);
      expect(count(`SELECT count(DISTINCT document_id) AS c FROM audit WHERE action = 'document.imported'`)).toBe(documents);
      expect(perDocument('document.imported')).toEqual([]);
      expect(count(`SELECT count(*) AS c FROM audit WHERE action = 'ocr.page'`)).toBe(2);
      expect(db.prepare(`SELECT document_id, json_extract(payload, '$.page') AS page, count(*) AS n FROM audit WHERE action = 'ocr.page' GROUP BY 1, 2 HAVING n != 1`).all()).toEqual([]);
      expect(count(`SELECT count(DISTINCT document_id) AS c FROM audit WHERE action = 'understanding.extracted'`)).toBe(documents);
      expect(perDocument('understanding.extracted')).toEqual([]);
      expect(perDocument('suggestion.created')).toEqual([]);
      // Everything reached the review queue; no job is left unfinished, no item twice.
      expect(db.prepare(`SELECT DISTINCT status FROM documents`).all()).toEqual([{ status: 'suggested' }]);
      expect(count(`SELECT count(*) AS c FROM jobs WHERE state NOT IN ('done')`)).toBe(0);
      expect(count(`SELECT count(*) AS c FROM job_items WHERE state IN ('queued','running')`)).toBe(0);
      expect(count(`SELECT count(*) AS c FROM (SELECT document_id FROM job_items ji JOIN jobs j ON j.id = ji.job_id WHERE j.kind = 'understand' AND ji.state = 'done' GROUP BY document_id HAVING count(*) > 1)`)).toBe(0);
      expect(verifyAudit(db).ok).toBe(true);
    } finally {
      db.close();
    }
  });
});
