import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/windowOptions';

describe('main window options', () => {
  it('keeps every security flag on, whatever devTools says', () => {
    for (const devTools of [true, false]) {
      const prefs = mainWindowOptions('/app/preload/index.cjs', { devTools }).webPreferences!;
      expect(prefs).toMatchObject({
        preload: '/app/preload/index.cjs',
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
        disableBlinkFeatures: 'Auxclick',
      });
      expect(prefs.devTools).toBe(devTools);
    }
  });

  it('uses a CommonJS preload (an ESM preload would need the sandbox off)', () => {
    expect(mainWindowOptions('x.cjs', { devTools: false }).webPreferences!.preload).toMatch(/\.cjs$/);
  });
});
