import { mimeOf, rendererFileFor } from '../host/rendererFiles';

/** The renderer is served from app://minhbach/ rather than file://, so it has a real origin, a
 *  CSP header, and no access to the rest of the disk. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://minhbach';

/** The file an app:// URL names inside the renderer folder, or null for anything outside it. */
export function resolveRendererFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'minhbach') return null;
  return rendererFileFor(rendererDir, parsed.pathname);
}

export { mimeOf };
