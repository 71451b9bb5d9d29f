import type { ScannerDriver } from './types';
import { SaneDriver } from './sane/saneDriver';
import { WiaDriver } from './wia/wiaDriver';

/** WIA on Windows; SANE (scanimage) on Linux and macOS. */
export function driverFor(platform: NodeJS.Platform = process.platform): ScannerDriver {
  return platform === 'win32' ? new WiaDriver() : new SaneDriver();
}
