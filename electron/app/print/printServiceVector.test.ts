import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrintOptions } from '../../../shared/ipc/channels';
import { pixels } from '../../testing/printImages';
import { agreement, colourAt } from '../../testing/rasterAgreement';
import { openTestApp, succeeded, type TestApp } from '../../testing/testApp';
import { rasterOf, renderPdf, renderSvg } from '../../testing/vectorCheck';
import { SANDBOX_ACCOUNT } from '../services';

// Traces a code and rasterises SVG and PDF: tens of seconds on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

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

describe('print:save as SVG or PDF', () => {
  it('draws the previewed label and SVG logo as the preview shows them', async () => {
    const file = join(app.dataDir, 'brand.svg');
    await writeFile(
      file,
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#e0301e"/></svg>',
    );
    app.desktop.image = file;
    const logo = succeeded(await app.call('print:chooseLogo'));
    expect(logo).toMatchObject({ name: 'brand.svg' });
    const print: PrintOptions = {
      dpi: 300,
      printSize: '4cm',
      margin: 24,
      background: '#ffffff',
      labels: [
        {
          text: '南京西路店',
          position: 'below',
          size: 40,
          weight: 'bold',
          colour: '#000000',
          align: 'centre',
        },
      ],
      logo: { logoId: logo!.logoId, ring: true, fraction: 0.45 },
    };
    const preview = succeeded(await app.call('print:compose', { codeId, print }));
    const expected = await rasterOf(Buffer.from(preview.png));
    for (const format of ['svg', 'pdf'] as const) {
      app.desktop.saveAs = join(app.dataDir, `printed.${format}`);
      succeeded(await app.call('print:save', { codeId, print }));
      const bytes = await readFile(app.desktop.saveAs);
      const picture =
        format === 'svg'
          ? renderSvg(bytes.toString('utf8'), preview.width, preview.height)
          : renderPdf(bytes, preview.width, preview.height);
      const raster = await rasterOf(picture);
      expect(agreement(expected, raster).share, format).toBeGreaterThanOrEqual(0.98);
      // The logo's colour at the code's centre, and the label's ink in its band below the code.
      const centre = 24 + Math.floor(473 / 2);
      expect(colourAt(raster, centre, centre), format).toEqual([0xe0, 0x30, 0x1e]);
      const bandTop = 24 + 473 + 12;
      expect((await pixels(picture)).darkIn(24, bandTop, 473, 60), format).toBeGreaterThan(200);
    }
  });
});
