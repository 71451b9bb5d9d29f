import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/**
 * Uploaded bytes wait in `<dataDir>/tmp/uploads/<random id>` until `import:upload` imports them
 * under the name the user gave. The id is random hex, so a client can name no other file.
 */
export class UploadStaging {
  constructor(
    private readonly folder: string,
    private readonly maxBytes: number,
  ) {}

  async stage(body: Readable): Promise<{ uploadId: string; size: number }> {
    await mkdir(this.folder, { recursive: true });
    const uploadId = randomBytes(16).toString('hex');
    const target = path.join(this.folder, uploadId);
    let size = 0;
    const limit = this.maxBytes;
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > limit) throw new Error('upload too large');
            yield chunk;
          }
        },
        createWriteStream(target, { flags: 'wx' }),
      );
    } catch (e) {
      await rm(target, { force: true });
      throw e;
    }
    return { uploadId, size };
  }

  pathOf(uploadId: string): string | null {
    return /^[a-f0-9]{32}$/.test(uploadId) ? path.join(this.folder, uploadId) : null;
  }

  async discard(uploadId: string): Promise<void> {
    const file = this.pathOf(uploadId);
    if (file) await rm(file, { force: true });
  }
}
