import type { Channel, Input, JobProgress, Output } from '../../../shared/contract/index';
import type { ImportResult } from '../../../shared/contract/schemas';
import { ApiError } from './ApiError';
import { electronTransport } from './electronTransport';
import { previewTransport, takePreviewToken } from './previewTransport';
import type { Transport } from './transport';

/** One typed client over either transport: resolves with the channel's output or throws an
 *  ApiError carrying the code and the Vietnamese message. */
export class ApiClient {
  constructor(readonly transport: Transport) {}

  get host(): Transport['kind'] {
    return this.transport.kind;
  }

  async call<C extends Channel>(channel: C, input: Input<C>, signal?: AbortSignal): Promise<Output<C>> {
    const result = await this.transport.invoke(channel, input, signal);
    if (!result.ok) throw new ApiError(result.error);
    return result.value as Output<C>;
  }

  onJobProgress(callback: (progress: JobProgress) => void): () => void {
    return this.transport.onJobProgress(callback);
  }

  /** Imports browser File objects: uploads in the preview, their paths in Electron. */
  async importFiles(files: { file: File; name: string }[]): Promise<ImportResult[]> {
    if (this.transport.upload) {
      const uploads = [];
      for (const { file, name } of files)
        uploads.push({ uploadId: await this.transport.upload(file), fileName: name });
      return (await this.call('import:upload', { uploads })).results;
    }
    const paths = this.transport.pathsForFiles?.(files.map((f) => f.file)) ?? [];
    return paths.length > 0 ? (await this.call('import:files', { paths })).results : [];
  }
}

export function createClient(): ApiClient {
  if (window.api) return new ApiClient(electronTransport(window.api));
  const token = takePreviewToken();
  return new ApiClient(previewTransport(token ?? ''));
}
