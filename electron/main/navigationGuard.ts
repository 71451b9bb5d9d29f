import type { WebContents } from 'electron';

/** Hosts whose pages may be opened in the system browser (legal texts cited in decisions). */
export const EXTERNAL_ALLOW_LIST: readonly string[] = [
  'vanban.chinhphu.vn',
  'chinhphu.vn',
  'thuvienphapluat.vn',
  'luatvietnam.vn',
];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The window may only show the app itself: same scheme and host as the app's own origin. */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  const target = parse(url);
  const own = parse(appOrigin);
  if (!target || !own) return false;
  return target.protocol === own.protocol && target.host === own.host;
}

/** https only, no credentials, no custom port, exact host from the allow-list (no suffix games
 *  like `vanban.chinhphu.vn.evil.example`). */
export function isAllowedExternal(url: string, allowList: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  const target = parse(url);
  if (!target) return false;
  if (target.protocol !== 'https:' || target.username || target.password || target.port) return false;
  return allowList.includes(target.hostname.toLowerCase());
}

/** Requests the renderer may make: its own app:// files, data:/blob: images, devtools, and in
 *  development the dev server (with its HMR websocket). Everything else — any network — is
 *  cancelled. */
export function isAllowedRequest(url: string, devOrigin: string | null): boolean {
  if (/^(app|data|blob|devtools):/.test(url)) return true;
  if (!devOrigin) return false;
  const target = parse(url);
  const dev = parse(devOrigin);
  if (!target || !dev) return false;
  return target.host === dev.host && (target.protocol === dev.protocol || target.protocol === 'ws:');
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Denies navigation away from the app, new windows and webviews on a web contents. Links the
 *  user opens go to the system browser only when allow-listed. */
export function installNavigationGuards(
  contents: GuardedContents,
  options: { appOrigin: string; openExternal: (url: string) => void },
): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, options.appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-frame-navigate', (event) => refuse(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) options.openExternal(url);
    return { action: 'deny' };
  });
}
