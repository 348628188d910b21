import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { readDpi } from '../electron/core/print/pngDpi';
import { pixels } from '../electron/testing/printImages';
import { expect, test } from './fixtures';
import { studio } from './harness/studio';

test('prints a code 4 cm wide at 300 DPI with a label, and saves exactly the preview', async ({
  app,
  backend,
}) => {
  const ui = studio(app);
  await ui.path.fill('pages/store/index?id=12');
  await app.getByRole('switch', { name: 'Prepare for print' }).check();
  await app.getByRole('spinbutton', { name: 'Printed width' }).fill('4');
  await expect(app.getByRole('textbox', { name: 'Resolution (DPI)' })).toHaveValue('300');

  // The printed size sets the width asked of WeChat, and says what it serves.
  await expect(
    app.getByText(/Asks WeChat for 473 px: prints 4 cm wide at 300 DPI, scans from up to about 40 cm/),
  ).toBeVisible();
  await expect(ui.widthBox).toHaveValue('473');

  await ui.generate();
  // The preview is the printed code: the 473 px code with the margins around it.
  await expect(app.getByText('521 × 521 px')).toBeVisible();
  expect(backend.sandbox.stats().getwxacode).toBe(1);
  const library = await backend.call('library:list', {});
  expect(library.ok && library.value.entries.map((e) => [e.width, e.request.width])).toEqual([[473, 473]]);

  await app.getByRole('button', { name: 'Add a line' }).click();
  await app.getByRole('textbox', { name: 'Text of line 1' }).fill('南京西路店');
  const printed = app.getByRole('img', { name: /^The code as printed/ });
  await expect(printed).toBeVisible();
  // The margin (24) on each side; below the code, its gap (473 / 40 ≈ 12) and one 60 px line.
  await expect(printed).toHaveJSProperty('naturalWidth', 473 + 48);
  await expect(printed).toHaveJSProperty('naturalHeight', 24 + 473 + 12 + 60 + 24);
  // The preview's pixels as the page drew them.
  const shown = await printed.evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let text = '';
    for (let i = 0; i < data.length; i += 0x8000)
      text += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return btoa(text);
  });
  const preview = await sharp(Buffer.from(shown, 'base64'), {
    raw: { width: 473 + 48, height: 24 + 473 + 12 + 60 + 24, channels: 4 },
  })
    .png()
    .toBuffer();
  const previewPixels = await pixels(preview);
  expect(previewPixels.darkIn(24, 24 + 473 + 12, 473, 60)).toBeGreaterThan(200);
  expect(previewPixels.darkIn(0, previewPixels.height - 24, previewPixels.width, 24)).toBe(0);

  await ui.saveButton.click();
  const saved = join(backend.saveDir, 'pages_store_index_id=12.png');
  await expect(app.getByText(`Saved to ${saved}`)).toBeVisible();
  const file = await readFile(saved);
  // The saved file is the previewed image, pixel for pixel, at the preview's size.
  const savedPixels = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([savedPixels.info.width, savedPixels.info.height]).toEqual([
    previewPixels.width,
    previewPixels.height,
  ]);
  expect(savedPixels.data.equals(Buffer.from(shown, 'base64'))).toBe(true);
  expect(Math.round(readDpi(file)?.dpi ?? 0)).toBe(300);
  expect(await readdir(backend.saveDir)).toEqual(['pages_store_index_id=12.png']);
  // Composing and saving asked nothing more of WeChat.
  expect(backend.sandbox.stats().getwxacode).toBe(1);
});

test('a printed size past 1280 px at the DPI says so and offers the vector files', async ({ app }) => {
  await app.getByRole('switch', { name: 'Prepare for print' }).check();
  await app.getByRole('spinbutton', { name: 'Printed width' }).fill('20');
  await expect(app.getByText(/needs 2363 px, more than WeChat’s 1280/)).toBeVisible();
  await expect(app.getByText(/Save as SVG or PDF/)).toBeVisible();
  await expect(studio(app).widthBox).toHaveValue('1280');
});

test('a centre logo too large to leave the data readable is refused at its field, in both languages', async ({
  app,
  backend,
}) => {
  const ui = studio(app);
  await ui.path.fill('pages/index/index');
  await app.getByRole('switch', { name: 'Prepare for print' }).check();
  await ui.generate();
  const logo = join(backend.saveDir, '..', 'brand.png');
  await writeFile(
    logo,
    await sharp({ create: { width: 120, height: 120, channels: 3, background: '#e8590c' } })
      .png()
      .toBuffer(),
  );
  backend.desktop.image = logo;
  await app.getByRole('button', { name: 'Choose a logo…' }).click();
  await expect(app.getByText('brand.png')).toBeVisible();
  const size = app.getByRole('spinbutton', { name: 'Logo width (% of the code)' });
  await size.fill('60');
  await expect(app.getByText(/would hide data phones need to read it/)).toBeVisible();
  await expect(size).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByText('Fix the Print section’s field to see the printed code.')).toBeVisible();
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(app.getByText(/会挡住手机识别所需的数据/)).toBeVisible();
  await app.getByRole('combobox', { name: '语言' }).selectOption('en');
  await size.fill('40');
  await expect(app.getByText(/would hide data/)).toHaveCount(0);
  await expect(app.getByRole('img', { name: /^The code as printed/ })).toBeVisible();
});
