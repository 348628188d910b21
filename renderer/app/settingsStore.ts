import { create } from 'zustand';
import type { AppInfo, AppSettings } from '../../shared/ipc/channels';
import { call } from './api';

const RECENT_COLOR_LIMIT = 8;

interface SettingsState {
  info: AppInfo | null;
  settings: AppSettings;
  load(): Promise<void>;
  update(patch: Partial<AppSettings>): Promise<void>;
  rememberColor(hex: string): void;
}

export const useSettings = create<SettingsState>()((set, get) => ({
  info: null,
  settings: { locale: 'auto', recentColors: [], autoGenerateUnlimited: false },

  async load() {
    const [info, settings] = await Promise.all([
      call('app:info', undefined),
      call('settings:get', undefined),
    ]);
    set({
      info: info.ok ? info.value : null,
      ...(settings.ok ? { settings: settings.value } : {}),
    });
  },

  // Applied at once so the window reacts without waiting; the main process's answer is the truth.
  async update(patch) {
    set({ settings: { ...get().settings, ...patch } });
    const saved = await call('settings:update', patch);
    if (saved.ok) set({ settings: saved.value });
  },

  rememberColor(hex) {
    const recent = get().settings.recentColors;
    if (recent[0] === hex) return;
    const next = [hex, ...recent.filter((c) => c !== hex)].slice(0, RECENT_COLOR_LIMIT);
    void get().update({ recentColors: next });
  },
}));
