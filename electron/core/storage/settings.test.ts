import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Failure } from '../../../shared/result';
import { tempFolderFor } from '../../testing/tempFolder';
import { DEFAULT_SETTINGS, fileSettingsStore, withRecentColor } from './settings';

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'settings');
});

const at = new Date('2026-11-23T10:20:30.456Z');

describe('fileSettingsStore', () => {
  it('starts from the defaults when there is no settings file, and creates the folder on first change', async () => {
    const folder = join(dir, 'WxaCode Studio');
    const store = fileSettingsStore(folder);
    expect(await store.read()).toEqual(DEFAULT_SETTINGS);
    await store.update({ locale: 'zh' });
    expect(JSON.parse(await readFile(join(folder, 'settings.json'), 'utf8'))).toEqual({
      ...DEFAULT_SETTINGS,
      locale: 'zh',
    });
  });

  it('keeps every change of several made at once', async () => {
    const store = fileSettingsStore(dir);
    await Promise.all([
      store.update({ locale: 'en' }),
      store.update({ lastAccountId: 'acc-1' }),
      store.update({ autoGenerateUnlimited: false }),
      store.update({ recentColors: ['#123456'] }),
    ]);
    expect(await fileSettingsStore(dir).read()).toEqual({
      locale: 'en',
      lastAccountId: 'acc-1',
      recentColors: ['#123456'],
      autoGenerateUnlimited: false,
    });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('clears the last account', async () => {
    const store = fileSettingsStore(dir);
    await store.update({ lastAccountId: 'acc-1' });
    expect(await store.update({ lastAccountId: undefined })).not.toHaveProperty('lastAccountId');
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).not.toContain('lastAccountId');
  });

  it('sets a damaged file aside and starts from the defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{"locale": "zh", ');
    const store = fileSettingsStore(dir, () => at);
    expect(await store.read()).toEqual(DEFAULT_SETTINGS);
    expect((await readdir(dir)).sort()).toEqual(['settings.json.corrupt-2026-11-23T10-20-30-456Z']);
    expect(await readFile(join(dir, 'settings.json.corrupt-2026-11-23T10-20-30-456Z'), 'utf8')).toBe(
      '{"locale": "zh", ',
    );
    await store.update({ locale: 'en' });
    expect((await store.read()).locale).toBe('en');
  });

  it('treats a file that is valid JSON but not an object as damaged', async () => {
    await writeFile(join(dir, 'settings.json'), '[1,2]');
    expect(await fileSettingsStore(dir, () => at).read()).toEqual(DEFAULT_SETTINGS);
    expect(await readdir(dir)).toEqual(['settings.json.corrupt-2026-11-23T10-20-30-456Z']);
  });

  it('keeps the good values of a file with a few bad ones', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({
        locale: 'fr',
        autoGenerateUnlimited: false,
        recentColors: ['#FF0000', 'red', '#00ff00', '#ff0000', 7, ...Array(10).fill('#0000ff')],
        unknown: true,
      }),
    );
    expect(await fileSettingsStore(dir).read()).toEqual({
      ...DEFAULT_SETTINGS,
      autoGenerateUnlimited: false,
      recentColors: ['#ff0000', '#00ff00', '#0000ff'],
    });
  });

  it('refuses a bad value with an error naming the setting, and keeps the file as it was', async () => {
    const store = fileSettingsStore(dir);
    await store.update({ locale: 'zh' });
    const caught = await store.update({ locale: 'fr' as 'en' }).catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(Failure);
    expect((caught as Failure).error).toMatchObject({ code: 'field', field: 'locale' });
    expect((caught as Failure).error.message.en).toContain('auto, en or zh');
    expect((caught as Failure).error.message.zh).toContain('auto、en 或 zh');
    expect((await store.read()).locale).toBe('zh');
    await expect(store.update({ recentColors: Array(9).fill('#000000') })).rejects.toThrow(/recentColors/);
  });
});

describe('withRecentColor', () => {
  it('puts the colour first, once, and keeps eight', () => {
    const eight = ['#000001', '#000002', '#000003', '#000004', '#000005', '#000006', '#000007', '#000008'];
    expect(withRecentColor(eight, '#ABCDEF')).toEqual(['#abcdef', ...eight.slice(0, 7)]);
    expect(withRecentColor(eight, '#000005')).toEqual(['#000005', ...eight.filter((c) => c !== '#000005')]);
  });
});
