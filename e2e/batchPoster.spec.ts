import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { type TempFolder, tempFolder } from '../electron/testing/tempFolder';
import { expect, test } from './fixtures';
import { batchView, writeGbkCsv } from './harness/batch';
import { shoot } from './harness/screenshots';

// A poster template made in the app's editor and used by a batch: the first-row check shows the
// poster before the others are made, and every row gets a poster of the background's size with its
// code in the slot.

const WIDTH = 600;
const HEIGHT = 800;
const SLOT = { x: 150, y: 250, size: 300 };

let input: TempFolder;
test.beforeEach(async () => {
  input = await tempFolder('batch-poster');
});
test.afterEach(() => input.remove());

/** A store poster's background: a warm gradient, a band for the title, a pale card where the code goes. */
async function background(file: string): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#c0392b"/><stop offset="1" stop-color="#e67e22"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <rect x="40" y="60" width="520" height="120" rx="16" fill="#ffffff" fill-opacity="0.15"/>
    <rect x="120" y="220" width="360" height="360" rx="24" fill="#fff8ee"/>
  </svg>`;
  await sharp(Buffer.from(svg)).png().toFile(file);
}

/** The image's size as the browser decoded it. */
const naturalSize = (page: Page, name: string) =>
  page.getByRole('img', { name }).evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);

test('a poster template made in the editor: the first row shows as its poster, and every row gets one', async ({
  app,
  backend,
}) => {
  test.setTimeout(120_000);
  const sheet = join(input.path, '门店.csv');
  await writeGbkCsv(sheet, [
    ['页面路径', '门店名称'],
    ['pages/shop/index?id=1', '南京西路店'],
    ['pages/shop/index?id=2', '淮海中路店'],
    ['pages/shop/index?id=3', '陆家嘴店'],
  ]);
  const bg = join(input.path, 'spring.png');
  await background(bg);
  const ui = batchView(app);
  await ui.tab.click();
  backend.desktop.spreadsheet = sheet;
  await ui.importButton.click();
  await expect(app.getByText('3 Valid rows')).toBeVisible();
  await ui.chooseFolder.click();
  const outDir = backend.desktop.folder!;

  // The editor, from the batch's Print part: the background comes from main's open dialog.
  await app.getByRole('region', { name: 'Batch setup' }).getByText('Print', { exact: true }).click();
  const printPart = app.locator('.batch-print');
  await printPart.getByRole('button', { name: 'Edit templates…' }).click();
  const editor = app.getByRole('dialog', { name: 'Poster templates' });
  backend.desktop.image = bg;
  await editor.getByRole('button', { name: 'New template…' }).click();
  await editor.getByRole('textbox', { name: 'Name' }).fill('春季门店海报');
  const slot = editor.getByRole('group', { name: 'Code slot' });
  await slot.getByRole('spinbutton', { name: 'Left (px)' }).fill(String(SLOT.x));
  await slot.getByRole('spinbutton', { name: 'Top (px)' }).fill(String(SLOT.y));
  await slot.getByRole('spinbutton', { name: 'Size (px)' }).fill(String(SLOT.size));
  await editor.getByRole('combobox', { name: 'DPI' }).selectOption('150');
  const texts = editor.getByRole('group', { name: 'Text fields' });
  await texts.getByRole('textbox', { name: 'Text 1' }).fill('{门店名称}');
  await texts.getByRole('spinbutton', { name: 'Top (px)' }).fill('610');
  await texts.getByRole('spinbutton', { name: 'Size (px)' }).fill('48');
  await texts.getByRole('textbox', { name: 'Text 1' }).press('Tab');
  await editor.getByRole('button', { name: 'Add text' }).click();
  await texts.getByRole('textbox', { name: 'Text 2' }).fill('扫码点单 · 春季新品');
  await texts.getByRole('spinbutton', { name: 'Top (px)' }).nth(1).fill('95');
  await texts.getByRole('spinbutton', { name: 'Size (px)' }).nth(1).fill('44');
  await texts.getByRole('combobox', { name: 'Weight' }).nth(1).selectOption('bold');
  await texts.locator('input[type="color"]').nth(0).fill('#ffffff');
  await texts.locator('input[type="color"]').nth(1).fill('#ffffff');
  // The preview is main's render of the draft: the background's size, placeholders as written.
  const previewName = `Poster preview, ${WIDTH} × ${HEIGHT} px`;
  await expect(editor.getByRole('img', { name: previewName })).toBeVisible();
  await expect(editor.getByText(`${WIDTH} × ${HEIGHT} px · 10.2 × 13.5 cm at 150 DPI`)).toBeVisible();
  expect(await naturalSize(app, previewName)).toEqual([WIDTH, HEIGHT]);
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  // The picture starts at the top of the form, as the dialog opens.
  await editor.locator('.poster-body').evaluate((body) => body.scrollTo(0, 0));
  await shoot(app, 'poster-editor');
  await app.emulateMedia({ colorScheme: 'dark' });
  await shoot(app, 'poster-editor-dark');
  await app.emulateMedia({ colorScheme: 'light' });
  await editor.getByRole('button', { name: 'Close' }).click();

  // Chosen for this batch; the first row is made and shown as its poster before the others.
  await printPart.getByRole('combobox', { name: 'Poster' }).selectOption({ label: '春季门店海报' });
  const before = backend.sandbox.stats().getwxacode;
  await ui.checkFirstRow();
  expect(backend.sandbox.stats().getwxacode).toBe(before + 1);
  const posterName = 'The poster of row 2';
  await expect(ui.firstRow.getByRole('img', { name: posterName })).toBeVisible();
  expect(await naturalSize(app, posterName)).toEqual([WIDTH, HEIGHT]);
  await expect(ui.firstRow).toContainText(`Poster: ${WIDTH} × ${HEIGHT} px`);
  await ui.firstRow.scrollIntoViewIfNeeded();
  await shoot(app, 'batch-first-row-poster');
  await app.emulateMedia({ colorScheme: 'dark' });
  await shoot(app, 'batch-first-row-poster-dark');
  await app.emulateMedia({ colorScheme: 'light' });

  await ui.start.click();
  await expect(ui.summary).toContainText('Finished:');
  // Two more calls: the first row was copied from the library.
  expect(backend.sandbox.stats().getwxacode).toBe(before + 3);
  const posters = (await readdir(outDir)).filter((f) => f.endsWith('-poster.png')).sort();
  expect(posters).toEqual(['2-南京西路店-poster.png', '3-淮海中路店-poster.png', '4-陆家嘴店-poster.png']);
  for (const name of posters) {
    const image = PNG.sync.read(await readFile(join(outDir, name)));
    expect([image.width, image.height]).toEqual([WIDTH, HEIGHT]);
    let dark = 0;
    for (let y = SLOT.y; y < SLOT.y + SLOT.size; y++) {
      for (let x = SLOT.x; x < SLOT.x + SLOT.size; x++) {
        const o = (y * image.width + x) * 4;
        if (image.data[o]! < 80 && image.data[o + 1]! < 80 && image.data[o + 2]! < 80) dark++;
      }
    }
    // The code's modules fill a good part of the slot; outside it the poster is the background's.
    expect(dark).toBeGreaterThan(SLOT.size * SLOT.size * 0.2);
    const corner = (5 * image.width + 5) * 4;
    expect(image.data[corner]!).toBeGreaterThan(150);
  }
  const results = await readFile(join(outDir, 'results.csv'), 'utf8');
  expect(results).toContain('poster_file');
  expect(results).toContain('2-南京西路店-poster.png');
});
