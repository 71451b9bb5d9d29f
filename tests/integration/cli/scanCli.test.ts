/**
 * `minhbach scan` end to end: a network scanner (SANE's escl backend and the fake eSCL scanner on
 * loopback) feeds a letter, a blank sheet with show-through, the printed separator sheet and a
 * second document; the CLI removes the blank page, splits at the separator, archives two
 * documents, OCRs them, and they are found by search.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../../shared/domain/errors';
import { createEngine } from '../../../electron/engine/index';
import { runCliAsync } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';
import { startFakeEsclScanner, type FakeEsclScanner } from '../../helpers/scanning/fakeEsclScanner';
import { scannedLetter, scannedSeparatorSheet } from '../../helpers/scanning/scannedPages';
import { syntheticPage } from '../../helpers/scanning/syntheticPages';

const temp = tempDir('minhbach-scan-cli-');
const dataDir = path.join(temp.dir, 'data');
let scanner: FakeEsclScanner;

beforeAll(async () => {
  scanner = await startFakeEsclScanner([
    await scannedLetter(),
    await syntheticPage('blank-heavy-show-through', 7),
    await scannedSeparatorSheet(),
    await syntheticPage('text-page', 8),
  ]);
});
afterAll(async () => {
  await scanner?.close();
  temp.cleanup();
});

describe('minhbach scan', () => {
  it('--list --json lists the SANE test device', async () => {
    const run = await runCliAsync(['scan', '--list', '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    const { devices } = JSON.parse(run.stdout) as { devices: { id: string; driver: string }[] };
    expect(devices).toContainEqual(expect.objectContaining({ id: 'test:0', driver: 'sane' }));
  });

  it('--duplex on a device without duplex: exit 1 with the Vietnamese reason', async () => {
    const run = await runCliAsync(['scan', '--device', 'test:0', '--source', 'adf', '--duplex', '--dpi', '300', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(ERROR_MESSAGES.SCANNER_UNSUPPORTED.vi);
  });

  it('a network-scanner batch: blank page removed, split at the QR sheet, two documents archived, OCR’d and searchable', async () => {
    const run = await runCliAsync(['scan', '--device', scanner.device, '--source', 'adf', '--dpi', '150', '--split', 'qr', '--json', '--data-dir', dataDir]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { documents: { id: number; status: string; pages: number }[]; dropped: { n: number; reason: string }[] };
    expect(out.documents.map((d) => [d.status, d.pages])).toEqual([
      ['imported', 1],
      ['imported', 1],
    ]);
    expect(out.dropped).toEqual([
      { n: 2, reason: 'blank' },
      { n: 3, reason: 'separator' },
    ]);
    // The archive the CLI wrote, opened as the app would.
    const engine = await createEngine({ dataDir, workers: 1 });
    try {
      const [letter, second] = out.documents.map((d) => engine.get(d.id));
      expect(letter!.pages[0]!.source).toBe('ocr');
      expect(engine.search('tap huan tiep can thong tin').map((h) => h.id)).toContain(letter!.id);
      expect(engine.search('thanh phan dung gio').map((h) => h.id)).toContain(second!.id);
    } finally {
      await engine.close();
    }
  });
});
