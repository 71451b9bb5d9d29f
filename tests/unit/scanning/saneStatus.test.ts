import { describe, expect, it } from 'vitest';
import { interpretRunEnd, lastProgress, parseDeviceList } from '../../../electron/engine/scanning/sane/saneStatus';

const end = (stderr: string, over: Partial<Parameters<typeof interpretRunEnd>[0]> = {}) =>
  interpretRunEnd({ exitCode: 1, signal: null, stderr, pages: 0, cancelled: false, ...over })?.code ?? null;

describe('scanimage run endings', () => {
  it('an empty feeder after pages is the normal end; before any page it is "no paper"', () => {
    const text = 'Scanning page 11\nscanimage: sane_start: Document feeder out of documents\nBatch terminated, 10 pages scanned\n';
    expect(end(text, { exitCode: 0, pages: 10 })).toBeNull();
    expect(end(text, { exitCode: 7, pages: 0 })).toBe('SCANNER_NO_PAPER');
  });

  it('maps SANE statuses to codes', () => {
    expect(end('scanimage: open of device nosuch:0 failed: Invalid argument')).toBe('SCANNER_NOT_FOUND');
    expect(end('scanimage: sane_start: Device busy')).toBe('SCANNER_BUSY');
    expect(end('scanimage: sane_read: Document feeder jammed')).toBe('SCANNER_JAMMED');
    expect(end('scanimage: sane_start: Scanner cover is open')).toBe('SCANNER_COVER_OPEN');
    expect(end('scanimage: sane_read: Error during device I/O')).toBe('SCANNER_DISCONNECTED');
    expect(end('scanimage: sane_start: Access to resource has been denied')).toBe('SCANNER_ACCESS_DENIED');
    expect(end('scanimage: something new went wrong')).toBe('SCANNER_FAILED');
  });

  it('a cancel we asked for is a cancel, whatever scanimage printed; a kill from outside is a lost device', () => {
    expect(end('scanimage: received signal 2\nscanimage: sane_read: Error during device I/O', { cancelled: true })).toBe('SCANNER_CANCELLED');
    expect(end('', { exitCode: null, signal: 'SIGKILL', pages: 3 })).toBe('SCANNER_DISCONNECTED');
  });

  it('reads progress and the tab-separated device list', () => {
    expect(lastProgress('Progress: 11.8%Progress: 20.0%')).toBe(20);
    expect(lastProgress('Scanning page 2')).toBeNull();
    expect(parseDeviceList('test:0\tNoname\tfrontend-tester\tvirtual device\n\nbad line\n')).toEqual([
      { id: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' },
    ]);
  });
});
