import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Minh Bạch';

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives for this
 * product name, so the CLI and the desktop app open the same archive:
 * Windows %APPDATA%\Minh Bạch, macOS ~/Library/Application Support/Minh Bạch,
 * Linux $XDG_CONFIG_HOME/Minh Bạch (default ~/.config/Minh Bạch).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(config, APP_FOLDER_NAME);
}

/** `--data-dir` wins, then MINHBACH_DATA_DIR, then the per-user default. */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env.MINHBACH_DATA_DIR;
  return path.resolve(chosen && chosen.length > 0 ? chosen : defaultDataDir(env));
}

export interface DataPaths {
  root: string;
  database: string;
  store: string;
  logs: string;
  tmp: string;
}

export function dataPaths(root: string): DataPaths {
  return {
    root,
    database: path.join(root, 'archive.sqlite'),
    store: path.join(root, 'store'),
    logs: path.join(root, 'logs'),
    tmp: path.join(root, 'tmp'),
  };
}
