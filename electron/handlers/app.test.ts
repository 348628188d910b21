import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, succeeded, type TestApp } from '../testing/testApp';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

describe('app:showLog', () => {
  it('shows the log file in the data folder in the file manager, creating it when nothing was logged yet', async () => {
    const file = join(app.dataDir, 'logs', 'wxacode.log');
    expect(existsSync(file)).toBe(false);
    expect(succeeded(await app.call('app:showLog'))).toEqual({ shown: true });
    expect(app.desktop.shown).toEqual([file]);
    expect(existsSync(file)).toBe(true);
  });

  it('takes no path from the page: a payload naming one is refused and nothing is shown', async () => {
    const before = app.desktop.shown.length;
    const refused = await app.call('app:showLog', { path: '/etc' });
    expect(refused.ok || refused.error.code).toBe('field');
    expect(app.desktop.shown).toHaveLength(before);
  });

  it('is where the errors the window showed are found', async () => {
    const refused = await app.call('code:generate', { accountId: 'nobody', request: { kind: 'limited' } });
    expect(refused.ok).toBe(false);
    succeeded(await app.call('app:showLog'));
    const lines = (await readFile(app.desktop.shown.at(-1)!, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({
      process: 'app',
      level: 'error',
      where: 'code:generate',
      code: 'field',
    });
  });
});
