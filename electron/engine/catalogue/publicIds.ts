/**
 * Opaque public ids: every published name, anchor and search key of a document uses a random id
 * drawn once per document and kept (table `public_ids`), never the archive's sequential id — a
 * sequence would tell a reader how many documents exist and which numbers are being withheld.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../archive/database';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 symbols, no l/o/0/1 (read aloud, typed)
export const PUBLIC_ID_LENGTH = 12; // 60 bits

function randomId(): string {
  const bytes = randomBytes(PUBLIC_ID_LENGTH);
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 31];
  return id;
}

/** The public ids of the given documents, drawing (and storing) one for each that has none. */
export function publicIdsOf(db: Db, ids: Iterable<number>): Map<number, string> {
  const wanted = new Set(ids);
  const out = new Map<number, string>();
  for (const r of db.prepare('SELECT document_id, public_id FROM public_ids').iterate() as Iterable<{ document_id: number; public_id: string }>) {
    if (wanted.has(r.document_id)) out.set(r.document_id, r.public_id);
  }
  const missing = [...wanted].filter((id) => !out.has(id));
  if (missing.length === 0) return out;
  const insert = db.prepare('INSERT INTO public_ids (document_id, public_id) VALUES (?, ?) ON CONFLICT (document_id) DO NOTHING');
  const read = db.prepare('SELECT public_id FROM public_ids WHERE document_id = ?');
  db.transaction(() => {
    for (const id of missing) {
      // A collision (2^-60 per pair) or a concurrent writer: draw again, then read what is stored.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        try {
          insert.run(id, randomId());
          break;
        } catch (e) {
          if (!/UNIQUE/.test((e as Error).message)) throw e;
        }
      }
      const stored = read.get(id) as { public_id: string } | undefined;
      if (!stored) throw new Error(`no public id for document ${id}`);
      out.set(id, stored.public_id);
    }
  }).immediate();
  return out;
}
