import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Backend } from './harness/backend';
import { shoot } from './harness/screenshots';
import { studio } from './harness/studio';

const SECRET = 'sandbox-secret';
// The Sandbox account already holds the sandbox's usual AppID, and one AppID is one account.
const APP_ID = 'wx5eed00000000c0de';
test.use({ sandboxOptions: { appId: APP_ID, appSecret: SECRET } });

/** Adds an account with an AppSecret, pointed at the test's sandbox; leaves its editor open. */
async function addAccount(app: Page, backend: Backend): Promise<Locator> {
  await app.getByRole('button', { name: 'Accounts…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Accounts' });
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Spring campaign');
  await dialog.getByRole('textbox', { name: 'AppID' }).fill(APP_ID);
  await dialog.getByRole('textbox', { name: 'AppSecret' }).fill(SECRET);
  await dialog.getByText('Advanced').click();
  await dialog.getByRole('textbox', { name: 'API server' }).fill(backend.sandbox.url);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Saved.')).toBeVisible();
  return dialog;
}

test('on first run an “Add your mini program” button beside the Sandbox badge opens Accounts on a new account', async ({
  app,
  backend,
}) => {
  const status = app.getByRole('contentinfo');
  const add = status.getByRole('button', { name: 'Add your mini program…' });
  await expect(status.getByText('Sandbox — not a real WeChat code')).toBeVisible();
  await expect(add).toBeVisible();
  await shoot(app, 'first-run');

  await add.click();
  const dialog = app.getByRole('dialog', { name: 'Accounts' });
  await expect(dialog.getByRole('heading', { name: 'New account' })).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('');
  await expect(dialog.getByRole('button', { name: 'Add account' })).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Once the user's own mini program is there, the first-run button goes.
  const editor = await addAccount(app, backend);
  await editor.getByRole('button', { name: 'Close' }).click();
  await expect(add).toHaveCount(0);
});

test('the page path help says where pages are listed and how a path is written', async ({ app }) => {
  await app.getByText('Where do I find page paths?').click();
  const help = app.locator('.page-path-help');
  await expect(help).toContainText('app.json');
  await expect(help).toContainText('"subPackages" its "root"');
  await expect(help).toContainText('no leading slash and no .html');
});

test('an imported app.json lists its pages, subpackages included, as the page path field’s suggestions', async ({
  app,
  backend,
}) => {
  const ui = studio(app);
  const file = join(backend.dataDir, 'app.json');
  await writeFile(
    file,
    JSON.stringify({
      pages: ['pages/index/index', 'pages/goods/detail'],
      subPackages: [{ root: 'packageA/', pages: ['pages/cat'] }],
    }),
  );
  backend.desktop.appJson = file;
  await app.getByRole('button', { name: 'Import pages from app.json…' }).click();
  await expect(app.getByText('3 pages from app.json: type in the field to pick one.')).toBeVisible();

  // A field with suggestions is a combobox; its list holds the pages, main package first.
  const path = app.getByRole('combobox', { name: 'Page path' });
  const listId = await path.getAttribute('list');
  expect(listId).toBeTruthy();
  const options = app.locator(`datalist#${listId} option`);
  await expect(options).toHaveCount(3);
  expect(await options.evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value))).toEqual([
    'pages/index/index',
    'pages/goods/detail',
    'packageA/pages/cat',
  ]);

  // An unlimited code's Page field suggests the same pages.
  await ui.kind('Unlimited mini program code').check();
  await expect(app.getByRole('combobox', { name: 'Page', exact: true })).toHaveAttribute('list', listId!);

  // A file that is not an app.json says so and how to find the right one; the list stays.
  const bad = join(backend.dataDir, 'package.json');
  await writeFile(bad, '{ "pages": ["a"], }');
  backend.desktop.appJson = bad;
  await app.getByRole('button', { name: 'Import pages from app.json…' }).click();
  const alert = app.getByRole('alert').filter({ hasText: 'package.json is not valid JSON' });
  await expect(alert).toContainText('no trailing commas');
  await expect(options).toHaveCount(3);
});

test('after Replace and Save the AppSecret shows as stored again', async ({ app, backend }) => {
  const dialog = await addAccount(app, backend);
  await dialog.getByRole('button', { name: 'Replace AppSecret' }).click();
  await dialog.getByRole('textbox', { name: 'AppSecret' }).fill(SECRET);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Saved.')).toBeVisible();
  await expect(dialog.getByText('Stored in keychain')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'AppSecret' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Replace AppSecret' })).toBeVisible();

  // Replace then Save with nothing typed keeps the stored one, and the field is back as well.
  await dialog.getByRole('button', { name: 'Replace AppSecret' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Spring campaign 2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Saved.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Replace AppSecret' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByText(/^Connected\./)).toBeVisible();
});

test('in an 820×560 window the connection test’s answer is in view without scrolling', async ({
  app,
  backend,
}) => {
  await app.setViewportSize({ width: 820, height: 560 });
  const dialog = await addAccount(app, backend);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const answer = dialog.getByText('Connected. The access token is valid for 2 h 0 min.');
  await expect(answer).toBeVisible();
  const box = await answer.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(560);
  expect(box!.x + box!.width).toBeLessThanOrEqual(820);
  // Not hidden behind the editor's own scrolling either: the point at its middle is the answer.
  const hit = await answer.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return top !== null && (element.contains(top) || top.contains(element));
  });
  expect(hit).toBe(true);
  await shoot(app, 'connection-test-820x560');
});

test('the AppSecret help says where it is kept, names the IP whitelist and the token service, and advises no reset', async ({
  app,
}) => {
  await app.getByRole('button', { name: 'Accounts…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Accounts' });
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Spring campaign');
  await dialog.getByRole('textbox', { name: 'AppID' }).fill(APP_ID);
  await dialog.getByRole('button', { name: 'Save' }).click();
  const secret = dialog.getByRole('textbox', { name: 'AppSecret' });
  await expect(secret).toHaveAccessibleDescription(/Enter the AppSecret/);

  const help = (await dialog.textContent()) ?? '';
  expect(help).toContain('Stored in the OS keychain, never shown again.');
  expect(help).toContain('40164');
  expect(help).toContain('Token service URL');
  expect(help).not.toContain('only this app');
  // A reset is named only as what not to do without asking the developers.
  expect(help).not.toMatch(/reset it (there )?if|generate or reset/i);
  for (const sentence of help.split(/[.!]\s/).filter((s) => /reset/i.test(s))) {
    expect(sentence).toMatch(/\bask/i);
  }
  expect(help).toContain('ask them rather than resetting it');
  expect(help).toContain('Do not reset it at mp.weixin.qq.com without asking them');

  // The same in Chinese.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await app.getByRole('button', { name: '账号…' }).click();
  const zhDialog = app.getByRole('dialog', { name: '账号' });
  await zhDialog.getByRole('button', { name: '添加账号' }).click();
  const zh = (await zhDialog.textContent()) ?? '';
  expect(zh).toContain('保存在系统钥匙串中，之后不再显示');
  expect(zh).toContain('40164');
  expect(zh).not.toContain('只有本应用');
  expect(zh).not.toContain('可在那里重置');
});
