/**
 * Deterministic ZIP (also the container of XLSX and DOCX): entries in the order given (callers
 * sort), one fixed modification time taken from the data, fixed compression level. fflate writes
 * DOS times from the Date's local fields, so the time is built from UTC fields as if local: the
 * same archive gives the same bytes in every time zone.
 */
import { zipSync, type Zippable } from 'fflate';

export function fixedZipTime(iso: string): Date {
  const t = new Date(iso);
  const year = Math.max(1980, t.getUTCFullYear());
  return new Date(year, t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
}

export function deterministicZip(entries: [string, Uint8Array | string][], mtimeIso: string): Uint8Array {
  const mtime = fixedZipTime(mtimeIso);
  const enc = new TextEncoder();
  const files: Zippable = {};
  for (const [name, data] of entries) {
    files[name] = [typeof data === 'string' ? enc.encode(data) : data, { mtime, level: 6, os: 3, attrs: 0o100644 << 16 }];
  }
  return zipSync(files);
}
