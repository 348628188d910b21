import type { HandlerTable } from '../ipc';
import type { Services } from '../services';

export function appHandlers({
  info,
  log,
  desktop,
}: Services): Pick<HandlerTable, 'app:info' | 'app:showLog'> {
  return {
    'app:info': async () => info,
    'app:showLog': async () => {
      desktop.showInFolder(log.currentFile());
      return { shown: true };
    },
  };
}
