/**
 * The preload: the renderer's only door to main. It exposes named methods (one per Electron
 * channel in the contract) and two subscriptions; no ipcRenderer, no channel names chosen by the
 * page. Built as CommonJS so it runs in the sandbox.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { API_METHODS, type DesktopApi } from '../../shared/contract/api';
import { JOB_PROGRESS_EVENT, MENU_COMMAND_EVENT, type MenuCommand } from '../../shared/contract/events';
import type { JobProgress } from '../../shared/contract/index';

function subscribe<T>(event: string, callback: (value: T) => void): () => void {
  // The event object (with `sender`) never reaches the page.
  const listener = (_event: IpcRendererEvent, value: T) => callback(value);
  ipcRenderer.on(event, listener);
  return () => {
    ipcRenderer.removeListener(event, listener);
  };
}

export function buildApi(): DesktopApi {
  const methods = Object.fromEntries(
    Object.entries(API_METHODS).map(([name, channel]) => [
      name,
      (input: unknown) => ipcRenderer.invoke(channel, input),
    ]),
  ) as unknown as Omit<DesktopApi, 'onJobProgress' | 'onMenuCommand' | 'pathsForFiles'>;
  return {
    ...methods,
    onJobProgress: (callback) => subscribe<JobProgress>(JOB_PROGRESS_EVENT, callback),
    onMenuCommand: (callback) => subscribe<MenuCommand>(MENU_COMMAND_EVENT, callback),
    pathsForFiles: (files) =>
      files.map((file) => webUtils.getPathForFile(file as File)).filter((p) => p.length > 0),
  };
}

contextBridge.exposeInMainWorld('api', buildApi());
