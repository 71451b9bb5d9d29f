/**
 * One export: plan (the single exportability rule) → every file staged beside the published folder
 * → `manifest.json` last → every staged file verified against it → (ZIP from the verified files)
 * → the published folder switched over in one step (publishTarget.ts). Every file is a function
 * of the plan and of the public entries' own data; nothing reads a document that is not in the
 * plan, so a secret, undecided or withdrawn document contributes no byte. Any failure — a
 * document that cannot be rendered, a full disk, a kill — leaves the published folder as it was.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import { appendAudit } from '../audit/auditLog';
import { readAgencySettings } from './agencySettings';
import { catalogCsv, catalogJson, catalogRows, CSV_HEADER } from './dataFiles';
import { ExportError, exportFailure, type DocumentLabel } from './exportErrors';
import { atomFeed, sitemapXml } from './feeds';
import { docx, xlsx } from './ooxml';
import { planExport } from './exportPlan';
import { pdfTable } from './pdfTable';
import { publishedPdf, type RasterisePdf } from './publishedPdf';
import { MANIFEST_FILE, publishPaths, PublishSession, type PublishPaths } from './publishTarget';
import { searchIndexFiles } from './searchIndex';
import { diskIo, StagingWriter, type ExportIo } from './stagingWriter';
import {
  conditionalCataloguePages,
  conditionalPageFile,
  documentPage,
  documentPageFile,
  documentPdfFile,
  formFile,
  indexPage,
  publicCataloguePages,
  publicPageFile,
  searchPage,
  type DocumentText,
} from './sitePages';
import { breathe, deterministicZip } from './zip';
import { withheldNote } from './dataFiles';
import type { ExportPlan, HeldBack, PublicEntry } from './types';
import { resourcePath } from '../resourcesDir';

/** Bumped whenever the exporter's output for the same inputs changes: cached derived files are redone. */
export const EXPORTER_VERSION = '5';

export interface ExportOptions {
  out: string;
  zip?: string;
  /** Day the list is current for (yyyy-mm-dd); default today. Only filters, never printed. */
  asOf?: string;
  /** Write each public document's PDF (default true; the benchmark measures the catalogue alone). */
  documentPdfs?: boolean;
  actor?: string;
  assetsDir?: string;
  onProgress?: (step: string) => void;
  /** How file bytes are written (tests inject a size-limited writer). */
  io?: ExportIo;
  /** Read and hash every reused file, trusting no identity this process recorded (reuseTrust.ts);
   *  the first export of a process always does. */
  verifyAll?: boolean;
}

export interface ExportSummary {
  /** Resolves when the replaced generation has been deleted (it is deleted in the background). */
  cleanup?: Promise<void>;
  out: string;
  zip: string | null;
  counts: ExportPlan['counts'];
  heldBack: HeldBack[];
  files: number;
  written: number;
  unchanged: number;
  /** Of the unchanged files, those read and hashed again (the others were accepted by their
   *  identity: the same file this process hashed before, unchanged since). */
  rehashed: number;
  /** Of the unchanged files, those the spare generation already held (publishTarget.ts). */
  keptFromSpare: number;
  removed: number;
  /** Paths whose bytes this run wrote (not reused from the previous generation). */
  writtenFiles: string[];
  /** Paths the previous generation had and this one does not. */
  removedFiles: string[];
  manifestSha256: string;
  warnings: string[];
}

export interface ExportDeps {
  db: Db;
  store: FileStore;
  /** The bytes a public document's published PDF is made from, before cleaning: by default the
   *  archive's searchable PDF (issue 14 plugs a redacted rasterised PDF in here). */
  publishedSource: (documentId: number) => Promise<Uint8Array>;
  /** Renders a PDF at default visibility with an OCR text layer (encrypted or layered PDFs). */
  rasterise: RasterisePdf;
  /** What a reader sees on each page of a partly public document's redacted file (its OCR text):
   *  published as its full text instead of the archive's. Without it such documents fail to
   *  export rather than publish the archive's text. */
  redactedText?: (documentId: number) => Promise<string[]>;
}

function hash(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify([EXPORTER_VERSION, ...parts])).digest('hex');
}

/**
 * A public entry as fingerprint input: every field of the entry (whatever fields it has, so a
 * field added to the plan is part of every page's fingerprint without touching this), with an
 * object-valued field as its JSON, or when that is long (the Art. 17 group: one object shared by
 * thousands of entries, with its long title) the hash of its JSON, computed once per object. Serialising the group into
 * each of 80 000 fingerprints was most of their cost.
 */
function entryFingerprinter(): (e: PublicEntry) => string {
  const shared = new WeakMap<object, string>();
  return (e) => {
    const parts: unknown[] = [];
    for (const [k, v] of Object.entries(e)) {
      if (v !== null && typeof v === 'object') {
        let h = shared.get(v);
        if (h === undefined) {
          const json = JSON.stringify(v);
          // A short object (a copy per entry, like the basis) is cheaper inline than hashed.
          h = json.length > 160 ? createHash('sha256').update(json).digest('base64') : json;
          shared.set(v, h);
        }
        parts.push(k, h);
      } else parts.push(k, v);
    }
    return JSON.stringify(parts);
  };
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const PUBLIC_TABLE = { header: ['STT', 'Tên, số, ký hiệu văn bản', 'Ngày ban hành', 'Nhóm thông tin', 'Hình thức công khai', 'Thời điểm công khai', 'Thời hạn công khai', 'Đường dẫn'], widths: [4, 34, 9, 14, 11, 9, 10, 12] };
const CONDITIONAL_TABLE = { header: ['STT', 'Tên thông tin', 'Số, ký hiệu', 'Ngày ban hành', 'Điều kiện tiếp cận', 'Căn cứ pháp lý'], widths: [4, 34, 12, 9, 22, 22] };

export async function exportCatalogue(deps: ExportDeps, options: ExportOptions): Promise<ExportSummary> {
  const progress = options.onProgress ?? (() => undefined);
  const plan = planExport(deps.db, { asOf: options.asOf ?? today() });
  if (options.zip) refuseZipInside(path.resolve(options.zip), publishPaths(options.out));
  const session = await PublishSession.open(options.out);
  // A ZIP cut short by an earlier crash.
  if (options.zip) await rm(zipTemp(path.resolve(options.zip)), { force: true });
  try {
    const built = await stage(deps, options, plan, session, progress);
    progress('switch');
    await session.switchOver(built.keepSpare, [...built.summary.writtenFiles, ...built.summary.removedFiles]);
    // From here on the new site is published: what fails now is reported, not undone.
    if (built.summary.zip) {
      const zipPath = built.summary.zip;
      await rename(zipTemp(zipPath), zipPath).catch(async (e: Error) => {
        await rm(zipTemp(zipPath), { force: true });
        built.summary.zip = null;
        built.summary.warnings.push(`Đã công bố thư mục nhưng không ghi được tệp ZIP «${zipPath}» (${e.message}).`);
      });
    }
    await session.writeState(built.state).catch(() => undefined); // only a reuse hint
    appendAudit(deps.db, {
      actor: options.actor ?? 'minhbach',
      action: 'catalogue.exported',
      payload: { counts: plan.counts, heldBack: plan.heldBack, files: built.summary.files, written: built.summary.written, removed: built.summary.removed, manifestSha256: built.summary.manifestSha256 },
    });
    // Not part of the JSON summary: a handle for callers (tests) that wait for the old files to go.
    Object.defineProperty(built.summary, 'cleanup', { value: session.cleanup, enumerable: false });
    return built.summary;
  } catch (e) {
    await session.abandon();
    if (options.zip) await rm(zipTemp(path.resolve(options.zip)), { force: true });
    throw exportFailure(e);
  } finally {
    await session.release();
  }
}

const zipTemp = (zipPath: string) => `${zipPath}.minhbach-tmp`;

/** The ZIP is written after the folder switched: inside the folder (or its working folder) it
 *  would be a file the manifest does not list. */
function refuseZipInside(zipPath: string, paths: PublishPaths): void {
  for (const dir of [paths.target, paths.work]) {
    if (zipPath === dir || zipPath.startsWith(dir + path.sep)) {
      throw new ExportError('EXPORT_TARGET_INVALID', `Tệp ZIP «${zipPath}» không được nằm trong thư mục xuất «${paths.target}»: thư mục này chỉ chứa các tệp của bản xuất. Hãy chọn chỗ khác cho tệp ZIP.`, `zip inside the target: ${zipPath}`);
    }
  }
}

/** Labels of documents for error messages (the staff's view: archive id, number, subject). */
function labelOf(db: Db, id: number): DocumentLabel {
  const r = db.prepare('SELECT number_notation, subject, file_name FROM documents WHERE id = ?').get(id) as { number_notation: string | null; subject: string | null; file_name: string } | undefined;
  return { id, numberNotation: r?.number_notation ?? null, title: r?.subject?.trim() || r?.file_name || `#${id}` };
}

/** Runs a step for one document; any failure names the document. */
async function forDocument<T>(db: Db, e: PublicEntry, step: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw exportFailure(err, { document: labelOf(db, e.documentId), step });
  }
}

async function stage(deps: ExportDeps, options: ExportOptions, plan: ExportPlan, session: PublishSession, progress: (step: string) => void): Promise<{ summary: ExportSummary; state: string; keepSpare: boolean }> {
  const writer = await StagingWriter.open(session, options.io ?? diskIo, options.verifyAll ?? false);
  try {
    return { ...(await build(deps, options, plan, session, writer, progress)), keepSpare: writer.linksWork };
  } catch (e) {
    // Nothing may still be writing into staging when the caller deletes it.
    await writer.abort();
    throw e;
  }
}

async function build(
  deps: ExportDeps,
  options: ExportOptions,
  plan: ExportPlan,
  session: PublishSession,
  writer: StagingWriter,
  progress: (step: string) => void,
): Promise<{ summary: ExportSummary; state: string }> {
  const { db, store } = deps;
  const agency = readAgencySettings(db);
  const out = session.paths.target;
  const warnings: string[] = [];
  // Read by records staff: plain words, where to fix it, no file formats or setting keys.
  if (!agency.siteUrl) warnings.push('Chưa có địa chỉ trang web nơi đăng chuyên mục (Cài đặt → Thông tin cơ quan): các đường dẫn trong bản đồ trang và trong bản tin cập nhật sẽ không đầy đủ.');
  if (!agency.name) warnings.push('Chưa có tên cơ quan (Cài đặt → Thông tin cơ quan): chuyên mục sẽ không ghi tên cơ quan công bố.');
  const stamp = plan.updatedAt;

  progress('assets');
  const assets = options.assetsDir ?? resourcePath('site');
  for (const name of ['site.css', 'catalog.js', 'search.js']) await writer.put(`assets/${name}`, await readFile(path.join(assets, name)));

  // The data files and the big tables (catalog.json/csv/xlsx, both catalogues as PDF and DOCX) are
  // built while the document pages are written: the page writes wait on the disk, these on the
  // CPU, and the table builders yield between chunks so the writes keep going.
  progress('data');
  const dataTask = writer.track((async () => {
    await breathe();
    await writer.put('catalog.json', catalogJson(plan, agency));
    await breathe();
    const csv = catalogCsv(plan);
    await writer.put('catalog.csv', csv);
    const rows = catalogRows(plan);
    const publicRows = rows.filter((r) => r[0] === 'Công khai');
    const conditionalRows = rows.filter((r) => r[0] !== 'Công khai');
    const publicTableRows = plan.publicEntries.map((e, i) => [i + 1, [e.title, e.numberNotation ? `Số ${e.numberNotation}` : '', withheldNote(e)].filter(Boolean).join(' — '), fmt(e.issuedDate), e.group.label, 'Trang thông tin điện tử', fmt(e.disclosedOn), e.until ? `Đến ${fmt(e.until)}` : 'Thường xuyên', documentPageFile(e.publicId)]);
    const conditionalTableRows = plan.conditionalEntries.map((e, i) => [i + 1, e.title, e.numberNotation, fmt(e.issuedDate), e.condition, e.basis.citation]);
    const subtitle = `${agency.name ?? ''}${agency.name ? ' — ' : ''}cập nhật ngày ${fmt(stamp.slice(0, 10))}`;
    // The fingerprints hold the whole stamp: the files embed it (ZIP entry times, PDF dates), and a
    // second approval on the same day changes it without changing the subtitle's date — the table
    // kept from the earlier export would differ from one built from nothing.
    await writer.putDerived('catalog.xlsx', hash('xlsx', createHash('sha256').update(csv).digest('hex'), stamp), async () =>
      xlsx(
        [
          { name: 'Công khai', header: CSV_HEADER.slice(1), rows: publicRows.map((r) => r.slice(1)), widths: [6, 60, 16, 14, 24, 24, 14, 20, 12, 12, 30, 40] },
          { name: 'Có điều kiện', header: CSV_HEADER.slice(1), rows: conditionalRows.map((r) => r.slice(1)), widths: [6, 60, 16, 14, 12, 12, 12, 12, 40, 40, 12, 12] },
        ],
        stamp,
      ),
    );
    const publicTable = { title: 'DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI', subtitle, ...PUBLIC_TABLE, rows: publicTableRows };
    const conditionalTable = { title: 'DANH MỤC THÔNG TIN ĐƯỢC TIẾP CẬN CÓ ĐIỀU KIỆN', subtitle, ...CONDITIONAL_TABLE, rows: conditionalTableRows };
    const publicKey = hash('table', publicTable, stamp);
    const conditionalKey = hash('table', conditionalTable, stamp);
    await writer.putDerived('danh-muc-cong-khai.pdf', publicKey, () => pdfTable(publicTable, stamp));
    await writer.putDerived('danh-muc-cong-khai.docx', publicKey, async () => docx(publicTable, stamp));
    await writer.putDerived('danh-muc-co-dieu-kien.pdf', conditionalKey, () => pdfTable(conditionalTable, stamp));
    await writer.putDerived('danh-muc-co-dieu-kien.docx', conditionalKey, async () => docx(conditionalTable, stamp));
  })());

  // The catalogue pages and the search index, like the data files, are built while the document
  // pages are being written.
  progress('catalogues');
  const siteTask = writer.track((async () => {
    await breathe();
    await writer.put('index.html', indexPage(plan, agency));
    await writer.put('tim-kiem.html', searchPage(agency));
    const publicPages = publicCataloguePages(plan, agency);
    for (const [i, html] of publicPages.entries()) await writer.put(publicPageFile(i + 1), html);
    const conditionalPages = conditionalCataloguePages(plan, agency);
    for (const [i, html] of conditionalPages.entries()) await writer.put(conditionalPageFile(i + 1), html);
    await breathe();
    for (const [file, js] of searchIndexFiles(plan)) await writer.put(file, js);
    return { publicPages: publicPages.length, conditionalPages: conditionalPages.length };
  })());

  progress('documents');
  const withPdfs = options.documentPdfs ?? true;
  // Pages' identity and signers in two scans (not two queries per document); a page's text is
  // read only when its document page has to be rendered again.
  const pageMeta = new Map<number, [number, string | null, string][]>();
  for (const p of db.prepare('SELECT document_id, n, image_sha256, updated_at FROM pages ORDER BY document_id, n').iterate() as Iterable<{ document_id: number; n: number; image_sha256: string | null; updated_at: string }>) {
    let list = pageMeta.get(p.document_id);
    if (!list) pageMeta.set(p.document_id, (list = []));
    list.push([p.n, p.image_sha256, p.updated_at]);
  }
  const signers = new Map<number, Record<string, string | null>>();
  for (const r of db.prepare("SELECT document_id, key, value FROM header_fields WHERE key IN ('signer', 'signerTitle') ORDER BY document_id, key").iterate() as Iterable<{ document_id: number; key: string; value: string | null }>) {
    let rec = signers.get(r.document_id);
    if (!rec) signers.set(r.document_id, (rec = {}));
    rec[r.key] = r.value;
  }
  const pageTexts = db.prepare('SELECT n, text FROM pages WHERE document_id = ? ORDER BY n');
  const fileOf = db.prepare('SELECT file_sha256 FROM documents WHERE id = ?');
  const siteKey = hash('site', agency);
  const entryKey = entryFingerprinter();
  for (const e of plan.publicEntries) {
    const meta = pageMeta.get(e.documentId) ?? [];
    let pdfBytes: number | null = null;
    let visibleText: string[] | null = null;
    if (withPdfs) {
      const file = (fileOf.get(e.documentId) as { file_sha256: string }).file_sha256;
      const fingerprint = hash('pdf', file, meta, e.numberNotation, e.subject, e.issuer, e.title, e.disclosedAt, e.withheld?.key ?? null);
      const state = await forDocument(db, e, 'published PDF', () =>
        writer.putDerived(documentPdfFile(e.publicId), fingerprint, async () => {
          const made = await publishedPdf(await deps.publishedSource(e.documentId), e, deps.rasterise);
          return { bytes: made.bytes, ...(made.visibleText ? { meta: { visibleText: made.visibleText } } : {}) };
        }),
      );
      pdfBytes = state.size;
      // A rasterised PDF's OCR text is what a reader sees (the archive's text layer may hold a hidden layer).
      const seen = state.meta?.visibleText;
      if (Array.isArray(seen)) visibleText = seen as string[];
    }
    // A partly public document's text is what its redacted file shows, never the archive's.
    if (e.withheld) {
      const redactedText = deps.redactedText;
      visibleText = await forDocument(db, e, 'redacted text', async () => {
        if (!redactedText) throw new Error('no redacted text for a partly public document');
        return redactedText(e.documentId);
      });
    }
    const signer = signers.get(e.documentId) ?? {};
    // The page is a function of the entry, its pages, its signer, its PDF's size and the agency
    // settings: unchanged inputs, no rendering.
    const fingerprint = createHash('sha256').update(`${EXPORTER_VERSION}\u0000page\u0000${siteKey}\u0000`).update(entryKey(e)).update(JSON.stringify([meta, signer, pdfBytes, visibleText])).digest('hex');
    await writer.putDerived(documentPageFile(e.publicId), fingerprint, async () => {
      const pages = visibleText
        ? visibleText.map((text, i) => ({ n: i + 1, text }))
        : (pageTexts.all(e.documentId) as { n: number; text: string | null }[]);
      const text: DocumentText = {
        pages: pages.map((p) => ({ n: p.n, text: p.text ?? '' })),
        signer: signer.signer ?? null,
        signerTitle: signer.signerTitle ?? null,
        pdfBytes,
      };
      return Buffer.from(documentPage(e, text, agency), 'utf8');
    });
  }

  for (const form of agency.forms) {
    await writer.putDerived(formFile(form.code, form.ext), hash('form', form.sha256), () => readFile(store.pathFor(form.sha256)));
  }

  const catalogueFiles = await siteTask;
  await dataTask;
  progress('feeds');
  await writer.put('sitemap.xml', sitemapXml(plan, agency.siteUrl, { public: catalogueFiles.publicPages, conditional: catalogueFiles.conditionalPages }));
  await writer.put('feed.xml', atomFeed(plan, agency.siteUrl, agency.name));

  progress('manifest');
  const stats = await writer.finish((files) => JSON.stringify({ schemaVersion: 1, generator: 'Minh Bạch', updatedAt: stamp, files }, null, 1) + '\n');
  const files = writer.files();
  const zipPath = options.zip ? path.resolve(options.zip) : null;
  if (zipPath) {
    progress('zip');
    // From the staged files just verified, each checked again as it is read.
    const entries: [string, Uint8Array][] = [];
    for (const f of files) {
      const bytes = await readFile(path.join(session.paths.staging, f.path));
      if (createHash('sha256').update(bytes).digest('hex') !== f.sha256) throw new Error(`staged ${f.path} changed before the ZIP`);
      entries.push([f.path, bytes]);
    }
    entries.push([MANIFEST_FILE, Buffer.from(stats.manifestText, 'utf8')]);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // Written beside its final name now, renamed only once the folder has switched.
    try {
      await (options.io ?? diskIo).writeFile(zipTemp(zipPath), await deterministicZip(entries, stamp));
    } catch (err) {
      throw exportFailure(err, { file: path.basename(zipPath), step: 'zip' });
    }
  }
  const manifestSha256 = createHash('sha256').update(stats.manifestText).digest('hex');
  return {
    state: writer.stateJson(),
    summary: {
      out,
      zip: zipPath,
      counts: plan.counts,
      heldBack: plan.heldBack,
      files: files.length + 1,
      written: stats.written.length,
      unchanged: stats.reused,
      rehashed: stats.rehashed,
      keptFromSpare: stats.keptFromSpare,
      removed: stats.removed.length,
      writtenFiles: stats.written,
      removedFiles: stats.removed,
      manifestSha256,
      warnings,
    },
  };
}

function fmt(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
