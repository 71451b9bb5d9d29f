import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PDF_LIMITS } from '../../../electron/engine/pdf/limits';
import { fixture, REPO_ROOT, tempDir } from '../../helpers/fixtures';
import { bombFiles } from '../../helpers/pdfBombs';

interface Report {
  results: { file: string; status: string; code: string | null; pdfPeakRssMb: number }[];
  maxRssMb: number;
}

describe('decompression bombs cost at most the PDF child\'s memory ceiling', () => {
  const temp = tempDir();
  let bombs: { file: string; bomb: { name: string } }[];
  beforeAll(async () => {
    bombs = await bombFiles();
  }, 120_000);
  afterAll(() => temp.cleanup());

  it('each bomb is rejected as DECOMPRESSION_BOMB, the batch goes on, the importing process stays under 400 MB and the PDF child under its ceiling', () => {
    const good = fixture('corpus', 'd01', 'born-digital.pdf');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'tests/helpers/bombImporter.ts'), path.join(temp.dir, 'data'), ...bombs.map((b) => b.file), good],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as Report;
    expect(report.results.map((r) => [path.basename(r.file), r.status, r.code])).toEqual([
      ...bombs.map((b) => [b.bomb.name, 'rejected', 'DECOMPRESSION_BOMB']),
      ['born-digital.pdf', 'imported', null],
    ]);
    for (const r of report.results) expect(r.pdfPeakRssMb).toBeLessThanOrEqual(DEFAULT_PDF_LIMITS.rssCeilingMb + 64);
    expect(report.maxRssMb).toBeLessThan(400);
  }, 300_000);
});
