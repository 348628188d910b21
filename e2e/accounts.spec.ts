import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { studio } from './harness/studio';

const SECRET = 'sandbox-secret';
// The Sandbox account already holds the sandbox's usual AppID, and one AppID is one account.
const APP_ID = 'wx5eed00000000c0de';
test.use({ sandboxOptions: { appId: APP_ID, appSecret: SECRET } });

/** Everything the page holds in its stores, as text (on window only in the browser suite's build). */
function storeState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const stores = (window as unknown as { __wxacodeStores: Record<string, { getState(): unknown }> })
      .__wxacodeStores;
    return JSON.stringify(
      Object.fromEntries(Object.entries(stores).map(([name, s]) => [name, s.getState()])),
    );
  });
}

test('adds an account with an AppSecret kept write-only in the keychain; its connection test succeeds', async ({
  app,
  backend,
  bridge,
}) => {
  const ui = studio(app);
  await app.getByRole('button', { name: 'Accounts…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Accounts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Sandbox — not a real WeChat code').first()).toBeVisible();

  await dialog.getByRole('button', { name: 'Add account' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Spring campaign');
  await dialog.getByRole('textbox', { name: 'AppID' }).fill(APP_ID);
  await expect(dialog.getByRole('radio', { name: 'AppSecret' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('textbox', { name: 'AppSecret' })).toHaveAccessibleDescription(
    /Enter the AppSecret/,
  );

  await dialog.getByRole('textbox', { name: 'AppSecret' }).fill(SECRET);
  await dialog.getByText('Advanced').click();
  await dialog.getByRole('textbox', { name: 'API server' }).fill(backend.sandbox.url);
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog.getByText('Saved.')).toBeVisible();
  await expect(dialog.getByText('Stored in keychain')).toBeVisible();
  // Not WeChat's own server: the list and the editor both say where its codes go.
  const via = `Codes for this account go through ${backend.sandbox.url}`;
  await expect(dialog.getByText(via)).toHaveCount(2);
  await expect(dialog.getByRole('textbox', { name: 'AppSecret' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Replace AppSecret' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Remove AppSecret' })).toBeVisible();

  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByText('Connected. The access token is valid for 2 h 0 min.')).toBeVisible();
  expect(backend.sandbox.stats().stable_token).toBe(1);

  // Replacing shows an empty field, never the stored value.
  await dialog.getByRole('button', { name: 'Replace AppSecret' }).click();
  await expect(dialog.getByRole('textbox', { name: 'AppSecret' })).toHaveValue('');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The new account makes codes through its own token; the sandbox label goes with the sandbox account.
  await ui.accountSelect.selectOption({ label: `Spring campaign (${APP_ID})` });
  await expect(app.getByText('Sandbox — not a real WeChat code')).toHaveCount(0);
  await expect(app.getByRole('contentinfo').getByText(via)).toBeVisible();
  await ui.path.fill('pages/index/index?campaign=spring');
  await ui.generate();
  await expect(ui.newlyGenerated).toBeVisible();

  expect(await app.content()).not.toContain(SECRET);
  expect(await storeState(app)).not.toContain(SECRET);
  expect(bridge.answers.length).toBeGreaterThan(5);
  for (const answer of bridge.answers) expect(answer.json).not.toContain(SECRET);
});

test('the accounts dialog works from the keyboard and Esc closes it', async ({ app }) => {
  const accountsButton = app.getByRole('button', { name: 'Accounts…' });
  await accountsButton.focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Accounts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(accountsButton).toBeFocused();
});

test('a token service account reports a failing service with its fix', async ({ app }) => {
  await app.getByRole('button', { name: 'Accounts…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Accounts' });
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Central tokens');
  await dialog.getByRole('textbox', { name: 'AppID' }).fill('wx00000000000000aa');
  await dialog.getByRole('radio', { name: 'Token service URL' }).check();
  await dialog.getByRole('textbox', { name: 'Token service URL' }).fill('not a url');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Token service URL' })).toHaveAccessibleDescription(
    /must be a full https:\/\/ address/,
  );
  await dialog.getByRole('textbox', { name: 'Token service URL' }).fill('http://127.0.0.1:9/token');
  await dialog.getByLabel('Bearer credential (optional)').fill('bearer-xyz');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Saved.')).toBeVisible();
  await expect(dialog.getByText('Stored in keychain')).toBeVisible();

  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Fix:' })).toContainText(
    'Could not reach http://127.0.0.1:9/token',
  );
  expect(await app.content()).not.toContain('bearer-xyz');
});

test('Open log folder shows the support log in the file manager; the page names no path', async ({
  app,
  backend,
}) => {
  await app.getByRole('button', { name: 'Accounts…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Accounts' });
  await expect(dialog.getByText('It never holds an AppSecret or token.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Open log folder' }).click();
  await expect.poll(() => backend.desktop.shown).toEqual([`${backend.dataDir}/logs/wxacode.log`]);
});

test('pointing an account at another API server asks for its AppSecret again; plain http elsewhere is refused', async ({
  app,
  backend,
}) => {
  await app.getByRole('button', { name: 'Accounts…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Accounts' });
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Spring campaign');
  await dialog.getByRole('textbox', { name: 'AppID' }).fill(APP_ID);
  await dialog.getByRole('textbox', { name: 'AppSecret' }).fill(SECRET);
  await dialog.getByText('Advanced').click();
  const apiServer = dialog.getByRole('textbox', { name: 'API server' });
  await apiServer.fill(backend.sandbox.url);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Stored in keychain')).toBeVisible();

  await apiServer.fill('http://wechat-proxy.corp');
  await expect(dialog.getByText('Stored in keychain')).toHaveCount(0);
  await expect(dialog.getByText('The stored secret belongs to the old address')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(apiServer).toHaveAccessibleDescription(
    /unencrypted to wechat-proxy\.corp.*https:\/\/wechat-proxy\.corp/,
  );
  await expect(dialog.getByRole('textbox', { name: 'AppSecret' })).toHaveAccessibleDescription(
    /Enter the AppSecret/,
  );

  await apiServer.fill(`${backend.sandbox.url}/`);
  await expect(dialog.getByText('Stored in keychain')).toBeVisible();
  await expect(dialog.getByText('The stored secret belongs to the old address')).toHaveCount(0);
  expect(backend.sandbox.stats().stable_token).toBe(0);
});
