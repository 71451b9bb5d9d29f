import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Which better-sqlite3 binary the app loads: MINHBACH_SQLITE_BINDING if set, else (running from
 * the source tree, `npm start`) the Electron build made by electron/native/ensureElectronSqlite.mjs.
 * A packaged app has its own Electron build inside the package and needs neither.
 */
export function sqliteBindingFor(options: {
  env: NodeJS.ProcessEnv;
  isPackaged: boolean;
  appPath: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
}): string | undefined {
  if (options.env.MINHBACH_SQLITE_BINDING) return options.env.MINHBACH_SQLITE_BINDING;
  if (options.isPackaged) return undefined;
  const file = path.join(
    options.appPath,
    '.electron-native',
    `better_sqlite3-electron-${options.electronVersion}-${options.platform}-${options.arch}.node`,
  );
  return existsSync(file) ? file : undefined;
}
