import path from 'node:path';
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * Electron fuses flipped in the packaged binary (electron-builder afterPack → afterPack.ts):
 * the app cannot be turned into a general Node runtime (RunAsNode, NODE_OPTIONS, --inspect off),
 * loads only its own asar with integrity checking, and encrypts cookies at rest. The PDF child runs
 * as an Electron utility process, which needs none of the Node-mode fuses.
 */
export const FUSES: FuseV1Config = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Resetting ad-hoc signatures on macOS arm64 after flipping (else the binary will not start).
  resetAdHocDarwinSignature: true,
};

/** The Electron binary inside electron-builder's output folder for a platform. */
export function electronBinaryPath(appOutDir: string, platform: string, productFilename: string): string {
  if (platform === 'darwin' || platform === 'mas') {
    return path.join(appOutDir, `${productFilename}.app`, 'Contents', 'MacOS', productFilename);
  }
  if (platform === 'win32') return path.join(appOutDir, `${productFilename}.exe`);
  return path.join(appOutDir, productFilename);
}
