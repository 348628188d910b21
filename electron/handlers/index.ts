import type { Services } from '../app/services';
import type { HandlerTable } from '../main/ipc';
import { accountHandlers } from './accounts';
import { appHandlers } from './app';
import { batchHandlers } from './batch';
import { codeHandlers } from './code';
import { libraryHandlers } from './library';
import { posterHandlers } from './posters';
import { printHandlers } from './print';
import { settingsHandlers } from './settings';

/** Every channel's handler: what main.ts registers and what the browser end-to-end tests bridge to. */
export function createHandlers(services: Services): HandlerTable {
  return {
    ...appHandlers(services),
    ...codeHandlers(services),
    ...accountHandlers(services),
    ...settingsHandlers(services),
    ...libraryHandlers(services),
    ...printHandlers(services),
    ...posterHandlers(services),
    ...batchHandlers(services),
  };
}
