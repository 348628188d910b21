import { dirname, join } from 'node:path';
import {
  app,
  type BrowserWindow,
  ClipboardItem,
  clipboard,
  dialog,
  type MessageBoxOptions,
  nativeImage,
  type OpenDialogOptions,
  type SaveDialogOptions,
  shell,
} from 'electron';
import type { Desktop } from '../app/desktop/desktop';
import { mayOpenExternally } from '../app/desktop/externalLinks';

/** The desktop services of the app's window; `window` gives the window currently shown, if any. */
export function electronDesktop(window: () => BrowserWindow | undefined): Desktop {
  // The next save starts where the last one went: codes of one campaign go to one folder.
  let folder: string | undefined;

  /** The open dialog, as a sheet of the window when there is one. */
  const choose = async (options: OpenDialogOptions): Promise<string | undefined> => {
    const shown = window();
    const result = shown ? await dialog.showOpenDialog(shown, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  };

  return {
    async saveDialog(defaultName, formats = ['png']) {
      folder ??= picturesFolder();
      const options: SaveDialogOptions = {
        defaultPath: join(folder, defaultName),
        filters: formats.map((format) => ({ name: format.toUpperCase(), extensions: [format] })),
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
    chooseSpreadsheet() {
      return choose({
        filters: [
          { name: 'Spreadsheet (.xlsx, .csv, .txt)', extensions: ['xlsx', 'csv', 'txt', 'tsv'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile'],
      });
    },
    chooseAppJson() {
      return choose({
        filters: [
          { name: 'app.json', extensions: ['json'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile'],
      });
    },
    chooseImage() {
      return choose({
        filters: [{ name: 'Image (.png, .jpg, .svg)', extensions: ['png', 'jpg', 'jpeg', 'svg'] }],
        properties: ['openFile'],
      });
    },
    chooseTemplate() {
      return choose({
        filters: [{ name: 'Poster template (.json)', extensions: ['json'] }],
        properties: ['openFile'],
      });
    },
    chooseFolder() {
      return choose({ properties: ['openDirectory', 'createDirectory'] });
    },
    async confirm(question) {
      const options: MessageBoxOptions = {
        type: 'warning',
        title: question.title,
        message: question.message,
        detail: question.detail,
        buttons: [question.cancel, question.confirm],
        // Cancel is what Enter, Escape and closing the dialog choose: spending takes a deliberate click.
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const shown = window();
      const { response } = shown
        ? await dialog.showMessageBox(shown, options)
        : await dialog.showMessageBox(options);
      return response === 1;
    },
    showInFolder(path) {
      // Not openPath: that opens what the path is, and a folder named *.app on macOS would run.
      shell.showItemInFolder(path);
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
