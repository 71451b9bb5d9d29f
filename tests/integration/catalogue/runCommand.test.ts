import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { fixture, tempDir } from '../../helpers/fixtures';

describe('minhbach run FOLDER --out DIR', () => {
  const tmp = tempDir('minhbach-run-');
  afterAll(() => tmp.cleanup());

  it('imports, suggests, records the reviewer’s approvals in the audit trail and publishes per class', () => {
    const input = path.join(tmp.dir, 'in');
    mkdirSync(input);
    for (const d of ['d03', 'd15', 'd23']) copyFileSync(fixture('corpus', d, 'born-digital.pdf'), path.join(input, `${d}.pdf`));
    copyFileSync(fixture('bad', 'empty.pdf'), path.join(input, 'empty.pdf'));
    const data = ['--data-dir', path.join(tmp.dir, 'data')];
    const out = path.join(tmp.dir, 'site');

    const unreviewed = runCli(['run', input, '--out', out, '--json', ...data]);
    expect(unreviewed.code).toBe(0);
    const first = JSON.parse(unreviewed.stdout.trim().split('\n').pop()!) as { rejected: { code: string }[]; published: { public: number; conditional: number } };
    expect(first.rejected.map((r) => r.code)).toEqual(['EMPTY_FILE']);
    expect(first.published).toEqual({ public: 0, conditional: 0 });

    expect(runCli(['run', input, '--out', out, '--approve-suggestions', ...data]).code).toBe(2);
    const approved = runCli(['run', input, '--out', out, '--approve-suggestions', '--reviewer', 'Lê Văn C', '--json', ...data]);
    expect(approved.code).toBe(0);
    const report = JSON.parse(approved.stdout.trim().split('\n').pop()!) as { approved: number; published: { public: number; conditional: number } };
    expect(report.published).toEqual({ public: 1, conditional: 1 });
    expect(report.approved).toBe(3);
    const audit = JSON.parse(runCli(['audit', '--json', ...data]).stdout) as { actor: string; action: string }[];
    expect(audit.filter((e) => e.actor === 'Lê Văn C' && e.action === 'decision.recorded')).toHaveLength(3);
    expect(readFileSync(path.join(out, 'danh-muc-cong-khai.html'), 'utf8')).toContain('08/KH-UBND');
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(true);
  });
});
