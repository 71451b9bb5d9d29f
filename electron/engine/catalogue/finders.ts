/**
 * The export's ONE call site of the understanding module's finders (secrecy stamps, personal
 * data). Everything in catalogue/ that needs them goes through these three functions, so when
 * the finders move or change their names only the imports below change.
 */
import { findPersonalData } from '../understanding/personalData';
import { findStamps } from '../understanding/stamps';
import { ENGINE_VERSION } from '../understanding/suggest';

export interface PageTextInput {
  n: number;
  text: string;
}

/** Changes whenever the finders may find something else: cached checks are then redone
 *  (+export-2: people tables continued from an earlier page are read). */
export const FINDERS_VERSION = `${ENGINE_VERSION}+export-2`;

/** Kinds of personal data that identify or locate a private person. Categories such as "hộ
 *  nghèo" or a diagnosis name a group, not a person, and are not masked in titles. */
const IDENTIFYING = new Set(['name', 'cccd', 'cmnd', 'phone', 'birth-date', 'address', 'land-parcel']);

/** An address that locates a home: several parts, or a street, house number or hamlet. A lone
 *  commune or district ("xã Long Hựu") is where the agency itself sits and is not masked. */
function locatesAHome(text: string): boolean {
  return /,/.test(text) || /\d/.test(text) || /^(số|đường|phố|ấp|khóm|thôn|xóm|bản|tổ|khu phố)\s/iu.test(text);
}

/** The level of the first secrecy stamp ("Mật", "Tối mật", "Tuyệt mật") on the pages, or null. */
export function secrecyStampOf(pages: PageTextInput[]): string | null {
  return findStamps(pages).find((s) => s.kind === 'secrecy')?.level ?? null;
}

/** Strings of personal data (identifying kinds) on the pages, white space collapsed, unique. */
export function personalStringsOf(pages: PageTextInput[]): string[] {
  const out = new Set<string>();
  for (const f of findPersonalData(pages)) {
    if (!IDENTIFYING.has(f.kind)) continue;
    if (f.kind === 'address' && !locatesAHome(f.text)) continue;
    const text = f.text.replace(/\s+/g, ' ').trim();
    if (text.length >= 2) out.add(text);
  }
  return [...out];
}

/** Whether a stored finding kind ("personal:name") is one the export masks. */
export function isIdentifyingFinding(kind: string, text: string): boolean {
  const k = kind.startsWith('personal:') ? kind.slice('personal:'.length) : null;
  if (!k || !IDENTIFYING.has(k)) return false;
  return k !== 'address' || locatesAHome(text);
}
