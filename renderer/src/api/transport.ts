import type { Channel, JobProgress, Result } from '../../../shared/contract/index';
import type { MenuCommand } from '../../../shared/contract/events';

/** How the renderer reaches the engine: Electron's preload or the browser preview's HTTP API.
 *  Both give the same results; only file import differs (paths vs. uploads). */
export interface Transport {
  kind: 'electron' | 'preview';
  invoke(channel: Channel, input: unknown, signal?: AbortSignal): Promise<Result<unknown>>;
  onJobProgress(callback: (progress: JobProgress) => void): () => void;
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /** Preview: sends one file's bytes, returns its upload id. */
  upload?(file: File): Promise<string>;
  /** Electron: the paths of dropped files (and folders). */
  pathsForFiles?(files: File[]): string[];
}
