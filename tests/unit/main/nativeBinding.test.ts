import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteBindingFor } from '../../../electron/main/nativeBinding';
import { tempDir } from '../../helpers/fixtures';

describe('the better-sqlite3 binary the app loads', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const base = { env: {}, isPackaged: false, appPath: temp.dir, electronVersion: '39.8.10', platform: 'linux' as const, arch: 'x64' };

  it('prefers MINHBACH_SQLITE_BINDING, then the Electron build beside the sources', () => {
    expect(sqliteBindingFor(base)).toBeUndefined();
    const built = path.join(temp.dir, '.electron-native', 'better_sqlite3-electron-39.8.10-linux-x64.node');
    mkdirSync(path.dirname(built), { recursive: true });
    writeFileSync(built, '');
    expect(sqliteBindingFor(base)).toBe(built);
    expect(sqliteBindingFor({ ...base, env: { MINHBACH_SQLITE_BINDING: '/x.node' } })).toBe('/x.node');
  });

  it('lets a packaged app use the binary packaged with it', () => {
    expect(sqliteBindingFor({ ...base, isPackaged: true })).toBeUndefined();
  });
});
