import { expect, test } from './fixtures';
import { shoot } from './harness/screenshots';
import { expectPainted, studio } from './harness/studio';

test.use({ sandboxOptions: { numUsed: 1233 } });

test('screenshots of the main states', async ({ app, backend }) => {
  const ui = studio(app);
  await shoot(app, 'empty');

  await ui.path.fill('pages/shop/index?id=7');
  await ui.colorHex.fill('#1aad19');
  await ui.transparent.check();
  await ui.generate();
  await expect(app.getByText('Num-Used 1,234 / 100,000')).toBeVisible();
  await shoot(app, 'generated');

  await ui.widthSlider.fill('640');
  await ui.colorHex.fill('#2b5fd9');
  await expectPainted(ui.previewCanvas, '640 #2b5fd9 transparent');
  await shoot(app, 'preview');

  await ui.kind('Unlimited mini program code').check();
  await ui.scene.fill('id=42&from=poster');
  await ui.pageField.fill('pages/new/index');
  await ui.generate();
  await expect(ui.alert).toContainText('41030');
  await shoot(app, 'error');
  await ui.scene.fill('商品42');
  await shoot(app, 'field-error');

  await app.getByRole('button', { name: 'Accounts…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Accounts' });
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Spring campaign');
  await dialog.getByRole('textbox', { name: 'AppID' }).fill('wx5eed00000000c0de');
  await dialog.getByRole('textbox', { name: 'AppSecret' }).fill('not-the-real-one');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Stored in keychain')).toBeVisible();
  await shoot(app, 'accounts');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await ui.kind('Mini program code').check();
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await app.getByRole('button', { name: '生成', exact: true }).click();
  await expect(app.getByText('新生成', { exact: true })).toBeVisible();
  await shoot(app, 'chinese');
  expect(backend.sandbox.stats().getwxacode).toBe(2);

  await app.emulateMedia({ colorScheme: 'dark' });
  await app.getByRole('combobox', { name: '语言' }).selectOption('en');
  await shoot(app, 'dark');
});

test('screenshots of History', async ({ app }) => {
  const ui = studio(app);
  const make = async (fill: () => Promise<void>) => {
    await fill();
    await ui.generate();
    await expect(ui.newlyGenerated).toBeVisible();
  };
  await make(async () => {
    await ui.path.fill('pages/index/index');
  });
  await make(async () => {
    await ui.kind('Square QR code').check();
    await ui.path.fill('pages/product/detail?sku=9');
  });
  await make(async () => {
    await ui.kind('Unlimited mini program code').check();
    await ui.scene.fill('id=42&from=poster');
    await ui.pageField.fill('pages/shop/index');
  });
  await make(async () => {
    await ui.kind('Mini program code').check();
    await ui.path.fill('pages/shop/index?id=7');
    await ui.colorHex.fill('#1aad19');
    await ui.transparent.check();
  });

  await app.getByRole('tab', { name: 'History' }).click();
  const codes = app.getByRole('listbox', { name: 'Codes' }).getByRole('option');
  await expect(codes).toHaveCount(4);
  await codes.first().click();
  await expect(app.getByRole('img', { name: /^Generated code for pages\/shop\/index\?id=7/ })).toBeVisible();
  for (const thumbnail of await codes.locator('img').all()) {
    await expect(thumbnail).toHaveJSProperty('complete', true);
  }
  await shoot(app, 'history');

  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(app.getByRole('button', { name: '在表单中打开' })).toBeVisible();
  await shoot(app, 'history-chinese');
});
