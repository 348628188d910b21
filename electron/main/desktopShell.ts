import { app, type BrowserWindow } from 'electron';
import type { BatchUpdate } from '../../shared/batch';
import { resolveLang } from '../../shared/language';
import type { View } from '../../shared/views';
import type { Notify } from '../app/desktop/desktop';
import type { MenuCommand } from '../app/desktop/menuTemplate';
import { watchedSettings } from '../app/desktop/watchedSettings';
import type { WindowPlacement } from '../app/desktop/windowPlacement';
import type { Services } from '../app/services';
import { DEFAULT_SETTINGS, type Settings } from '../core/storage/settings';
import { openExternally } from './desktop';
import { applyMenu, showAbout } from './menu';
import { batchOnTaskbar } from './taskbar';
import { appUpdates } from './updates';
import { keepWindowPlacement, windowPlacement } from './windowState';

/** What every desktop app does around its window: menu, taskbar progress, notifications, window place, updates. */
export interface DesktopShell {
  /** Sees every event main sends to the page: the taskbar and the updater follow the batch. */
  observe: Notify;
  /** Where the window opens (main.ts creates it there). */
  placement(): Promise<WindowPlacement>;
  /** Follows the window's place from now on, and checks for updates once it is shown. */
  attach(window: BrowserWindow, placement: WindowPlacement): void;
}

/**
 * Starts the shell. Call before the IPC handlers are made: it watches the settings store, so the
 * menu and notifications switch language when the page does.
 */
export async function startDesktopShell(
  services: Services,
  window: () => BrowserWindow | undefined,
): Promise<DesktopShell> {
  let settings: Settings = await services.settings.read().catch(() => DEFAULT_SETTINGS);
  const lang = () => resolveLang(settings.locale, services.info.systemLocale);
  services.settings = watchedSettings(services.settings, (next) => {
    const before = lang();
    settings = next;
    if (lang() !== before) buildMenu();
  });

  const showView = (view: View) => {
    const shown = window();
    if (!shown) return;
    if (shown.isMinimized()) shown.restore();
    shown.show();
    shown.focus();
    services.notify('app:show-view', { view });
  };

  const updates = appUpdates({
    window,
    lang,
    batchRunning: () => services.batches.isRunning(),
    readyChanged: () => buildMenu(),
  });

  const run = (command: MenuCommand) => {
    switch (command.kind) {
      case 'show-view':
        return showView(command.view);
      case 'about':
        return showAbout(window(), lang());
      case 'check-for-updates':
        return void updates.check(true);
      case 'restart-to-update':
        return updates.restart();
      case 'open-docs':
        return void openExternally(command.url);
      case 'open-log-folder':
        // The same as Accounts → Open log folder: the current log file, selected in its folder.
        return services.desktop.showInFolder(services.log.currentFile());
    }
  };

  function buildMenu(): void {
    applyMenu(
      {
        platform: process.platform,
        lang: lang(),
        packaged: app.isPackaged,
        updatesEnabled: updates.enabled,
        ...(updates.readyVersion ? { updateReadyVersion: updates.readyVersion } : {}),
      },
      run,
    );
  }
  buildMenu();

  const taskbar = batchOnTaskbar({ window, lang, showBatch: () => showView('batch') });

  return {
    observe(event, payload) {
      if (event !== 'batch:progress') return;
      const update = payload as BatchUpdate;
      taskbar(update);
      if (update.progress.state === 'finished') updates.batchEnded();
    },
    placement: () => windowPlacement(services.dataDir),
    attach(shown, placement) {
      keepWindowPlacement(shown, services.dataDir, placement);
      shown.once('ready-to-show', () => void updates.check(false));
    },
  };
}
