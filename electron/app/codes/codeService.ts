import { join } from 'node:path';
import { type CodeRequest, spendsQuota } from '../../../shared/codeRequest';
import type { AppInfo, GeneratedCode } from '../../../shared/ipc/channels';
import { lastNumUsed, quotaCheck } from '../../core/batch/plan';
import type { CodeMaker } from '../../core/codes/codeMaker';
import type { Account, AccountStore } from '../../core/storage/accounts';
import { writeFileAtomic } from '../../core/storage/atomicFile';
import type { Library } from '../../core/storage/library';
import type { SettingsStore } from '../../core/storage/settings';
import type { AccountClients } from '../accounts/accountClients';
import type { AccountService } from '../accounts/accountService';
import { appLanguage } from '../appLanguage';
import type { Desktop } from '../desktop/desktop';
import type { LibraryService } from '../library/libraryService';
import { generatedCode } from '../library/libraryViews';
import { FormSpendGuard } from '../spend/formSpendGuard';
import { formSpendQuestion } from '../spend/spendQuestions';
import { dragFile, dragIcon } from './dragOut';

export interface CodeServiceDeps {
  dataDir: string;
  accounts: AccountStore;
  accountService: AccountService;
  library: Library;
  libraryService: LibraryService;
  codes: CodeMaker;
  clients: AccountClients;
  desktop: Desktop;
  settings: SettingsStore;
  info: AppInfo;
}

/** Making a code from the form, and the ways it leaves the app: saved, copied, dragged out. All use the stored PNG. */
export class CodeService {
  private readonly guard = new FormSpendGuard();

  constructor(private readonly app: CodeServiceDeps) {}

  async generate(accountId: string, request: CodeRequest, regenerate: boolean): Promise<GeneratedCode> {
    const { accounts, accountService, codes, clients } = this.app;
    const account = await accountService.byId(accountId);
    await this.admitSpend(account, request, regenerate);
    const made = await codes.make(
      { accountId: account.id, appId: account.appId, client: clients.clientFor(account) },
      request,
      { regenerate },
    );
    const { numUsed } = made.entry;
    if (!made.fromLibrary && numUsed !== undefined) await accounts.recordNumUsed(account.id, numUsed);
    return generatedCode(made.entry, made.png, made.fromLibrary);
  }

  /** Where the user saved the code, or undefined when they cancelled the dialog. */
  async save(codeId: string): Promise<string | undefined> {
    const { libraryService, library, desktop } = this.app;
    const entry = libraryService.stored(codeId);
    const chosen = await desktop.saveDialog(entry.suggestedName);
    if (chosen === undefined) return undefined;
    // The file is a PNG whatever the user typed; without the extension no viewer would open it.
    const path = /\.png$/i.test(chosen) ? chosen : `${chosen}.png`;
    await writeFileAtomic(path, await library.readPng(entry));
    return path;
  }

  async copy(codeId: string): Promise<void> {
    const { libraryService, library, desktop } = this.app;
    await desktop.copyImage(await library.readPng(libraryService.stored(codeId)));
  }

  async drag(codeId: string): Promise<void> {
    const { libraryService, library, desktop, dataDir } = this.app;
    const entry = libraryService.stored(codeId);
    const png = await library.readPng(entry);
    desktop.startDrag(await dragFile(join(dataDir, 'drag'), entry, png), await dragIcon(png));
  }

  /** A new limited or square code spends quota: past a handful a minute, the user says yes natively. */
  private async admitSpend(account: Account, request: CodeRequest, regenerate: boolean): Promise<void> {
    const { library, desktop } = this.app;
    if (!spendsQuota(request.kind)) return;
    if (!regenerate && library.find(account.appId, request)) return;
    await this.guard.admit(account.appId, async (made) => {
      const quota = quotaCheck(request.kind, 1, lastNumUsed(library, account.appId, account.numUsed));
      return desktop.confirm(formSpendQuestion(made, quota, await appLanguage(this.app)));
    });
  }
}
