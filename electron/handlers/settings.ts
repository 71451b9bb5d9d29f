import type { HandlerContext, HandlerTable } from './types';
import { requirePickedFolder } from './folderGuard';

export function settingsHandlers(ctx: HandlerContext): HandlerTable {
  const { settings, engine } = ctx;
  const table: HandlerTable = {
    'settings:get': () => ({
      settings: settings.get(),
      restartRequired: settings.get().dataDir !== engine.paths.root,
      scanInboxActive: ctx.scanInboxActive(),
    }),

    'settings:set': async (patch) => {
      // A folder the renderer names (data folder, scan inbox) must come from the native dialog.
      const current = settings.get();
      if (patch.dataDir !== undefined && patch.dataDir !== current.dataDir) requirePickedFolder(ctx, patch.dataDir);
      if (patch.scanInbox && patch.scanInbox !== current.scanInbox) requirePickedFolder(ctx, patch.scanInbox);
      const { settings: next, changed } = await settings.update(patch);
      const active = changed.includes('scanInbox')
        ? await ctx.applyScanInbox(next.scanInbox)
        : ctx.scanInboxActive();
      // The open archive stays open until restart; the new data folder is used next time.
      return { settings: next, restartRequired: next.dataDir !== engine.paths.root, scanInboxActive: active };
    },
  };
  if (ctx.host === 'electron') {
    table['settings:chooseFolder'] = async () => ({ path: (await ctx.dialogs?.chooseFolder()) ?? null });
  }
  return table;
}
