import { existsSync } from 'node:fs';
import { AppError } from '../../shared/domain/errors';
import type { HandlerContext, HandlerTable } from './types';

/** The agency's details for the published section (engine/catalogue/agencySettings.ts). A form's
 *  file comes from the native dialog (desktop) or an upload (preview); the engine stores its bytes
 *  and checks its type. */
export function agencyHandlers(ctx: HandlerContext): HandlerTable {
  const { engine } = ctx;
  const table: HandlerTable = {
    'agency:get': () => engine.agencySettings(),
    'agency:set': (patch) => engine.updateAgencySettings(patch),
    'agency:removeForm': ({ code }) => engine.setAgencyForm(code, null),
  };
  if (ctx.host === 'electron') {
    table['agency:chooseForm'] = async ({ code }) => {
      const file = (await ctx.dialogs?.chooseForm()) ?? null;
      if (!file) return { chosen: false, settings: engine.agencySettings() };
      return { chosen: true, settings: await engine.setAgencyForm(code, file) };
    };
  }
  if (ctx.host === 'preview') {
    table['agency:uploadForm'] = async ({ code, uploadId }) => {
      const staged = ctx.uploads?.pathOf(uploadId);
      if (!staged || !existsSync(staged)) throw new AppError('NOT_FOUND', `upload ${uploadId}`);
      try {
        return await engine.setAgencyForm(code, staged);
      } finally {
        await ctx.uploads?.discard(uploadId);
      }
    };
  }
  return table;
}
