import { isAllowedNavigation } from './navigationGuard';

export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** IPC is answered only for the app's own top frame: not for a subframe, not for a page that
 *  somehow got loaded from elsewhere, not for a frame that is already gone. */
export function isTrustedSender(event: SenderLike, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return isAllowedNavigation(frame.url, appOrigin);
}
