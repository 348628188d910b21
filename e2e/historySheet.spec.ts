import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { historyView } from './harness/history';
import { studio } from './harness/studio';

// Issue 9: a print sheet from History's multi-selection. The page sends the picked codes' ids and
// the options; main asks where to save (the test's save dialog answers its folder) and writes the PDF.

const run = promisify(execFile);
const PATHS = ['pages/index/index?table=1', 'pages/index/index?table=2', 'pages/index/index?table=3'];

test('three picked codes become a print sheet PDF: 2 × 1 grid, labels, CMYK, saved where main asked', async ({
  app,
  backend,
}) => {
  test.setTimeout(120_000);
  const ui = studio(app);
  for (const path of PATHS) {
    await ui.path.fill(path);
    await ui.generate();
    await expect(ui.newlyGenerated).toBeVisible();
  }
  const history = historyView(app);
  await history.tab.click();
  await expect(history.codes).toHaveCount(3);
  await history.codes.first().click();
  await app.keyboard.press('ControlOrMeta+a');
  await expect(app.getByText('3 selected')).toBeVisible();

  await app.getByRole('button', { name: 'Print sheet…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Print sheet of 3 codes' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Label under each code' }).fill('桌号 {path}');
  await dialog.getByRole('radio', { name: 'Grid' }).check();

  // A grid no phone could read is refused by main, naming the field's fix; nothing is saved.
  await dialog.getByRole('spinbutton', { name: 'Columns' }).fill('20');
  await dialog.getByRole('spinbutton', { name: 'Rows' }).fill('20');
  await dialog.getByRole('button', { name: 'Save PDF…' }).click();
  await expect(dialog.getByRole('alert')).toContainText('A 20 × 20 grid on A4 leaves');
  await expect(dialog.getByRole('alert')).toContainText('Use fewer columns or rows');
  expect(await readdir(backend.saveDir)).toEqual([]);

  // Out of 1..20 the field says so and Save PDF… waits.
  await dialog.getByRole('spinbutton', { name: 'Columns' }).fill('21');
  await expect(dialog.getByRole('button', { name: 'Save PDF…' })).toBeDisabled();

  await dialog.getByRole('spinbutton', { name: 'Columns' }).fill('2');
  await dialog.getByRole('spinbutton', { name: 'Rows' }).fill('1');
  await dialog.getByRole('switch', { name: /Black as 100 % K/ }).check();
  await dialog.getByRole('button', { name: 'Save PDF…' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    /Saved .*\.pdf: 3 codes on 2 page\(s\), each \d+\.\d cm wide\./,
  );

  const [file] = await readdir(backend.saveDir);
  expect(file).toMatch(/^wxacode-sheet-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = join(backend.saveDir, file!);
  expect((await run('pdfinfo', [pdf])).stdout).toMatch(/Pages:\s+2\n/);
  const images = (await run('pdfimages', ['-list', pdf])).stdout.trim().split('\n').slice(2);
  expect(images).toHaveLength(3);
  for (const line of images) {
    const [, width, height] = /\simage\s+(\d+)\s+(\d+)\s+cmyk\s/.exec(line) ?? [];
    // The label band under each code makes its image taller than wide.
    expect(Number(height)).toBeGreaterThan(Number(width));
  }

  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
