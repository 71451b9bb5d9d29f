import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts `electron/preview/cli.ts` on a temporary archive and hands its URL and token to the
 *  specs through the environment; the returned function stops it and removes the archive. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'electron/preview/cli.ts'), '--data-dir', dir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('preview did not start in 60 s')), 60_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}`)));
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  process.env.MINHBACH_PREVIEW_URL = url;
  process.env.MINHBACH_PREVIEW_TOKEN = token;
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    rmSync(dir, { recursive: true, force: true });
  };
}
