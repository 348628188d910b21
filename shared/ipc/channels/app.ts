import { z } from 'zod';
import { VIEWS, type View } from '../../views';
import { type ChannelTable, id, none, schema } from './payloads';

export interface AppInfo {
  version: string;
  /** The OS locale, for `locale: 'auto'`. */
  systemLocale: string;
  sandboxUrl?: string;
}

export interface AppSettings {
  locale: 'auto' | 'en' | 'zh';
  lastAccountId?: string;
  recentColors: string[];
  autoGenerateUnlimited: boolean;
  /** The view shown when the app was last used: the window opens on it again. */
  lastView?: View;
}

const settingsPatch = z
  .object({
    locale: z.enum(['auto', 'en', 'zh']),
    lastAccountId: id,
    recentColors: z.array(z.string().regex(/^#[0-9a-f]{6}$/i)).max(8),
    autoGenerateUnlimited: z.boolean(),
    lastView: z.enum(VIEWS),
  })
  .partial()
  .strict();

export const appChannels = {
  'app:info': { parse: none, result: {} as AppInfo },
  // Shows main's own log file in the file manager: the page names no path.
  'app:showLog': { parse: none, result: {} as { shown: true } },
} as const satisfies ChannelTable<'app'>;

export const settingsChannels = {
  'settings:get': { parse: none, result: {} as AppSettings },
  'settings:update': { parse: schema(settingsPatch), result: {} as AppSettings },
} as const satisfies ChannelTable<'settings'>;
