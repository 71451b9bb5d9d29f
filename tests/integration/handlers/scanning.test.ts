import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { ScanProfile } from '../../../shared/contract/scanning';
import { ERROR_MESSAGES } from '../../../shared/domain/errors';
import { startTestHost, type TestHost } from '../../helpers/previewHost';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost('minhbach-scan-handlers-', ['d01']);
});
afterAll(async () => {
  await t?.close();
});

describe('scanning channels on the shared handler table', () => {
  it('profiles: saved with defaults filled in, sorted the Vietnamese way, deleted; a bad profile is refused', async () => {
    await t.ok('scan:saveProfile', { name: 'Văn thư ADF', dpi: 200, duplex: true });
    const list = await t.ok<ScanProfile[]>('scan:saveProfile', { name: 'Ảnh màu', colour: 'colour', source: 'flatbed' });
    expect(list.map((p) => p.name)).toEqual(['Ảnh màu', 'Văn thư ADF']);
    expect(list[1]).toMatchObject({ dpi: 200, duplex: true, colour: 'grey', source: 'adf', removeBlank: true, split: 'none' });
    const bad = await t.host.invoke('scan:saveProfile', { name: 'x', dpi: 5000 });
    expect(bad).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT.vi } });
    const backendInjection = await t.host.invoke('scan:saveProfile', { name: 'y', backendOptions: { '--device-name': 'x' } });
    expect(backendInjection.ok).toBe(false);
    expect((await t.ok<ScanProfile[]>('scan:deleteProfile', { name: 'Ảnh màu' })).map((p) => p.name)).toEqual(['Văn thư ADF']);
  });

  it('an unknown batch and a bad camera image give their Vietnamese messages', async () => {
    expect(await t.host.invoke('scan:batch', { batchId: '20260101000000-deadbeef' })).toEqual({
      ok: false,
      error: { code: 'SCAN_BATCH_NOT_FOUND', message: ERROR_MESSAGES.SCAN_BATCH_NOT_FOUND.vi },
    });
    const garbage = Buffer.from('this is not an image at all').toString('base64');
    expect(await t.host.invoke('camera:detect', { image: garbage })).toEqual({
      ok: false,
      error: { code: 'CAMERA_IMAGE_INVALID', message: ERROR_MESSAGES.CAMERA_IMAGE_INVALID.vi },
    });
  });

  it('camera: a frame without a page finds no corners; the separator sheet is a PDF', async () => {
    const desk = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 90, g: 80, b: 70 } } }).jpeg().toBuffer();
    expect(await t.ok('camera:detect', { image: desk.toString('base64') })).toEqual({ corners: null, width: 320, height: 240 });
    const sheet = await t.ok<{ base64: string }>('scan:separatorSheet', {});
    expect(Buffer.from(sheet.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
