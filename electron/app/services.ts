import { join } from 'node:path';
import type { EventName } from '../../shared/ipc/channelNames';
import type { AppInfo, EventPayload } from '../../shared/ipc/channels';
import { sweepDroppedSheets } from '../core/batch/droppedSheet';
import { CodeMaker } from '../core/codes/codeMaker';
import { type AccountStore, fileAccountStore } from '../core/storage/accounts';
import { type ErrorLog, openErrorLog } from '../core/storage/errorLog';
import { Library } from '../core/storage/library';
import { keychainSecrets, type SecretStore } from '../core/storage/secrets';
import { fileSettingsStore, type SettingsStore } from '../core/storage/settings';
import { sweepTemps } from '../core/storage/tempFiles';
import { AccountClients } from './accountClients';
import { BatchRunner } from './batch/batchRunner';
import { numUsedKeeper } from './numUsed';

/** The few things only the desktop can do; electron/desktop.ts does them with Electron. */
export interface Desktop {
  /** Asks the user where to save a PNG; undefined when they cancel. */
  saveDialog(defaultName: string): Promise<string | undefined>;
  copyImage(png: Uint8Array): Promise<void>;
  /** Starts dragging `file` out of the window, showing `icon` (a small PNG) under the pointer. */
  startDrag(file: string, icon: Uint8Array): void;
  /** Asks for a .csv or .xlsx file to make a batch from; undefined when they cancel. */
  chooseSpreadsheet(): Promise<string | undefined>;
  /** Asks for the folder a batch's PNGs go to (one may be created in the dialog); undefined when they cancel. */
  chooseFolder(): Promise<string | undefined>;
  /**
   * Asks the user a yes/no question in a native dialog, which the page can neither draw, read nor
   * answer; Cancel is the default button. True only when they chose `question.confirm`.
   */
  confirm(question: Confirmation): Promise<boolean>;
  /** Shows a file or folder selected in the file manager; never opens or runs it. */
  showInFolder(path: string): void;
}

/** A native yes/no question, in the app's language. */
export interface Confirmation {
  title: string;
  message: string;
  detail: string;
  /** The label of the button that says yes, naming what it does ("Make 3 codes"). */
  confirm: string;
  cancel: string;
}

/** Sends an event to the page (main → renderer, no answer); nothing happens when no window is open. */
export type Notify = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Services {
  /** The app's data folder; everything below is kept in it. */
  dataDir: string;
  library: Library;
  /** Saving or removing an account here also drops its cached client (see AccountClients). */
  accounts: AccountStore;
  secrets: SecretStore;
  settings: SettingsStore;
  codes: CodeMaker;
  clients: AccountClients;
  /** The one batch at a time; main asks it to finish before the app quits. */
  batches: BatchRunner;
  desktop: Desktop;
  notify: Notify;
  info: AppInfo;
  /** The support log in the data folder, shared with the CLI. */
  log: ErrorLog;
}

export interface ServicesOptions {
  /** The app's data folder (core/dataDir.ts), shared with the CLI. */
  dataDir: string;
  desktop: Desktop;
  /** The built-in sandbox this session started: where the Sandbox account's calls go. */
  sandboxUrl?: string;
  appVersion: string;
  systemLocale: string;
  /** Where secrets live; the OS keychain unless a test gives its own. */
  secrets?: SecretStore;
  /** How events reach the page; by default they go nowhere. */
  notify?: Notify;
  /** The support log main opened at start; by default one in `dataDir`. */
  log?: ErrorLog;
}

export const SANDBOX_ACCOUNT = { id: 'sandbox', name: 'Sandbox', appId: 'wx0123456789abcdef' } as const;

/** Everything the handlers work with, opened once per app session (or per test). */
export async function createServices(options: ServicesOptions): Promise<Services> {
  const secrets = options.secrets ?? keychainSecrets();
  const clients = new AccountClients(secrets, options.sandboxUrl);
  const store = fileAccountStore(options.dataDir, secrets);
  const accounts: AccountStore = {
    ...store,
    recordNumUsed: numUsedKeeper(store, (report) => options.notify?.('accounts:numUsed', report)),
    async save(draft, given) {
      const saved = await store.save(draft, given);
      clients.forget(saved.id);
      return saved;
    },
    async remove(id) {
      const removal = await store.remove(id);
      clients.forget(id);
      return removal;
    },
  };
  // With no account at all the app could do nothing; the Sandbox account lets it be tried at once,
  // without an AppID or a network.
  if ((await accounts.list()).length === 0) {
    await accounts.save({ ...SANDBOX_ACCOUNT, source: { kind: 'sandbox' } });
  }
  // Temp files of processes killed mid-write (settings, library, journals): another live process's stay.
  await sweepTemps(options.dataDir, 2);
  // Spreadsheets dropped in earlier sessions that no unfinished batch can be continued from.
  await sweepDroppedSheets(options.dataDir);
  const library = await Library.open(join(options.dataDir, 'library'));
  const notify = options.notify ?? (() => {});
  const log = options.log ?? openErrorLog({ dataDir: options.dataDir, process: 'app' });
  return {
    dataDir: options.dataDir,
    library,
    accounts,
    secrets,
    settings: fileSettingsStore(options.dataDir),
    codes: new CodeMaker(library),
    clients,
    batches: new BatchRunner({ notify, accounts, log }),
    desktop: options.desktop,
    notify,
    info: {
      version: options.appVersion,
      systemLocale: options.systemLocale,
      ...(options.sandboxUrl ? { sandboxUrl: options.sandboxUrl } : {}),
    },
    log,
  };
}

/**
 * Before the app quits: calls in flight may already have cost quota, so they come back and are
 * kept (in the library, and a batch's journal) rather than dropped, for at most `timeoutMs`. The
 * running batch starts no more rows.
 */
export async function finishWork(
  services: Pick<Services, 'batches' | 'codes'>,
  timeoutMs: number,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([Promise.all([services.batches.shutdown(timeoutMs), services.codes.idle()]), late]);
  clearTimeout(timer);
}
