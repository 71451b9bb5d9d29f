import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/index';
import { CLI } from '../../helpers/cli';
import { fixture, REPO_ROOT, tempDir } from '../../helpers/fixtures';

function ocrAll(dataDir: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'ocr', '--all', '--workers', '1', '--json', '--data-dir', dataDir], { cwd: REPO_ROOT, stdio: 'ignore' });
    child.on('exit', (code) => resolve(code));
  });
}

// The job lease (one owner per job, heartbeat in the jobs table) keeps the second process off the
// first one's running job: without it both recognise the same pages.
describe('two `ocr --all` processes on one archive', () => {
  const temp = tempDir();
  const dataDir = path.join(temp.dir, 'data');
  beforeAll(async () => {
    const engine = await createEngine({ dataDir });
    await engine.importPaths([fixture('ocr', 'd07-page-1.png'), fixture('ocr', 'd26-page-1-rotated180.png')]);
    await engine.close();
  });
  afterAll(() => temp.cleanup());

  it('never recognise the same page twice, and every page ends recognised once', async () => {
    const codes = await Promise.all([ocrAll(dataDir), ocrAll(dataDir)]);
    expect(codes).toEqual([0, 0]);
    const db = new Database(path.join(dataDir, 'archive.sqlite'), { readonly: true });
    const perPage = db
      .prepare(`SELECT document_id AS doc, json_extract(payload, '$.page') AS page, count(*) AS times FROM audit WHERE action = 'ocr.page' GROUP BY 1, 2 ORDER BY 1, 2`)
      .all() as { doc: number; page: number; times: number }[];
    const states = db.prepare(`SELECT ocr_state AS s, count(*) AS c FROM pages GROUP BY 1`).all();
    db.close();
    expect(perPage).toHaveLength(2);
    expect(perPage.map((p) => p.times)).toEqual([1, 1]);
    expect(states).toEqual([{ s: 'done', c: 2 }]);
  }, 240_000);
});
