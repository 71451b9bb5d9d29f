/**
 * `minhbach request …` / `consent …` as a script would run them, on a real archive: the JSON
 * shapes later tools depend on, the consent rule's refusal, the statistics. The first command runs
 * the real executable (a child process); the rest run the same `main()` in-process (a child
 * process costs ~4 s of TypeScript start-up each on these machines).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createEngine } from '../../../electron/engine/index';
import { runCli } from '../../helpers/cli';
import { fixture, tempDir } from '../../helpers/fixtures';

let tmp: ReturnType<typeof tempDir>;
let dataDir = '';
let pub = 0;
let cond = 0;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--data-dir', dataDir], {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    isTty: false,
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  tmp = tempDir('minhbach-request-cli-');
  dataDir = path.join(tmp.dir, 'data');
  const engine = await createEngine({ dataDir, workers: 1 });
  const [a, b] = await engine.importPaths([
    fixture('corpus', 'd01', 'born-digital.pdf'),
    fixture('corpus', 'd15', 'born-digital.pdf'),
  ]);
  pub = a!.id!;
  cond = b!.id!;
  engine.decide({ documentId: pub, access: 'public', basis: 'L104.D17.K1.a', reviewer: 'Lê B' });
  engine.decide({ documentId: cond, access: 'conditional', basis: 'L104.D7.K2', reviewer: 'Lê B' });
  await engine.close();
}, 120_000);

afterAll(() => tmp?.cleanup());

describe('minhbach request / consent', () => {
  it('adds a request and prints {"id", "dueDate"} with the due date after Tết 2026', () => {
    const r = runCli([
      'request',
      'add',
      '--received',
      '2026-02-12',
      '--channel',
      'post',
      '--requester',
      'Nguyễn Văn An',
      '--subject',
      'Danh sách trợ cấp',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ id: 1, dueDate: '2026-02-26' });
  });

  it('refuses to provide the conditional document without a consent (exit 1, Vietnamese reason), then answers once a consent exists', async () => {
    const refused = await cli(
      'request',
      'answer',
      '1',
      '--outcome',
      'provided',
      '--documents',
      `${pub},${cond}`,
      '--reviewer',
      'Lê B',
      '--date',
      '2026-02-20',
      '--json',
    );
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error.code).toBe('CONSENT_REQUIRED');
    expect(refused.stderr).toContain('Chưa có văn bản đồng ý');
    const consent = await cli(
      'consent',
      'add',
      '--document',
      String(cond),
      '--person',
      'Trần Thị C',
      '--scope',
      'Cung cấp cho người yêu cầu',
      '--date',
      '2026-02-01',
      '--until',
      '2026-12-31',
      '--file',
      fixture('corpus', 'd01', 'born-digital.pdf'),
      '--json',
    );
    expect(consent.code).toBe(0);
    expect(JSON.parse(consent.stdout)).toEqual({
      id: 1,
      documents: [cond],
      validUntil: '2026-12-31',
      scan: true,
    });
    const ok = await cli(
      'request',
      'answer',
      '1',
      '--outcome',
      'provided',
      '--documents',
      `${pub},${cond}`,
      '--reviewer',
      'Lê B',
      '--date',
      '2026-02-20',
      '--fees',
      'copy=2000',
      '--json',
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      id: 1,
      status: 'answered',
      onTime: true,
      provided: [pub, cond].sort((a, b) => a - b),
    });
  });

  it('lists the register (JSON) and only past-due open requests with --overdue', async () => {
    expect(
      (
        await cli(
          'request',
          'add',
          '--received',
          '2026-01-05',
          '--channel',
          'email',
          '--requester',
          'Lê D',
          '--subject',
          'Kế hoạch',
          '--json',
        )
      ).code,
    ).toBe(0);
    const all = JSON.parse((await cli('request', 'list', '--json')).stdout) as {
      id: number;
      dueState: string;
    }[];
    expect(all.map((r) => r.id).sort()).toEqual([1, 2]);
    const overdue = JSON.parse((await cli('request', 'list', '--overdue', '--json')).stdout) as {
      id: number;
      dueDate: string;
    }[];
    expect(overdue).toEqual([expect.objectContaining({ id: 2, dueDate: '2026-01-08', dueState: 'overdue' })]);
  });

  it('refuses with a registry basis and counts the year per channel, outcome and on time', async () => {
    expect(
      (
        await cli(
          'request',
          'answer',
          '2',
          '--outcome',
          'refused',
          '--basis',
          'L104.D28.K1.c',
          '--reviewer',
          'Lê B',
          '--date',
          '2026-01-12',
        )
      ).code,
    ).toBe(0);
    const s = JSON.parse((await cli('request', 'stats', '--year', '2026', '--json')).stdout) as {
      received: number;
      byChannel: { channel: string; count: number }[];
      byOutcome: Record<string, number>;
      onTime: number;
      late: number;
      refusedByGround: { code: string; count: number }[];
      fees: { total: number };
    };
    expect(s.received).toBe(2);
    expect(s.byChannel.filter((c) => c.count > 0)).toEqual([
      { channel: 'post', count: 1 },
      { channel: 'email', count: 1 },
    ]);
    expect(s.byOutcome).toMatchObject({ answered: 1, refused: 1 });
    expect([s.onTime, s.late]).toEqual([1, 1]);
    expect(s.refusedByGround).toEqual([expect.objectContaining({ code: 'L104.D28.K1.c', count: 1 })]);
    expect(s.fees.total).toBe(2000);
  });
});
