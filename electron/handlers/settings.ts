import type { Services } from '../app/services';
import type { HandlerTable } from '../main/ipc';

export function settingsHandlers({
  settings,
}: Services): Pick<HandlerTable, 'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => settings.read(),
    'settings:update': (patch) => settings.update(patch),
  };
}
