import type { Db } from '../archive/database';
import { ScanProfile, ScanSettings } from '../../../shared/contract/scanning';
import { nfc } from '../../../shared/text/vietnamese';

const collator = new Intl.Collator('vi');

/** Named scan profiles, kept in the archive so the app and the CLI share them. */
export function listProfiles(db: Db): ScanProfile[] {
  const rows = db.prepare('SELECT name, settings FROM scan_profiles').all() as { name: string; settings: string }[];
  return rows
    .flatMap((r) => {
      // A profile saved by a newer version with settings this one does not know is skipped, not fatal.
      const parsed = ScanSettings.safeParse(JSON.parse(r.settings));
      return parsed.success ? [{ ...parsed.data, name: r.name }] : [];
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}

export function saveProfile(db: Db, profile: ScanProfile): ScanProfile[] {
  const { name, ...settings } = ScanProfile.parse(profile);
  db.prepare(
    `INSERT INTO scan_profiles (name, settings, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
  ).run(nfc(name), JSON.stringify(settings), new Date().toISOString());
  return listProfiles(db);
}

export function deleteProfile(db: Db, name: string): ScanProfile[] {
  db.prepare('DELETE FROM scan_profiles WHERE name = ?').run(nfc(name));
  return listProfiles(db);
}

export function findProfile(db: Db, name: string): ScanProfile | null {
  return listProfiles(db).find((p) => p.name === nfc(name)) ?? null;
}
