import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { historyView } from './harness/history';
import { qrText, readPicture } from './harness/png';
import { type Studio, studio } from './harness/studio';

const SHOP = 'pages/shop/index?id=7';
const STORE = 'pages/index/index scene id=42';
const PRODUCT = 'pages/product/detail?sku=9';

async function makeLimited(ui: Studio): Promise<void> {
  await ui.kind('Mini program code').check();
  await ui.path.fill(SHOP);
  await ui.widthBox.fill('600');
  await ui.generate();
}

async function makeUnlimited(ui: Studio): Promise<void> {
  await ui.kind('Unlimited mini program code').check();
  await ui.scene.fill('id=42');
  await ui.pageField.fill('pages/index/index');
  await ui.widthBox.fill('430');
  await ui.generate();
}

async function makeSquare(ui: Studio): Promise<void> {
  await ui.kind('Square QR code').check();
  await ui.path.fill(PRODUCT);
  await ui.widthBox.fill('430');
  await ui.generate();
}

test('lists the codes made, newest first; searches, filters, saves, copies and deletes them', async ({
  app,
  backend,
}) => {
  const ui = studio(app);
  const history = historyView(app);
  await makeLimited(ui);
  await makeUnlimited(ui);
  await makeSquare(ui);
  await expect(ui.newlyGenerated).toBeVisible();
  expect(backend.sandbox.stats()).toMatchObject({ getwxacode: 1, getwxacodeunlimit: 1, createwxaqrcode: 1 });

  await history.tab.click();
  await expect(history.codes).toHaveCount(3);
  await expect(app.getByText('3 codes', { exact: true })).toBeVisible();
  await expect(history.codes.nth(0)).toHaveAccessibleName(PRODUCT);
  await expect(history.codes.nth(1)).toHaveAccessibleName(STORE);
  await expect(history.codes.nth(2)).toHaveAccessibleName(SHOP);
  await expect(history.code(PRODUCT)).toHaveAccessibleDescription(
    /^Square QR code · Sandbox · 430 px · Num-Used 2 .+/,
  );
  await expect(history.code(STORE)).toHaveAccessibleDescription(
    /^Unlimited mini program code · Sandbox · 430 px /,
  );
  await expect(history.code(SHOP)).toHaveAccessibleDescription(
    /^Mini program code · Sandbox · 600 px · Num-Used 1 /,
  );

  // Search by scene, by page, by file name; then a search that finds nothing.
  await history.search.fill('id=42');
  await expect(history.codes).toHaveCount(1);
  await expect(history.codes.first()).toHaveAccessibleName(STORE);
  await history.search.fill('pages/shop');
  await expect(history.codes).toHaveCount(1);
  await expect(history.codes.first()).toHaveAccessibleName(SHOP);
  await history.search.fill('pages_product_detail');
  await expect(history.codes).toHaveCount(1);
  await expect(history.codes.first()).toHaveAccessibleName(PRODUCT);
  await history.search.fill('no-such-page');
  await expect(app.getByText('No code matches “no-such-page”')).toBeVisible();
  await app.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(history.search).toHaveValue('');
  await expect(history.codes).toHaveCount(3);

  // Filter by kind and by account.
  await history.kindFilter.selectOption({ label: 'Square QR code' });
  await expect(history.codes).toHaveCount(1);
  await expect(history.codes.first()).toHaveAccessibleName(PRODUCT);
  await history.kindFilter.selectOption({ label: 'All code types' });
  await history.accountFilter.selectOption({ label: 'Sandbox' });
  await expect(history.codes).toHaveCount(3);
  await history.accountFilter.selectOption({ label: 'All accounts' });

  // The selected code large, at its size; Save as… writes the stored PNG.
  await history.code(SHOP).click();
  await expect(history.code(SHOP)).toHaveAttribute('aria-selected', 'true');
  await expect(history.preview(SHOP)).toHaveJSProperty('naturalWidth', 600);
  await history.saveButton.click();
  const saved = join(backend.saveDir, 'pages_shop_index_id=7.png');
  await expect(app.getByText(`Saved to ${saved}`)).toBeVisible();
  const picture = await readPicture(saved);
  expect([picture.format, picture.width, picture.height]).toEqual(['png', 600, 600]);
  expect(qrText(picture)).toBe(SHOP);

  await history.copyButton.click();
  await expect(app.getByText('Image copied to the clipboard.')).toBeVisible();
  expect(backend.desktop.copied).toHaveLength(1);
  const copied = PNG.sync.read(backend.desktop.copied[0]!);
  expect([copied.width, copied.height]).toEqual([600, 600]);

  await history.preview(SHOP).dispatchEvent('dragstart');
  await expect.poll(() => backend.desktop.dragged.length).toBe(1);
  expect(backend.desktop.dragged[0]!.file.endsWith('pages_shop_index_id=7.png')).toBe(true);

  // Delete asks first: Esc keeps the code, Enter deletes it.
  await history.code(STORE).click();
  await history.deleteButton.click();
  await expect(history.confirmDelete).toBeFocused();
  await expect(
    app.getByText('Delete this code from History? Making it again will call WeChat.'),
  ).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(history.confirmDelete).toBeHidden();
  await expect(history.codes).toHaveCount(3);
  // The focus goes back to the button that asked, whether clicked or pressed with Enter.
  await expect(history.deleteButton).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(history.confirmDelete).toBeFocused();
  await history.cancelDelete.click();
  await expect(history.deleteButton).toBeFocused();
  await history.deleteButton.click();
  await expect(history.confirmDelete).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(history.codes).toHaveCount(2);
  await expect(history.code(STORE)).toHaveCount(0);

  // A restarted renderer reads the library afresh: the deletion stuck, the rest are there.
  await app.reload();
  await expect(ui.accountSelect).toHaveValue('sandbox');
  await history.tab.click();
  await expect(history.codes).toHaveCount(2);
  await expect(history.codes.nth(0)).toHaveAccessibleName(PRODUCT);
  await expect(history.codes.nth(1)).toHaveAccessibleName(SHOP);

  // The deleted code costs an API call again; a kept one still costs none.
  await history.formTab.click();
  await makeUnlimited(ui);
  await expect(ui.newlyGenerated).toBeVisible();
  expect(backend.sandbox.stats().getwxacodeunlimit).toBe(2);
  await makeSquare(ui);
  await expect(ui.fromHistory).toBeVisible();
  expect(backend.sandbox.stats().createwxaqrcode).toBe(1);

  await history.tab.click();
  await expect(history.codes).toHaveCount(3);
  await expect(history.codes.first()).toHaveAccessibleName(STORE);
});

test('the list works from the keyboard, and a code opens in the form', async ({ app, backend }) => {
  const ui = studio(app);
  const history = historyView(app);
  await history.tab.click();
  await expect(app.getByText('No codes yet')).toBeVisible();
  await app.getByRole('button', { name: 'Make a code' }).click();
  await expect(history.formTab).toHaveAttribute('aria-selected', 'true');

  await makeLimited(ui);
  await makeSquare(ui);
  await history.tab.click();
  await expect(history.codes).toHaveCount(2);
  await expect(app.getByText('Pick a code to see it large')).toBeVisible();

  // Tab reaches the list after the search and the two filters.
  await history.search.focus();
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await expect(history.codes.first()).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(history.code(PRODUCT)).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('ArrowDown');
  await expect(history.code(SHOP)).toHaveAttribute('aria-selected', 'true');
  await expect(history.code(SHOP)).toBeFocused();
  await expect(history.preview(SHOP)).toBeVisible();
  await app.keyboard.press('Home');
  await expect(history.code(PRODUCT)).toBeFocused();
  await app.keyboard.press('End');
  await expect(history.code(SHOP)).toBeFocused();

  // Delete asks; Esc goes back to the code, Enter deletes it and the focus stays in the list.
  await app.keyboard.press('Delete');
  await expect(history.confirmDelete).toBeFocused();
  await expect(
    app.getByText(
      'Delete this code from History? Making it again will call WeChat and count toward the 100,000 total.',
    ),
  ).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(history.code(SHOP)).toBeFocused();
  await app.keyboard.press('Delete');
  await app.keyboard.press('Enter');
  await expect(history.codes).toHaveCount(1);
  await expect(history.code(PRODUCT)).toBeFocused();
  await expect(history.code(PRODUCT)).toHaveAttribute('aria-selected', 'true');

  await history.openInForm.click();
  await expect(history.formTab).toHaveAttribute('aria-selected', 'true');
  await expect(ui.kind('Square QR code')).toBeChecked();
  await expect(ui.path).toHaveValue(PRODUCT);
  await expect(ui.fromHistory).toBeVisible();
  await expect(ui.realImage).toHaveJSProperty('naturalWidth', 430);
  expect(backend.sandbox.stats().createwxaqrcode).toBe(1);
});

test('a large library shows a page at a time and reads only the thumbnails in view', async ({
  app,
  backend,
  bridge,
}) => {
  // Two hundred codes made through the handlers take a while.
  test.slow();
  for (let n = 1; n <= 205; n++) {
    const made = await backend.call('code:generate', {
      accountId: 'sandbox',
      request: { kind: 'unlimited', scene: `n=${n}`, page: 'pages/index/index', width: 280 },
    });
    expect(made.ok).toBe(true);
  }
  const history = historyView(app);
  await history.tab.click();
  await expect(app.getByText('Showing 200 of 205 codes')).toBeVisible();
  await expect(history.codes).toHaveCount(200);
  await expect(history.codes.first()).toHaveAccessibleName('pages/index/index scene n=205');
  const thumbnail = history.codes.first().locator('img');
  await expect(thumbnail).toHaveJSProperty('complete', true);
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const imagesRead = bridge.answers.filter((a) => a.channel === 'library:image').length;
  expect(imagesRead).toBeGreaterThan(0);
  expect(imagesRead).toBeLessThan(40);

  await app.getByRole('button', { name: 'Show 5 more' }).click();
  await expect(history.codes).toHaveCount(205);
  await expect(app.getByText('205 codes', { exact: true })).toBeVisible();
  // The count came with the first page; "Show more" asked for the page alone.
  const lastList = bridge.answers.filter((a) => a.channel === 'library:list').at(-1);
  const secondPage = JSON.parse(lastList?.json ?? '{}').value;
  expect(secondPage.entries).toHaveLength(5);
  expect(secondPage).not.toHaveProperty('total');
  await expect(history.codes.last()).toHaveAccessibleName('pages/index/index scene n=1');
});

test('codes a batch makes while History is shown join the list when it finishes', async ({
  app,
  backend,
}) => {
  const ui = studio(app);
  const history = historyView(app);
  await makeSquare(ui);
  await history.tab.click();
  await expect(history.codes).toHaveCount(1);

  // The batch runs in the main process; History, left open, hears only its progress.
  const sheet = join(backend.saveDir, 'posters.csv');
  await writeFile(sheet, 'scene,page\r\nid=1,pages/index/index\r\nid=2,pages/index/index\r\n');
  backend.desktop.spreadsheet = sheet;
  const opened = await backend.call('batch:open', undefined);
  if (!opened.ok || !opened.value) throw new Error('the spreadsheet did not open');
  const planned = await backend.call('batch:plan', {
    sheetId: opened.value.sheetId,
    accountId: 'sandbox',
    kind: 'unlimited',
    mapping: opened.value.mapping,
    style: { width: 280 },
  });
  if (!planned.ok) throw new Error(planned.error.message.en);
  const folder = await backend.call('batch:chooseFolder', undefined);
  if (!folder.ok || !folder.value) throw new Error('no folder was chosen');
  const started = await backend.call('batch:start', {
    planId: planned.value.planId,
    folderGrant: folder.value.grant,
    nameTemplate: planned.value.nameTemplate,
    zip: false,
    concurrency: 1,
    ratePerMinute: 0,
  });
  expect(started.ok).toBe(true);

  await expect(history.codes).toHaveCount(3);
  await expect(app.getByText('3 codes', { exact: true })).toBeVisible();
  await expect(history.code('pages/index/index scene id=2')).toBeVisible();
  await expect(history.code('pages/index/index scene id=1')).toBeVisible();
  expect(backend.sandbox.stats().getwxacodeunlimit).toBe(2);
});
