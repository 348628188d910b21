import { expect, test } from './fixtures';
import { canvasLook, expectPainted, studio } from './harness/studio';

test('styling changes repaint the preview locally, without calling WeChat', async ({ app, backend }) => {
  const ui = studio(app);
  await ui.path.fill('pages/index/index?from=poster');
  await ui.generate();
  await expect(ui.realImage).toBeVisible();
  await expect(ui.previewMarker).toBeHidden();
  const before = backend.sandbox.stats();

  await ui.widthSlider.fill('800');
  await expect(ui.previewMarker).toBeVisible();
  await expectPainted(ui.previewCanvas, '800 #000000 opaque');
  await expect(app.getByText('800 × 800 px')).toBeVisible();
  const wide = await canvasLook(ui.previewCanvas, [[0, 0, 0]]);
  // Painted no larger than the stage shows it, and square like the code.
  expect(wide.width).toBeLessThanOrEqual(800);
  expect(wide.height).toBe(wide.width);
  expect(wide.shares[0]).toBeGreaterThan(0.2);

  await ui.colorHex.fill('#1aad19');
  await expectPainted(ui.previewCanvas, '800 #1aad19 opaque');
  const [green, black, white] = (
    await canvasLook(ui.previewCanvas, [
      [0x1a, 0xad, 0x19],
      [0, 0, 0],
      [255, 255, 255],
    ])
  ).shares;
  expect(green).toBeGreaterThan(0.2);
  expect(black).toBe(0);
  expect(white).toBeGreaterThan(0.3);

  await ui.transparent.check();
  await expectPainted(ui.previewCanvas, '800 #1aad19 transparent');
  const clear = await canvasLook(ui.previewCanvas, [[255, 255, 255]]);
  expect(clear.cornerAlpha).toBe(0);
  expect(clear.shares[0]).toBe(0);

  // Real-image actions wait for the real image.
  await expect(ui.saveButton).toBeDisabled();
  await expect(ui.copyButton).toBeDisabled();
  expect(backend.sandbox.stats()).toEqual(before);

  // Generate turns the preview into the real thing.
  await ui.generate();
  await expect(ui.previewMarker).toBeHidden();
  await expect(ui.realImage).toHaveJSProperty('naturalWidth', 800);
  expect(backend.sandbox.stats().getwxacode).toBe(before.getwxacode + 1);
});

test('a transparent real image restyles from its alpha', async ({ app, backend }) => {
  const ui = studio(app);
  await ui.path.fill('pages/index/index');
  await ui.transparent.check();
  await ui.colorHex.fill('#ff0000');
  await ui.generate();
  const before = backend.sandbox.stats();

  await ui.colorHex.fill('#0000ff');
  await ui.widthBox.fill('300');
  await expectPainted(ui.previewCanvas, '300 #0000ff transparent');
  const blue = await canvasLook(ui.previewCanvas, [[0, 0, 255]]);
  expect(blue.width).toBe(300);
  expect(blue.shares[0]).toBeGreaterThan(0.2);
  const red = await canvasLook(ui.previewCanvas, [[255, 0, 0]], 60);
  expect(red.shares[0]).toBe(0);
  expect(backend.sandbox.stats()).toEqual(before);
});
