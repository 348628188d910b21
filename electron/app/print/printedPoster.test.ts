import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintOptions } from '../../../shared/ipc/channels';
import type { PosterDraft } from '../../../shared/poster';
import { pixels } from '../../testing/printImages';
import { openTestApp, succeeded, type TestApp } from '../../testing/testApp';
import { SANDBOX_ACCOUNT } from '../services';

// Make a code with a poster chosen: the preview, Save (PNG or PDF), Copy and drag all leave the
// poster the core renderer makes from the stored code.

const SLOT = { x: 60, y: 60, size: 280 };
let app: TestApp;
let codeId: string;

async function saved(text: string): Promise<string> {
  const file = join(app.dataDir, 'bg.png');
  await sharp({ create: { width: 400, height: 500, channels: 3, background: '#e8eef7' } })
    .png()
    .toFile(file);
  app.desktop.image = file;
  const { backgroundId } = succeeded(await app.call('posters:chooseBackground'))!;
  const draft: PosterDraft = {
    name: 'Counter',
    backgroundId,
    dpi: 100,
    code: SLOT,
    texts: [{ text, x: 200, y: 380, size: 36, colour: '#000000', weight: 'bold', align: 'centre' }],
    output: 'png',
  };
  return succeeded(await app.call('posters:save', { draft })).posterId;
}

const withPoster = (posterId: string): PrintOptions => ({
  dpi: 300,
  labels: [],
  margin: 0,
  background: '#ffffff',
  poster: { posterId },
});

beforeAll(async () => {
  app = await openTestApp();
  const code = succeeded(
    await app.call('code:generate', {
      accountId: SANDBOX_ACCOUNT.id,
      request: { kind: 'limited', path: 'pages/store/index?id=12', envVersion: 'release', width: 280 },
    }),
  );
  codeId = code.codeId;
});
afterAll(() => app.close());

describe('Make a code with a poster', () => {
  it('previews, saves, copies and drags the same poster, the code in its slot', async () => {
    const print = withPoster(await saved('桌号 {page}'));
    const shown = succeeded(await app.call('print:compose', { codeId, print }));
    expect([shown.width, shown.height, shown.dpi]).toEqual([400, 500, 100]);
    const image = await pixels(Buffer.from(shown.png));
    expect(image.darkIn(SLOT.x, SLOT.y, SLOT.size, SLOT.size)).toBeGreaterThan(SLOT.size * SLOT.size * 0.2);
    expect(image.darkIn(0, 0, 400, SLOT.y)).toBe(0);
    expect(image.darkIn(20, 380, 360, 50)).toBeGreaterThan(100);

    app.desktop.saveAs = join(app.dataDir, 'poster.png');
    succeeded(await app.call('print:save', { codeId, print }));
    expect((await readFile(app.desktop.saveAs)).equals(Buffer.from(shown.png))).toBe(true);
    succeeded(await app.call('print:copy', { codeId, print }));
    expect(app.desktop.copied.at(-1)?.equals(Buffer.from(shown.png))).toBe(true);
    succeeded(await app.call('print:drag', { codeId, print }));
    expect((await readFile(app.desktop.dragged.at(-1)!.file)).equals(Buffer.from(shown.png))).toBe(true);
  });

  it('saves a PDF page of the poster’s physical size, and refuses SVG with the fix', async () => {
    const print = withPoster(await saved('{page}'));
    app.desktop.saveAs = join(app.dataDir, 'poster.pdf');
    succeeded(await app.call('print:save', { codeId, print }));
    const page = (await PDFDocument.load(await readFile(app.desktop.saveAs))).getPage(0);
    // 400 px at 100 DPI = 4 in = 288 pt.
    expect(page.getWidth()).toBeCloseTo(288, 1);
    app.desktop.saveAs = join(app.dataDir, 'poster.svg');
    const svg = await app.call('print:save', { codeId, print });
    expect(svg.ok).toBe(false);
    if (!svg.ok) expect(svg.error.hint.en).toContain('PNG or PDF');
  });

  it('refuses a column placeholder, which a single code has no sheet for, naming it', async () => {
    const print = withPoster(await saved('{门店名称}'));
    const refused = await app.call('print:compose', { codeId, print });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message.en).toContain('门店名称');
  });
});
