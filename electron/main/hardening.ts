import path from 'node:path';

/**
 * Environment variables a packaged app must not obey: anyone who can set them (a shortcut, a
 * script) could otherwise load another SQLite binary into the process, point the engine at other
 * resources (legal registry, OCR models, site assets) or load the renderer from a web server.
 * From the source tree (npm start, development) they keep working.
 */
export function trustedEnvironment(options: { env: NodeJS.ProcessEnv; isPackaged: boolean; resourcesPath: string }): {
  /** What MINHBACH_RESOURCES_DIR must be for the engine. */
  resourcesDir: string | undefined;
  /** MINHBACH_SQLITE_BINDING, honoured only from the source tree. */
  sqliteBinding: string | undefined;
  /** ELECTRON_RENDERER_URL (electron-vite dev server), honoured only from the source tree. */
  devUrl: string | undefined;
} {
  if (options.isPackaged) {
    return { resourcesDir: path.join(options.resourcesPath, 'resources'), sqliteBinding: undefined, devUrl: undefined };
  }
  return {
    resourcesDir: options.env.MINHBACH_RESOURCES_DIR || undefined,
    sqliteBinding: options.env.MINHBACH_SQLITE_BINDING || undefined,
    devUrl: options.env.ELECTRON_RENDERER_URL || undefined,
  };
}

interface DownloadItemLike {
  cancel(): void;
  getURL(): string;
}
interface SessionLike {
  on(event: 'will-download', listener: (event: { preventDefault(): void }, item: DownloadItemLike) => void): unknown;
}

/** The app downloads nothing: any download a page starts is cancelled (and reported). */
export function cancelDownloads(session: SessionLike, onCancelled: (url: string) => void = () => undefined): void {
  session.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
    onCancelled(item.getURL());
  });
}

/**
 * Folders the user picked in a native dialog during this session. `export:run` and `settings:set`
 * write to (or watch) a folder the renderer names; a compromised renderer could name any folder the
 * user can write to, so the desktop app only accepts folders that came out of its own dialog.
 */
export class PickedFolders {
  private readonly picked = new Set<string>();

  add(folder: string): void {
    this.picked.add(normalise(folder));
  }

  has(folder: string): boolean {
    return this.picked.has(normalise(folder));
  }
}

function normalise(folder: string): string {
  const resolved = path.resolve(folder).replace(/[\\/]+$/, '');
  return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
}
