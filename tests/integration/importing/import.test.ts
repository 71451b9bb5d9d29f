import { readdirSync, readFileSync, cpSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/index';
import type { ImportResult } from '../../../shared/contract/schemas';
import { ERROR_MESSAGES } from '../../../shared/domain/errors';
import { BAD_EXPECTATIONS, HTML_NAME, LONG_NAME, fixture, stageBadFiles, tempDir } from '../../helpers/fixtures';

function listStore(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(name);
    }
  };
  walk(root);
  return out.sort();
}

describe('importing a batch with good and hostile files', () => {
  const temp = tempDir();
  const inbox = path.join(temp.dir, 'inbox');
  let engine: Engine;
  let results: ImportResult[];
  const pdfActionHits: string[] = [];
  let trap: net.Server | null = null;

  beforeAll(async () => {
    // javascript-openaction.pdf tries to submit a form to 127.0.0.1:9; listen there and record
    // any connection (port 9 needs root; where it cannot be bound the trap stays off).
    trap = net.createServer((socket) => {
      pdfActionHits.push('connection');
      socket.destroy();
    });
    await new Promise<void>((resolve) => {
      trap!.once('error', () => {
        trap = null;
        resolve();
      });
      trap!.listen(9, '127.0.0.1', () => resolve());
    });
    cpSync(fixture('corpus'), path.join(inbox, 'corpus'), { recursive: true });
    stageBadFiles(path.join(inbox, 'bad'));
    // The same PDF twice in one batch: stored once.
    cpSync(fixture('corpus', 'd01', 'born-digital.pdf'), path.join(inbox, 'copy-of-d01.pdf'));
    engine = await createEngine({ dataDir: path.join(temp.dir, 'data'), actor: 'test' });
    results = await engine.importPaths([inbox]);
  });

  afterAll(async () => {
    await engine?.close();
    trap?.close();
    temp.cleanup();
  });

  const resultFor = (name: string) => {
    const found = results.filter((r) => path.basename(r.path) === name);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('gives every bad file its stable code and Vietnamese message, and imports the rest', () => {
    for (const [name, expected] of Object.entries(BAD_EXPECTATIONS)) {
      const result = resultFor(name);
      expect(result.status, name).toBe(expected.status);
      if (expected.code) {
        expect(result.error).toEqual({ code: expected.code, message: ERROR_MESSAGES[expected.code as keyof typeof ERROR_MESSAGES].vi });
        expect(result.id).toBeUndefined();
      }
    }
  });

  it('imports born-digital PDFs with their text layer searchable at once', () => {
    const d01 = results.find((r) => r.path.endsWith(path.join('d01', 'born-digital.pdf')))!;
    // d01 arrives three times (see the duplicate test): whichever copy came first was imported.
    expect(d01.id).toBeDefined();
    const doc = engine.get(d01.id!);
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]!.source).toBe('text-layer');
    expect(doc.pages[0]!.text).toContain('Số: 1245/UBND-VP');
    expect(doc.status).toBe('text_ready');
    expect(engine.search('niem yet cong khai thu tuc hanh chinh').map((h) => h.id)).toContain(d01.id);
  });

  it('records page counts of scans and leaves their pages for OCR', () => {
    const tiff = results.find((r) => r.path.endsWith('d04-scan.tiff'))!;
    const scanPdf = results.find((r) => r.path.endsWith('d04-scan.pdf'))!;
    expect(tiff).toMatchObject({ status: 'imported', pages: 2 });
    expect(scanPdf).toMatchObject({ status: 'imported', pages: 2 });
    const doc = engine.get(scanPdf.id!);
    expect(doc.pages.map((p) => [p.source, p.ocrState])).toEqual([
      [null, 'pending'],
      [null, 'pending'],
    ]);
    expect(doc.status).toBe('imported');
  });

  it('stores the same bytes once and reports the second copy as a duplicate', () => {
    const copies = results.filter((r) => /(d01[\\/]born-digital|copy-of-d01|a<script>)/.test(r.path));
    expect(copies).toHaveLength(3); // the HTML-named file is a copy of d01 as well
    expect(copies.filter((r) => r.status === 'imported')).toHaveLength(1);
    expect(copies.filter((r) => r.status === 'duplicate')).toHaveLength(2);
    expect(new Set(copies.map((r) => r.id)).size).toBe(1);
  });

  it('keeps originals byte-for-byte under their SHA-256, and nothing from rejected files', () => {
    const imported = results.filter((r) => r.status === 'imported');
    const stored = listStore(engine.paths.store);
    expect(stored).toHaveLength(imported.length);
    for (const r of imported) {
      const bytes = readFileSync(r.path);
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(readFileSync(engine.store.pathFor(sha)).equals(bytes)).toBe(true);
      expect(engine.get(r.id!).sha256).toBe(sha);
    }
    const count = (sql: string) => (engine.db.prepare(sql).get() as { c: number }).c;
    expect(count('SELECT count(*) AS c FROM documents')).toBe(imported.length);
    expect(count('SELECT count(*) AS c FROM files')).toBe(imported.length);
  });

  it('keeps hostile and very long file names as data, exactly', () => {
    const html = resultFor(HTML_NAME);
    const long = resultFor(LONG_NAME);
    expect(engine.get(long.id!).fileName).toBe(LONG_NAME);
    expect(Buffer.byteLength(LONG_NAME)).toBe(254);
    // The HTML-named file duplicates d01, whose name was recorded first; it is never a path.
    expect(html.fileName).toBe(HTML_NAME);
    const shell = engine.get(resultFor('; rm -rf ~.png').id!);
    expect(shell.fileName).toBe('; rm -rf ~.png');
  });

  it('flags PDF active content and never runs it', () => {
    const js = engine.get(resultFor('javascript-openaction.pdf').id!);
    expect(js.warnings).toContain('ACTIVE_CONTENT');
    expect(js.pages[0]!.text).toContain('PDF with OpenAction JavaScript');
    expect(pdfActionHits).toEqual([]);
  });

  it('records every file of the batch as an item of one durable job', () => {
    const job = engine.jobs.list(10).find((j) => j.kind === 'import');
    expect(job).toMatchObject({ kind: 'import', state: 'done', progress_done: results.length, progress_total: results.length });
    const failed = engine.jobs.items(job!.id).filter((i) => i.state === 'failed');
    expect(failed.map((i) => i.error_code).sort()).toEqual(
      results.filter((r) => r.status === 'rejected').map((r) => r.error!.code).sort(),
    );
  });

  it('writes one audit event per imported document, in an intact chain', () => {
    const imported = results.filter((r) => r.status === 'imported').length;
    expect(engine.verifyAudit()).toEqual({ ok: true, checked: imported, firstBroken: null });
  });
});
