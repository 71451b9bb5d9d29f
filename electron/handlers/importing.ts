import path from 'node:path';
import { AppError } from '../../shared/domain/errors';
import type { HandlerContext, HandlerTable } from './types';

export function importHandlers(ctx: HandlerContext): HandlerTable {
  const { engine } = ctx;
  const table: HandlerTable = {};

  if (ctx.host === 'electron') {
    table['import:files'] = async ({ paths }) => {
      // Paths come from a native dialog or a drop on the window; relative paths would resolve
      // against wherever the app was started, so they are refused.
      if (!paths.every((p) => path.isAbsolute(p)))
        throw new AppError('INVALID_INPUT', 'relative import path');
      return { results: await engine.importPaths(paths) };
    };
    table['import:choose'] = async ({ kind }) => ({ paths: (await ctx.dialogs?.chooseImport(kind)) ?? [] });
  }

  if (ctx.host === 'preview') {
    table['import:upload'] = async ({ uploads }) => {
      const staging = ctx.uploads;
      if (!staging) throw new Error('preview host without upload staging');
      const files = uploads.map((u) => {
        const staged = staging.pathOf(u.uploadId);
        if (!staged) throw new AppError('NOT_FOUND', `upload ${u.uploadId}`);
        return { path: staged, fileName: u.fileName };
      });
      try {
        const results = await engine.importNamedFiles(files);
        // The staging path means nothing to the user; report the name they uploaded.
        return { results: results.map((r) => ({ ...r, path: r.fileName })) };
      } finally {
        await Promise.all(uploads.map((u) => staging.discard(u.uploadId)));
      }
    };
  }
  return table;
}
