/**
 * Small born-digital Vietnamese documents made on the fly (pdf-lib + the app's Liberation Serif),
 * imported through the engine's own import — for tests that need documents whose every word
 * they know: a subject naming a person, a MẬT stamp line, a marker string to look for.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import { createEngine, type Engine } from '../../electron/engine/index';
import { REPO_ROOT } from './fixtures';

const FONT = readFileSync(path.join(REPO_ROOT, 'resources', 'fonts', 'LiberationSerif-Regular.ttf'));

/** A one-page PDF with the given lines (Vietnamese text as a real text layer). */
export async function textPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(FONT, { subset: true });
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 790 - i * 18, size: 11, font }));
  // Plain objects (no object streams): a test can find and damage a key such as /Pages.
  return doc.save({ useObjectStreams: false });
}

export interface SyntheticDoc {
  /** Test's own name for it. */
  name: string;
  lines?: string[];
  /** Bytes of the file to import instead of lines (a hostile PDF). */
  bytes?: Uint8Array;
}

/** A header block in Decree 30 form, so extraction finds number, type, date and subject. */
export function decreeLines(o: { number: string; type: string; subject: string; body: string[]; stamp?: string }): string[] {
  return [
    'ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'HUYỆN THỬ NGHIỆM                         Độc lập - Tự do - Hạnh phúc',
    ...(o.stamp ? [o.stamp] : []),
    `Số: ${o.number}                     Thử Nghiệm, ngày 12 tháng 3 năm 2025`,
    '',
    o.type.toUpperCase(),
    o.subject,
    '',
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
    ...o.body,
    '',
    'CHỦ TỊCH',
    'Trần Văn Ký',
  ];
}

/** Imports the documents into a new archive (one engine, one worker) and returns their ids. */
export async function syntheticArchive(dataDir: string, docs: SyntheticDoc[], filesDir: string): Promise<{ engine: Engine; ids: Map<string, number> }> {
  const engine = await createEngine({ dataDir, workers: 1, actor: 'test' });
  const files: string[] = [];
  for (const d of docs) {
    const file = path.join(filesDir, `${d.name}.pdf`);
    writeFileSync(file, d.bytes ?? (await textPdf(d.lines ?? [d.name])));
    files.push(file);
  }
  const results = await engine.importPaths(files);
  const ids = new Map<string, number>();
  for (const r of results) {
    if (r.id === undefined) throw new Error(`import of ${r.path} failed: ${r.error?.code}`);
    ids.set(path.basename(r.path, '.pdf'), r.id);
  }
  return { engine, ids };
}
