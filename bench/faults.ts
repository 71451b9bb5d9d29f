/**
 * npm run bench:faults [-- --corpus ../shared/corpus]
 *
 * Injects the faults issue 12 names into real archives and prints, for each: what was done, what
 * the archive did, and how many documents were lost (must be 0: either nothing was damaged, or the
 * damage was refused or reported and the backup taken before restores every document). Then the
 * peak resident memory of the PDF child per hostile file (the bombs made at run time and the
 * corpus's _bad/ files) and per legitimate scan rendered for OCR. Prints; asserts nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, restoreArchive, type Engine } from '../electron/engine/index';
import { PdfService } from '../electron/engine/pdf/index';
import { sniffType } from '../electron/engine/importing/sniff';
import { CLI } from '../tests/helpers/cli';
import { REPO_ROOT, stageBadFiles } from '../tests/helpers/fixtures';
import { PUBLIC_TRIGGER, tamper, zeroLeafPage } from '../tests/helpers/archiveDamage';
import { canMount, mountReadOnlyView, mountTmpfs, unmount } from '../tests/helpers/faultSetup';
import { bombFiles } from '../tests/helpers/pdfBombs';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: path.join(REPO_ROOT, '..', '..', 'shared', 'corpus') } } });
const corpus = existsSync(values.corpus!) ? values.corpus! : '/work/shared/corpus';
const work = path.join(os.tmpdir(), `minhbach-bench-faults-${process.pid}`);
mkdirSync(work, { recursive: true });
const rows: { fault: string; outcome: string; lost: number | string }[] = [];
const born = ['d01', 'd03', 'd09', 'd10', 'd14', 'd15'].map((d) => path.join(corpus, d, 'born-digital.pdf')).filter(existsSync);

async function withEngine<T>(dataDir: string, use: (e: Engine) => Promise<T>): Promise<T> {
  const engine = await createEngine({ dataDir, actor: 'bench' });
  try {
    return await use(engine);
  } finally {
    await engine.close();
  }
}

/** Documents of `reference` (sha256 by id) not intact in `dataDir`: missing, or their file altered. */
async function lostDocuments(dataDir: string, reference: Map<number, string>): Promise<number> {
  return withEngine(dataDir, async (engine) => {
    const report = await engine.verify();
    const damaged = new Set(report.damagedDocuments.map((d) => d.id));
    let lost = 0;
    for (const [id, sha] of reference) {
      try {
        if (engine.get(id).sha256 !== sha || damaged.has(id)) lost += 1;
      } catch {
        lost += 1;
      }
    }
    return lost;
  });
}

async function main(): Promise<void> {
  const template = path.join(work, 'template');
  const reference = await withEngine(template, async (engine) => {
    await engine.importPaths(born);
    return new Map(engine.list().map((d) => [d.id, engine.get(d.id).sha256]));
  });
  const backupFile = path.join(work, 'good.mbbackup');
  await withEngine(template, (e) => e.backup(backupFile));
  const copy = (name: string) => {
    const dir = path.join(work, name);
    cpSync(template, dir, { recursive: true });
    return dir;
  };
  const restoreAndCount = async (name: string) => {
    const target = path.join(work, `${name}-restored`);
    await restoreArchive(backupFile, target);
    return lostDocuments(target, reference);
  };

  // 1. Eight zero bytes in one database page.
  {
    const dir = copy('zeroed');
    zeroLeafPage(path.join(dir, 'archive.sqlite'), 'pages', 'last');
    const report = await withEngine(dir, (e) => e.verify());
    const cli = spawnSync(process.execPath, [CLI, 'verify', '--data-dir', dir], { encoding: 'utf8' });
    rows.push({
      fault: '8 zero bytes in a database page',
      outcome: `verify exit ${cli.status}; ${report.checks.filter((c) => !c.ok).map((c) => c.name).join(', ')} failed; documents named: ${report.damagedDocuments.map((d) => d.id).join(', ') || '—'}`,
      lost: `${await restoreAndCount('zeroed')} after restore`,
    });
  }
  // 2–5. Hostile backups.
  const hostile: [string, (db: string, dir: string) => void][] = [
    ['backup: one byte of its database section flipped in transit', () => undefined],
    ['backup: trigger turning secret decisions public', (db) => tamper(db, PUBLIC_TRIGGER)],
    ['backup: agency form pointing at a stored document', (db) => tamper(db, `INSERT OR REPLACE INTO settings VALUES ('agency.form.01a', json_object('sha256', (SELECT file_sha256 FROM documents LIMIT 1), 'ext', 'pdf', 'size', 1))`)],
    ['backup: unknown setting', (db) => tamper(db, `INSERT INTO settings VALUES ('x.script', '<script>')`)],
  ];
  for (const [i, [fault, change]] of hostile.entries()) {
    const dir = copy(`hostile-${i}`);
    change(path.join(dir, 'archive.sqlite'), dir);
    const file = path.join(work, `hostile-${i}.mbbackup`);
    await withEngine(dir, (e) => e.backup(file));
    if (i === 0) {
      const bytes = readFileSync(file);
      const at = bytes.indexOf(Buffer.from('SQLite format 3\0')) + 4000;
      bytes[at] = bytes[at]! ^ 0xff;
      writeFileSync(file, bytes);
    }
    const target = path.join(work, `hostile-${i}-target`);
    const outcome = await restoreArchive(file, target).then(
      () => 'RESTORED (should not be)',
      (e: { code: string }) => `refused ${e.code}; target ${existsSync(target) ? 'EXISTS' : 'absent'}, staging ${readdirSync(work).some((n) => n.startsWith(`hostile-${i}-target.restoring`)) ? 'LEFT' : 'removed'}`,
    );
    rows.push({ fault, outcome, lost: await lostDocuments(template, reference) });
  }
  // 6. Read-only file system.
  if (canMount()) {
    const view = path.join(work, 'ro-view');
    mkdirSync(view);
    mountReadOnlyView(copy('ro-source'), view);
    try {
      const outcome = await withEngine(view, async (e) => {
        const site = path.join(work, 'ro-site');
        const exported = await e.exportCatalogue({ out: site }).then(() => 'export ok', (x: { code: string }) => `export ${x.code}`);
        const imported = await e.importPaths([born[0]!]).then(() => 'import ACCEPTED', (x: { code: string }) => `import refused ${x.code}`);
        return `mode ${e.health.mode}; list ${e.list().length}, search ${e.search('thong tin').length} hits; ${exported}; ${imported}`;
      });
      rows.push({ fault: 'read-only file system (bind mount)', outcome, lost: await lostDocuments(view, reference) });
    } finally {
      unmount(view);
    }
    // 7. Full disk.
    const disk = path.join(work, 'disk');
    mkdirSync(disk);
    mountTmpfs(disk, '4m');
    try {
      const dir = path.join(disk, 'data');
      cpSync(template, dir, { recursive: true });
      const fs = statfsSync(disk);
      writeFileSync(path.join(disk, 'filler'), Buffer.alloc(Math.max(0, fs.bavail * fs.bsize - 48 * 1024)));
      const outcome = await withEngine(dir, async (e) => {
        const [r] = await e.importPaths([path.join(corpus, 'd04', 'scan.pdf')]).catch((x: { code: string }) => [{ status: 'failed', error: { code: x.code } }]);
        const b = await e.backup(path.join(disk, 'x.mbbackup')).then(() => 'backup ok', (x: { code: string }) => `backup ${x.code}`);
        return `import ${r!.status} ${r!.error?.code ?? ''}; ${b}; partial files ${readdirSync(disk).filter((n) => n.includes('.partial-')).length}`;
      });
      rmSync(path.join(disk, 'filler'));
      rows.push({ fault: 'full disk (4 MB tmpfs)', outcome, lost: await lostDocuments(dir, reference) });
    } finally {
      unmount(disk);
    }
  } else rows.push({ fault: 'read-only file system, full disk', outcome: 'skipped (needs root to mount)', lost: '—' });
  // 8. SIGKILL in the middle of an import; resume.
  {
    const dir = path.join(work, 'killed-import');
    const extra = ['d17', 'd21', 'd23', 'd24', 'd25', 'd26'].map((d) => path.join(corpus, d, 'born-digital.pdf')).filter(existsSync);
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'import', ...born, ...extra, '--json', '--data-dir', dir]);
      let lines = 0;
      child.stdout.on('data', (d: Buffer) => {
        lines += d.toString().split('\n').filter(Boolean).length;
        if (lines >= 3) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    spawnSync(process.execPath, [CLI, 'resume', '--data-dir', dir]);
    const outcome = await withEngine(dir, async (e) => `${e.list().length} of ${born.length + extra.length} documents after resume; verify ${(await e.verify()).ok ? 'ok' : 'FAILED'}`);
    rows.push({ fault: 'SIGKILL during import, then resume', outcome, lost: born.length + extra.length - (await withEngine(dir, async (e) => e.list().length)) });
  }
  // 9. SIGKILL during backup; the next start removes the debris.
  {
    const dir = copy('killed-backup');
    mkdirSync(path.join(dir, 'tmp'), { recursive: true });
    // Killed the moment its .partial file appears (the snapshot is in DATA/tmp by then).
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'backup', path.join(work, 'killed.mbbackup'), '--data-dir', dir]);
      const watcher = watch(work, (_e, name) => {
        if (name?.startsWith('killed.mbbackup.partial-')) child.kill('SIGKILL');
      });
      child.on('exit', () => {
        watcher.close();
        resolve();
      });
    });
    const left = readdirSync(path.join(dir, 'tmp')).length + readdirSync(work).filter((n) => n.startsWith('killed.mbbackup.partial-')).length;
    await withEngine(dir, async () => undefined);
    const after = readdirSync(path.join(dir, 'tmp')).length;
    rows.push({ fault: 'SIGKILL during backup', outcome: `${left} leftover(s) after the kill, ${after} in DATA/tmp after the next start`, lost: await lostDocuments(dir, reference) });
  }

  console.log('\nFaults injected');
  console.log('| fault | outcome | documents lost |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.fault} | ${r.outcome} | ${r.lost} |`);

  // Peak resident memory of the PDF child per hostile and per legitimate file.
  const service = new PdfService();
  const hostileFiles = [...(await bombFiles()).map((b) => b.file)];
  const bad = stageBadFiles(path.join(work, 'bad'));
  for (const name of readdirSync(bad)) {
    const file = path.join(bad, name);
    if (sniffType(readFileSync(file)).kind === 'pdf') hostileFiles.push(file);
  }
  console.log('\nPDF child peak resident memory (ceiling', service.limits.rssCeilingMb, 'MB; the first row includes starting the child)');
  console.log('| file | outcome | peak RSS MB | seconds |\n|---|---|---|---|');
  const measure = async (file: string, what: 'analyse' | 'rasterise') => {
    const bytes = readFileSync(file);
    const started = performance.now();
    const outcome = await (what === 'analyse' ? service.analyse(bytes, 5000) : service.rasterise(bytes, 1)).then(
      () => `${what} ok`,
      (e: { code?: string; message: string }) => `rejected ${e.code ?? e.message}`,
    );
    const name = path.basename(file) === 'scan.pdf' ? `${path.basename(path.dirname(file))}/scan.pdf` : path.basename(file);
    console.log(`| ${name.slice(0, 60)} | ${outcome} | ${service.lastPeakRssMb} | ${((performance.now() - started) / 1000).toFixed(2)} |`);
  };
  for (const file of hostileFiles) await measure(file, 'analyse');
  for (const d of ['d04', 'd07', 'd12', 'd28']) {
    const scan = path.join(corpus, d, 'scan.pdf');
    if (existsSync(scan)) await measure(scan, 'rasterise');
  }
  await service.close();
  rmSync(work, { recursive: true, force: true });
}

await main();
