import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxOptions } from '../../electron/sandbox/index';
import { tempFolder } from '../../electron/testing/tempFolder';
import { openTestApp, type TestApp } from '../../electron/testing/testApp';

/**
 * The app the unit tests open (electron/testing/testApp.ts: the real services and handler table
 * over a real sandbox, a fresh data folder and the throwaway keyring scripts/with-keyring.sh
 * provides), with the folders a user's dialogs would answer in the browser suite.
 */
export interface Backend extends TestApp {
  /** Where the save dialog puts files: the name it suggests, saved at once. */
  saveDir: string;
}

export async function startBackend(options: { sandbox?: SandboxOptions } = {}): Promise<Backend> {
  const app = await openTestApp({ sandbox: options.sandbox });
  const files = await tempFolder('e2e');
  const saveDir = join(files.path, 'saved');
  await mkdir(saveDir);
  app.desktop.saveInto = saveDir;
  // The folder dialog answers a fresh folder unless a test chooses another.
  app.desktop.folder = join(files.path, 'output');
  return {
    ...app,
    saveDir,
    async close() {
      await app.close();
      await files.remove();
    },
  };
}
