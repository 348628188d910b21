// The whole app in Electron: the built main process, preload and page, the built-in sandbox and a
// throwaway data folder. Needs the Electron binary, which this project's build machines cannot
// download, so there it reports itself as skipped. Run after `vite build` (npm run test:e2e does).
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ElectronApplication, _electron as electron, expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { tempFolder } from '../../electron/testing/tempFolder';
import { batchView } from '../harness/batch';
import { dropFiles } from '../harness/drop';
import { studio } from '../harness/studio';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where `require('electron')` would find the binary, without calling it: on a miss it starts a
 * download. Playwright's launch without `executablePath` would do exactly that.
 */
function electronBinary(): string | undefined {
  const pkg = join(PROJECT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relativePath = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const binary = join(dist, relativePath);
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
test.skip(!binary, 'no Electron binary on this machine');

/** The built app in English, on the data folder given. */
const launchIn = (dataDir: string): Promise<ElectronApplication> =>
  electron.launch({
    executablePath: binary,
    args: ['.', '--lang=en-US'],
    cwd: PROJECT,
    env: { ...process.env, WXACODE_DATA_DIR: dataDir, LANG: 'en_US.UTF-8', LANGUAGE: 'en' },
  });

test('makes a limited code on the Sandbox account, shows it and saves it as a PNG', async () => {
  const data = await tempFolder('electron');
  const dataDir = data.path;
  const app = await launchIn(dataDir);
  try {
    const target = join(dataDir, 'saved code.png');
    // The native save dialog cannot be clicked through; the main process answers it instead.
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = async () => ({ canceled: false, filePath });
    }, target);

    // The browser suite's view of the window, so both suites find controls by the same names.
    const ui = studio(await app.firstWindow());
    await expect(ui.accountSelect).toHaveValue('sandbox');
    await ui.kind('Mini program code').check();
    await ui.path.fill('pages/index/index?from=electron');
    await ui.generate();
    await expect(ui.realImage).toBeVisible();
    await expect(ui.newlyGenerated).toBeVisible();

    await ui.saveButton.click();
    await expect.poll(() => existsSync(target)).toBe(true);
    const saved = PNG.sync.read(await readFile(target));
    expect([saved.width, saved.height]).toEqual([430, 430]);
  } finally {
    await app.close();
    await data.remove();
  }
});

/** The app in English with a throwaway data folder; closed and removed after `use`. */
async function withApp(use: (app: ElectronApplication, dataDir: string) => Promise<void>): Promise<void> {
  const data = await tempFolder('electron');
  const dataDir = data.path;
  const app = await launchIn(dataDir);
  try {
    await use(app, dataDir);
  } finally {
    await app.close();
    await data.remove();
  }
}

/** The application menu as labels: the top level, or one menu's items (separators left out). */
const menuLabels = (app: ElectronApplication, menu?: number) =>
  app.evaluate(({ Menu }, index) => {
    const top = Menu.getApplicationMenu()?.items ?? [];
    const items = index === undefined ? top : (top[index]?.submenu?.items ?? []);
    return items.filter((item) => item.type !== 'separator').map((item) => item.label);
  }, menu);

test('has an application menu in the app’s language, with Edit roles and Help, and switches views from it', async () => {
  await withApp(async (app) => {
    const page = await app.firstWindow();
    const mac = process.platform === 'darwin';
    const offset = mac ? 1 : 0;
    await expect
      .poll(() => menuLabels(app))
      .toEqual([...(mac ? ['WxaCode Studio'] : []), 'File', 'Edit', 'View', 'Window', 'Help']);
    const edit = await app.evaluate(
      ({ Menu }, index) =>
        Menu.getApplicationMenu()!.items[index]!.submenu!.items.map((item) => item.role?.toLowerCase()),
      offset + 1,
    );
    expect(edit).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectall']));
    expect(await menuLabels(app, offset + 4)).toEqual(
      expect.arrayContaining(['WeChat Docs: Mini Program Codes', 'Open Log Folder']),
    );
    // Started from the checkout, not installed: Reload and the developer tools are there.
    expect(await menuLabels(app, offset + 2)).toEqual(expect.arrayContaining(['Reload', 'Developer Tools']));

    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.getMenuItemById('show-history')!.click());
    await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await expect
      .poll(() => menuLabels(app))
      .toEqual([...(mac ? ['WxaCode Studio'] : []), '文件', '编辑', '视图', '窗口', '帮助']);
  });
});

test('shows a batch on the taskbar and tells the OS when it has finished; the notification leads to Batch', async () => {
  await withApp(async (app, dataDir) => {
    const page = await app.firstWindow();
    const outDir = join(dataDir, 'codes');
    // What the taskbar and the OS were told, recorded in the main process; the output folder is
    // answered as the native dialog would be.
    await app.evaluate(({ BrowserWindow, Notification, dialog }, folder) => {
      const record = globalThis as unknown as { bars: unknown[]; notices: Electron.Notification[] };
      record.bars = [];
      record.notices = [];
      const window = BrowserWindow.getAllWindows()[0]!;
      const setBar = window.setProgressBar.bind(window);
      window.setProgressBar = (progress, options) => {
        record.bars.push({ progress, mode: options?.mode });
        setBar(progress, options);
      };
      Notification.isSupported = () => true;
      Notification.prototype.show = function show(this: Electron.Notification) {
        record.notices.push(this);
      };
      dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [folder] });
      // The quota question main asks before a limited batch spends: answered "Make the codes".
      dialog.showMessageBox = async () => ({ response: 1, checkboxChecked: false });
    }, outDir);

    await dropFiles(page, [
      {
        name: 'stores.csv',
        bytes: Buffer.from('path,name\npages/a/a?id=1,one\npages/a/a?id=2,two\n'),
        type: 'text/csv',
      },
    ]);
    const ui = batchView(page);
    await expect(ui.tab).toHaveAttribute('aria-selected', 'true');
    await ui.chooseFolder.click();
    await ui.checkFirstRow();
    await ui.start.click();
    await expect(ui.summary).toContainText('Finished:');

    const bars = await app.evaluate(() => (globalThis as unknown as { bars: unknown[] }).bars);
    expect(bars.length).toBeGreaterThan(1);
    expect(bars).toContainEqual(expect.objectContaining({ mode: 'normal' }));
    expect(bars.at(-1)).toEqual({ progress: -1, mode: 'none' });
    const notices = await app.evaluate(() =>
      (globalThis as unknown as { notices: Electron.Notification[] }).notices.map((n) => ({
        title: n.title,
        body: n.body,
      })),
    );
    expect(notices).toEqual([{ title: 'Batch finished', body: '2 codes made from stores.csv.' }]);

    await page.getByRole('tab', { name: 'Make a code' }).click();
    await app.evaluate(() =>
      (globalThis as unknown as { notices: Electron.Notification[] }).notices[0]!.emit('click'),
    );
    await expect(ui.tab).toHaveAttribute('aria-selected', 'true');
  });
});

test('reopens where the window was left, at its size, on its last view', async () => {
  const data = await tempFolder('electron');
  const dataDir = data.path;
  const launch = () => launchIn(dataDir);
  try {
    const first = await launch();
    const page = await first.firstWindow();
    await page.getByRole('tab', { name: 'History' }).click();
    await first.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.setBounds({ width: 900, height: 640 }),
    );
    await first.close();

    const second = await launch();
    try {
      const again = await second.firstWindow();
      await expect(again.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
      const size = await second.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows()[0]!.getBounds(),
      );
      expect([size.width, size.height]).toEqual([900, 640]);
    } finally {
      await second.close();
    }
  } finally {
    await data.remove();
  }
});
