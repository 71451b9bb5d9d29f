import { open } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../archive/database';
import type { FileStore } from '../archive/fileStore';

/** A form setting as agencySettings.ts writes it: `agency.form.<code>` → {sha256, ext, size}. */
export const StoredForm = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  ext: z.enum(['pdf', 'doc', 'docx']),
  size: z.number().int().nonnegative(),
});

const FORM_KEY = /^agency\.form\.(01a|01b|02|03|04|05|06)$/;
const MAGIC: Record<string, string> = { pdf: '%PDF', docx: 'PK\u0003\u0004', doc: '\u00d0\u00cf\u0011\u00e0' };

export const FORM_MIME: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface FormProblem {
  key: string;
  problem: string;
  /** A document whose original or page image the form points at (the leak a forged backup tries). */
  documents: number[];
}

/**
 * Checks that every agency form is a file imported as a form: a valid setting, a `files` row, not
 * the original or page image of any archived document (a forged setting could otherwise publish a
 * held-back secret original), and bytes that really are the PDF/DOC/DOCX the setting says (not an
 * HTML page with a script).
 */
export async function checkAgencyForms(db: Db, store: FileStore): Promise<FormProblem[]> {
  const problems: FormProblem[] = [];
  const rows = db.prepare(`SELECT key, value FROM settings WHERE key LIKE 'agency.form.%'`).all() as { key: string; value: string }[];
  const fileRow = db.prepare('SELECT size FROM files WHERE sha256 = ?');
  const owners = db.prepare('SELECT id FROM documents WHERE file_sha256 = ? UNION SELECT document_id FROM pages WHERE image_sha256 = ?');
  for (const { key, value } of rows) {
    if (!FORM_KEY.test(key)) {
      problems.push({ key, problem: 'unknown form code', documents: [] });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      json = null;
    }
    const parsed = StoredForm.safeParse(json);
    if (!parsed.success) {
      problems.push({ key, problem: 'invalid form setting', documents: [] });
      continue;
    }
    const form = parsed.data;
    const documents = (owners.all(form.sha256, form.sha256) as { id: number }[]).map((r) => r.id);
    if (documents.length > 0) {
      problems.push({ key, problem: 'points at an archived document', documents });
      continue;
    }
    const row = fileRow.get(form.sha256) as { size: number } | undefined;
    if (!row) {
      problems.push({ key, problem: 'no files row for the form', documents: [] });
      continue;
    }
    if (row.size !== form.size) problems.push({ key, problem: 'size differs from its files row', documents: [] });
    const head = await readHead(store.pathFor(form.sha256));
    if (head !== null && !head.startsWith(MAGIC[form.ext]!)) problems.push({ key, problem: `bytes are not a ${form.ext} file`, documents: [] });
  }
  return problems;
}

async function readHead(file: string): Promise<string | null> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(8);
      const { bytesRead } = await handle.read(buffer, 0, 8, 0);
      return buffer.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  } catch {
    return null; // a missing file is the store check's finding
  }
}
