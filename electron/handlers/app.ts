import type { Services } from '../app/services';
import type { HandlerTable } from '../main/ipc';

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
