import { describe, expect, it } from 'vitest';
import { ScanSettings } from '../../../shared/contract/scanning';
import { buildWiaArgs, capabilitiesFromWia, devicesFrom, parseWiaLine, wiaErrorCode, type WiaEvent } from '../../../electron/engine/scanning/wia/wiaProtocol';

const SCRIPT = 'C:\\Program Files\\Minh Bạch\\resources\\scanning\\wia-scan.ps1';
const BASE = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', SCRIPT];

describe('WIA driver command line', () => {
  it('list and capabilities', () => {
    expect(buildWiaArgs(SCRIPT, { action: 'list' })).toEqual([...BASE, '-Action', 'list']);
    expect(buildWiaArgs(SCRIPT, { action: 'capabilities', device: '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000' })).toEqual([
      ...BASE, '-Action', 'capabilities', '-DeviceId', '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000',
    ]);
  });

  it('scan: feeder, duplex, dpi, colour, output folder, run prefix and A4 size, each value its own argument', () => {
    const args = buildWiaArgs(SCRIPT, {
      action: 'scan',
      device: 'dev 1',
      settings: ScanSettings.parse({ duplex: true, dpi: 200 }),
      outDir: 'C:\\Users\\Lan\\AppData\\Roaming\\Minh Bạch\\scans\\b1\\pages',
      filePrefix: 'r002',
    });
    expect(args).toEqual([
      ...BASE, '-Action', 'scan', '-DeviceId', 'dev 1', '-Source', 'Feeder', '-Duplex', '-Dpi', '200', '-Colour', 'Grey',
      '-OutDir', 'C:\\Users\\Lan\\AppData\\Roaming\\Minh Bạch\\scans\\b1\\pages', '-Prefix', 'r002', '-WidthMm', '210', '-HeightMm', '297',
    ]);
  });

  it('flatbed never asks for duplex; "max" page size sends no extent', () => {
    const args = buildWiaArgs(SCRIPT, { action: 'scan', device: 'd', settings: ScanSettings.parse({ source: 'flatbed', duplex: true, pageSize: 'max', colour: 'colour' }), outDir: 'o', filePrefix: 'r001' });
    expect(args).toContain('Flatbed');
    expect(args).not.toContain('-Duplex');
    expect(args).not.toContain('-WidthMm');
    expect(args).toContain('Colour');
  });
});

describe('WIA driver output', () => {
  it('parses JSON lines and ignores everything else', () => {
    expect(parseWiaLine('{"event":"page","file":"C:\\\\scans\\\\r001-0001.png"}')).toEqual({ event: 'page', file: 'C:\\scans\\r001-0001.png' });
    expect(parseWiaLine('WARNING: something')).toBeNull();
    expect(parseWiaLine('{"event":"page"}')).toBeNull();
    expect(parseWiaLine('{not json')).toBeNull();
    expect(parseWiaLine('')).toBeNull();
  });

  it('maps WIA HRESULTs to our codes (jam, empty feeder, busy, offline, no device, cover)', () => {
    expect(wiaErrorCode('0x80210002')).toBe('SCANNER_JAMMED');
    expect(wiaErrorCode('0x80210003')).toBe('SCANNER_NO_PAPER');
    expect(wiaErrorCode('0x80210006')).toBe('SCANNER_BUSY');
    expect(wiaErrorCode('0x80210005')).toBe('SCANNER_DISCONNECTED');
    expect(wiaErrorCode('0x80210015')).toBe('SCANNER_NOT_FOUND');
    expect(wiaErrorCode('0x80210016')).toBe('SCANNER_COVER_OPEN');
    expect(wiaErrorCode('0x8021000a')).toBe('SCANNER_DISCONNECTED');
    expect(wiaErrorCode('0x12345678')).toBe('SCANNER_FAILED');
  });

  it('devices and capabilities from events (handling bits: feeder 1, flatbed 2, duplex 4)', () => {
    const events: WiaEvent[] = [
      { event: 'device', id: 'id1', vendor: 'Canon', model: 'DR-C225', type: 'scanner' },
      { event: 'done', pages: 0 },
    ];
    expect(devicesFrom(events)).toEqual([{ id: 'id1', vendor: 'Canon', model: 'DR-C225', type: 'scanner', driver: 'wia' }]);
    expect(capabilitiesFromWia('id1', { event: 'capabilities', handling: 5, resolutions: [150, 300, 600], min: null, max: null })).toMatchObject({
      sources: ['adf'],
      duplex: true,
      resolutions: [150, 300, 600],
    });
    expect(capabilitiesFromWia('id1', { event: 'capabilities', handling: 2, resolutions: [], min: 50, max: 1200 })).toMatchObject({
      sources: ['flatbed'],
      duplex: false,
      resolutionRange: { min: 50, max: 1200 },
    });
  });
});
