import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { decodePicture } from '../electron/sandbox/testing';
import { expect, test } from './fixtures';
import { census, qrText, readPicture } from './harness/png';
import { studio } from './harness/studio';

test('makes a 600 px red transparent code and saves it as a PNG that scans to the path', async ({
  app,
  backend,
}) => {
  const ui = studio(app);
  await ui.path.fill('pages/shop/index?id=7');
  await ui.widthBox.fill('600');
  await ui.colorHex.fill('#ff0000');
  await ui.transparent.check();
  await ui.generate();

  await expect(ui.newlyGenerated).toBeVisible();
  await expect(app.getByText('600 × 600 px')).toBeVisible();
  await expect(ui.realImage).toHaveJSProperty('naturalWidth', 600);

  await ui.saveButton.click();
  const saved = join(backend.saveDir, 'pages_shop_index_id=7.png');
  await expect(app.getByText(`Saved to ${saved}`)).toBeVisible();

  const picture = await readPicture(saved);
  expect(picture.format).toBe('png');
  expect([picture.width, picture.height]).toEqual([600, 600]);
  const colours = census(picture.data);
  expect([...colours.opaque.keys()]).toEqual(['#ff0000']);
  expect(colours.clear + colours.opaque.get('#ff0000')!).toBe(600 * 600);
  expect(colours.clear).toBeGreaterThan(600 * 600 * 0.4);
  expect(qrText(picture)).toBe('pages/shop/index?id=7');

  // The colour is remembered for next time.
  await expect(app.getByRole('button', { name: 'Use color #ff0000' })).toBeVisible();
});

test('copies the real image and drags out the stored file', async ({ app, backend }) => {
  const ui = studio(app);
  await expect(ui.saveButton).toBeDisabled();
  await ui.path.fill('pages/index/index');
  await ui.generate();

  await ui.copyButton.click();
  await expect(app.getByText('Image copied to the clipboard.')).toBeVisible();
  expect(backend.desktop.copied).toHaveLength(1);
  const copied = PNG.sync.read(backend.desktop.copied[0]!);
  expect([copied.width, copied.height]).toEqual([430, 430]);

  await ui.realImage.dispatchEvent('dragstart');
  await expect.poll(() => backend.desktop.dragged.length).toBe(1);
  const { file, icon } = backend.desktop.dragged[0]!;
  expect(await readFile(file)).toEqual(backend.desktop.copied[0]);
  expect(PNG.sync.read(icon).width).toBeLessThanOrEqual(64);
});

test('the same request twice costs one API call; Regenerate costs one more', async ({ app, backend }) => {
  const ui = studio(app);
  await ui.path.fill('pages/product/detail?sku=9');
  await ui.generate();
  await expect(ui.newlyGenerated).toBeVisible();
  expect(backend.sandbox.stats().getwxacode).toBe(1);
  await expect(app.getByText('Num-Used 1 / 100,000')).toBeVisible();

  // Away and back: the form asks for the same code again.
  await ui.widthBox.fill('500');
  await expect(ui.previewMarker).toBeVisible();
  await ui.widthBox.fill('430');
  await ui.generate();
  await expect(ui.fromHistory).toBeVisible();
  expect(backend.sandbox.stats().getwxacode).toBe(1);

  await ui.regenerateButton.click();
  await expect(ui.newlyGenerated).toBeVisible();
  expect(backend.sandbox.stats().getwxacode).toBe(2);
  await expect(app.getByText('Num-Used 2 / 100,000')).toBeVisible();
});

test('an unlimited code is made by itself when the user pauses typing, if asked to', async ({
  app,
  backend,
}) => {
  const ui = studio(app);
  await ui.kind('Unlimited mini program code').check();
  await app.getByRole('switch', { name: 'Generate automatically when I pause typing' }).check();
  await ui.scene.pressSequentially('id=42', { delay: 50 });
  await ui.pageField.fill('pages/index/index');
  await expect(ui.newlyGenerated).toBeVisible();
  expect(backend.sandbox.stats().getwxacodeunlimit).toBe(1);
  // Typing paused only once the form was complete: one call, for the finished scene.
  await ui.copyButton.click();
  await expect.poll(() => backend.desktop.copied.length).toBe(1);
  expect(qrText(decodePicture(backend.desktop.copied[0]!))).toBe('pages/index/index?scene=id=42');
});

test('an edit made while an automatic generate is running is made when that call ends', async ({
  app,
  backend,
}) => {
  const ui = studio(app);
  const generating = app.getByRole('button', { name: 'Generating…' });
  await ui.kind('Unlimited mini program code').check();
  await app.getByRole('switch', { name: 'Generate automatically when I pause typing' }).check();
  await ui.pageField.fill('pages/index/index');
  // WeChat is slow to answer the first code: the user keeps typing meanwhile.
  await fetch(`${backend.sandbox.url}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults: [{ endpoint: 'getwxacodeunlimit', kind: 'stall', ms: 2000 }] }),
  });
  await ui.scene.fill('id=1');
  await expect(generating).toBeVisible();
  await ui.scene.pressSequentially('2');
  await expect(generating).toBeHidden();

  await expect(ui.realImage).toHaveAccessibleName(/^Generated code for pages\/index\/index scene id=12\./);
  await expect(ui.newlyGenerated).toBeVisible();
  expect(backend.sandbox.stats().getwxacodeunlimit).toBe(2);
  await ui.copyButton.click();
  await expect.poll(() => backend.desktop.copied.length).toBe(1);
  expect(qrText(decodePicture(backend.desktop.copied[0]!))).toBe('pages/index/index?scene=id=12');
});
