/**
 * Fault-injection property test of publishing (issue 9). Random sequences of decisions (public,
 * conditional, secret, withdrawn), exports, injected failures — a document whose published PDF
 * throws, ENOSPC from a size-limited writer after a random number of bytes — and re-exports, on a
 * tiny archive of synthetic documents imported through the engine; plus a few sequences where the
 * export runs in a child process killed with SIGKILL at a random point. After every completed
 * export:
 *   - the target holds exactly the files of its manifest, every byte matching it;
 *   - the published documents and conditional rows are exactly the exportable ones (an oracle
 *     written here from the decisions: latest decision approved, public/conditional, no stamp);
 *   - no protected title, number, text snippet, personal-data string or file hash of any
 *     non-exportable document is in any output file (PDF/ZIP/XLSX/DOCX decompressed), nor the
 *     text, personal data or file hash of a conditional one, nor the redacted person and ID
 *     number of a document published with redactions (documents a and b are "public" only as
 *     public with redactions: their regions are marked and accepted).
 * After every failed export the target is byte for byte what it was, with nothing left beside it.
 *
 * Runs: MINHBACH_PROPERTY_RUNS (default 200) in-process sequences, 4 killed ones.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/index';
import { exportCatalogue, type ExportOptions } from '../../../electron/engine/catalogue/exportCatalogue';
import { publishPaths } from '../../../electron/engine/catalogue/publishTarget';
import { CLI } from '../../helpers/cli';
import { sizeLimitedIo, snapshot } from '../../helpers/exportFaults';
import { REPO_ROOT, tempDir } from '../../helpers/fixtures';
import { decreeLines, syntheticArchive } from '../../helpers/syntheticDocs';
import { findLeaks, scanBytesInProcess, type ScannedText } from './outputScanner';

const RUNS = Number(process.env.MINHBACH_PROPERTY_RUNS ?? 200);
const KILLED_RUNS = 4;

type Access = 'public' | 'conditional' | 'secret';
interface Doc {
  name: string;
  person: string;
  cccd: string;
  number: string;
  marker: string;
  snippet: string;
  stamp?: string;
  /** Regions over the person's name and ID number: published only redacted (issue 14). */
  redacted?: boolean;
}

const DOCS: Doc[] = [
  { name: 'a', person: 'Phạm Văn Toàn', cccd: '079080001231', number: '191/KH-MB', marker: 'SUBJAMARK', snippet: 'BODYASNIPPET', redacted: true },
  { name: 'b', person: 'Lê Thị Hoa', cccd: '079080001232', number: '292/KH-MB', marker: 'SUBJBMARK', snippet: 'BODYBSNIPPET', redacted: true },
  { name: 'c', person: 'Đỗ Minh Quang', cccd: '079080001233', number: '393/KH-MB', marker: 'SUBJCMARK', snippet: 'BODYCSNIPPET' },
  { name: 'd', person: 'Vũ Thị Lan', cccd: '079080001234', number: '494/KH-MB', marker: 'SUBJDMARK', snippet: 'BODYDSNIPPET', stamp: 'MẬT' },
];

interface FileScan {
  /** Protected strings found anywhere in the file (decompressed), with where. */
  found: Map<string, string>;
  /** Those found in a PDF's extracted (glyph-decoded) text. */
  inPdfText: Set<string>;
}

const BASIS: Record<Access, string> = { public: 'L104.D17.K1.d', conditional: 'L104.D7.K2', secret: 'L104.D6.K1' };

type Action =
  | { kind: 'decide'; doc: number; access: Access }
  | { kind: 'withdraw'; doc: number }
  | { kind: 'export'; zip: boolean }
  | { kind: 'throwing'; doc: number }
  | { kind: 'enospc'; budget: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('decide' as const), doc: fc.nat(DOCS.length - 1), access: fc.constantFrom<Access>('public', 'conditional', 'secret') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), doc: fc.nat(DOCS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('export' as const), zip: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('throwing' as const), doc: fc.nat(DOCS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('enospc' as const), budget: fc.nat(80_000) }) },
);

describe('publishing: fault-injection property', () => {
  const tmp = tempDir('minhbach-publish-property-');
  const data = path.join(tmp.dir, 'data');
  let engine: Engine;
  let ids: number[];
  let fileHashes: string[];
  /** Which protected strings each output file holds, by content hash: most files are the same from
   *  one export to the next, so each is scanned (and searched for every string) once. */
  const scanned = new Map<string, FileScan>();
  let exportsCompleted = 0;
  let exportsFailed = 0;
  /** Completed exports in which a document was published with redactions. */
  let redactedPublished = 0;
  const spent = { export: 0, check: 0 };

  beforeAll(async () => {
    const files = path.join(tmp.dir, 'files');
    mkdirSync(files);
    const made = await syntheticArchive(
      data,
      DOCS.map((d) => ({
        name: d.name,
        lines: decreeLines({
          number: d.number,
          type: 'Kế hoạch',
          subject: `Về việc ${d.marker} đối với ông ${d.person}`,
          body: [`Ông ${d.person}, CCCD ${d.cccd}, nơi cư trú: số 12 đường Trần Phú, phường 3.`, `Đoạn văn ${d.snippet} của văn bản.`],
          ...(d.stamp ? { stamp: d.stamp } : {}),
        }),
      })),
      files,
    );
    engine = made.engine;
    ids = DOCS.map((d) => made.ids.get(d.name)!);
    engine.extract(ids);
    // The redacted documents' regions, accepted, and their redacted files built once (cached by key).
    for (const [i, d] of DOCS.entries()) {
      if (!d.redacted) continue;
      await engine.redaction.propose(ids[i]!, 'Người duyệt');
      engine.redaction.acceptAll(ids[i]!, 'Người duyệt');
      await engine.redaction.build(ids[i]!);
    }
    fileHashes = ids.map((id) => (engine.db.prepare('SELECT file_sha256 FROM documents WHERE id = ?').get(id) as { file_sha256: string }).file_sha256);
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    tmp.cleanup();
  });

  /** The oracle: what must be published now, from the decisions alone. */
  function expected(): { public: Set<number>; conditional: Set<number> } {
    const out = { public: new Set<number>(), conditional: new Set<number>() };
    DOCS.forEach((d, i) => {
      const latest = engine.db.prepare('SELECT access_class, approved FROM decisions WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(ids[i]!) as { access_class: Access; approved: number } | undefined;
      if (!latest?.approved || latest.access_class === 'secret' || d.stamp) return;
      out[latest.access_class].add(i);
    });
    return out;
  }

  function pidOf(i: number): string | null {
    return (engine.db.prepare('SELECT public_id FROM public_ids WHERE document_id = ?').get(ids[i]!) as { public_id: string } | undefined)?.public_id ?? null;
  }

  /** Every string the test may look for, of every document. */
  const allNeedles = (): string[] => [...DOCS.flatMap((d) => [d.snippet, d.person, d.cccd, d.marker, d.number]), ...fileHashes];

  async function scan(file: string, bytes: Buffer): Promise<FileScan> {
    const key = createHash('sha256').update(bytes).digest('hex') + file;
    let result = scanned.get(key);
    if (!result) {
      const texts: ScannedText[] = await scanBytesInProcess(bytes, file);
      result = {
        found: new Map(findLeaks(texts, allNeedles()).map((l) => [l.needle, l.origin])),
        inPdfText: new Set(findLeaks(texts.filter((t) => t.origin.endsWith('(text)')), allNeedles()).map((l) => l.needle)),
      };
      scanned.set(key, result);
    }
    return result;
  }

  /** Every invariant of a completed export. */
  async function checkPublished(out: string, zip: string | null): Promise<void> {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    const snap = snapshot(out);
    expect(Object.keys(snap).sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    for (const f of manifest.files) expect(snap[f.path], f.path).toBe(f.sha256);
    const want = expected();
    const pages = new Set(Object.keys(snap).filter((f) => f.startsWith('tai-lieu/') && f.endsWith('.html')));
    expect(pages).toEqual(new Set([...want.public].map((i) => `tai-lieu/${pidOf(i)}.html`)));
    const catalog = JSON.parse(readFileSync(path.join(out, 'catalog.json'), 'utf8')) as { conditional: { id: string }[] };
    expect(new Set(catalog.conditional.map((c) => c.id))).toEqual(new Set([...want.conditional].map((i) => `dk-${pidOf(i)}`)));
    const scans = new Map<string, FileScan>();
    for (const f of Object.keys(snap)) scans.set(f, await scan(f, readFileSync(path.join(out, f))));
    if (zip) scans.set('site.zip', await scan('site.zip', readFileSync(zip)));
    const needles: string[] = [];
    DOCS.forEach((d, i) => {
      if (want.public.has(i)) {
        // Published with redactions: everything but what the regions removed.
        if (d.redacted) {
          needles.push(d.person, d.cccd);
          redactedPublished += 1;
        }
        return;
      }
      needles.push(d.snippet, d.person, d.cccd, fileHashes[i]!);
      if (!want.conditional.has(i)) needles.push(d.marker, d.number);
    });
    const leaks = [...scans].flatMap(([, r]) => needles.filter((n) => r.found.has(n)).map((n) => ({ needle: n, origin: r.found.get(n) })));
    expect(leaks).toEqual([]);
    // Positive control: the scanner reads the glyph-coded table PDF (an exportable row is found there).
    for (const i of want.conditional) expect(scans.get('danh-muc-co-dieu-kien.pdf')!.inPdfText.has(DOCS[i]!.marker)).toBe(true);
    // Every catalogue row's title is masked, whatever the document's class.
    for (const f of ['catalog.json', 'catalog.csv']) expect(DOCS.filter((d) => scans.get(f)!.found.has(d.person))).toEqual([]);
  }

  async function runExport(out: string, a: Action): Promise<void> {
    const zip = a.kind === 'export' && a.zip ? path.join(path.dirname(out), `${path.basename(out)}.zip`) : null;
    const before = snapshot(out);
    const options: ExportOptions = { out, asOf: '2026-01-01', ...(zip ? { zip } : {}) };
    let deps = { db: engine.db, store: engine.store, publishedSource: (id: number) => engine.publishedSource(id), rasterise: (pdf: Uint8Array) => engine.rasterisedPdf(pdf), redactedText: (id: number) => engine.redactedText(id) };
    if (a.kind === 'throwing') {
      const bad = ids[a.doc]!;
      deps = { ...deps, publishedSource: (id: number) => (id === bad ? Promise.reject(new Error('Cannot read properties of undefined (reading \'Pages\')')) : engine.publishedSource(id)) };
    }
    if (a.kind === 'enospc') options.io = sizeLimitedIo(a.budget);
    let failed: { code?: string } | null = null;
    const t0 = performance.now();
    try {
      await (await exportCatalogue(deps, options)).cleanup; // the replaced generation, deleted in the background
    } catch (e) {
      failed = e as { code?: string };
    }
    spent.export += performance.now() - t0;
    const t1 = performance.now();
    if (failed) {
      exportsFailed += 1;
      expect(['EXPORT_DOCUMENT_FAILED', 'DISK_FULL']).toContain(failed.code);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(publishPaths(out).work).filter((n) => n !== 'state.json')).toEqual([]);
    } else {
      exportsCompleted += 1;
      await checkPublished(out, zip);
    }
    spent.check += performance.now() - t1;
  }

  function apply(a: Action): void {
    const id = ids[(a as { doc: number }).doc]!;
    // A redacted document is made public only as public with redactions.
    const partial = (access: Access) => access === 'public' && DOCS[(a as { doc: number }).doc]!.redacted === true;
    if (a.kind === 'decide') engine.decide({ documentId: id, access: a.access, basis: BASIS[a.access], reviewer: 'Người duyệt', note: 'thay đổi', partial: partial(a.access) });
    else if (a.kind === 'withdraw') {
      const latest = engine.db.prepare('SELECT access_class, basis_id FROM decisions WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(id) as { access_class: Access; basis_id: string } | undefined;
      if (latest) engine.decide({ documentId: id, access: latest.access_class, basis: latest.basis_id, reviewer: 'Người duyệt', note: 'rút lại', approve: false, partial: partial(latest.access_class) });
    }
  }

  let run = 0;
  it(`${RUNS} random sequences of decisions, exports and injected failures keep every invariant`, async () => {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 5 }), fc.boolean(), async (actions, freshTarget) => {
        run += 1;
        // Most sequences continue the previous target (re-exports); some start a new one.
        const out = path.join(tmp.dir, freshTarget ? `site-${run}` : 'site');
        for (const a of [...actions, { kind: 'export', zip: false } as Action]) {
          if (a.kind === 'decide' || a.kind === 'withdraw') apply(a);
          else await runExport(out, a);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(`property: ${RUNS} sequences, ${exportsCompleted} exports completed and checked, ${exportsFailed} failed as injected, ${((performance.now() - started) / 1000).toFixed(1)} s (exporting ${(spent.export / 1000).toFixed(1)} s, checking ${(spent.check / 1000).toFixed(1)} s)`);
    expect(exportsCompleted).toBeGreaterThanOrEqual(RUNS);
    expect(exportsFailed).toBeGreaterThan(0);
    expect(redactedPublished).toBeGreaterThan(0);
  }, 600_000);

  /** Starts `minhbach export` and SIGKILLs it after a random delay or at a random progress step. */
  function killedExport(out: string, at: { step: string } | { ms: number }): Promise<void> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, 'export', '--out', out, '--as-of', '2026-01-01', '--data-dir', data], { cwd: REPO_ROOT });
      const kill = () => child.kill('SIGKILL');
      if ('ms' in at) setTimeout(kill, at.ms);
      child.stderr.on('data', (d: Buffer) => {
        if ('step' in at && d.toString('utf8').includes(`… ${at.step}`)) kill();
      });
      child.on('exit', () => resolve());
    });
  }

  it(`${KILLED_RUNS} sequences with the export SIGKILLed in a child process: the target is always one whole generation, and the next export is right`, async () => {
    const out = path.join(tmp.dir, 'killed');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ doc: fc.nat(DOCS.length - 1), access: fc.constantFrom<Access>('public', 'conditional', 'secret') }), { minLength: 1, maxLength: 3 }),
        fc.oneof(fc.record({ step: fc.constantFrom('documents', 'manifest', 'switch') }), fc.record({ ms: fc.integer({ min: 300, max: 2500 }) })),
        async (decisions, at) => {
          for (const d of decisions) apply({ kind: 'decide', ...d });
          await killedExport(out, at);
          // Whatever the moment of the kill: the target is absent (first export, or cut between
          // the two renames with the previous generation beside it) or one whole generation.
          if (existsSync(path.join(out, 'manifest.json'))) {
            const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
            const snap = snapshot(out);
            expect(Object.keys(snap).sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
            for (const f of manifest.files) expect(snap[f.path]).toBe(f.sha256);
          } else {
            expect(existsSync(out) && readdirSync(out).length > 0).toBe(false);
          }
          await runExport(out, { kind: 'export', zip: false });
          expect(readdirSync(publishPaths(out).work).sort()).toEqual(['state.json']);
        },
      ),
      { numRuns: KILLED_RUNS, endOnFailure: true },
    );
  }, 300_000);
});
