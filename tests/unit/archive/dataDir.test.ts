import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../electron/engine/archive/dataDir';

describe('the data folder', () => {
  it('is the per-user application-data folder for "Minh Bạch" on each system', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\an\\AppData\\Roaming' }, 'win32', 'C:\\Users\\an')).toBe(
      'C:\\Users\\an\\AppData\\Roaming\\Minh Bạch',
    );
    expect(defaultDataDir({}, 'darwin', '/Users/an')).toBe('/Users/an/Library/Application Support/Minh Bạch');
    expect(defaultDataDir({}, 'linux', '/home/an')).toBe('/home/an/.config/Minh Bạch');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/an')).toBe('/cfg/Minh Bạch');
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/an')).toBe('/home/an/.config/Minh Bạch');
  });

  it('can be chosen with --data-dir, then MINHBACH_DATA_DIR', () => {
    expect(resolveDataDir('/a', { MINHBACH_DATA_DIR: '/b' })).toBe('/a');
    expect(resolveDataDir(undefined, { MINHBACH_DATA_DIR: '/b' })).toBe('/b');
    expect(resolveDataDir(undefined, { MINHBACH_DATA_DIR: 'rel' })).toBe(path.resolve('rel'));
  });
});
