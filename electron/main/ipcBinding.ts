import type { IpcMainInvokeEvent } from 'electron';
import type { Channel, Result } from '../../shared/contract/index';
import { userError } from '../../shared/domain/errors';
import { isTrustedSender } from './senderCheck';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/** Binds each channel to `ipcMain.handle`, answering only the app's own frame. */
export function bindIpc(
  ipcMain: IpcMainLike,
  channels: readonly Channel[],
  options: {
    appOrigin: () => string;
    invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>;
    onRefused?: (channel: Channel, url: string) => void;
  },
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event, options.appOrigin())) {
        options.onRefused?.(channel, event.senderFrame?.url ?? '(gone)');
        return { ok: false, error: userError('INVALID_INPUT') } satisfies Result<never>;
      }
      return options.invoke(channel, input);
    });
  }
}
