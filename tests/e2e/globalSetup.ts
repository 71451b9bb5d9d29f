import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPreview } from './previewProcess';
import { createEngine } from '../../electron/engine/index';

/** Starts the browser preview on a temporary archive and hands its URL and token to the specs
 *  through the environment; the returned function stops it and removes the archive. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-e2e-'));
  // These specs drive OCR by hand (the document screen's button, a scan waiting for it): automatic
  // OCR is off in their archive — a setting a user may choose too. Headers are still read by the
  // pipeline. The pipeline's own e2e uses a preview of its own with the defaults.
  const engine = await createEngine({ dataDir: path.join(dir, 'data') });
  engine.updatePipelineSettings({ autoOcr: false });
  await engine.close();
  const preview = await startPreview(dir);
  process.env.MINHBACH_PREVIEW_URL = preview.url;
  process.env.MINHBACH_PREVIEW_TOKEN = preview.token;
  return async () => {
    await preview.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
