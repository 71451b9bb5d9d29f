import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import { startPreview, type RunningPreview } from './previewProcess';

/**
 * Gives the spec file its own preview on its own empty archive, so what it scans or captures never
 * shows up in the shared archive the other specs count on (and theirs not here). The helpers
 * (openApp, previewUrl, invokePreview) read the preview from the environment, restored afterwards.
 */
export function useOwnPreview(): void {
  let preview: RunningPreview | null = null;
  let dir = '';
  const saved = { url: '', token: '' };
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-e2e-own-'));
    preview = await startPreview(dir);
    saved.url = process.env.MINHBACH_PREVIEW_URL ?? '';
    saved.token = process.env.MINHBACH_PREVIEW_TOKEN ?? '';
    process.env.MINHBACH_PREVIEW_URL = preview.url;
    process.env.MINHBACH_PREVIEW_TOKEN = preview.token;
  });
  test.afterAll(async () => {
    process.env.MINHBACH_PREVIEW_URL = saved.url;
    process.env.MINHBACH_PREVIEW_TOKEN = saved.token;
    await preview?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
}
