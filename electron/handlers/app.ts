import type { HandlerContext, HandlerTable } from './types';

export function appHandlers(ctx: HandlerContext): HandlerTable {
  const table: HandlerTable = {
    'app:info': () => ({
      name: 'Minh Bạch',
      version: ctx.appVersion,
      host: ctx.host,
      dataDir: ctx.engine.paths.root,
      documentCount: safeCount(ctx),
      archive: ctx.engine.healthReport(),
    }),
  };
  if (ctx.host === 'electron') {
    table['app:openExternal'] = async ({ url }) => ({ opened: (await ctx.openExternal?.(url)) ?? false });
  }
  return table;
}

/** A damaged archive may not even count its documents: the app still starts and says why. */
function safeCount(ctx: HandlerContext): number {
  try {
    return ctx.engine.count();
  } catch {
    return 0;
  }
}
