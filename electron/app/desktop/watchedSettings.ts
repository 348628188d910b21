import type { Settings, SettingsStore } from '../../core/storage/settings';

/**
 * The same store, calling `changed` with the settings after each change: the main process follows
 * the language the page picks (the menu and notifications speak it) without asking the page.
 */
export function watchedSettings(store: SettingsStore, changed: (settings: Settings) => void): SettingsStore {
  return {
    read: () => store.read(),
    async update(patch) {
      const next = await store.update(patch);
      changed(next);
      return next;
    },
  };
}
