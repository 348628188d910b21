import { expect, test } from './fixtures';
import { studio } from './harness/studio';

test('field errors show at the field with the fix and block Generate', async ({ app, backend }) => {
  const ui = studio(app);
  await expect(ui.generateButton).toBeDisabled();
  await expect(app.getByText('Page path is required.')).toBeVisible();

  await ui.path.fill('pages/index/index?id=1&scancode_time=123');
  await expect(ui.path).toHaveAttribute('aria-invalid', 'true');
  await expect(ui.path).toHaveAccessibleDescription(
    'Page path contains scancode_time, a parameter WeChat reserves for itself. Fix: Remove scancode_time from the page path: write pages/index/index?id=1.',
  );
  await expect(ui.generateButton).toBeDisabled();
  await ui.path.fill('pages/index/index?id=1');
  await expect(ui.path).not.toHaveAttribute('aria-invalid');
  await expect(ui.generateButton).toBeEnabled();

  await ui.widthBox.fill('100');
  await expect(ui.widthBox).toHaveAttribute('aria-invalid', 'true');
  await expect(ui.widthBox).toHaveAccessibleDescription(
    'Width must be a whole number from 280 to 1280 pixels. Fix: Enter a width such as 430 (the default).',
  );
  await expect(ui.generateButton).toBeDisabled();
  await ui.widthBox.fill('430');

  await ui.colorHex.fill('#12345');
  await expect(ui.colorHex).toHaveAccessibleDescription(/Line color must be a hex color like #1aad19/);
  await expect(ui.generateButton).toBeDisabled();
  await ui.colorHex.fill('#123456');

  await ui.kind('Unlimited mini program code').check();
  await ui.scene.fill('商品42');
  await expect(ui.scene).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByText("Scene contains '商', which WeChat does not allow.")).toBeVisible();
  await expect(ui.scene).toHaveAccessibleDescription(/Fix: Use only letters, digits and/);
  await expect(ui.generateButton).toBeDisabled();
  await expect(app.getByText('Fix the marked fields to generate.')).toBeVisible();

  await ui.pageField.fill('/pages/index/index');
  await expect(ui.pageField).toHaveAccessibleDescription(/Write it as pages\/index\/index/);

  expect(backend.sandbox.stats().getwxacodeunlimit + backend.sandbox.stats().getwxacode).toBe(0);
});

test('a WeChat error shows its meaning and fix, and the fix works', async ({ app, backend }) => {
  const ui = studio(app);
  await ui.kind('Unlimited mini program code').check();
  // Made by hand here, so the count of calls is exact.
  await app.getByRole('switch', { name: 'Generate automatically when I pause typing' }).uncheck();
  await ui.scene.fill('id=42');
  await ui.pageField.fill('pages/new/index');
  await ui.generate();

  await expect(ui.alert).toContainText('WeChat error 41030');
  await expect(ui.alert).toContainText('The page does not exist in the published version.');
  await expect(ui.alert).toContainText(
    'Fix: Check the page for typos and publish the mini program, or make an unlimited code with version trial or develop and “Check page exists” turned off.',
  );
  await expect(ui.alert).toContainText('WeChat said: invalid page');
  expect(backend.sandbox.stats().getwxacodeunlimit).toBe(1);

  // Once the form asks for something else, the error about the old request is gone.
  await ui.scene.fill('id=43');
  await expect(ui.alert).toBeEmpty();
  await ui.scene.fill('id=42');
  await ui.generate();
  await expect(ui.alert).toContainText('WeChat error 41030');
  // It does not follow the user into Batch either.
  await app.getByRole('tab', { name: 'Batch' }).click();
  await expect(ui.alert).toBeEmpty();
  await app.getByRole('tab', { name: 'Make a code' }).click();
  await expect(ui.alert).toBeEmpty();

  await ui.version('Trial').check();
  await ui.checkPath.uncheck();
  await ui.generate();
  await expect(ui.alert).toBeEmpty();
  await expect(ui.newlyGenerated).toBeVisible();
});
