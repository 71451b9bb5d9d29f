/**
 * Real scans through `scanimage` and SANE's `test` backend (enabled in /etc/sane.d/dll.conf by
 * .ci/run): listing, options, an ADF batch, blank separators, cancel, and every fault a user
 * meets — with the pages already scanned kept each time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanSettings, type BatchView } from '../../../shared/contract/scanning';
import { AppError, ERROR_MESSAGES } from '../../../shared/domain/errors';
import { createEngine, type Engine } from '../../../electron/engine/index';

let dir: string;
let engine: Engine;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mb-sane-'));
  engine = await createEngine({ dataDir: dir, workers: 1 });
});
afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Small, fast test-backend pages: 50 dpi, the backend's 80×100 mm default area. */
const testDevice = (over: Partial<ScanSettings> & { picture?: string; extra?: Record<string, string> } = {}) => {
  const { picture = 'Grid', extra = {}, ...rest } = over;
  return ScanSettings.parse({ device: 'test:0', dpi: 50, pageSize: 'max', ...rest, backendOptions: { 'test-picture': picture, ...extra } });
};
/** ~0.2 s per 4 KB read: a 100-dpi page takes a second or two, long enough to cancel or kill. */
const SLOW = { 'read-limit': 'yes', 'read-limit-size': '4096', 'read-delay': 'yes', 'read-delay-duration': '200000' };

async function waitForPages(id: string, n: number): Promise<BatchView> {
  for (let i = 0; i < 300; i++) {
    const view = await engine.scanning.view(id);
    if (view.pages.length >= n) return view;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`batch ${id} never reached ${n} pages`);
}

const pageFiles = (id: string) => readdirSync(path.join(dir, 'scans', id, 'pages'));

describe('SANE test backend', () => {
  it('lists test:0 and reads its sources, modes and resolutions', async () => {
    const { devices, error } = await engine.scanning.listDevices(true);
    expect(error).toBeNull();
    expect(devices.map((d) => d.id)).toContain('test:0');
    expect(await engine.scanning.capabilities('test:0')).toMatchObject({ sources: ['flatbed', 'adf'], duplex: false, colourModes: ['grey', 'colour'] });
  });

  it('a batch over three runs (10 ADF pages, a blank sheet, one more page) becomes two archived documents split at the blank sheet', async () => {
    let view = await engine.scanning.start(testDevice({ split: 'blank' }));
    expect(view.state).toBe('scanning');
    view = await engine.scanning.whenIdle(view.id);
    expect(view.lastError).toBeNull();
    expect(view.pages).toHaveLength(10);
    await engine.scanning.whenIdle((await engine.scanning.start(testDevice({ split: 'blank', source: 'flatbed', picture: 'Solid white' }), view.id)).id);
    await engine.scanning.whenIdle((await engine.scanning.start(testDevice({ split: 'blank', source: 'flatbed' }), view.id)).id);
    view = await engine.scanning.view(view.id);
    expect(view.pages).toHaveLength(12);
    expect(view.pages[10]).toMatchObject({ blank: true });
    expect(view.plan.documents.map((d) => d.pages.length)).toEqual([10, 1]);
    expect(view.plan.dropped).toEqual([{ n: 11, reason: 'separator' }]);

    const { view: archived } = await engine.scanning.archive(view.id, { process: false });
    expect(archived.state).toBe('archived');
    expect(archived.results.map((r) => [r.status, r.pages])).toEqual([
      ['imported', 10],
      ['imported', 1],
    ]);
    const docs = engine.list();
    expect(docs.map((d) => d.pages).sort((a, b) => a - b)).toEqual([1, 10]);
    expect(docs.every((d) => /^Bản quét .*\(\d trên 2\)\.pdf$/.test(d.fileName))).toBe(true);
    expect(await engine.scanning.openBatches()).toEqual([]);
  });

  it('cancel mid-batch: the pages finished so far are kept, none half-written, and can be archived', async () => {
    const started = await engine.scanning.start(testDevice({ dpi: 100, extra: SLOW }));
    await waitForPages(started.id, 2);
    const view = await engine.scanning.cancel(started.id);
    expect(view.state).toBe('open');
    expect(view.lastError?.code).toBe('SCANNER_CANCELLED');
    expect(view.lastError?.message).toContain(ERROR_MESSAGES.SCANNER_CANCELLED.vi);
    expect(view.pages.length).toBeGreaterThanOrEqual(2);
    expect(view.pages.length).toBeLessThan(10);
    expect(pageFiles(started.id).filter((f) => f.endsWith('.part'))).toEqual([]);
    const { view: archived } = await engine.scanning.archive(started.id, { process: false });
    expect(archived.results[0]).toMatchObject({ status: 'imported', pages: view.pages.length });
  });

  it('a missing device is refused with the Vietnamese "not found" message; nothing is created', async () => {
    const before = (await engine.scanning.openBatches()).length;
    const error = await engine.scanning.start(testDevice({ device: 'test:9' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toUser()).toEqual({ code: 'SCANNER_NOT_FOUND', message: ERROR_MESSAGES.SCANNER_NOT_FOUND.vi });
    expect((await engine.scanning.openBatches()).length).toBe(before);
  });

  it('busy: a second scan on a scanning device is refused; a device reporting "busy" ends the run with SCANNER_BUSY', async () => {
    const first = await engine.scanning.start(testDevice({ dpi: 100, extra: SLOW }));
    const second = await engine.scanning.start(testDevice()).catch((e: unknown) => e);
    expect((second as AppError).code).toBe('SCANNER_BUSY');
    await engine.scanning.cancel(first.id);
    await engine.scanning.discard(first.id);

    const busy = await engine.scanning.start(testDevice({ extra: { 'read-return-value': 'SANE_STATUS_DEVICE_BUSY' } }));
    const view = await engine.scanning.whenIdle(busy.id);
    expect(view.lastError?.code).toBe('SCANNER_BUSY');
    expect(view.lastError?.message).toMatch(/^Máy quét đang bận/);
    await engine.scanning.discard(busy.id);
  });

  it('paper jam after pages were scanned: the message says so, names the device, and the pages stay in the batch', async () => {
    const first = await engine.scanning.whenIdle((await engine.scanning.start(testDevice({ source: 'flatbed' }))).id);
    expect(first.pages).toHaveLength(1);
    await engine.scanning.start(testDevice({ extra: { 'read-return-value': 'SANE_STATUS_JAMMED' } }), first.id);
    const view = await engine.scanning.whenIdle(first.id);
    expect(view.lastError?.code).toBe('SCANNER_JAMMED');
    expect(view.lastError?.message).toContain('Kẹt giấy');
    expect(view.lastError?.message).toContain('test:0');
    expect(view.lastError?.message).toContain('lô đang giữ 1 trang');
    expect(view.pages).toHaveLength(1);
    expect(view.state).toBe('open');
    await engine.scanning.discard(first.id);
  });

  it('a scanner that vanishes mid-batch (scanimage killed with SIGKILL): pages kept, "disconnected" message, scan on into the same batch', async () => {
    const started = await engine.scanning.start(testDevice({ dpi: 100, extra: SLOW }));
    await waitForPages(started.id, 2);
    // Only our own child: scanimage processes whose parent is this test process.
    const pids = execFileSync('pgrep', ['-P', String(process.pid), '-x', 'scanimage']).toString().trim().split('\n');
    expect(pids).toHaveLength(1);
    process.kill(Number(pids[0]), 'SIGKILL');
    const view = await engine.scanning.whenIdle(started.id);
    expect(view.lastError?.code).toBe('SCANNER_DISCONNECTED');
    const kept = view.pages.length;
    expect(kept).toBeGreaterThanOrEqual(2);
    const more = await engine.scanning.whenIdle((await engine.scanning.start(testDevice({ source: 'flatbed' }), started.id)).id);
    expect(more.lastError).toBeNull();
    expect(more.pages).toHaveLength(kept + 1);
    await engine.scanning.discard(started.id);
  });
});
