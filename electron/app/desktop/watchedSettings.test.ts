import { beforeEach, expect, it } from 'vitest';
import { resolveLang } from '../../../shared/language';
import { fileSettingsStore, type Settings } from '../../core/storage/settings';
import { tempFolderFor } from '../../testing/tempFolder';
import { watchedSettings } from './watchedSettings';

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'watched');
});

it('tells the main process the language the page switched to, after it is saved', async () => {
  const seen: Settings[] = [];
  const store = watchedSettings(fileSettingsStore(dir), (settings) => seen.push(settings));
  await store.update({ locale: 'zh' });
  await store.update({ lastView: 'history' });
  expect(seen.map((s) => resolveLang(s.locale, 'en-US'))).toEqual(['zh', 'zh']);
  expect(await fileSettingsStore(dir).read()).toMatchObject({ locale: 'zh', lastView: 'history' });
});

it('tells nothing of a change that was refused', async () => {
  const seen: Settings[] = [];
  const store = watchedSettings(fileSettingsStore(dir), (settings) => seen.push(settings));
  await expect(store.update({ lastView: 'settings' as never })).rejects.toMatchObject({
    error: { field: 'lastView', message: { en: 'The setting lastView must be code, batch, history.' } },
  });
  expect(seen).toEqual([]);
});
