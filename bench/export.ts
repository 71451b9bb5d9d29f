/**
 * npm run bench:export — seconds for a full catalogue export of 100 000 rows, for a re-export
 * after one change, and the index's first-load bytes. The archive is synthetic (documents, one
 * page of text each, approved decisions: 80 % public across the Art. 17 groups, 15 % conditional,
 * 5 % secret), written straight into SQLite so the bench measures the export, not import/OCR.
 * Document PDFs are left out of the 100 000-row run (documentPdfs: false): they come from the
 * archive's searchable PDFs, are built once per document and then reused by fingerprint; their
 * cost per document is measured separately on the fixture corpus.
 *
 *   npm run bench:export -- [--rows 100000] [--keep DIR]
 *
 * To see where the time goes: `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/export.ts`
 * (one .cpuprofile for the whole run; open it in Chrome DevTools' Performance panel).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chunkCacheStats } from '../electron/engine/catalogue/chunkCache';
import { createEngine } from '../electron/engine/index';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, keep: { type: 'string' } } });
// With --keep DIR, a DIR already holding a seeded archive of the same size is reused (its site too):
// repeated runs (profiles) skip the seeding.
const rows = Number(values.rows);
const root = values.keep ?? mkdtempSync(path.join(os.tmpdir(), 'minhbach-bench-export-'));
const PUBLIC_BASES = ['L104.D17.K1.a', 'L104.D17.K1.b', 'L104.D17.K1.c', 'L104.D17.K1.d', 'L104.D17.K1.dd', 'L104.D17.K1.e', 'L104.D17.K1.g', 'L104.D17.K1.l', 'L104.D17.K2'];
const TYPES = ['Quyết định', 'Công văn', 'Kế hoạch', 'Thông báo', 'Báo cáo', 'Tờ trình'];
const SUBJECTS = ['Về việc phê duyệt kế hoạch phát triển kinh tế - xã hội', 'V/v tăng cường công tác cải cách thủ tục hành chính', 'Về việc công khai dự toán ngân sách nhà nước', 'V/v triển khai chương trình chuyển đổi số', 'Về việc tuyển dụng công chức cấp xã', 'V/v phổ biến, giáo dục pháp luật'];

function seed(dataDir: string): Promise<void> {
  return createEngine({ dataDir, workers: 1 }).then(async (engine) => {
    const db = engine.db;
    const now = '2025-06-30T08:00:00.000Z';
    const file = db.prepare('INSERT INTO files (sha256, size, mime, created_at) VALUES (?, 1000, ?, ?)');
    const doc = db.prepare(
      `INSERT INTO documents (id, file_sha256, file_name, mime, page_count, status, doc_type, issuer, issued_date, number_notation, subject, access_class, created_at, updated_at)
       VALUES (?, ?, ?, 'application/pdf', 1, 'approved', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const page = db.prepare("INSERT INTO pages (document_id, n, text, source, ocr_state, updated_at) VALUES (?, 1, ?, 'text-layer', 'skipped', ?)");
    const decision = db.prepare(
      "INSERT INTO decisions (document_id, access_class, basis_id, basis_version, reviewer, approved, decided_at) VALUES (?, ?, ?, '2016', 'bench', 1, ?)",
    );
    db.transaction(() => {
      for (let i = 1; i <= rows; i += 1) {
        const sha = i.toString(16).padStart(64, '0');
        const cls = i % 20 === 0 ? 'secret' : i % 20 < 4 ? 'conditional' : 'public';
        const basis = cls === 'secret' ? 'L104.D6.K1' : cls === 'conditional' ? 'L104.D7.K2' : PUBLIC_BASES[i % PUBLIC_BASES.length]!;
        const type = TYPES[i % TYPES.length]!;
        const date = `20${String(15 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const subject = `${SUBJECTS[i % SUBJECTS.length]} số ${i} năm ${date.slice(0, 4)}`;
        file.run(sha, 'application/pdf', now);
        doc.run(i, sha, `van-ban-${i}.pdf`, type, 'Ủy ban nhân dân huyện Châu Thành', date, `${i}/QĐ-UBND`, subject, cls, now, now);
        page.run(i, `ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH\nSố: ${i}/QĐ-UBND\n${type.toUpperCase()}\n${subject}\nCăn cứ Luật Tổ chức chính quyền địa phương; xét đề nghị của Chánh Văn phòng.`, now);
        const day = new Date(Date.UTC(2025, 0, 1) + (i % 180) * 86_400_000).toISOString();
        decision.run(i, cls, basis, day);
      }
    })();
    await engine.close();
  });
}

const dataDir = path.join(root, 'data');
const out = path.join(root, 'site');
try {
  let t = performance.now();
  if (values.keep && existsSync(path.join(dataDir, 'seeded'))) console.error('reusing the seeded archive');
  else {
    await seed(dataDir);
    writeFileSync(path.join(dataDir, 'seeded'), String(rows));
  }
  console.error(`seeded ${rows} documents in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const engine = await createEngine({ dataDir, workers: 1, actor: 'bench' });
  const steps = (label: string) => {
    let last = performance.now();
    let prev = 'start';
    return (step: string) => {
      const now = performance.now();
      console.error(`  ${label} ${prev}: ${((now - last) / 1000).toFixed(2)} s`);
      last = now;
      prev = step;
    };
  };
  // CPU seconds (user + system) beside wall seconds: on a shared machine the wall time swings
  // with the load, the CPU time much less.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  // The replaced generation is deleted in the background after each switch: awaited (and timed)
  // before the next export, so no export is measured while the previous one's deletion runs.
  const cleanups: { seconds: number; cpuSeconds: number }[] = [];
  const awaitCleanup = async (summary: { cleanup?: Promise<void> }) => {
    const [t0, c0] = [performance.now(), cpu()];
    await summary.cleanup;
    cleanups.push({ seconds: Number(((performance.now() - t0) / 1000).toFixed(2)), cpuSeconds: Number((cpu() - c0).toFixed(2)) });
  };
  t = performance.now();
  let c = cpu();
  const full = await engine.exportCatalogue({ out, asOf: '2026-01-01', documentPdfs: false, onProgress: steps('full') });
  const fullS = (performance.now() - t) / 1000;
  const fullCpu = cpu() - c;
  await awaitCleanup(full);
  const fullChunkCache = chunkCacheStats();
  // One change = one document re-approved with a corrected published title (what is published is
  // what a reviewer approved; a header correction alone changes nothing on the site). Three in a
  // row: the first re-export after the full export links the current site's files and reads back
  // every file the full export wrote (an identity is trusted only once hashed well after its file
  // was written); from the second on, the spare generation is the staging folder and unchanged
  // files are accepted by identity (catalogue README, "Verifying reused files", "Spare generation").
  // A conditional row's change redoes the conditional tables; a public row's also the public
  // catalogue's PDF, DOCX and XLSX (the larger tables); both redo catalog.json/csv/xlsx.
  const changes: { label: string; id: number; access: 'public' | 'conditional'; basis: string; title: string }[] = [
    { label: 'first re-export, conditional row', id: 1001, access: 'conditional', basis: 'L104.D7.K2', title: 'Về việc công khai dự toán ngân sách (đã đính chính)' },
    { label: 'second re-export, public row', id: 1005, access: 'public', basis: PUBLIC_BASES[1005 % PUBLIC_BASES.length]!, title: 'V/v triển khai chương trình chuyển đổi số (đã đính chính)' },
    { label: 'third re-export, conditional row', id: 1002, access: 'conditional', basis: 'L104.D7.K2', title: 'Về việc tuyển dụng công chức cấp xã (đã đính chính)' },
  ];
  const reExports = [];
  for (const [i, change] of changes.entries()) {
    engine.decide({ documentId: change.id, access: change.access, basis: change.basis, reviewer: 'bench', publishedTitle: change.title });
    t = performance.now();
    c = cpu();
    const summary = await engine.exportCatalogue({ out, asOf: '2026-01-01', documentPdfs: false, onProgress: steps(`again-${i + 1}`) });
    const seconds = (performance.now() - t) / 1000;
    const cpuSeconds = cpu() - c;
    await awaitCleanup(summary);
    console.error(`  rewritten: ${summary.writtenFiles.join(' ')}`);
    reExports.push({
      change: change.label,
      seconds: Number(seconds.toFixed(2)),
      cpuSeconds: Number(cpuSeconds.toFixed(2)),
      filesWritten: summary.written,
      filesKeptFromSpare: summary.keptFromSpare,
      filesLinked: summary.unchanged - summary.keptFromSpare,
      filesRehashed: summary.rehashed,
      // Table chunks (XLSX/DOCX/PDF pieces) found vs rendered: one change should render ~3.
      chunkCache: chunkCacheStats(),
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    });
  }
  await engine.close();
  const firstLoad = ['index.html', 'assets/site.css'].reduce((n, f) => n + statSync(path.join(out, f)).size, 0);
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { bytes: number }[] };
  const result = {
    rows,
    catalogueRows: full.counts.public + full.counts.conditional,
    fullExportSeconds: Number(fullS.toFixed(2)),
    fullExportCpuSeconds: Number(fullCpu.toFixed(2)),
    fullExportFiles: full.files,
    fullExportChunkCache: fullChunkCache,
    reExports,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    backgroundDeletionOfReplacedGeneration: cleanups,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    indexFirstLoadBytes: firstLoad,
    siteBytes: manifest.files.reduce((n, f) => n + f.bytes, 0),
    goals: { fullExportSeconds: 30, reExportSeconds: 2, indexFirstLoadBytes: 150 * 1024 },
  };
  console.log(JSON.stringify(result, null, 1));
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}
