import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchUpdate, PlanView } from '../../shared/batch';
import type { PosterDraft } from '../../shared/poster';
import { SANDBOX_ACCOUNT } from '../app/services';
import { pixels } from '../testing/printImages';
import { type TempFolder, tempFolder } from '../testing/tempFolder';
import { chooseFolder, openTestApp, succeeded, type TestApp } from '../testing/testApp';

// A batch with a poster template saved in the app: the placeholders checked against the sheet's
// columns before any call, the first row shown as its poster, and one poster per row written.

const STYLE = {
  width: 280,
  lineColor: '#000000',
  autoColor: false,
  transparent: false,
  envVersion: 'release',
};
const SLOT = { x: 100, y: 80, size: 280 };

let app: TestApp;
let folder: TempFolder;
beforeAll(async () => {
  app = await openTestApp();
  folder = await tempFolder('batch-poster-app');
});
afterAll(async () => {
  await app.close();
  await folder.remove();
});

async function savedPoster(text: string, output: 'png' | 'pdf'): Promise<string> {
  const file = join(folder.path, 'bg.png');
  await sharp({ create: { width: 480, height: 640, channels: 3, background: '#f4d35e' } })
    .png()
    .toFile(file);
  app.desktop.image = file;
  const { backgroundId } = succeeded(await app.call('posters:chooseBackground'))!;
  const draft: PosterDraft = {
    name: `Poster ${output}`,
    backgroundId,
    dpi: 150,
    code: SLOT,
    texts: [{ text, x: 240, y: 420, size: 40, colour: '#222222', weight: 'bold', align: 'centre' }],
    output,
  };
  return succeeded(await app.call('posters:save', { draft })).posterId;
}

async function planned(name: string): Promise<PlanView> {
  const csv = join(folder.path, name);
  await writeFile(csv, '场景值,门店名称\r\nid=1,上海店\r\nid=2,北京店\r\nid=3,广州店\r\n');
  app.desktop.spreadsheet = csv;
  const sheet = succeeded(await app.call('batch:open'))!;
  return succeeded(
    await app.call('batch:plan', {
      sheetId: sheet.sheetId,
      accountId: SANDBOX_ACCOUNT.id,
      kind: 'unlimited',
      mapping: sheet.mapping,
      style: STYLE,
    }),
  );
}

function finished(jobId: string): Promise<BatchUpdate> {
  return new Promise((resolve) => {
    const stop = app.onEvent(({ event, payload }) => {
      if (event === 'batch:progress' && payload.jobId === jobId && payload.summary) {
        stop();
        resolve(payload);
      }
    });
  });
}

describe('a batch with a poster template', () => {
  it('refuses a placeholder no column has before any call, naming it and the columns', async () => {
    const posterId = await savedPoster('{城市}', 'png');
    const view = await planned('bad.csv');
    const before = app.sandbox.stats().getwxacodeunlimit;
    const refused = await app.call('batch:sample', {
      planId: view.planId,
      nameTemplate: view.nameTemplate,
      print: { posterId },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message.en).toContain('城市');
      expect(refused.error.hint.zh).toContain('门店名称');
    }
    expect(app.sandbox.stats().getwxacodeunlimit).toBe(before);
  });

  it('shows the first row as its poster, then writes one poster per row of the background’s size', async () => {
    const posterId = await savedPoster('{门店名称}', 'png');
    const view = await planned('posters.csv');
    const sample = succeeded(
      await app.call('batch:sample', {
        planId: view.planId,
        nameTemplate: view.nameTemplate,
        print: { posterId },
      }),
    );
    expect(sample.printed).toMatchObject({ kind: 'poster', width: 480, height: 640 });
    const shown = await pixels(Buffer.from(sample.printed!.png));
    expect(shown.darkIn(SLOT.x, SLOT.y, SLOT.size, SLOT.size)).toBeGreaterThan(SLOT.size * SLOT.size * 0.2);
    expect(shown.darkIn(0, 0, 480, SLOT.y)).toBe(0);
    // The code was asked at the slot's width, so Start copies the first row from the library.
    expect(sample.code.width).toBe(SLOT.size);

    const out = join(folder.path, 'out');
    const started = succeeded(
      await app.call('batch:start', {
        planId: view.planId,
        folderGrant: await chooseFolder(app, out),
        nameTemplate: view.nameTemplate,
        zip: false,
        concurrency: 2,
        ratePerMinute: 0,
        print: { posterId },
      }),
    );
    const done = await finished(started.jobId);
    expect(done.progress.done).toBe(3);
    // The first row came from the library: it was paid for once, by the check.
    expect(done.progress.fromLibrary).toBe(1);
    const posters = (await readdir(out)).filter((f) => f.endsWith('-poster.png')).sort();
    expect(posters).toHaveLength(3);
    for (const name of posters) {
      const image = await pixels(await readFile(join(out, name)));
      expect([image.width, image.height]).toEqual([480, 640]);
      expect(image.darkIn(SLOT.x, SLOT.y, SLOT.size, SLOT.size)).toBeGreaterThan(SLOT.size * SLOT.size * 0.2);
      expect(image.darkIn(60, 420, 360, 60)).toBeGreaterThan(100);
    }
    const csv = await readFile(join(out, 'results.csv'), 'utf8');
    expect(csv).toContain('poster_file');
    expect(csv).toContain(posters[0]);
  });

  it('writes PDF posters of the page’s physical size when the template says PDF', async () => {
    const posterId = await savedPoster('{门店名称}', 'pdf');
    const view = await planned('pdf.csv');
    const out = join(folder.path, 'out-pdf');
    const started = succeeded(
      await app.call('batch:start', {
        planId: view.planId,
        folderGrant: await chooseFolder(app, out),
        nameTemplate: view.nameTemplate,
        zip: false,
        concurrency: 2,
        ratePerMinute: 0,
        print: { posterId },
      }),
    );
    await finished(started.jobId);
    const pdfs = (await readdir(out)).filter((f) => f.endsWith('-poster.pdf'));
    expect(pdfs).toHaveLength(3);
    const page = (await PDFDocument.load(await readFile(join(out, pdfs[0]!)))).getPage(0);
    // 480 px at 150 DPI = 3.2 in = 230.4 pt.
    expect(page.getWidth()).toBeCloseTo(230.4, 1);
    expect(page.getHeight()).toBeCloseTo(307.2, 1);
  });
});
