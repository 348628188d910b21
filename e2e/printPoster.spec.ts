import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { pixels } from '../electron/testing/printImages';
import { type TempFolder, tempFolder } from '../electron/testing/tempFolder';
import { expect, test } from './fixtures';
import { studio } from './harness/studio';

// Make a code with a saved poster template chosen in Print: the code is asked at the slot's width,
// the preview is the poster, and Save writes that poster.

const SLOT = { x: 60, y: 80, size: 300 };
let input: TempFolder;
test.beforeEach(async () => {
  input = await tempFolder('print-poster');
});
test.afterEach(() => input.remove());

test('a poster chosen in Print: the preview and the saved PNG are the poster, the code in its slot', async ({
  app,
  backend,
}) => {
  // A template saved through the same channels the editor uses (the editor itself: batchPoster.spec).
  const bg = join(input.path, 'mint.png');
  await sharp({ create: { width: 420, height: 560, channels: 3, background: '#d8f3e6' } })
    .png()
    .toFile(bg);
  backend.desktop.image = bg;
  const chosen = await backend.call('posters:chooseBackground');
  if (!chosen.ok || !chosen.value) throw new Error('no background');
  const draft = {
    name: '柜台海报',
    backgroundId: chosen.value.backgroundId,
    dpi: 150,
    code: SLOT,
    texts: [{ text: '{path}', x: 210, y: 420, size: 28, colour: '#000000', weight: 'bold', align: 'centre' }],
    output: 'png',
  };
  expect((await backend.call('posters:save', { draft })).ok).toBe(true);

  const ui = studio(app);
  await ui.path.fill('pages/store/index');
  await app.getByRole('switch', { name: 'Prepare for print' }).check();
  await app.getByRole('combobox', { name: 'Poster' }).selectOption({ label: '柜台海报' });
  // The slot's size is the width asked of WeChat; the label and logo fields are the poster's business now.
  await expect(ui.widthBox).toHaveValue(String(SLOT.size));
  await expect(app.getByRole('button', { name: 'Add a line' })).toHaveCount(0);
  await ui.generate();
  const printed = app.getByRole('img', { name: /^The code as printed/ });
  await expect(printed).toHaveJSProperty('naturalWidth', 420);
  await expect(printed).toHaveJSProperty('naturalHeight', 560);

  await ui.saveButton.click();
  const saved = join(backend.saveDir, 'pages_store_index.png');
  await expect(app.getByText(`Saved to ${saved}`)).toBeVisible();
  const poster = await pixels(await readFile(saved));
  expect([poster.width, poster.height]).toEqual([420, 560]);
  expect(poster.darkIn(SLOT.x, SLOT.y, SLOT.size, SLOT.size)).toBeGreaterThan(SLOT.size * SLOT.size * 0.2);
  expect(poster.darkIn(0, 0, 420, SLOT.y)).toBe(0);
  // {path} filled from the code's own request: dark text in the band under the slot.
  expect(poster.darkIn(0, 420, 420, 50)).toBeGreaterThan(100);
  expect(backend.sandbox.stats().getwxacode).toBe(1);
});
