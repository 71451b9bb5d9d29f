import type { Engine } from '../../electron/engine/index';
import { insertDocument, writeHeaderFields } from '../../electron/engine/archive/documentsRepo';
import { seededRandom, syntheticDocument } from './vietnameseDocuments';

/** Adds synthetic documents [from, to) straight through the repositories (no files, no audit), in
 *  transactions of 2 000: the fast way to a 100 000-document archive for search benchmarks.
 *  `header: false` leaves their header unread (text ready, waiting for the pipeline's
 *  understanding step — bench/understanding.ts). */
export function fillArchive(engine: Engine, from: number, to: number, seed = 1000 + from, options: { header?: boolean } = {}): void {
  const random = seededRandom(seed);
  const batch = 2000;
  for (let start = from; start < to; start += batch) {
    engine.db.transaction(() => {
      for (let i = start; i < Math.min(to, start + batch); i += 1) {
        const synthetic = syntheticDocument(random, i);
        const id = insertDocument(engine.db, {
          sha256: i.toString(16).padStart(64, '0'),
          size: 1000,
          mime: 'application/pdf',
          fileName: `van-ban-${i}.pdf`,
          pages: synthetic.pages.map((text, n) => ({ n: n + 1, width: 595, height: 842, text })),
          warnings: [],
        });
        if (options.header ?? true) writeHeaderFields(engine.db, id, synthetic.header);
      }
    })();
  }
}
