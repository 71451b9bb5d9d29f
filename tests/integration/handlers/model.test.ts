import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../helpers/previewHost';

let h: TestHost;

beforeAll(async () => {
  h = await startTestHost('minhbach-model-handlers-', ['d23', 'd15', 'd01']);
  await h.ok('review:analyse', {});
  await h.ok('review:decide', { id: h.ids.d23, access: 'secret', basis: 'L104.D6.K1' });
  await h.ok('review:decide', { id: h.ids.d15, access: 'conditional', basis: 'L104.D7.K2' });
  await h.ok('review:decide', { id: h.ids.d01, access: 'public', basis: 'L104.D17.K1.a' });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('model channels (preview)', () => {
  it('model:train learns the three approved decisions; model:status lists the grounds with their titles', async () => {
    const status = await h.ok<{ examples: number; pending: number; labels: { ground: string; accessClass: string; examples: number; titleVi: string }[] }>('model:train', {});
    expect(status).toMatchObject({ examples: 3, pending: 0 });
    expect(status.labels.map((l) => l.ground).sort()).toEqual(['private-life', 'publish:legal-and-procedures', 'state-secret']);
    expect(status.labels.find((l) => l.ground === 'state-secret')).toMatchObject({ accessClass: 'secret', titleVi: 'Thông tin thuộc bí mật nhà nước' });
    expect(await h.ok('model:status', {})).toEqual(status);
  });

  it('model:export writes the shareable model into the data folder; model:importUpload keeps an uploaded one as the starter', async () => {
    const exported = await h.ok<{ file: string; examples: number }>('model:export', { folder: null });
    expect(exported.file.startsWith(path.join(h.dir, 'data', 'exports'))).toBe(true);
    expect(existsSync(exported.file)).toBe(true);
    expect(JSON.parse(readFileSync(exported.file, 'utf8'))).toMatchObject({ format: 'minhbach-access-model', examples: 3 });
    const status = await h.ok<{ starter: { examples: number } | null; examples: number }>('model:importUpload', { uploadId: await h.upload(exported.file) });
    expect(status.starter).toMatchObject({ examples: 3 });
    // Rebuilt on the starter with the same three decisions of this archive: six examples.
    expect(status.examples).toBe(6);
  });

  it('review:registry says which law each basis belongs to and whether its numbering is confirmed', async () => {
    const reg = await h.ok<{ versions: { id: string; verified: boolean; partialDisclosure: boolean; entries: { id: string; lawLabel: string }[] }[] }>('review:registry', {});
    const v2026 = reg.versions.find((v) => v.id === '2026')!;
    expect(v2026).toMatchObject({ verified: false, partialDisclosure: true });
    expect(v2026.entries[0]!.lawLabel).toContain('chờ xác nhận');
    expect(reg.versions.find((v) => v.id === '2016')!.entries.find((e) => e.id === 'L104.D6.K1')!.lawLabel).toBe('Luật Tiếp cận thông tin 104/2016/QH13');
  });
});
