/**
 * One export: plan (the single exportability query) → files → manifest (→ ZIP). Every file is a
 * function of the plan and of the public entries' own data; nothing reads a document that is not
 * in the plan, so a secret or undecided document contributes no byte.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import { appendAudit } from '../audit/auditLog';
import { readAgencySettings } from './agencySettings';
import { catalogCsv, catalogJson, catalogRows, CSV_HEADER } from './dataFiles';
import { atomFeed, sitemapXml } from './feeds';
import { docx, xlsx } from './ooxml';
import { MANIFEST_FILE, OutputWriter, type WriteStats } from './outputWriter';
import { planExport } from './exportPlan';
import { pdfTable } from './pdfTable';
import { publishedPdf } from './publishedPdf';
import { searchIndexFiles } from './searchIndex';
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
import type { ExportPlan, HeldBack } from './types';
import { resourcePath } from '../resourcesDir';

/** Bumped whenever the exporter's output for the same inputs changes: cached derived files are redone. */
export const EXPORTER_VERSION = '3';

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
}

export interface ExportSummary {
  out: string;
  zip: string | null;
  counts: ExportPlan['counts'];
  heldBack: HeldBack[];
  files: number;
  written: number;
  unchanged: number;
  removed: number;
  /** Paths rewritten by this run (incremental export: only what changed). */
  writtenFiles: string[];
  removedFiles: string[];
  manifestSha256: string;
  warnings: string[];
}

export interface ExportDeps {
  db: Db;
  store: FileStore;
  /** The archive's searchable PDF of a document (Engine.searchablePdf). */
  searchablePdf: (id: number) => Promise<Uint8Array>;
}

function hash(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify([EXPORTER_VERSION, ...parts])).digest('hex');
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const PUBLIC_TABLE = { header: ['STT', 'Tên, số, ký hiệu văn bản', 'Ngày ban hành', 'Nhóm thông tin', 'Hình thức công khai', 'Thời điểm công khai', 'Thời hạn công khai', 'Đường dẫn'], widths: [4, 34, 9, 14, 11, 9, 10, 12] };
const CONDITIONAL_TABLE = { header: ['STT', 'Tên thông tin', 'Số, ký hiệu', 'Ngày ban hành', 'Điều kiện tiếp cận', 'Căn cứ pháp lý'], widths: [4, 34, 12, 9, 22, 22] };

export async function exportCatalogue(deps: ExportDeps, options: ExportOptions): Promise<ExportSummary> {
  const { db, store } = deps;
  const progress = options.onProgress ?? (() => undefined);
  const plan = planExport(db, { asOf: options.asOf ?? today() });
  const agency = readAgencySettings(db);
  const out = path.resolve(options.out);
  const writer = await OutputWriter.open(out);
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
  const dataTask = (async () => {
    await breathe();
    await writer.put('catalog.json', catalogJson(plan, agency));
    await breathe();
    const csv = catalogCsv(plan);
    await writer.put('catalog.csv', csv);
    const rows = catalogRows(plan);
    const publicRows = rows.filter((r) => r[0] === 'Công khai');
    const conditionalRows = rows.filter((r) => r[0] !== 'Công khai');
    const publicTableRows = plan.publicEntries.map((e, i) => [i + 1, [e.title, e.numberNotation ? `Số ${e.numberNotation}` : ''].filter(Boolean).join(' — '), fmt(e.issuedDate), e.group.label, 'Trang thông tin điện tử', fmt(e.disclosedOn), e.until ? `Đến ${fmt(e.until)}` : 'Thường xuyên', documentPageFile(e.documentId)]);
    const conditionalTableRows = plan.conditionalEntries.map((e, i) => [i + 1, e.title, e.numberNotation, fmt(e.issuedDate), e.condition, e.basis.citation]);
    const subtitle = `${agency.name ?? ''}${agency.name ? ' — ' : ''}cập nhật ngày ${fmt(stamp.slice(0, 10))}`;
    await writer.putDerived('catalog.xlsx', hash('xlsx', createHash('sha256').update(csv).digest('hex')), async () =>
      xlsx(
        [
          { name: 'Công khai', header: CSV_HEADER.slice(1), rows: publicRows.map((r) => r.slice(1)), widths: [6, 60, 16, 14, 24, 24, 14, 20, 12, 12, 30] },
          { name: 'Có điều kiện', header: CSV_HEADER.slice(1), rows: conditionalRows.map((r) => r.slice(1)), widths: [6, 60, 16, 14, 12, 12, 12, 12, 40, 40, 12] },
        ],
        stamp,
      ),
    );
    const publicTable = { title: 'DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI', subtitle, ...PUBLIC_TABLE, rows: publicTableRows };
    const conditionalTable = { title: 'DANH MỤC THÔNG TIN ĐƯỢC TIẾP CẬN CÓ ĐIỀU KIỆN', subtitle, ...CONDITIONAL_TABLE, rows: conditionalTableRows };
    const publicKey = hash('table', publicTable);
    const conditionalKey = hash('table', conditionalTable);
    await writer.putDerived('danh-muc-cong-khai.pdf', publicKey, () => pdfTable(publicTable, stamp));
    await writer.putDerived('danh-muc-cong-khai.docx', publicKey, async () => docx(publicTable, stamp));
    await writer.putDerived('danh-muc-co-dieu-kien.pdf', conditionalKey, () => pdfTable(conditionalTable, stamp));
    await writer.putDerived('danh-muc-co-dieu-kien.docx', conditionalKey, async () => docx(conditionalTable, stamp));
  })();
  dataTask.catch(() => undefined);

  // The catalogue pages and the search index, like the data files, are built while the document
  // pages are being written.
  progress('catalogues');
  const siteTask = (async () => {
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
  })();
  siteTask.catch(() => undefined);

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
  for (const e of plan.publicEntries) {
    const meta = pageMeta.get(e.documentId) ?? [];
    let pdfBytes: number | null = null;
    if (withPdfs) {
      const file = (fileOf.get(e.documentId) as { file_sha256: string }).file_sha256;
      const fingerprint = hash('pdf', file, meta, e.numberNotation, e.subject, e.issuer, e.title, e.disclosedAt);
      const state = await writer.putDerived(documentPdfFile(e.documentId), fingerprint, async () => publishedPdf(await deps.searchablePdf(e.documentId), e));
      pdfBytes = state.size;
    }
    const signer = signers.get(e.documentId) ?? {};
    // The page is a function of the entry, its pages, its signer, its PDF's size and the agency
    // settings: unchanged inputs, no rendering.
    const fingerprint = hash('page', siteKey, e, meta, signer, pdfBytes);
    await writer.putDerived(documentPageFile(e.documentId), fingerprint, async () => {
      const pages = pageTexts.all(e.documentId) as { n: number; text: string | null }[];
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
  let manifestText = '';
  const stats: WriteStats = await writer.finish((files) => {
    manifestText = JSON.stringify({ schemaVersion: 1, generator: 'Minh Bạch', updatedAt: stamp, files }, null, 1) + '\n';
    return manifestText;
  });
  const files = writer.files();
  if (options.zip) {
    progress('zip');
    const entries: [string, Uint8Array][] = [];
    for (const f of files) entries.push([f.path, await readFile(path.join(out, f.path))]);
    entries.push([MANIFEST_FILE, Buffer.from(manifestText, 'utf8')]);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const zipPath = path.resolve(options.zip);
    await writeFile(zipPath + '.tmp', await deterministicZip(entries, stamp));
    await rename(zipPath + '.tmp', zipPath);
  }
  const manifestSha256 = createHash('sha256').update(manifestText).digest('hex');
  appendAudit(db, {
    actor: options.actor ?? 'minhbach',
    action: 'catalogue.exported',
    payload: { counts: plan.counts, heldBack: plan.heldBack, files: files.length, written: stats.written.length, removed: stats.removed.length, manifestSha256 },
  });
  return {
    out,
    zip: options.zip ? path.resolve(options.zip) : null,
    counts: plan.counts,
    heldBack: plan.heldBack,
    files: files.length + 1,
    written: stats.written.length,
    unchanged: stats.unchanged,
    removed: stats.removed.length,
    writtenFiles: stats.written,
    removedFiles: stats.removed,
    manifestSha256,
    warnings,
  };
}

function fmt(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
