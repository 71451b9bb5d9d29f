import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../helpers/previewHost';
import type { ExportPlanResult, ExportRunResult } from '../../../shared/contract/catalogue';

let dir: string;
let ids: Record<string, number>;
let ok: TestHost['ok'];
let testHost: TestHost;

beforeAll(async () => {
  testHost = await startTestHost('minhbach-export-handlers-', ['d03', 'd15', 'd01']);
  ({ dir, ids, ok } = testHost);
  await ok('review:analyse', {});
  await ok('review:decide', { id: ids.d03, access: 'public', basis: 'L104.D17.K1.d', approve: true });
  await ok('review:decide', { id: ids.d15, access: 'conditional', basis: 'L104.D7.K2', approve: true });
}, 60_000);

afterAll(async () => {
  await testHost?.close();
});

describe('export channels', () => {
  it('export:plan counts what will and will not be published and lists the undecided', async () => {
    const plan = await ok<ExportPlanResult>('export:plan', {});
    expect(plan.counts).toMatchObject({ documents: 3, public: 1, conditional: 1, undecided: 1 });
    expect(plan.undecided.map((d) => d.id)).toEqual([ids.d01]);
    expect(plan.heldBack).toEqual([]);
    expect(plan.defaultOut).toBe(path.join(dir, 'data', 'exports', 'site'));
  });

  it('export:run writes the site into the data folder in the preview (the input folder is ignored), then only what changed', async () => {
    const first = await ok<ExportRunResult>('export:run', { out: path.join(dir, 'elsewhere') });
    expect(first.out).toBe(path.join(dir, 'data', 'exports', 'site'));
    expect(first.counts).toMatchObject({ public: 1, conditional: 1 });
    expect(first.written).toBe(first.files);
    expect(existsSync(path.join(first.out, 'index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'elsewhere'))).toBe(false);
    const again = await ok<ExportRunResult>('export:run', { out: null });
    expect(again.written).toBe(0);
    expect(again.unchanged).toBe(again.files - 1);
  });
});
