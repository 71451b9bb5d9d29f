import { z } from 'zod';

/** A backup is one tar file: this manifest first, then the database snapshot, then every stored
 *  file under `store/<sha256>`. The manifest carries the SHA-256 and size of each, so a backup can
 *  prove itself: restore checks every byte against it. */
export const BACKUP_FORMAT = 'minhbach-backup/2';
export const MANIFEST_ENTRY = 'minhbach-backup.json';
export const DATABASE_ENTRY = 'archive.sqlite';
/** A manifest larger than this is not ours (a million files take ~ 100 MB of JSON). */
export const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Entry = z.strictObject({ sha256: Sha256, size: z.number().int().nonnegative() });

export const BackupManifest = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string().max(40),
  schemaVersion: z.number().int().positive(),
  database: Entry,
  files: z.array(Entry),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export function storeEntryName(sha256: string): string {
  return `store/${sha256}`;
}
