import { join } from 'node:path';
import { type CodeRequest, spendsQuota } from '../../shared/codeRequest';
import type { Services } from '../app/services';
import { FormSpendGuard } from '../app/spend/formSpendGuard';
import { formSpendQuestion } from '../app/spend/spendQuestions';
import { lastNumUsed, quotaCheck } from '../core/batch/plan';
import type { Account } from '../core/storage/accounts';
import { writeFileAtomic } from '../core/storage/atomicFile';
import type { HandlerTable } from '../main/ipc';
import { accountById } from './accounts';
import { appLanguage } from './appLanguage';
import { dragFile, dragIcon } from './dragOut';
import { generatedCode, storedCode } from './library';

type CodeHandlers = Pick<HandlerTable, 'code:generate' | 'code:save' | 'code:copy' | 'code:drag'>;

/** Making a code, and the ways it leaves the app: saved, copied, dragged out. All use the stored PNG. */
export function codeHandlers(services: Services): CodeHandlers {
  const { accounts, codes, clients, library, desktop, dataDir } = services;
  const guard = new FormSpendGuard();

  /** A new limited or square code spends quota: past a handful a minute, the user says yes natively. */
  const admitSpend = async (account: Account, request: CodeRequest, regenerate: boolean) => {
    if (!spendsQuota(request.kind)) return;
    if (!regenerate && library.find(account.appId, request)) return;
    await guard.admit(account.appId, async (made) => {
      const quota = quotaCheck(request.kind, 1, lastNumUsed(library, account.appId, account.numUsed));
      return desktop.confirm(formSpendQuestion(made, quota, await appLanguage(services)));
    });
  };

  return {
    'code:generate': async ({ accountId, request, regenerate }) => {
      const account = await accountById(accounts, accountId);
      await admitSpend(account, request, regenerate);
      const made = await codes.make(
        { accountId: account.id, appId: account.appId, client: clients.clientFor(account) },
        request,
        { regenerate },
      );
      const { numUsed } = made.entry;
      if (!made.fromLibrary && numUsed !== undefined) await accounts.recordNumUsed(account.id, numUsed);
      return generatedCode(made.entry, made.png, made.fromLibrary);
    },

    'code:save': async ({ codeId }) => {
      const entry = storedCode(library, codeId);
      const chosen = await desktop.saveDialog(entry.suggestedName);
      if (chosen === undefined) return { saved: false };
      // The file is a PNG whatever the user typed; without the extension no viewer would open it.
      const path = /\.png$/i.test(chosen) ? chosen : `${chosen}.png`;
      await writeFileAtomic(path, await library.readPng(entry));
      return { saved: true, path };
    },

    'code:copy': async ({ codeId }) => {
      await desktop.copyImage(await library.readPng(storedCode(library, codeId)));
      return { copied: true };
    },

    'code:drag': async ({ codeId }) => {
      const entry = storedCode(library, codeId);
      const png = await library.readPng(entry);
      desktop.startDrag(await dragFile(join(dataDir, 'drag'), entry, png), await dragIcon(png));
      return { started: true };
    },
  };
}
