import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { startPreview, type RunningPreview } from './previewProcess';

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
