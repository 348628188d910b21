import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintOptions } from '../../../shared/ipc/channels';
import { readDpi } from '../../core/print/pngDpi';
import { pixels } from '../../testing/printImages';
import { openTestApp, succeeded, type TestApp } from '../../testing/testApp';
import { SANDBOX_ACCOUNT } from '../services';

const PLAIN: PrintOptions = { dpi: 300, labels: [], margin: 0, background: '#ffffff' };
const LABEL = {
  text: '南京西路店',
  position: 'below',
  size: 40,
  weight: 'bold',
  colour: '#000000',
  align: 'centre',
} as const;

let app: TestApp;
let codeId: string;
beforeAll(async () => {
  app = await openTestApp();
  const code = succeeded(
    await app.call('code:generate', {
      accountId: SANDBOX_ACCOUNT.id,
      request: { kind: 'limited', path: 'pages/store/index?id=12', envVersion: 'release', width: 473 },
    }),
  );
  codeId = code.codeId;
});
afterAll(() => app.close());

const composed = async (print: PrintOptions) => succeeded(await app.call('print:compose', { codeId, print }));

describe('print:compose', () => {
  it('records the printed size in pHYs: a 473 px code printed 4 cm wide is 300 DPI', async () => {
    const printed = await composed({ ...PLAIN, printSize: '4cm' });
    const dpi = readDpi(Buffer.from(printed.png));
    expect(dpi?.unit).toBe(1);
    expect(Math.round(dpi?.dpi ?? 0)).toBe(300);
    expect(Math.round(printed.dpi)).toBe(300);
    expect([printed.width, printed.height]).toEqual([473, 473]);
  });

  it('draws a label in a band below the code, with dark pixels in it and none in the margin', async () => {
    const printed = await composed({ ...PLAIN, printSize: '4cm', labels: [LABEL], margin: 24 });
    const image = await pixels(Buffer.from(printed.png));
    expect(printed.width).toBe(473 + 48);
    // The code, its gap (473 / 40 ≈ 12), one 60 px line, and the margins.
    expect(printed.height).toBe(24 + 473 + 12 + 60 + 24);
    const bandTop = 24 + 473 + 12;
    expect(image.darkIn(24, bandTop, 473, 60)).toBeGreaterThan(200);
    expect(image.darkIn(0, printed.height - 24, printed.width, 24)).toBe(0);
  });

  it('gives the same bytes for the same inputs, and saves exactly the previewed PNG', async () => {
    const print = { ...PLAIN, printSize: '4cm', labels: [LABEL], margin: 24 };
    const first = await composed(print);
    const again = await composed(print);
    expect(Buffer.from(again.png).equals(Buffer.from(first.png))).toBe(true);
    app.desktop.saveAs = join(app.dataDir, 'printed.png');
    const saved = succeeded(await app.call('print:save', { codeId, print }));
    expect(saved).toEqual({ saved: true, path: app.desktop.saveAs });
    expect((await readFile(app.desktop.saveAs)).equals(Buffer.from(first.png))).toBe(true);
  });

  it('copies and drags out exactly the composed image', async () => {
    const print = { ...PLAIN, printSize: '4cm', labels: [LABEL], margin: 24 };
    const shown = Buffer.from((await composed(print)).png);
    succeeded(await app.call('print:copy', { codeId, print }));
    expect(app.desktop.copied.at(-1)?.equals(shown)).toBe(true);
    succeeded(await app.call('print:drag', { codeId, print }));
    const { file } = app.desktop.dragged.at(-1)!;
    expect((await readFile(file)).equals(shown)).toBe(true);
    expect(file.endsWith('pages_store_index_id=12.png')).toBe(true);
  });

  it('saves a PDF traced from the code when the user picks .pdf', async () => {
    app.desktop.saveAs = join(app.dataDir, 'printed.pdf');
    succeeded(await app.call('print:save', { codeId, print: { ...PLAIN, printSize: '4cm' } }));
    const pdf = await readFile(app.desktop.saveAs);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const page = (await PDFDocument.load(pdf)).getPage(0);
    // 4 cm = 113.4 pt wide.
    expect(page.getWidth()).toBeCloseTo((40 / 25.4) * 72, 1);
  });
});

describe('print:chooseLogo and the centre logo', () => {
  it('reads the chosen file, paints it over the avatar, and refuses a size that would cover data', async () => {
    const file = join(app.dataDir, 'logo.png');
    await writeFile(
      file,
      await sharp({ create: { width: 200, height: 200, channels: 3, background: '#e0301e' } })
        .png()
        .toBuffer(),
    );
    app.desktop.image = file;
    const logo = succeeded(await app.call('print:chooseLogo'));
    expect(logo).toMatchObject({ name: 'logo.png', width: 200, height: 200 });

    const printed = await composed({ ...PLAIN, logo: { logoId: logo!.logoId, ring: true, fraction: 0.45 } });
    const [r, g, b] = (await pixels(Buffer.from(printed.png))).at(236, 236);
    expect([r, g, b]).toEqual([0xe0, 0x30, 0x1e]);

    const tooBig = await app.call('print:compose', {
      codeId,
      print: { ...PLAIN, logo: { logoId: logo!.logoId, ring: true, fraction: 0.6 } },
    });
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) {
      expect(tooBig.error).toMatchObject({ code: 'field', field: 'logo' });
      expect(tooBig.error.message.zh).toContain('遮住');
    }
  });

  it('refuses a file that is not an image, in both languages, and keeps nothing', async () => {
    const file = join(app.dataDir, 'notes.png');
    await writeFile(file, 'not a picture');
    app.desktop.image = file;
    const refused = await app.call('print:chooseLogo');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.field).toBe('logo');
      expect(refused.error.message.en).toContain('notes.png');
      expect(refused.error.message.zh).toContain('notes.png');
    }
  });

  it('returns null when the user cancels the dialog', async () => {
    app.desktop.image = undefined;
    expect(succeeded(await app.call('print:chooseLogo'))).toBeNull();
  });
});
