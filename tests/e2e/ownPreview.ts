import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
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

/**
 * A preview on an archive of a spec's own (so the order of spec files does not matter): `start`
 * in beforeAll (with whatever the folder needs first), `stop` in afterAll; `open` visits with the
 * token, failing the test on any script error; `go` moves to another screen.
 */
export function ownPreview(prefix: string) {
  let preview: RunningPreview | undefined;
  let dir = '';
  return {
    get dir() {
      return dir;
    },
    async start(prepare?: (dir: string) => Promise<void>): Promise<void> {
      dir = mkdtempSync(path.join(os.tmpdir(), prefix));
      await prepare?.(dir);
      preview = await startPreview(dir, 30_000);
    },
    async stop(): Promise<void> {
      await preview?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    async open(page: Page, hash: string): Promise<void> {
      page.on('pageerror', (e) => {
        throw e;
      });
      await page.goto(`${preview!.url}#token=${preview!.token}`);
      await expect(page.locator('h1')).toBeVisible();
      await page.goto(`${preview!.url}${hash}`);
    },
    go: (page: Page, hash: string) => page.goto(`${preview!.url}${hash}`),
  };
}
