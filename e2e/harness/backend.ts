import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Confirmation, Desktop, Notify } from '../../electron/app/desktop/desktop';
import { createServices } from '../../electron/app/services';
import { createHandlers } from '../../electron/handlers/index';
import type { HandlerTable } from '../../electron/main/ipc';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../electron/sandbox/index';

/** What the test desktop was handed: the real bytes and paths, for the tests to check. */
export interface DesktopRecord {
  saveDialogs: string[];
  copied: Buffer[];
  dragged: Array<{ file: string; icon: Buffer }>;
  /** Folders opened in the file manager. */
  shown: string[];
  /** The native confirmations main showed (spending quota), with their text. */
  confirmations: Confirmation[];
}

export interface Backend {
  table: HandlerTable;
  sandbox: RunningSandbox;
  dataDir: string;
  /** Where the test desktop's "Save as…" dialog puts files. */
  saveDir: string;
  desktop: DesktopRecord;
  /** What the "Open spreadsheet" dialog answers next; undefined as if the user pressed Cancel. */
  nextSpreadsheet?: string;
  /** What the folder dialog answers; a fresh folder under the backend's root unless a test sets it. */
  outputFolder: string | undefined;
  /** How the user answers main's native confirmations, which the page cannot click: 'ok' unless a test says. */
  confirmAnswer: 'ok' | 'cancel';
  /** Where events for the page go: set once the page is bridged (e2e/fixtures.ts); dropped until then. */
  eventSink?: Notify;
  close(): Promise<void>;
}

/**
 * The main process's handler table over a real sandbox, a fresh data folder and the real keychain
 * (the throwaway one scripts/with-keyring.sh provides): the same table electron/main/main.ts registers.
 */
export async function startBackend(
  options: { sandbox?: SandboxOptions; systemLocale?: string } = {},
): Promise<Backend> {
  const sandbox = await startSandbox(options.sandbox);
  const root = await mkdtemp(join(tmpdir(), 'wxacode-e2e-'));
  const dataDir = join(root, 'data');
  const saveDir = join(root, 'saved');
  const record: DesktopRecord = { saveDialogs: [], copied: [], dragged: [], shown: [], confirmations: [] };
  const desktop: Desktop = {
    async saveDialog(defaultName) {
      record.saveDialogs.push(defaultName);
      return join(saveDir, defaultName);
    },
    async copyImage(png) {
      record.copied.push(Buffer.from(png));
    },
    startDrag(file, icon) {
      record.dragged.push({ file, icon: Buffer.from(icon) });
    },
    chooseSpreadsheet: async () => backend.nextSpreadsheet,
    chooseFolder: async () => backend.outputFolder,
    showInFolder(path) {
      record.shown.push(path);
    },
    async confirm(question) {
      record.confirmations.push(question);
      return backend.confirmAnswer === 'ok';
    },
  };
  await mkdir(saveDir, { recursive: true });
  const services = await createServices({
    dataDir,
    desktop,
    sandboxUrl: sandbox.url,
    appVersion: '0.0.0-e2e',
    systemLocale: options.systemLocale ?? 'en-US',
    notify: (event, payload) => backend.eventSink?.(event, payload),
  });
  const backend: Backend = {
    table: createHandlers(services),
    sandbox,
    dataDir,
    saveDir,
    desktop: record,
    outputFolder: join(root, 'output'),
    confirmAnswer: 'ok',
    async close() {
      await sandbox.close();
      // A settings write the page started as it closed (the view it was left on) may still be
      // renaming its temporary file into the folder: removing is tried again until it is done.
      await rm(root, { recursive: true, force: true, maxRetries: 10 });
    },
  };
  return backend;
}
