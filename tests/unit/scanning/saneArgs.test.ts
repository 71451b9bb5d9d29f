import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScanSettings } from '../../../shared/contract/scanning';
import type { AppError } from '../../../shared/domain/errors';
import { buildScanArgs, nearestResolution } from '../../../electron/engine/scanning/sane/saneArgs';
import { capabilitiesFrom, findOption, parseSaneOptions } from '../../../electron/engine/scanning/sane/saneOptions';

const listing = (name: string) => parseSaneOptions(readFileSync(path.join(import.meta.dirname, '../../fixtures/scanning', name), 'utf8'));
const settings = (s: Partial<ScanSettings> = {}) => ScanSettings.parse(s);
const args = (file: string, s: Partial<ScanSettings>) =>
  buildScanArgs({ device: 'dev:0', settings: settings(s), options: listing(file), outDir: '/tmp/b', filePrefix: 'r001' });
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return null;
};

describe('scanimage option listings', () => {
  it('reads the test backend: sources, modes, a resolution range, the scan area, inactive options', () => {
    const options = listing('sane-test-backend.txt');
    expect(findOption(options, 'source')?.values).toEqual(['Flatbed', 'Automatic Document Feeder']);
    expect(findOption(options, 'mode')?.values).toEqual(['Gray', 'Color']);
    expect(findOption(options, 'resolution')?.range).toEqual({ min: 1, max: 1200, step: 1 });
    expect(findOption(options, 'three-pass')?.inactive).toBe(true);
    expect(findOption(options, 'x')?.range?.max).toBe(200);
    const caps = capabilitiesFrom('test:0', options);
    expect(caps).toMatchObject({ sources: ['flatbed', 'adf'], duplex: false, colourModes: ['grey', 'colour'], maxWidthMm: 200 });
  });

  it('reads the escl backend: discrete resolutions with their unit, ADF source', () => {
    const caps = capabilitiesFrom('escl:http://127.0.0.1:8080', listing('sane-escl.txt'));
    expect(caps.resolutions).toEqual([150, 300]);
    expect(caps.sources).toEqual(['flatbed', 'adf']);
  });

  it('sees duplex as an ADF Duplex source or as an --adf-mode option', () => {
    expect(capabilitiesFrom('f', listing('sane-fujitsu-style.txt'))).toMatchObject({ sources: ['adf'], duplex: true, colourModes: ['grey', 'colour', 'lineart'] });
    expect(capabilitiesFrom('e', listing('sane-epson2-style.txt'))).toMatchObject({ sources: ['flatbed', 'adf'], duplex: true });
  });
});

describe('scanimage arguments', () => {
  it('ADF grey 300 dpi A4 on the test backend: the device’s own words, PNG pages named by run', () => {
    expect(args('sane-test-backend.txt', {})).toEqual([
      '--device-name=dev:0',
      '--source=Automatic Document Feeder',
      '--mode=Gray',
      '--resolution=300',
      '-l', '0', '-t', '0', '-x', '200', '-y', '200',
      '--format=png',
      '--batch=/tmp/b/r001-%04d.png',
      '--batch-print',
      '--progress',
    ]);
  });

  it('a flatbed scans one page per run', () => {
    expect(args('sane-test-backend.txt', { source: 'flatbed' })).toContain('--batch-count=1');
    expect(args('sane-test-backend.txt', { source: 'flatbed' })).toContain('--source=Flatbed');
  });

  it('duplex: the ADF Duplex source, or simplex source plus --adf-mode=Duplex', () => {
    expect(args('sane-fujitsu-style.txt', { duplex: true })).toContain('--source=ADF Duplex');
    expect(args('sane-fujitsu-style.txt', {})).toContain('--source=ADF Front');
    const epson = args('sane-epson2-style.txt', { duplex: true });
    expect(epson).toContain('--source=Automatic Document Feeder');
    expect(epson).toContain('--adf-mode=Duplex');
    expect(args('sane-epson2-style.txt', {})).toContain('--adf-mode=Simplex');
  });

  it('refuses what the device cannot do with SCANNER_UNSUPPORTED', () => {
    expect(codeOf(() => args('sane-test-backend.txt', { duplex: true }))).toBe('SCANNER_UNSUPPORTED');
    expect(codeOf(() => args('sane-fujitsu-style.txt', { source: 'flatbed' }))).toBe('SCANNER_UNSUPPORTED');
    expect(codeOf(() => args('sane-test-backend.txt', { colour: 'lineart' }))).toBe('SCANNER_UNSUPPORTED');
    expect(codeOf(() => args('sane-test-backend.txt', { backendOptions: { 'no-such-option': '1' } }))).toBe('SCANNER_UNSUPPORTED');
  });

  it('passes backend options the device lists, as single argv entries', () => {
    expect(args('sane-test-backend.txt', { backendOptions: { 'test-picture': 'Solid white' } })).toContain('--test-picture=Solid white');
  });

  it('picks the nearest resolution from a list and clamps to a range', () => {
    const epson = findOption(listing('sane-epson2-style.txt'), 'resolution');
    expect(nearestResolution(200, epson)).toBe(300);
    expect(nearestResolution(100, epson)).toBe(75);
    const fujitsu = findOption(listing('sane-fujitsu-style.txt'), 'resolution');
    expect(nearestResolution(1200, fujitsu)).toBe(600);
    expect(nearestResolution(200, fujitsu)).toBe(200);
  });

  it('page size: clamped to the scan area, none for "max"', () => {
    const fujitsu = args('sane-fujitsu-style.txt', { pageSize: 'a4' });
    expect(fujitsu.slice(fujitsu.indexOf('-y'), fujitsu.indexOf('-y') + 2)).toEqual(['-y', '279.364']);
    expect(args('sane-fujitsu-style.txt', { pageSize: 'max' })).not.toContain('-x');
  });
});
