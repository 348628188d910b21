import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNT } from '../app/services';
import { openTestApp, succeeded, type TestApp } from '../testing/testApp';

const accountId = SANDBOX_ACCOUNT.id;
const shop = { pages: ['pages/index/index'], subPackages: [{ root: 'shop', pages: ['list/list'] }] };

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

describe('code:openAppJson', () => {
  it('lists the pages of the app.json the user chose in the open dialog, and keeps them for the account', async () => {
    const file = join(app.dataDir, 'app.json');
    await writeFile(file, JSON.stringify(shop));
    app.desktop.appJson = file;
    const listed = { fileName: 'app.json', pages: ['pages/index/index', 'shop/list/list'] };
    expect(succeeded(await app.call('code:openAppJson', { accountId }))).toEqual(listed);
    expect(succeeded(await app.call('code:pageList', { accountId }))).toEqual(listed);

    // The next session of the app finds the list again.
    const again = await openTestApp({ dataDir: app.dataDir });
    try {
      expect(succeeded(await again.call('code:pageList', { accountId }))).toEqual(listed);
    } finally {
      await again.sandbox.close();
    }
  });

  it('answers null when the user cancels the dialog, and keeps the list it had', async () => {
    app.desktop.appJson = undefined;
    expect(succeeded(await app.call('code:openAppJson', { accountId }))).toBeNull();
    expect(succeeded(await app.call('code:pageList', { accountId }))?.pages).toHaveLength(2);
  });

  it('answers a file that lists no pages with an error naming it, in both languages', async () => {
    const file = join(app.dataDir, 'project.config.json');
    await writeFile(file, JSON.stringify({ appid: 'wx0123456789abcdef' }));
    app.desktop.appJson = file;
    expect(await app.call('code:openAppJson', { accountId })).toMatchObject({
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

  it('takes no path from the page, and opens no dialog for an account that does not exist', async () => {
    expect((await app.call('code:openAppJson', { accountId, path: '/etc/passwd' })).ok).toBe(false);
    app.desktop.appJson = join(app.dataDir, 'app.json');
    expect(await app.call('code:openAppJson', { accountId: 'gone' })).toMatchObject({
      ok: false,
      error: { field: 'accountId' },
    });
  });

  it('forgets an account’s list when the account is removed', async () => {
    const saved = succeeded(
      await app.call('accounts:save', {
        account: { name: 'Shop', appId: 'wx00000000000000a1', source: { kind: 'sandbox' } },
      }),
    );
    app.desktop.appJson = join(app.dataDir, 'app.json');
    succeeded(await app.call('code:openAppJson', { accountId: saved.id }));
    succeeded(await app.call('accounts:remove', { id: saved.id }));
    expect(succeeded(await app.call('code:pageList', { accountId: saved.id }))).toBeNull();
  });
});
