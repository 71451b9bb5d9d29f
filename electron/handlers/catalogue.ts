import path from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { publishedListing } from './exportListing';
import type { HandlerContext, HandlerTable } from './types';
import { requirePickedFolder } from './folderGuard';

/** The disclosure catalogue export (engine/catalogue/README.md): what will and will not be
 *  published, then the export itself. In the preview the site goes into the data folder (a browser
 *  cannot name a folder on the machine); the desktop app writes where the native dialog chose. */
export function catalogueHandlers(ctx: HandlerContext): HandlerTable {
  const { host, engine } = ctx;
  const previewOut = () => path.join(engine.paths.root, 'exports', 'site');
  return {
    'export:plan': () => {
      const plan = engine.exportPlan();
      const refs = engine.documentRefs(plan.heldBack.map((h) => h.documentId));
      return {
        counts: plan.counts,
        heldBack: plan.heldBack.map((h) => ({
          id: h.documentId,
          title: refs.get(h.documentId)?.title ?? `#${h.documentId}`,
          numberNotation: refs.get(h.documentId)?.numberNotation ?? null,
          reason: h.reason,
        })),
        undecided: engine.exportUndecided(200),
        defaultOut: host === 'preview' ? previewOut() : null,
        listing: publishedListing(plan),
      };
    },

    'export:run': async ({ out }) => {
      const target = host === 'preview' ? previewOut() : out;
      if (!target || !path.isAbsolute(target)) throw new AppError('INVALID_INPUT', 'export folder');
      requirePickedFolder(ctx, target);
      const started = performance.now();
      const summary = await engine.exportCatalogue({ out: target });
      return {
        out: summary.out,
        counts: summary.counts,
        heldBack: summary.heldBack.length,
        files: summary.files,
        written: summary.written,
        unchanged: summary.unchanged,
        removed: summary.removed,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        warnings: summary.warnings,
      };
    },
  };
}
