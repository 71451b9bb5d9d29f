import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPreview } from './previewProcess';
import { execFileSync } from 'node:child_process';
import { CAMERA_VIDEO } from './helpers';

/** Starts the browser preview on a temporary archive and hands its URL and token to the specs
 *  through the environment; the returned function stops it and removes the archive. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-e2e-'));
  // The camera spec's fake capture device plays this photo of a page (camera.spec.ts).
  execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'cameraFrame.ts'), path.join(import.meta.dirname, '../fixtures/ocr/d07-page-1.png'), CAMERA_VIDEO],
    { stdio: 'inherit', timeout: 120_000 },
  );
  // The shared archive starts as a new installation with the default settings: workstation.spec
  // meets the first-start dialog, sees OCR run by itself after import, and turns automatic OCR
  // off in Settings to drive it by hand.
  const preview = await startPreview(dir, 60_000, { firstStart: true });
  process.env.MINHBACH_PREVIEW_URL = preview.url;
  process.env.MINHBACH_PREVIEW_TOKEN = preview.token;
  return async () => {
    await preview.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
