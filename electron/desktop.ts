import { dirname, join } from 'node:path';
import {
  app,
  type BrowserWindow,
  ClipboardItem,
  clipboard,
  dialog,
  nativeImage,
  type SaveDialogOptions,
  shell,
} from 'electron';
import { mayOpenExternally } from './externalLinks';
import type { Desktop } from './services';

/** The desktop services of the app's window; `window` gives the window currently shown, if any. */
export function electronDesktop(window: () => BrowserWindow | undefined): Desktop {
  // The next save starts where the last one went: codes of one campaign go to one folder.
  let folder: string | undefined;

  return {
    async saveDialog(defaultName) {
      folder ??= picturesFolder();
      const options: SaveDialogOptions = {
        defaultPath: join(folder, defaultName),
        filters: [{ name: 'PNG', extensions: ['png'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const shown = window();
      const result = shown
        ? await dialog.showSaveDialog(shown, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return undefined;
      folder = dirname(result.filePath);
      return result.filePath;
    },
    async copyImage(png) {
      // As a PNG, not a bitmap: keeps the transparency of a transparent code.
      await clipboard.write([
        new ClipboardItem({ 'image/png': new Blob([new Uint8Array(png)], { type: 'image/png' }) }),
      ]);
    },
    startDrag(file, icon) {
      window()?.webContents.startDrag({ file, icon: nativeImage.createFromBuffer(Buffer.from(icon)) });
    },
  };
}

/** Opens a link in the user's browser if it leads to one of the allowed WeChat sites. */
export async function openExternally(url: string): Promise<void> {
  if (mayOpenExternally(url)) await shell.openExternal(url);
}

function picturesFolder(): string {
  try {
    return app.getPath('pictures');
  } catch {
    // Some Linux desktops define no Pictures folder.
    return app.getPath('home');
  }
}
