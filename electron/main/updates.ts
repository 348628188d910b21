import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, type MessageBoxOptions } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { Lang } from '../../shared/language';
import { shellText } from '../app/desktop/shellText';
import { UpdateFlow } from '../app/desktop/updatePolicy';

export interface UpdateOptions {
  window: () => BrowserWindow | undefined;
  lang: () => Lang;
  batchRunning: () => boolean;
  /** The menu shows "Restart to Update" once a version is ready. */
  readyChanged: () => void;
}

export interface Updates {
  /** An installed app built with a feed (WXACODE_UPDATE_URL): checking means something. */
  readonly enabled: boolean;
  readonly readyVersion: string | undefined;
  check(manual: boolean): Promise<void>;
  restart(): void;
  batchEnded(): void;
}

/**
 * electron-updater against the generic feed electron-builder wrote into app-update.yml at build
 * time: checked at start and from the menu, downloaded in the background, installed on "Restart
 * Now" (or when the app quits), never while a batch runs.
 */
export function appUpdates({ window, lang, batchRunning, readyChanged }: UpdateOptions): Updates {
  const enabled = app.isPackaged && existsSync(join(process.resourcesPath, 'app-update.yml'));
  const flow = new UpdateFlow(app.getVersion());
  autoUpdater.autoDownload = false;
  autoUpdater.allowDowngrade = false;
  let busy = false;

  const box = async (options: MessageBoxOptions) => {
    const shown = window();
    return shown ? dialog.showMessageBox(shown, options) : dialog.showMessageBox(options);
  };

  const offerRestart = async (version: string) => {
    const t = lang();
    const { response } = await box({
      type: 'info',
      message: shellText(t, 'updateReadyTitle'),
      detail: shellText(t, 'updateReadyDetail', { version }),
      buttons: [shellText(t, 'restartNow'), shellText(t, 'later')],
      defaultId: 0,
      cancelId: 1,
    });
    if (response === 0) updates.restart();
  };

  const updates: Updates = {
    enabled,
    get readyVersion() {
      return flow.readyVersion;
    },
    async check(manual) {
      if (!enabled || busy) return;
      busy = true;
      try {
        const result = await autoUpdater.checkForUpdates();
        if (!result) return;
        const step = flow.checked(
          { isUpdateAvailable: result.isUpdateAvailable, version: result.updateInfo.version },
          manual,
        );
        if (step.kind === 'up-to-date') {
          await box({
            type: 'info',
            message: shellText(lang(), 'updateUpToDate'),
            detail: shellText(lang(), 'updateUpToDateDetail', { version: step.version }),
          });
        }
        if (step.kind !== 'download') return;
        await autoUpdater.downloadUpdate();
        const ready = flow.downloaded(step.version, batchRunning());
        readyChanged();
        if (ready.kind === 'prompt') void offerRestart(ready.version);
      } catch (cause) {
        // At start a missing network is no news; asked from the menu, the user hears why.
        console.warn('WxaCode Studio: update check failed:', cause);
        if (manual) {
          await box({
            type: 'warning',
            message: shellText(lang(), 'updateFailed'),
            detail: cause instanceof Error ? cause.message : String(cause),
          });
        }
      } finally {
        busy = false;
      }
    },
    restart() {
      const step = flow.restartAsked(batchRunning());
      if (step.kind === 'install') autoUpdater.quitAndInstall();
      else if (step.kind === 'wait-for-batch') {
        void box({ type: 'info', message: shellText(lang(), 'updateWaitsForBatch') });
      }
    },
    batchEnded() {
      const step = flow.batchEnded();
      if (step) void offerRestart(step.version);
    },
  };
  return updates;
}
