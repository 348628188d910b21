import type { HandlerTable } from '../ipc';
import type { Services } from '../services';

export function settingsHandlers({
  settings,
}: Services): Pick<HandlerTable, 'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => settings.read(),
    'settings:update': (patch) => settings.update(patch),
  };
}
