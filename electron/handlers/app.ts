import type { HandlerContext, HandlerTable } from './types';

export function appHandlers(ctx: HandlerContext): HandlerTable {
  const table: HandlerTable = {
    'app:info': () => ({
      name: 'Minh Bạch',
      version: ctx.appVersion,
      host: ctx.host,
      dataDir: ctx.engine.paths.root,
      documentCount: ctx.engine.count(),
    }),
  };
  if (ctx.host === 'electron') {
    table['app:openExternal'] = async ({ url }) => ({ opened: (await ctx.openExternal?.(url)) ?? false });
  }
  return table;
}
