import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Which better-sqlite3 binary the app loads: from the source tree (`npm start`) MINHBACH_SQLITE_BINDING
 * if set, else the Electron build made by electron/native/ensureElectronSqlite.mjs. A packaged app
 * uses its own Electron build inside the package and ignores the variable.
 */
export function sqliteBindingFor(options: {
  env: NodeJS.ProcessEnv;
  isPackaged: boolean;
  appPath: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
}): string | undefined {
  // Packaged: only the binary inside the package; an environment variable must not swap it.
  if (options.isPackaged) return undefined;
  if (options.env.MINHBACH_SQLITE_BINDING) return options.env.MINHBACH_SQLITE_BINDING;
  const file = path.join(
    options.appPath,
    '.electron-native',
    `better_sqlite3-electron-${options.electronVersion}-${options.platform}-${options.arch}.node`,
  );
  return existsSync(file) ? file : undefined;
}
