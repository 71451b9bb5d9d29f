import { AppError } from '../../shared/domain/errors';
import type { HandlerContext, HandlerTable } from './types';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The request register, consents, calendar and statistics: every rule is in engine/requests/.
 *  Files go back as base64 (notices and provided PDFs are tens of kilobytes) for the screen to save. */
export function requestHandlers(ctx: HandlerContext): HandlerTable {
  const { engine, settings } = ctx;
  const staff = () => settings.get().reviewerName.trim() || engine.actor;
  const r = engine.requests;
  return {
    'requests:list': (q) => r.list(q),
    'requests:dueCounts': () => r.dueCounts(),
    'requests:get': ({ id }) => r.get(id),
    'requests:add': (input) => r.add(input, staff()),
    'requests:update': ({ id, status, assignee, complex, linkDocumentIds, unlinkDocumentIds }) =>
      r.update({ id, status, assignee, complex, linkDocumentIds, unlinkDocumentIds }, staff()),
    'requests:extend': ({ id, reason }) => r.extend(id, reason, staff()),
    'requests:withdraw': ({ id, note }) => r.withdraw(id, note, staff()),
    'requests:answer': (input) => r.answer(input, staff()),
    'requests:notice': async ({ id, kind, format }) => {
      const n = await r.notice(id, kind, staff());
      return {
        fileName: `${n.fileStem}.${format}`,
        mime: MIME[format],
        base64: b64(format === 'pdf' ? n.pdf : n.docx),
      };
    },
    'requests:providedFile': async ({ id, documentId }) => {
      const f = await r.providedFile(id, documentId);
      return { fileName: f.fileName, mime: MIME.pdf, base64: b64(f.bytes) };
    },
    'requests:stats': ({ year }) => r.statistics(year),
    'requests:statsReport': async ({ year, format }) => {
      const f = await r.statisticsReport(year, format);
      return { fileName: f.fileName, mime: MIME[format], base64: b64(f.bytes) };
    },
    'consents:list': ({ documentId }) => ({ items: r.consents(documentId) }),
    'consents:add': async ({ scanUploadId, scanPath, scanName, ...rest }) => {
      let scanFile: string | undefined;
      if (scanUploadId) {
        scanFile = ctx.uploads?.pathOf(scanUploadId) ?? undefined;
        if (!scanFile) throw new AppError('INVALID_INPUT', 'unknown upload');
      } else if (scanPath) {
        // A path is only taken from the desktop app (native dialog / drop); never from the preview.
        if (ctx.host !== 'electron') throw new AppError('INVALID_INPUT', 'scan path on the preview');
        scanFile = scanPath;
      }
      try {
        return await r.addConsent(
          { ...rest, ...(scanFile ? { scanFile, scanName: scanName ?? 'van-ban-dong-y' } : {}) },
          staff(),
        );
      } finally {
        if (scanUploadId) await ctx.uploads?.discard(scanUploadId);
      }
    },
    'consents:revoke': ({ id, date }) => r.revokeConsent(id, date, staff()),
    'calendar:get': ({ year }) => r.calendar(year),
    'calendar:set': ({ year, announcement }) => r.setCalendar(year, announcement, staff()).view,
  };
}
