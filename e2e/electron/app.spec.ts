// The whole app in Electron: the built main process, preload and page, the built-in sandbox and a
// throwaway data folder. Needs the Electron binary, which this project's build machines cannot
// download, so there it reports itself as skipped. Run after `vite build` (npm run test:e2e does).
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
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

test('makes a limited code on the Sandbox account, shows it and saves it as a PNG', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'wxacode-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: ['.', '--lang=en-US'],
    cwd: PROJECT,
    env: { ...process.env, WXACODE_DATA_DIR: dataDir, LANG: 'en_US.UTF-8', LANGUAGE: 'en' },
  });
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
    await rm(dataDir, { recursive: true, force: true });
  }
});
