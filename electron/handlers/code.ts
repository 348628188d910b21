import type { Services } from '../app/services';
import { readAppJsonPages } from '../core/pages/appJson';
import type { HandlerTable } from '../main/ipc';

type CodeHandlers = Pick<
  HandlerTable,
  'code:generate' | 'code:save' | 'code:copy' | 'code:drag' | 'code:openAppJson'
>;

export function codeHandlers({ codeService: codes, desktop }: Services): CodeHandlers {
  return {
    'code:generate': ({ accountId, request, regenerate }) => codes.generate(accountId, request, regenerate),

    'code:save': async ({ codeId }) => {
      const path = await codes.save(codeId);
      return path === undefined ? { saved: false } : { saved: true, path };
    },

    'code:copy': async ({ codeId }) => {
      await codes.copy(codeId);
      return { copied: true };
    },

    'code:drag': async ({ codeId }) => {
      await codes.drag(codeId);
      return { started: true };
    },

    'code:openAppJson': async () => {
      const file = await desktop.chooseAppJson();
      return file === undefined ? null : readAppJsonPages(file);
    },
  };
}
