import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc/channels';
import { sweepDroppedSheets } from '../core/batch/droppedSheet';
import { CodeMaker } from '../core/codes/codeMaker';
import { type AccountStore, fileAccountStore } from '../core/storage/accounts';
import { type ErrorLog, openErrorLog } from '../core/storage/errorLog';
import { Library } from '../core/storage/library';
import { filePageLists, type PageLists } from '../core/storage/pageLists';
import { keychainSecrets, type SecretStore } from '../core/storage/secrets';
import { fileSettingsStore, type SettingsStore } from '../core/storage/settings';
import { sweepTemps } from '../core/storage/tempFiles';
import { AccountClients, forgettingClients } from './accounts/accountClients';
import { AccountService } from './accounts/accountService';
import { BatchSession } from './batch/batchSession';
import { CodeService } from './codes/codeService';
import type { Desktop, Notify } from './desktop/desktop';
import { LibraryExports } from './library/libraryExports';
import { LibraryService } from './library/libraryService';
import { numUsedKeeper } from './numUsed';
import { PageImport } from './pages/pageImport';
import { PosterService } from './posters/posterService';
import { HistorySheet } from './print/historySheet';
import { PrintService } from './print/printService';

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
  desktop: Desktop;
  notify: Notify;
  info: AppInfo;
  /** The support log in the data folder, shared with the CLI. */
  log: ErrorLog;
  /** Each account's pages from its imported app.json. */
  pageLists: PageLists;
  // The app services the handlers call, one per feature.
  accountService: AccountService;
  libraryService: LibraryService;
  libraryExports: LibraryExports;
  historySheet: HistorySheet;
  codeService: CodeService;
  pageImport: PageImport;
  /** Saved poster templates and their editor. */
  posterService: PosterService;
  /** The form's code as printed: labels, logo, DPI, poster. */
  printService: PrintService;
  /** Batches from spreadsheets, one running at a time; main asks it to finish before the app quits. */
  batches: BatchSession;
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
  const accounts = forgettingClients(
    {
      ...store,
      recordNumUsed: numUsedKeeper(store, (report) => options.notify?.('accounts:numUsed', report)),
    },
    clients,
  );
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
  const core = {
    dataDir: options.dataDir,
    library,
    accounts,
    secrets,
    settings: fileSettingsStore(options.dataDir),
    codes: new CodeMaker(library),
    clients,
    desktop: options.desktop,
    notify,
    info: {
      version: options.appVersion,
      systemLocale: options.systemLocale,
      ...(options.sandboxUrl ? { sandboxUrl: options.sandboxUrl } : {}),
    },
    log,
    pageLists: filePageLists(options.dataDir),
  };
  const accountService = new AccountService(accounts, secrets, clients);
  const libraryService = new LibraryService(library);
  const codeService = new CodeService({ ...core, accountService, libraryService });
  const posterService = new PosterService(core);
  return {
    ...core,
    accountService,
    libraryService,
    libraryExports: new LibraryExports(core),
    historySheet: new HistorySheet(core),
    codeService,
    pageImport: new PageImport({ ...core, accountService }),
    posterService,
    printService: new PrintService({ ...core, libraryService, posters: posterService.store }),
    batches: new BatchSession({
      ...core,
      accountService,
      posters: posterService.store,
      makeOne: (accountId, request) => codeService.generate(accountId, request, false),
    }),
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
