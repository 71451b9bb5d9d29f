import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../../helpers/fixtures';
import { jsonLines, runCli, runCliUntilKilled } from '../../helpers/cli';
import { openDatabase } from '../../../electron/engine/archive/database';

describe('import after a crash', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('resumes a SIGKILLed import without redoing, duplicating or losing files', async () => {
    const inbox = path.join(temp.dir, 'inbox');
    const dataDir = path.join(temp.dir, 'data');
    cpSync(fixture('corpus'), inbox, { recursive: true, filter: (src) => !src.endsWith('.json') });
    const files = readdirSync(inbox, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    expect(files).toBeGreaterThanOrEqual(7);

    // This test is about the import: no OCR of the scans afterwards (the kill test covers OCR).
    expect(runCli(['settings', '--auto-ocr', 'off', '--data-dir', dataDir]).stdout).toContain('OCR tự động sau khi nhập: tắt');
    const killed = await runCliUntilKilled(['import', inbox, '--json', '--data-dir', dataDir], 1);
    expect(killed.code).toBe(null); // died by signal
    const before = jsonLines(killed.stdout);
    expect(before.length).toBeLessThan(files);

    const resumed = runCli(['resume', '--json', '--data-dir', dataDir]);
    expect(resumed.code).toBe(0);
    const after = jsonLines(resumed.stdout);
    // Every file reported exactly once across both runs, none as a duplicate of itself.
    const reported = [...before, ...after].map((l) => l.path);
    expect(new Set(reported).size).toBe(reported.length);
    expect(reported.length).toBe(files);
    expect([...before, ...after].every((l) => l.status === 'imported')).toBe(true);

    const db = openDatabase(path.join(dataDir, 'archive.sqlite'));
    try {
      expect(db.prepare('SELECT count(*) AS c FROM documents').get()).toEqual({ c: files });
      expect(db.prepare("SELECT DISTINCT state FROM jobs").all()).toEqual([{ state: 'done' }]);
      expect(db.prepare("SELECT count(*) AS c FROM job_items ji JOIN jobs j ON j.id = ji.job_id WHERE j.kind = 'import' AND ji.state = 'done'").get()).toEqual({ c: files });
    } finally {
      db.close();
    }
    expect(runCli(['resume', '--data-dir', dataDir]).stderr).toContain('Không có công việc nào dở dang');
  });
});
