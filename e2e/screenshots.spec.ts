import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
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

test('screenshots of a code prepared for print', async ({ app, backend }) => {
  const ui = studio(app);
  await ui.path.fill('pages/store/index?id=12');
  await app.getByRole('switch', { name: 'Prepare for print' }).check();
  await app.getByRole('spinbutton', { name: 'Printed width' }).fill('4');
  await ui.generate();
  await app.getByRole('button', { name: 'Add a line' }).click();
  await app.getByRole('textbox', { name: 'Text of line 1' }).fill('南京西路店');
  await app.getByRole('button', { name: 'Add a line' }).click();
  await app.getByRole('textbox', { name: 'Text of line 2' }).fill('扫码点单 · Scan to order');
  await app.getByRole('spinbutton', { name: 'Size (px)' }).nth(1).fill('28');
  await app.getByRole('checkbox', { name: 'Bold' }).nth(1).uncheck();
  const printed = app.getByRole('img', { name: /^The code as printed/ });
  await expect(printed).toHaveJSProperty('naturalHeight', 24 + 473 + 12 + 60 + 42 + 24);
  await shoot(app, 'print-label');

  // A brand mark: an orange disc with a white cup, as a café would have.
  const logo = join(backend.saveDir, '..', 'logo.png');
  await writeFile(
    logo,
    await sharp(
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="#e8590c"/><path d="M120 150h140v90a70 70 0 0 1-140 0z" fill="#fff"/><path d="M260 170h30a30 30 0 0 1 0 60h-30" stroke="#fff" stroke-width="18" fill="none"/></svg>',
      ),
    )
      .png()
      .toBuffer(),
  );
  backend.desktop.image = logo;
  await app.getByRole('button', { name: 'Choose a logo…' }).click();
  await expect(app.getByText('logo.png')).toBeVisible();
  // The preview has the logo once its centre is the logo's orange.
  await expect
    .poll(() =>
      printed.evaluate((img: HTMLImageElement) => {
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(img, 0, 0);
        return Array.from(context.getImageData(24 + 236, 24 + 200, 1, 1).data);
      }),
    )
    .toEqual([0xe8, 0x59, 0x0c, 255]);
  await shoot(app, 'print-logo');
});

test('screenshot of a print sheet from History’s picked codes', async ({ app }) => {
  const ui = studio(app);
  for (const table of [1, 2, 3]) {
    await ui.path.fill(`pages/index/index?table=${table}`);
    await ui.generate();
    await expect(ui.newlyGenerated).toBeVisible();
  }
  await app.getByRole('tab', { name: 'History' }).click();
  const codes = app.getByRole('listbox', { name: 'Codes' }).getByRole('option');
  await expect(codes).toHaveCount(3);
  await codes.first().click();
  await app.keyboard.press('ControlOrMeta+a');
  await app.getByRole('button', { name: 'Print sheet…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Print sheet of 3 codes' });
  await dialog.getByRole('radio', { name: 'Grid' }).check();
  await dialog.getByRole('switch', { name: /Black as 100 % K/ }).check();
  await shoot(app, 'history-print-sheet');
});
