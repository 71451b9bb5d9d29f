/**
 * `npm run preview:web [-- --data-dir DIR --port N]`: the renderer in any browser, against a real
 * engine. Without --data-dir a fresh temporary archive is used and removed on exit. Prints one
 * JSON line {url, token, dataDir} first (tests read it), then a human line.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHost } from '../host/startHost';
import { startPreviewServer } from './server';
import { UploadStaging } from './uploadStaging';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } } });
const staticDir = path.resolve(import.meta.dirname, '../../out/renderer');
if (!existsSync(path.join(staticDir, 'index.html'))) {
  console.error('out/renderer is missing: run `npm run build` first.');
  process.exit(1);
}

const temporary = values['data-dir'] ? null : mkdtempSync(path.join(os.tmpdir(), 'minhbach-preview-'));
const root = path.resolve(values['data-dir'] ?? temporary!);
const dataDir = path.join(root, 'data');
const staging = new UploadStaging(path.join(dataDir, 'tmp', 'uploads'), 1024 * 1024 * 1024);
const host = await startHost({
  host: 'preview',
  settingsFile: path.join(root, 'preview-settings.json'),
  dataDir,
  appVersion: 'preview',
  services: { uploads: staging },
  // As the desktop app: a damaged archive opens read-only with its banner.
  startupCheck: 'quick',
});
const server = await startPreviewServer({
  host,
  staticDir,
  staging,
  port: values.port ? Number(values.port) : 0,
});
console.log(JSON.stringify({ url: server.url, token: server.token, dataDir }));
console.log(`Minh Bạch preview: ${server.url}#token=${server.token}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  await host.shutdown(5_000);
  if (temporary) rmSync(temporary, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
