import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one window's options. The security flags are spelled out even where they are Electron's
 * defaults, so a future default change or a careless edit shows up in review and in the unit test.
 */
export function mainWindowOptions(
  preloadPath: string,
  options: { devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on 'ready-to-show' to avoid a white flash
    title: 'Minh Bạch',
    backgroundColor: '#f6f5f2',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would try to open links in a new window (denied anyway): switch it off.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}
