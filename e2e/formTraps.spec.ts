import { expect, test } from './fixtures';
import { shoot } from './harness/screenshots';
import { studio } from './harness/studio';

test('a code for another path is marked previous, and Save, Copy and Drag wait for Generate', async ({
  app,
  backend,
}) => {
  const ui = studio(app);
  const previous = app.getByText('Previous code — press Generate');
  const previousImage = app.getByRole('img', { name: /^Previous code, for pages\/shop\/index\?id=1:/ });
  await ui.path.fill('pages/shop/index?id=1');
  await ui.generate();
  await expect(ui.newlyGenerated).toBeVisible();
  await expect(ui.saveButton).toBeEnabled();

  await ui.path.fill('pages/shop/index?id=2');
  await expect(previous).toBeVisible();
  await expect(previousImage).toBeVisible();
  await expect(previousImage).toHaveCSS('opacity', '0.3');
  await expect(ui.realImage).toBeHidden();
  await expect(ui.saveButton).toBeDisabled();
  await expect(ui.copyButton).toBeDisabled();
  await expect(ui.saveButton).toHaveAccessibleDescription(
    'This is the previous code: press Generate to save, copy or drag the one the form asks for.',
  );
  // Not draggable: the OS never gets the previous code's file as if it were the form's.
  await previousImage.dispatchEvent('dragstart');
  expect(backend.desktop.dragged).toHaveLength(0);
  await shoot(app, 'form-previous-code');

  // Width, colour and background are repainted live on the same code instead.
  await ui.path.fill('pages/shop/index?id=1');
  await ui.widthBox.fill('600');
  await expect(ui.previewMarker).toBeVisible();
  await expect(previous).toBeHidden();
  await ui.widthBox.fill('430');
  await expect(ui.realImage).toBeVisible();

  // Another version is another code too.
  await ui.version('Trial').check();
  await expect(previous).toBeVisible();
  await ui.version('Release').check();
  await expect(previous).toBeHidden();

  await ui.path.fill('pages/shop/index?id=2');
  await expect(previous).toBeVisible();
  await ui.generate();
  await expect(previous).toBeHidden();
  await expect(ui.newlyGenerated).toBeVisible();
  await expect(ui.realImage).toHaveAccessibleName(/^Generated code for pages\/shop\/index\?id=2\./);
  await ui.copyButton.click();
  await expect(app.getByText('Image copied to the clipboard.')).toBeVisible();
  expect(backend.sandbox.stats().getwxacode).toBe(2);
});

test('the reason Generate waits puts the caret in the first marked field', async ({ app }) => {
  const ui = studio(app);
  // Nothing typed yet: the reason names the first problem; pressing it goes there.
  await ui.widthBox.fill('100');
  await app.getByRole('button', { name: 'Page path is required.' }).click();
  await expect(ui.path).toBeFocused();
  await expect(ui.path).toHaveAttribute('aria-invalid', 'true');

  await ui.path.fill('pages/a?id=1');
  await ui.colorHex.focus();
  await app.getByRole('button', { name: 'Fix the marked fields to generate.' }).click();
  await expect(ui.widthBox).toBeFocused();
  await ui.widthBox.fill('430');
  await expect(ui.generateButton).toBeEnabled();
});

test('a page written as a page path is fixed in one press, into a page and a scene WeChat takes', async ({
  app,
}) => {
  const ui = studio(app);
  await ui.kind('Unlimited mini program code').check();
  await ui.pageField.fill('/pages/store/detail?id=1');
  await expect(ui.pageField).toHaveAccessibleDescription(
    "Page must not start with '/'. Fix: Write it as pages/store/detail, and put id=1 in the scene: the page receives the scene when the code is scanned.",
  );
  await app.getByRole('button', { name: 'Apply the fix' }).click();
  await expect(ui.pageField).toHaveValue('pages/store/detail');
  await expect(ui.scene).toHaveValue('id=1');
  await expect(ui.pageField).not.toHaveAttribute('aria-invalid');
  await expect(ui.scene).not.toHaveAttribute('aria-invalid');
  await expect(app.getByRole('button', { name: 'Apply the fix' })).toBeHidden();
});

test('a web address as the path is warned about at the field before it spends quota', async ({
  app,
  backend,
}) => {
  const ui = studio(app);
  await ui.path.fill('https://x.com/a.html');
  await expect(ui.path).toHaveAccessibleDescription(
    /^Check: Page path looks like a web address; a mini program code opens a page of the mini program\. Fix: Enter the page as app\.json lists it/,
  );
  await expect(ui.generateButton).toBeDisabled();
  await expect(app.getByText('Check the warning at Page path first, or use it anyway.')).toBeVisible();
  await shoot(app, 'form-path-warning');

  // Fixed: the warning and the wait are gone.
  await ui.path.fill('pages/a/index');
  await expect(app.getByText(/looks like a web address/)).toBeHidden();
  await expect(ui.generateButton).toBeEnabled();

  // Or used anyway, for this path only.
  await ui.path.fill('https://x.com/a.html');
  await app.getByRole('button', { name: 'Use it anyway', exact: true }).click();
  await expect(app.getByText('You chose to use it anyway.')).toBeVisible();
  await ui.generate();
  expect(backend.sandbox.stats().getwxacode).toBe(1);
  await ui.path.fill('http://x.com/b');
  await expect(ui.generateButton).toBeDisabled();
});

test.describe('with 1,232 codes made before', () => {
  test.use({ sandboxOptions: { numUsed: 1232 } });

  test('Generate says what a limited code costs and how many are left', async ({ app }) => {
    const ui = studio(app);
    await ui.path.fill('pages/a?id=1');
    // WeChat has not reported Num-Used for this account yet.
    await expect(
      app.getByText('Uses 1 of the 100,000 codes this mini program may make in total.'),
    ).toBeVisible();
    await ui.generate();
    await expect(app.getByText('Num-Used 1,233 / 100,000')).toBeVisible();

    await ui.path.fill('pages/a?id=2');
    await expect(app.getByText('Uses 1 of the 100,000; 98,766 left.')).toBeVisible();
    await expect(ui.generateButton).toHaveAccessibleDescription('Uses 1 of the 100,000; 98,766 left.');
    await ui.kind('Square QR code').check();
    await expect(app.getByText('Uses 1 of the 100,000; 98,766 left.')).toBeVisible();
    await expect(app.getByText('Trying things out? Unlimited codes have no total limit.')).toBeVisible();
    await app.getByRole('button', { name: 'Switch to unlimited' }).click();
    await expect(ui.kind('Unlimited mini program code')).toBeChecked();
    await expect(app.getByText(/^Uses 1 of the/)).toBeHidden();
  });
});
