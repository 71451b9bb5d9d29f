/**
 * The agency's details for the access-to-information section (Decree 13/2018 Art. 11 cl. 1),
 * kept in the archive's `settings` table as key/value rows, so an export depends on the archive
 * alone. Request forms (01a–06) are stored in the content-addressed file store; the setting keeps
 * the hash and type, never the path the user picked.
 */
import { readFile } from 'node:fs/promises';
import type { Db } from '../archive/database';
import { sha256Hex, type FileStore } from '../archive/fileStore';
import { FORM_MIME } from '../integrity/agencyForms';
import { AppError } from '../../../shared/domain/errors';
import { FORM_CODES, type AgencyForm, type AgencySettings, type FormCode } from '../../../shared/contract/agency';

// The shapes cross the contract (Settings screen, `minhbach agency --json`): defined there once.
export { FORM_CODES };
export type { AgencyForm, AgencySettings, FormCode };

const TEXT_KEYS = {
  name: 'agency.name',
  address: 'agency.address',
  focalName: 'agency.focal.name',
  focalPosition: 'agency.focal.position',
  focalPhone: 'agency.focal.phone',
  focalEmail: 'agency.focal.email',
  requestAddress: 'agency.request_address',
  feedbackAddress: 'agency.feedback_address',
  siteUrl: 'site.url',
} as const satisfies Partial<Record<keyof AgencySettings, string>>;

type TextKey = keyof typeof TEXT_KEYS;
export type AgencyPatch = Partial<Record<TextKey, string | null>> & { defaultPeriodMonths?: number | null };

const PERIOD_KEY = 'disclosure.default_months';
const FORM_PREFIX = 'agency.form.';
const UNTIL_PREFIX = 'disclosure.until.';
const FORM_EXTS: Record<string, string> = { '%PDF': 'pdf', 'PK\u0003\u0004': 'docx', '\u00d0\u00cf\u0011\u00e0': 'doc' };

function readAll(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

export function readAgencySettings(db: Db): AgencySettings {
  const all = readAll(db);
  const text = (k: TextKey) => {
    const v = all.get(TEXT_KEYS[k])?.trim();
    return v ? v : null;
  };
  const period = Number(all.get(PERIOD_KEY));
  const forms: AgencyForm[] = [];
  for (const code of FORM_CODES) {
    const raw = all.get(FORM_PREFIX + code);
    if (raw) forms.push({ code, ...(JSON.parse(raw) as Omit<AgencyForm, 'code'>) });
  }
  return {
    name: text('name'),
    address: text('address'),
    focalName: text('focalName'),
    focalPosition: text('focalPosition'),
    focalPhone: text('focalPhone'),
    focalEmail: text('focalEmail'),
    requestAddress: text('requestAddress'),
    feedbackAddress: text('feedbackAddress'),
    siteUrl: text('siteUrl'),
    defaultPeriodMonths: Number.isInteger(period) && period > 0 ? period : null,
    forms,
  };
}

function put(db: Db, key: string, value: string | null): void {
  if (value === null || value.trim() === '') db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value.trim());
}

export function writeAgencySettings(db: Db, patch: AgencyPatch): AgencySettings {
  db.transaction(() => {
    for (const [k, key] of Object.entries(TEXT_KEYS) as [TextKey, string][]) {
      if (k in patch) {
        const v = patch[k] ?? null;
        if (k === 'siteUrl' && v && !/^https?:\/\/[^\s<>"]+$/.test(v)) throw new AppError('INVALID_INPUT', 'site.url must be an http(s) address');
        put(db, key, v);
      }
    }
    if ('defaultPeriodMonths' in patch) {
      const m = patch.defaultPeriodMonths ?? null;
      if (m !== null && (!Number.isInteger(m) || m <= 0)) throw new AppError('INVALID_INPUT', 'disclosure period months');
      put(db, PERIOD_KEY, m === null ? null : String(m));
    }
  })();
  return readAgencySettings(db);
}

/** Stores a request form the agency supplies (PDF, DOC or DOCX, recognised by its bytes). */
export async function setAgencyForm(db: Db, store: FileStore, code: FormCode, file: string | null): Promise<AgencySettings> {
  if (!(FORM_CODES as readonly string[]).includes(code)) throw new AppError('INVALID_INPUT', `form ${code}`);
  if (file === null) {
    put(db, FORM_PREFIX + code, null);
    return readAgencySettings(db);
  }
  const bytes = await readFile(file);
  const magic = bytes.subarray(0, 4).toString('latin1');
  const ext = FORM_EXTS[magic];
  if (!ext) throw new AppError('UNSUPPORTED_TYPE', `form ${code}`);
  const sha256 = sha256Hex(bytes);
  // A form is a file of its own: never an archived document's original (restore and verify refuse that).
  if (db.prepare('SELECT 1 FROM documents WHERE file_sha256 = ?').get(sha256)) throw new AppError('FORM_IS_DOCUMENT', `form ${code}`);
  await store.put(bytes, sha256);
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO files (sha256, size, mime, created_at) VALUES (?, ?, ?, ?)').run(sha256, bytes.length, FORM_MIME[ext]!, new Date().toISOString());
    put(db, FORM_PREFIX + code, JSON.stringify({ sha256, ext, size: bytes.length }));
  }).immediate();
  return readAgencySettings(db);
}

/** Per-document end of the disclosure period (yyyy-mm-dd), overriding the default; null clears. */
export function setDisclosureEnd(db: Db, documentId: number, until: string | null): void {
  if (until !== null && !/^\d{4}-\d{2}-\d{2}$/.test(until)) throw new AppError('INVALID_INPUT', 'date yyyy-mm-dd');
  put(db, UNTIL_PREFIX + documentId, until);
}

export function readDisclosureEnds(db: Db): Map<number, string> {
  const rows = db.prepare("SELECT key, value FROM settings WHERE key LIKE 'disclosure.until.%'").all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [Number(r.key.slice(UNTIL_PREFIX.length)), r.value]));
}
