import type { HandlerTable } from '../ipc';
import type { Services } from '../services';

export function appHandlers({ info }: Services): Pick<HandlerTable, 'app:info'> {
  return { 'app:info': async () => info };
}
