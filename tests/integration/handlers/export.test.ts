import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/startHost';
import { UploadStaging } from '../../../electron/preview/uploadStaging';
import type { ExportPlanResult, ExportRunResult } from '../../../shared/contract/catalogue';

const CORPUS = path.resolve(import.meta.dirname, '../../fixtures/corpus');

let dir: string;
let host: RunningHost;
let staging: UploadStaging;
const ids: Record<string, number> = {};

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await host.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-export-handlers-'));
  staging = new UploadStaging(path.join(dir, 'data/tmp/uploads'), 10 * 1024 * 1024);
  host = await startHost({
    host: 'preview',
    settingsFile: path.join(dir, 'settings.json'),
    dataDir: path.join(dir, 'data'),
    appVersion: 'test',
    services: { uploads: staging },
  });
  const uploads = [];
  for (const d of ['d03', 'd15', 'd01']) {
    const { uploadId } = await staging.stage(createReadStream(path.join(CORPUS, d, 'born-digital.pdf')));
    uploads.push({ uploadId, fileName: `${d}.pdf` });
  }
  const { results } = await ok<{ results: { fileName: string; id: number }[] }>('import:upload', { uploads });
  for (const r of results) ids[r.fileName.replace('.pdf', '')] = r.id;
  await ok('review:analyse', {});
  await ok('review:decide', { id: ids.d03, access: 'public', basis: 'L104.D17.K1.d', approve: true });
  await ok('review:decide', { id: ids.d15, access: 'conditional', basis: 'L104.D7.K2', approve: true });
}, 60_000);

afterAll(async () => {
  await host.shutdown();
  rmSync(dir, { recursive: true, force: true });
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
