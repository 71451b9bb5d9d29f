import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningPreview {
  url: string;
  token: string;
  /** Stops the preview (SIGTERM, at most 10 s). */
  stop: () => Promise<void>;
}

/** Reviewer name a preview starts with, so specs that are not about the first start do not meet
 *  the first-start dialog. */
export const E2E_REVIEWER = 'Người kiểm thử';

/** Starts `electron/preview/cli.ts` on `dataDir` and waits for the line with its URL and token.
 *  Unless `firstStart`, the settings file names a reviewer (the first-start dialog stays away). */
export async function startPreview(
  dataDir: string,
  timeoutMs = 60_000,
  options: { firstStart?: boolean } = {},
): Promise<RunningPreview> {
  const settingsFile = path.join(dataDir, 'preview-settings.json');
  if (!options.firstStart && !existsSync(settingsFile)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(settingsFile, JSON.stringify({ reviewerName: E2E_REVIEWER }));
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/preview/cli.ts'), '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start in ${timeoutMs / 1000} s`)), timeoutMs);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}`)));
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  return {
    url,
    token,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
  };
}
