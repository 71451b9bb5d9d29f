import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './tests/e2e/chromium';

// The specs expect suggestions under Law 104/2016 (engine/clock.ts): the preview inherits this.
process.env.MINHBACH_TODAY ??= '2026-06-01';

/**
 * End-to-end tests of the renderer in the system Chromium, through the browser preview (the
 * same handler table as Electron main). The preview is started once per run on a fresh temporary
 * archive by tests/e2e/globalSetup.ts. Run `npm run build` first (the preview serves out/renderer).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/globalSetup.ts',
  // One archive shared by the specs, in order: import first, then everything that reads it.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  // One retry on CI: a review-queue step has failed once in five runs on a loaded 2-core machine
  // (selection racing a queue refresh); a test that fails twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1360, height: 900 },
    locale: 'vi-VN',
    launchOptions: CHROMIUM_LAUNCH,
    trace: 'retain-on-failure',
  },
});
