import type { Services } from '../app/services';
import type { HandlerTable } from '../main/ipc';

type PrintHandlers = Pick<
  HandlerTable,
  'print:compose' | 'print:save' | 'print:copy' | 'print:drag' | 'print:chooseLogo'
>;

export function printHandlers({ printService: printing }: Services): PrintHandlers {
  return {
    'print:compose': ({ codeId, print }) => printing.compose(codeId, print),
    'print:save': async ({ codeId, print }) => {
      const path = await printing.save(codeId, print);
      return path === undefined ? { saved: false } : { saved: true, path };
    },
    'print:copy': async ({ codeId, print }) => {
      await printing.copy(codeId, print);
      return { copied: true };
    },
    'print:drag': async ({ codeId, print }) => {
      await printing.drag(codeId, print);
      return { started: true };
    },
    'print:chooseLogo': () => printing.chooseLogo(),
  };
}
