import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost, type RunningHost } from '../../electron/host/startHost';
import { UploadStaging } from '../../electron/preview/uploadStaging';
import { fixture } from './fixtures';

export interface TestHost {
  dir: string;
  host: RunningHost;
  /** The preview's upload staging (stage a file, then pass its id to a channel). */
  staging: UploadStaging;
  /** Document ids by corpus folder name (d01, d15, …). */
  ids: Record<string, number>;
  /** Invokes a channel and returns its value, failing the test with the error otherwise. */
  ok: <T>(channel: string, input: unknown) => Promise<T>;
  /** Stages a file with the preview's upload staging, as the browser's upload would; its upload id. */
  upload: (file: string) => Promise<string>;
  close: () => Promise<void>;
}

/** The preview's handler table on a fresh archive (the same one the browser talks to), with the
 *  born-digital PDFs of the given corpus fixtures uploaded as one import (none: an empty archive). */
export async function startTestHost(prefix: string, documents: string[]): Promise<TestHost> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const staging = new UploadStaging(path.join(dir, 'data/tmp/uploads'), 10 * 1024 * 1024);
  const host = await startHost({
    host: 'preview',
    settingsFile: path.join(dir, 'settings.json'),
    dataDir: path.join(dir, 'data'),
    appVersion: 'test',
    services: { uploads: staging },
  });
  const ok = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await host.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  const uploads = [];
  for (const d of documents) {
    const { uploadId } = await staging.stage(createReadStream(fixture('corpus', d, 'born-digital.pdf')));
    uploads.push({ uploadId, fileName: `${d}.pdf` });
  }
  const ids: Record<string, number> = {};
  if (uploads.length > 0) {
    const { results } = await ok<{ results: { fileName: string; id: number }[] }>('import:upload', { uploads });
    for (const r of results) ids[r.fileName.replace('.pdf', '')] = r.id;
  }
  return {
    dir,
    host,
    staging,
    ids,
    ok,
    upload: async (file) => (await staging.stage(createReadStream(file))).uploadId,
    close: async () => {
      await host.shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
