/**
 * Electron main: one window, the security guards, the menu, and the handler table bound to IPC.
 * Everything else (the engine, the handlers) is plain Node shared with the CLI and the preview.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { isAppError } from '../../shared/domain/errors';
import { startHost, type RunningHost } from '../host/startHost';
import { channelsFor, JOB_PROGRESS_EVENT } from '../../shared/contract/index';
import { MENU_COMMAND_EVENT } from '../../shared/contract/events';
import { APP_ORIGIN, APP_SCHEME, mimeOf, resolveRendererFile } from './appProtocol';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { nativeDialogs } from './dialogs';
import { bindIpc } from './ipcBinding';
import { menuTemplate } from './menu';
import { installNavigationGuards, isAllowedExternal, isAllowedRequest } from './navigationGuard';
import { mainWindowOptions } from './windowOptions';
import { grantPermissionCheck, grantPermissionRequest } from './permissions';
import { sqliteBindingFor } from './nativeBinding';
import { cancelDownloads, PickedFolders, trustedEnvironment } from './hardening';
import { utilityPdfLauncher } from './pdfLauncher';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(here, '../renderer');
const PRELOAD = path.join(here, '../preload/index.cjs');
// Packaged: MINHBACH_RESOURCES_DIR, MINHBACH_SQLITE_BINDING and ELECTRON_RENDERER_URL from the
// environment are ignored (main/hardening.ts); electron-vite dev serves the renderer over http.
const TRUSTED = trustedEnvironment({ env: process.env, isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
const DEV_URL = TRUSTED.devUrl;
const pickedFolders = new PickedFolders();
// Every renderer in the OS sandbox, whatever a window's options say.
app.enableSandbox();
const appOrigin = () => (DEV_URL ? new URL(DEV_URL).origin : APP_ORIGIN);

let mainWindow: BrowserWindow | null = null;
let host: RunningHost | null = null;
let shutdownDone = false;

const openExternal = async (url: string): Promise<boolean> => {
  if (!isAllowedExternal(url)) return false;
  await shell.openExternal(url);
  return true;
};

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(RENDERER_DIR, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), {
        headers: {
          'content-type': mimeOf(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  // Only the camera, only for the app's own window and page (the document-camera screen).
  const fromMainWindow = (contents: Electron.WebContents | null) => Boolean(contents && mainWindow && contents.id === mainWindow.webContents.id);
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const media = details as { mediaTypes?: string[] };
    callback(
      grantPermissionRequest(
        {
          permission,
          mediaTypes: media.mediaTypes ?? [],
          requestingUrl: details.requestingUrl,
          isMainFrame: details.isMainFrame,
          fromMainWindow: fromMainWindow(contents),
        },
        appOrigin(),
      ),
    );
  });
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    grantPermissionCheck(
      { permission, mediaType: (details as { mediaType?: string }).mediaType, requestingOrigin, fromMainWindow: fromMainWindow(contents) },
      appOrigin(),
    ),
  );
  ses.setDevicePermissionHandler(() => false);
  cancelDownloads(ses, (url) => host?.log.warn(`download refused: ${url.slice(0, 200)}`));
  // Nothing is fetched from the network at run time: refuse any request that is not the app's own.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, DEV_URL ? appOrigin() : null);
    callback({ cancel: !allowed });
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(PRELOAD, { devTools: !app.isPackaged }));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(DEV_URL ?? `${APP_ORIGIN}/index.html`);
  return win;
}

function nativeBindingOption(): { nativeBinding?: string } {
  const binding = sqliteBindingFor({
    env: TRUSTED.sqliteBinding ? { MINHBACH_SQLITE_BINDING: TRUSTED.sqliteBinding } : {},
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron ?? '',
    platform: process.platform,
    arch: process.arch,
  });
  return binding ? { nativeBinding: binding } : {};
}

async function start(): Promise<void> {
  // Packaged: resources live outside the asar (electron-builder extraResources); the engine reads
  // the legal registry, OCR models, fonts and site assets from there (engine/resourcesDir.ts).
  if (TRUSTED.resourcesDir) process.env.MINHBACH_RESOURCES_DIR = TRUSTED.resourcesDir;
  else delete process.env.MINHBACH_RESOURCES_DIR;
  lockDownSession();
  serveRenderer();
  const dialogs = nativeDialogs(() => mainWindow, pickedFolders);
  host = await startHost({
    host: 'electron',
    settingsFile: path.join(app.getPath('userData'), 'settings.json'),
    appVersion: app.getVersion(),
    analyseWorkerScript: new URL('./analyseWorker.js', import.meta.url),
    modelWorkerScript: new URL('./modelWorker.js', import.meta.url),
    pdfChildScript: new URL('./pdfChild.js', import.meta.url),
    quickCheckWorkerScript: new URL('./quickCheckWorker.js', import.meta.url),
    pdfLauncher: utilityPdfLauncher,
    // The engine opens in read-only "archive damaged" mode if quick_check finds damage.
    startupCheck: 'quick',
    scanPageWorkerScript: new URL('./scanPageWorker.js', import.meta.url),
    understandWorkerScript: new URL('./understandWorker.js', import.meta.url),
    // An Electron build of better-sqlite3 kept apart from the Node build the tests use (README).
    ...nativeBindingOption(),
    services: { dialogs, openExternal, pickedFolders },
  });
  const running = host;
  bindIpc(ipcMain, channelsFor('electron'), {
    appOrigin,
    invoke: (channel, input) => running.invoke(channel, input),
    onRefused: (channel, url) => running.log.warn(`IPC ${channel} refused for sender ${url}`),
  });
  running.onJobProgress((progress) => mainWindow?.webContents.send(JOB_PROGRESS_EVENT, progress));
  const send = (command: string) => mainWindow?.webContents.send(MENU_COMMAND_EVENT, command);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(send, { isMac: process.platform === 'darwin', devTools: !app.isPackaged }),
    ),
  );
  mainWindow = createWindow();
}

// Privileged schemes must be registered before 'ready'.
protocol.registerSchemesAsPrivileged([
  // standard + secure: a real origin (app://minhbach) with secure-context APIs; corsEnabled: the
  // bundle is loaded as module scripts, which Chromium fetches in CORS mode.
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, corsEnabled: true } },
]);

if (!app.requestSingleInstanceLock()) {
  // A second launch only brings the first window forward (one writer per archive).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every web contents (including any a bug might create) gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents, {
      appOrigin: appOrigin(),
      openExternal: (url) => void openExternal(url),
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (shutdownDone || !host) return;
    // Stop accepting work, let calls in flight finish, stop workers, close the database; then quit.
    event.preventDefault();
    const running = host;
    host = null;
    void running.shutdown().finally(() => {
      shutdownDone = true;
      app.quit();
    });
  });
  app
    .whenReady()
    .then(start)
    .catch((e: Error) => {
      console.error(`Minh Bạch failed to start: ${e.stack ?? e.message}`);
      // A refused legal data file (or another user-facing start failure) is said in Vietnamese.
      if (isAppError(e)) dialog.showErrorBox('Minh Bạch không khởi động được', e.toUser().message);
      app.exit(1);
    });
}
