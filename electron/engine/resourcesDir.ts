import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's `resources/` folder (legal-basis registry, OCR models, fonts, catalogue site assets).
 *
 * From the sources (CLI, tests) and from the electron-vite bundle in the source tree (`npm start`)
 * this module sits two folders below the project root (electron/engine/, out/main/), so the same
 * relative URL works for both. A packaged app keeps resources outside the asar archive
 * (electron-builder `extraResources`); its main process sets MINHBACH_RESOURCES_DIR to that folder
 * before the engine starts.
 */
export function resourcesDir(): string {
  const configured = process.env.MINHBACH_RESOURCES_DIR;
  return configured && configured.length > 0 ? configured : fileURLToPath(new URL('../../resources/', import.meta.url));
}

export function resourcePath(...parts: string[]): string {
  return path.join(resourcesDir(), ...parts);
}
