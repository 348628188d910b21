import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PosterDraft } from '../../../shared/poster';
import { loadPosterTemplate } from '../../core/print/posterTemplateFile';
import { pixels } from '../../testing/printImages';
import { openTestApp, succeeded, type TestApp } from '../../testing/testApp';

// The poster editor's channels over the real services: a background chosen in main's dialog, the
// draft previewed by the core renderer, saved to the data folder as a template the CLI reads.

const TEAL = '#1f7a6d';
let app: TestApp;

/** A 600 × 800 teal background picked in the (recorded) open dialog. */
async function chooseBackground() {
  const file = join(app.dataDir, 'teal.png');
  await sharp({ create: { width: 600, height: 800, channels: 3, background: TEAL } })
    .png()
    .toFile(file);
  app.desktop.image = file;
  return succeeded(await app.call('posters:chooseBackground'))!;
}

function draftOn(backgroundId: string): PosterDraft {
  return {
    name: '门店海报',
    backgroundId,
    dpi: 150,
    code: { x: 150, y: 120, size: 300 },
    texts: [
      { text: '{门店名称}', x: 300, y: 500, size: 48, colour: '#ffffff', weight: 'bold', align: 'centre' },
    ],
    output: 'png',
  };
}

beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

describe('poster templates in the app', () => {
  it('previews the draft at the background’s size with a code in the slot and the text below it', async () => {
    const background = await chooseBackground();
    expect(background).toMatchObject({ name: 'teal.png', width: 600, height: 800 });
    const shown = succeeded(await app.call('posters:preview', { draft: draftOn(background.backgroundId) }));
    expect([shown.width, shown.height, shown.dpi]).toEqual([600, 800, 150]);
    const image = await pixels(Buffer.from(shown.png));
    expect([image.width, image.height]).toEqual([600, 800]);
    expect(image.darkIn(150, 120, 300, 300)).toBeGreaterThan(300 * 300 * 0.2);
    expect(image.at(20, 20).slice(0, 3)).toEqual([0x1f, 0x7a, 0x6d]);
    // White text on teal, in the band under the slot.
    let light = 0;
    for (let x = 150; x < 450; x += 2)
      for (let y = 500; y < 560; y += 2) if (image.at(x, y)[0] > 200) light++;
    expect(light).toBeGreaterThan(50);
  });

  it('saves a template the CLI reads, lists it with its placeholders and opens it with the same pixels', async () => {
    const background = await chooseBackground();
    const draft = draftOn(background.backgroundId);
    const saved = succeeded(await app.call('posters:save', { draft }));
    expect(saved).toMatchObject({ name: '门店海报', width: 600, height: 800, placeholders: ['门店名称'] });
    const folder = join(app.dataDir, 'posters', saved.posterId);
    expect((await readdir(folder)).sort()).toEqual(['background.png', 'template.json']);
    const template = await loadPosterTemplate(join(folder, 'template.json'));
    expect(template.page).toMatchObject({ widthPx: 600, heightPx: 800, dpi: 150 });
    expect(template.code).toEqual({ x: 150, y: 120, width: 300, height: 300 });
    expect(succeeded(await app.call('posters:list')).map((p) => p.posterId)).toContain(saved.posterId);
    const opened = succeeded(await app.call('posters:open', { posterId: saved.posterId }));
    expect({ ...opened.draft, backgroundId: '' }).toEqual({ ...draft, backgroundId: '' });
    expect(opened.background).toMatchObject({ width: 600, height: 800 });
    succeeded(await app.call('posters:remove', { posterId: saved.posterId }));
    expect(succeeded(await app.call('posters:list')).map((p) => p.posterId)).not.toContain(saved.posterId);
  });

  it('refuses an empty name and a slot off the background, naming the field and the fix in both languages', async () => {
    const { backgroundId } = await chooseBackground();
    const unnamed = await app.call('posters:save', { draft: { ...draftOn(backgroundId), name: '  ' } });
    expect(unnamed.ok).toBe(false);
    if (!unnamed.ok) {
      expect(unnamed.error.field).toBe('posterName');
      expect(unnamed.error.message.zh).toContain('名称');
    }
    const off = await app.call('posters:preview', {
      draft: { ...draftOn(backgroundId), code: { x: 400, y: 120, size: 300 } },
    });
    expect(off.ok).toBe(false);
    if (!off.ok) {
      expect(off.error.message.en).toContain('code');
      expect(off.error.hint.en).toContain('Move the slot');
    }
  });

  it('takes no path from the page: an id that is not main’s is refused, nothing outside is touched', async () => {
    for (const posterId of ['../accounts', '/etc/passwd', 'p1']) {
      const opened = await app.call('posters:open', { posterId });
      expect(opened.ok).toBe(false);
      if (!opened.ok) expect(opened.error.field).toBe('poster');
    }
    const removed = await app.call('posters:remove', { posterId: '..' });
    expect(removed.ok).toBe(false);
    expect(await readdir(app.dataDir)).toContain('library');
  });

  it('refuses a background that is not an image, and imports a template JSON with its background', async () => {
    const notes = join(app.dataDir, 'notes.png');
    await writeFile(notes, 'not a picture');
    app.desktop.image = notes;
    const refused = await app.call('posters:chooseBackground');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message.en).toContain('notes.png');

    await sharp({ create: { width: 100, height: 150, channels: 3, background: '#dddddd' } })
      .jpeg()
      .toFile(join(app.dataDir, 'bg.jpg'));
    app.desktop.template = join(app.dataDir, 'tent.json');
    await writeFile(
      app.desktop.template,
      JSON.stringify({
        version: 1,
        background: 'bg.jpg',
        page: { width: 100, height: 150, unit: 'mm', dpi: 100 },
        code: { x: 20, y: 40, size: 60 },
        texts: [{ text: '桌号 {table}', x: 50, y: 110, size: 20 }],
      }),
    );
    const imported = succeeded(await app.call('posters:import'))!;
    expect(imported).toMatchObject({ name: 'tent', width: 394, height: 591, placeholders: ['table'] });
    const stored = await readFile(join(app.dataDir, 'posters', imported.posterId, 'background.png'));
    expect(await sharp(stored).metadata()).toMatchObject({ width: 394, height: 591 });
  });
});
