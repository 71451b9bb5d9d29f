import type { HandlerContext, HandlerTable } from './types';

export function documentHandlers({ engine, settings }: HandlerContext): HandlerTable {
  /** Corrections and confirmations are recorded under the reviewer name from Settings. */
  const reviewer = () => settings.get().reviewerName.trim() || engine.actor;
  return {
    'documents:list': ({ limit, offset, sort, direction, ...filters }) => ({
      items: engine.list({ ...filters, limit, offset, ...(sort ? { sort } : {}), ...(direction ? { direction } : {}) }),
      total: engine.count(filters),
    }),

    'documents:get': ({ id }) => engine.get(id),

    'documents:search': ({ query, filters, limit, offset, prefixLast }) => {
      const hits = engine.search(query, { ...filters, limit, offset, prefixLast });
      const summaries = new Map(engine.summaries(hits.map((h) => h.id)).map((s) => [s.id, s]));
      return {
        hits: hits.flatMap((hit) => {
          const document = summaries.get(hit.id);
          return document ? [{ ...hit, document }] : [];
        }),
      };
    },

    'documents:updateHeader': ({ id, fields }) => engine.correctHeader(id, fields, reviewer()),

    'documents:confirmHeader': ({ id, keys }) => engine.confirmHeader(id, reviewer(), keys),

    'documents:pageImage': async ({ id, page, size }) => {
      engine.get(id); // NOT_FOUND for an unknown document rather than a silent null
      const image = await engine.pageImage(id, page, size);
      if (!image) return null;
      return {
        mime: image.mime,
        base64: image.bytes.toString('base64'),
        width: image.width,
        height: image.height,
      };
    },
  };
}
