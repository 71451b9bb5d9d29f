/**
 * Rendered pieces of the big monolithic outputs (the catalogue tables as XLSX, DOCX and PDF),
 * kept in memory between exports of one process: a table is cut into chunks of CHUNK_ROWS rows,
 * each rendered (and compressed) once and found again by a key that hashes everything its bytes
 * depend on — the rows themselves, their position where the format numbers rows, the layout. A
 * re-export after one change renders one chunk per table and copies the others.
 *
 * Only ever a cache: the key is a SHA-256 of the inputs, so a hit returns what rendering those
 * inputs gives (a row that changed, left or arrived changes the key); the output file assembled
 * from the pieces is hashed, written, read back and verified like every other file. Nothing is
 * kept on disk: a new process renders everything once (the CLI always does).
 */
import { createHash } from 'node:crypto';

/** Rows per chunk: a re-export redoes 500 rows per table instead of 100 000. */
export const CHUNK_ROWS = 500;
/** Memory bound: the five tables of 100 000 rows take about 60 MB. */
const MAX_BYTES = 256 * 1024 * 1024;

interface Held {
  value: unknown;
  bytes: number;
}

const held = new Map<string, Held>();
let heldBytes = 0;
let hits = 0;
let misses = 0;

export function chunkKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The value stored under `key`, else `make()`'s (stored; least recently used values go first). */
export function cached<T>(key: string, make: () => T, sizeOf: (value: T) => number): T {
  const hit = held.get(key);
  if (hit) {
    hits += 1;
    held.delete(key);
    held.set(key, hit);
    return hit.value as T;
  }
  misses += 1;
  const value = make();
  const bytes = sizeOf(value);
  if (bytes > MAX_BYTES / 4) return value;
  held.set(key, { value, bytes });
  heldBytes += bytes;
  for (const [k, v] of held) {
    if (heldBytes <= MAX_BYTES) break;
    held.delete(k);
    heldBytes -= v.bytes;
  }
  return value;
}

/** Chunks of `rows` with their start index. */
export function chunksOf<T>(rows: readonly T[], size = CHUNK_ROWS): { start: number; rows: T[] }[] {
  const out: { start: number; rows: T[] }[] = [];
  for (let start = 0; start < rows.length; start += size) out.push({ start, rows: rows.slice(start, start + size) });
  return out;
}

/** Pieces found and rendered since the last call, and what is held (the bench prints them: a
 *  re-export should find nearly every piece). */
export function chunkCacheStats(): { hits: number; misses: number; pieces: number; heldMb: number } {
  const stats = { hits, misses, pieces: held.size, heldMb: Math.round(heldBytes / 1024 / 1024) };
  hits = 0;
  misses = 0;
  return stats;
}

/** Forgets every piece (tests: a cold build to compare a warm one with). */
export function clearChunkCache(): void {
  held.clear();
  heldBytes = 0;
}
