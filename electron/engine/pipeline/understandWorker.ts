// Worker thread entry: reads documents' text with its own read-only connection and runs header
// extraction and evidence gathering (the costly part: rules over every line of text) away from
// the thread that serves the UI. The main thread writes the results in small transactions.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { workerData } from 'node:worker_threads';
import { openDatabase, type Db } from '../archive/database';
import { serveTasks } from '../workers/workerProtocol';
import { headerCorrections, understandPages } from '../understanding/index';
import { fieldOcrConfidence } from '../understanding/fieldConfidence';
import type { UnderstandOutcome, UnderstandTask } from './understandTypes';

const { dbFile, nativeBinding } = workerData as { dbFile: string; nativeBinding?: string };

// Background work: on Linux this thread gets the lowest CPU priority (its own thread id from
// /proc), so the thread that answers the UI, and the browser, come first on a busy machine.
try {
  if (process.platform === 'linux') os.setPriority(Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]), 19);
} catch {
  // Not allowed or not available: it runs at normal priority.
}
let db: Db | null = null;

function understandOne(conn: Db, id: number): UnderstandOutcome {
  const rows = conn.prepare('SELECT n, text FROM pages WHERE document_id = ? ORDER BY n').all(id) as { n: number; text: string | null }[];
  if (rows.length === 0) return { id, ok: false, code: 'NOT_FOUND' };
  if (rows.some((r) => r.text === null)) return { id, ok: false, code: 'TEXT_NOT_READY' };
  const pages = rows.map((r) => ({ n: r.n, text: r.text ?? '' }));
  // What is stored is what was read; the suggestion reads a person's header corrections instead
  // (the agency's model is applied on the main thread, which holds it).
  const read = understandPages(pages, { model: null });
  const corrections = headerCorrections(conn, id);
  const corrected = Object.keys(corrections).length > 0 ? understandPages(pages, { model: null, corrections }) : read;
  return {
    id,
    ok: true,
    header: read.header,
    evidence: read.evidence,
    forSuggestion: { header: corrected.header, evidence: corrected.evidence },
    ocrConfidence: fieldOcrConfidence(conn, id, read.header),
  };
}

serveTasks<UnderstandTask, UnderstandOutcome[]>((task) => {
  db ??= openDatabase(dbFile, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  const conn = db;
  // One read transaction: a consistent view of the batch.
  return conn.transaction(() => task.ids.map((id) => understandOne(conn, id)))();
});
