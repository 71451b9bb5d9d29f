import type { Engine } from '../engine/index';
import type { Logger } from '../engine/logger';
import type { SettingsStore } from '../host/settingsStore';
import type { Channel, Host, Output, ParsedInput } from '../../shared/contract/index';

/** Services a host (Electron main or the browser preview) gives the handlers. Host-specific ones
 *  are optional; the channels that need them are only bound on that host. */
export interface HandlerContext {
  host: Host;
  engine: Engine;
  settings: SettingsStore;
  log: Logger;
  appVersion: string;
  /** Starts, moves or stops the scan-inbox watcher; resolves to whether it is watching. */
  applyScanInbox(folder: string | null): Promise<boolean>;
  scanInboxActive(): boolean;
  /** Electron: native dialogs. */
  dialogs?: {
    chooseImport(kind: 'files' | 'folder'): Promise<string[]>;
    chooseFolder(): Promise<string | null>;
    /** One request-form file (PDF, DOC, DOCX); null when cancelled. */
    chooseForm(): Promise<string | null>;
  };
  /** Electron: folders picked in a native dialog this session; export:run and settings:set accept
   *  no other (main/hardening.ts). */
  pickedFolders?: { has(folder: string): boolean };
  /** Electron: opens an allow-listed link in the system browser. */
  openExternal?: (url: string) => Promise<boolean>;
  /** Preview: where a staged upload's bytes are (null for an unknown id). */
  uploads?: {
    pathOf(uploadId: string): string | null;
    discard(uploadId: string): Promise<void>;
  };
}

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<Output<C>> | Output<C>;
export type HandlerTable = { [C in Channel]?: Handler<C> };
