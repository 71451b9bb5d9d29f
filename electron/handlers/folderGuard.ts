import { AppError } from '../../shared/domain/errors';
import type { HandlerContext } from './types';

/** On the desktop, a folder the renderer names must be one the user picked in the native dialog
 *  during this session (main/hardening.ts PickedFolders). The preview picks no folders: it has none. */
export function requirePickedFolder(ctx: Pick<HandlerContext, 'host' | 'pickedFolders'>, folder: string): void {
  if (ctx.host !== 'electron') return;
  if (!ctx.pickedFolders?.has(folder)) throw new AppError('FOLDER_NOT_CHOSEN', folder, { subject: `Thư mục “${folder}”` });
}
