import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fileUnreadable, settingRefused, settingValues } from '../../../shared/errors/storage';
import type { AppSettings } from '../../../shared/ipc/channels';
import { Failure, type Localized } from '../../../shared/result';
import { VIEWS } from '../../../shared/views';
import { writeFileAtomic } from './atomicFile';

/** What settings.json keeps: the settings the page sees, nothing more. */
export type Settings = AppSettings;

export const MAX_RECENT_COLORS = 8;

export const DEFAULT_SETTINGS: Settings = {
  locale: 'auto',
  recentColors: [],
  autoGenerateUnlimited: true,
};

export interface SettingsStore {
  read(): Promise<Settings>;
  /** Changes the given settings; `lastAccountId: undefined` clears it. */
  update(patch: Partial<Settings>): Promise<Settings>;
}

const COLOR = /^#[0-9a-f]{6}$/i;

const fields = {
  locale: z.enum(['auto', 'en', 'zh']),
  lastAccountId: z.string().min(1).max(200).optional(),
  recentColors: z.array(z.string().regex(COLOR)).max(MAX_RECENT_COLORS),
  autoGenerateUnlimited: z.boolean(),
  lastView: z.enum(VIEWS).optional(),
} satisfies Record<keyof Settings, z.ZodType>;

/** What each setting accepts, for the error that names it. */
const EXPECTED: Record<keyof Settings, Localized> = settingValues(MAX_RECENT_COLORS);

/**
 * Settings in `<dir>/settings.json`. A missing file means defaults; a damaged one is kept aside as
 * `settings.json.corrupt-<time>` and replaced by defaults, since nothing in it is worth refusing to
 * start over; a single bad value falls back to its default and the rest is kept.
 */
export function fileSettingsStore(dir: string, now: () => Date = () => new Date()): SettingsStore {
  const path = join(dir, 'settings.json');
  let last: Promise<unknown> = Promise.resolve();

  async function read(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { ...DEFAULT_SETTINGS };
      throw new Failure(fileUnreadable(path, (cause as Error).message));
    }
    const raw = parsedObject(text);
    if (raw) return settingsFrom(raw);
    await rename(path, `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`);
    return { ...DEFAULT_SETTINGS };
  }

  return {
    read,
    update(patch) {
      const step = async () => {
        checkPatch(patch);
        const next = settingsFrom({ ...(await read()), ...patch });
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
        return next;
      };
      // One at a time: two quick changes (a colour, then the language) must both be kept.
      const result = last.then(step, step);
      last = result.catch(() => undefined);
      return result;
    },
  };
}

/** Puts a colour first among the recent ones, without repeats, keeping at most eight. */
export function withRecentColor(colors: readonly string[], color: string): string[] {
  const hex = color.toLowerCase();
  return [hex, ...colors.filter((c) => c.toLowerCase() !== hex)].slice(0, MAX_RECENT_COLORS);
}

function parsedObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function settingsFrom(raw: Record<string, unknown>): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const colors = Array.isArray(raw.recentColors) ? raw.recentColors : [];
  const valid = colors.filter((c): c is string => typeof c === 'string' && COLOR.test(c));
  settings.recentColors = [...new Set(valid.map((c) => c.toLowerCase()))].slice(0, MAX_RECENT_COLORS);
  for (const key of ['locale', 'lastAccountId', 'autoGenerateUnlimited', 'lastView'] as const) {
    const parsed = fields[key].safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined) Object.assign(settings, { [key]: parsed.data });
  }
  return settings;
}

function checkPatch(patch: Partial<Settings>): void {
  for (const [key, value] of Object.entries(patch) as [keyof Settings, unknown][]) {
    const field = fields[key];
    if (!field) throw new Error(`There is no setting named ${key}`);
    if (key === 'lastAccountId' && value === undefined) continue;
    if (field.safeParse(value).success) continue;
    throw new Failure(settingRefused(key, EXPECTED[key]));
  }
}
