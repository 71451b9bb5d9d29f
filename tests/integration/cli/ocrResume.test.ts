// `minhbach ocr` killed with SIGKILL after its first page, then `minhbach resume`: finished pages
// are not redone, nothing is lost or duplicated. The same archive then serves `show --json`,
// diacritic-free `search` and `pdf` (checked with pdftotext). Three real pages in all.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, jsonLines, runCli, type CliRun } from '../../helpers/cli';
import { REPO_ROOT, tempDir } from '../../helpers/fixtures';
import { OCR_FIXTURES } from '../../helpers/ocr/fixtures';
import { openDatabase } from '../../../electron/engine/archive/database';
import { verifyAudit } from '../../../electron/engine/audit/auditLog';

/** Starts `minhbach` and kills it with SIGKILL as soon as its stderr matches `pattern`. */
function runCliUntilStderr(args: string[], pattern: RegExp): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      if (pattern.test(stderr)) child.kill('SIGKILL');
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

interface PageState {
  document_id: number;
  n: number;
  ocr_state: string;
  updated_at: string;
  image_sha256: string | null;
}

describe('minhbach ocr after a crash', () => {
  const temp = tempDir('minhbach-ocr-cli-');
  const dataDir = path.join(temp.dir, 'data');
  const db = () => openDatabase(path.join(dataDir, 'archive.sqlite'));
  let tiffId = 0;
  afterAll(() => temp.cleanup());

  it('resumes a SIGKILLed OCR job without redoing, duplicating or losing pages', { timeout: 240_000 }, async () => {
    const imported = runCli([
      'import',
      path.join(OCR_FIXTURES, 'd04-scan.tiff'), // 2 pages
      path.join(OCR_FIXTURES, 'd07-page-1.png'),
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(imported.code).toBe(0);
    const lines = jsonLines(imported.stdout);
    tiffId = lines.find((l) => String(l.path).endsWith('d04-scan.tiff'))!.id as number;

    const killed = await runCliUntilStderr(['ocr', '--all', '--workers', '1', '--json', '--data-dir', dataDir], /\[1\/3\]/);
    expect(killed.code).toBe(null); // died by signal
    expect(killed.stdout).toBe(''); // never got to its result

    const afterKill = db();
    let finishedBefore: PageState[];
    try {
      finishedBefore = afterKill.prepare("SELECT document_id, n, ocr_state, updated_at, image_sha256 FROM pages WHERE ocr_state = 'done' ORDER BY document_id, n").all() as PageState[];
      expect(afterKill.prepare("SELECT kind, state FROM jobs WHERE kind = 'ocr'").all()).toEqual([{ kind: 'ocr', state: 'running' }]);
    } finally {
      afterKill.close();
    }
    expect(finishedBefore.length).toBeGreaterThanOrEqual(1);
    expect(finishedBefore.length).toBeLessThan(3);

    const resumed = runCli(['resume', '--json', '--data-dir', dataDir]);
    expect(resumed.code).toBe(0);
    const report = JSON.parse(resumed.stdout.trim()) as { jobs: number[]; documents: { id: number; pages: number; done: number; failed: number; status: string }[] };
    expect(report.documents.map((d) => [d.id === tiffId, d.pages, d.done, d.failed, d.status]).sort()).toEqual([
      // resume also ran the next step: header + suggestion.
      [false, 1, 1, 0, 'suggested'],
      [true, 2, 2, 0, 'suggested'],
    ]);
    // The resumed run did only the pages the killed one had not finished.
    const resumedPages = (resumed.stderr.match(/^\[\d+\/3\]/gm) ?? []).length;
    expect(resumedPages).toBe(3 - finishedBefore.length);

    const after = db();
    try {
      const pages = after.prepare('SELECT document_id, n, ocr_state, updated_at, image_sha256 FROM pages ORDER BY document_id, n').all() as PageState[];
      expect(pages.map((p) => p.ocr_state)).toEqual(['done', 'done', 'done']);
      for (const before of finishedBefore) {
        expect(pages.find((p) => p.document_id === before.document_id && p.n === before.n)).toEqual(before); // untouched
      }
      // Exactly one OCR event per page, one job with three finished items.
      const events = after.prepare("SELECT document_id, json_extract(payload, '$.page') AS page FROM audit WHERE action = 'ocr.page' ORDER BY document_id, page").all();
      expect(events).toEqual(pages.map((p) => ({ document_id: p.document_id, page: p.n })));
      expect(after.prepare("SELECT count(*) AS c FROM audit WHERE action = 'ocr.completed'").get()).toEqual({ c: 2 });
      expect(after.prepare("SELECT state, progress_done, progress_total FROM jobs WHERE kind = 'ocr'").all()).toEqual([
        { state: 'done', progress_done: 3, progress_total: 3 },
      ]);
      expect(after.prepare("SELECT state, count(*) AS c FROM job_items GROUP BY state").all()).toEqual([{ state: 'done', c: 7 }]); // 2 import + 3 OCR + 2 understanding
      expect(verifyAudit(after).ok).toBe(true);
    } finally {
      after.close();
    }

    const nothing = runCli(['ocr', '--all', '--json', '--data-dir', dataDir]);
    expect(nothing.code).toBe(0);
    expect(JSON.parse(nothing.stdout)).toEqual({ jobs: [], documents: [] });
    expect(runCli(['resume', '--data-dir', dataDir]).stderr).toContain('Không có công việc nào dở dang');
  });

  it('reports OCR source and confidence in show --json, and finds the text without diacritics', () => {
    const shown = runCli(['show', String(tiffId), '--json', '--data-dir', dataDir]);
    expect(shown.code).toBe(0);
    const doc = JSON.parse(shown.stdout) as { status: string; pages: { n: number; source: string; confidence: number; ocrState: string; text: string }[] };
    expect(doc.status).toBe('suggested');
    expect(doc.pages).toHaveLength(2);
    for (const p of doc.pages) {
      expect(p.source).toBe('ocr');
      expect(p.ocrState).toBe('done');
      expect(p.confidence).toBeGreaterThan(70);
    }
    expect(doc.pages[0]!.text).toContain('SỞ TÀI CHÍNH');

    const found = runCli(['search', 'so tai chinh', '--json', '--data-dir', dataDir]);
    expect(found.code).toBe(0);
    expect(JSON.stringify(JSON.parse(found.stdout))).toContain(`"id":${tiffId}`);
  });

  it('writes a searchable PDF that pdftotext reads in Vietnamese', () => {
    const out = path.join(temp.dir, 'out', 'd04.pdf');
    const written = runCli(['pdf', String(tiffId), '--out', out, '--data-dir', dataDir]);
    expect(written.code).toBe(0);
    const text = execFileSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('SỞ TÀI CHÍNH');
    expect(text).toContain('CHỦ NGHĨA VIỆT NAM');
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);

    expect(runCli(['pdf', String(tiffId), '--data-dir', dataDir]).code).toBe(2); // --out is required
    expect(runCli(['pdf', '999', '--out', out, '--data-dir', dataDir]).code).toBe(1);
  });
});
