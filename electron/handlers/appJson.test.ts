import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, succeeded, type TestApp } from '../testing/testApp';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

describe('code:openAppJson', () => {
  it('lists the pages of the app.json the user chose in the open dialog', async () => {
    const file = join(app.dataDir, 'app.json');
    await writeFile(
      file,
      JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'shop', pages: ['list/list'] }] }),
    );
    app.desktop.appJson = file;
    expect(succeeded(await app.call('code:openAppJson'))).toEqual({
      fileName: 'app.json',
      pages: ['pages/index/index', 'shop/list/list'],
    });
  });

  it('answers null when the user cancels the dialog', async () => {
    app.desktop.appJson = undefined;
    expect(succeeded(await app.call('code:openAppJson'))).toBeNull();
  });

  it('answers a file that lists no pages with an error naming it, in both languages', async () => {
    const file = join(app.dataDir, 'project.config.json');
    await writeFile(file, JSON.stringify({ appid: 'wx0123456789abcdef' }));
    app.desktop.appJson = file;
    const result = await app.call('code:openAppJson');
    expect(result).toMatchObject({
      ok: false,
      error: {
        field: 'appJson',
        message: {
          en: expect.stringContaining('project.config.json lists no pages'),
          zh: expect.any(String),
        },
      },
    });
  });

  it('takes no path from the page', async () => {
    const result = await app.call('code:openAppJson', { path: '/etc/passwd' });
    expect(result.ok).toBe(false);
  });
});
