import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { appError } from '../../shared/errors';
import { Failure } from '../../shared/result';
import { clearOldDragCopies } from '../app/codes/dragOut';
import { MIN_SIZE } from '../app/desktop/windowPlacement';
import { createServices, finishWork, type Services } from '../app/services';
import { dataDir } from '../core/storage/dataDir';
import { openErrorLog } from '../core/storage/errorLog';
import { SANDBOX_SECRET } from '../core/tokens/accountTokens';
import { createHandlers } from '../handlers';
import { startSandbox } from '../sandbox';
import { type AppPage, appPage } from './appPage';
import { registerAppScheme, serveAppPage } from './appProtocol';
import { electronDesktop, openExternally } from './desktop';
import { type DesktopShell, startDesktopShell } from './desktopShell';
import { registerHandlers, reportTo } from './ipc';

// The same folder the CLI uses (WXACODE_DATA_DIR overrides it). Set before the single-instance lock,
// which is taken per userData folder.
app.setPath('userData', dataDir());
// The page's own scheme must be known before the app is ready.
registerAppScheme();
const log = openErrorLog({ dataDir: dataDir(), process: 'app' });

let window: BrowserWindow | undefined;
let services: Services | undefined;
let shell: DesktopShell | undefined;
/** Set when the first quit was held for the batch to finish: the quit after it goes through. */
let readyToQuit = false;

/** Long enough for calls in flight to come back; a quit is not held up for longer. */
const WORK_FINISH_MS = 30_000;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    // The page is a single-page app: it never navigates, opens windows or embeds other pages.
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openExternally(url);
      return { action: 'deny' };
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (readyToQuit || !services) return;
    // A call in flight may already have cost quota: let it come back and be kept, so neither the
    // form nor Continue asks for it again; no new batch row starts.
    event.preventDefault();
    readyToQuit = true;
    void finishWork(services, WORK_FINISH_MS).finally(() => app.quit());
  });
  app.whenReady().then(start).catch(showStartupError);
}

async function start(): Promise<void> {
  const root = app.getAppPath();
  const page = appPage({
    // An environment variable must not be able to point an installed app at another page.
    devServerUrl: app.isPackaged ? undefined : process.env.VITE_DEV_SERVER_URL,
  });
  serveAppPage(join(root, 'dist/renderer'), page.contentSecurityPolicy);
  lockDownSession(page);

  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, appSecret: SANDBOX_SECRET });
  services = await createServices({
    dataDir: app.getPath('userData'),
    desktop: electronDesktop(() => window),
    sandboxUrl: sandbox.url,
    log,
    appVersion: app.getVersion(),
    systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getSystemLocale(),
    notify: (event, payload) => {
      shell?.observe(event, payload);
      // A batch may still report while the window is closing.
      if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
        window.webContents.send(event, payload);
      }
    },
  });
  shell = await startDesktopShell(services, () => window);
  registerHandlers(ipcMain, createHandlers(services), (frame) => page.isOwnFrame(frame), reportTo(log));
  void clearOldDragCopies(join(services.dataDir, 'drag'));

  const placement = await shell.placement();
  window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'WxaCode Studio',
    show: false,
    webPreferences: {
      preload: join(root, 'dist/preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  shell.attach(window, placement);
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => {
    window = undefined;
  });
  await window.loadURL(page.url);
}

/** No permission (camera, notifications, clipboard reads, ...) is needed, so none is granted. */
function lockDownSession(page: AppPage): void {
  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [page.contentSecurityPolicy],
      },
    });
  });
}

function showStartupError(cause: unknown): void {
  log.failed('startup', cause instanceof Failure ? cause.error : appError('internal'), { cause });
  const text =
    cause instanceof Failure
      ? `${cause.error.message.en}\n${cause.error.hint.en}\n\n${cause.error.message.zh}\n${cause.error.hint.zh}`
      : String(cause instanceof Error ? (cause.stack ?? cause.message) : cause);
  dialog.showErrorBox('WxaCode Studio could not start / 无法启动', text);
  app.exit(1);
}
