import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchUpdate, PlanView } from '../../shared/batch';
import { SANDBOX_ACCOUNT } from '../app/services';
import { readDpi } from '../core/print/pngDpi';
import { type TempFolder, tempFolder } from '../testing/tempFolder';
import { chooseFolder, openTestApp, succeeded, type TestApp } from '../testing/testApp';

const STYLE = {
  width: 280,
  lineColor: '#000000',
  autoColor: false,
  transparent: false,
  envVersion: 'release',
};

let app: TestApp;
let folder: TempFolder;
beforeAll(async () => {
  app = await openTestApp();
  folder = await tempFolder('batch-print-app');
});
afterAll(async () => {
  await app.close();
  await folder.remove();
});

async function planned(name: string): Promise<PlanView> {
  const csv = join(folder.path, name);
  await writeFile(csv, '场景值,门店名称\r\nid=1,上海店\r\nid=2,北京店\r\nid=3,广州店\r\n');
  app.desktop.spreadsheet = csv;
  const sheet = succeeded(await app.call('batch:open'));
  if (!sheet) throw new Error('the dialog was cancelled');
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

const startWith = async (view: PlanView, out: string, print: object) =>
  app.call('batch:start', {
    planId: view.planId,
    folderGrant: await chooseFolder(app, out),
    nameTemplate: view.nameTemplate,
    zip: false,
    concurrency: 2,
    ratePerMinute: 0,
    print,
  });

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

describe('batch:start with the Print part', () => {
  it('refuses a label naming no column, listing the columns, and a logo not chosen in the dialog: nothing sent', async () => {
    const view = await planned('refused.csv');
    const before = app.sandbox.stats().getwxacodeunlimit;
    const nope = await startWith(view, join(folder.path, 'nope'), { labels: ['{nope}'] });
    expect(nope.ok).toBe(false);
    if (!nope.ok) {
      expect(nope.error.hint.en).toContain('门店名称');
      expect(nope.error.hint.zh).toContain('门店名称');
    }
    const logo = await startWith(view, join(folder.path, 'nope'), { logoGrant: 'made-up' });
    expect(logo.ok).toBe(false);
    if (!logo.ok) expect(logo.error.message.en).toContain('image dialog');
    expect(app.sandbox.stats().getwxacodeunlimit).toBe(before);
    expect(await readdir(join(folder.path, 'nope')).catch(() => [])).toEqual([]);
  });

  it('makes labelled codes at the printed size with the chosen logo, and a print sheet in the folder', async () => {
    const view = await planned('printed.csv');
    const logoFile = join(folder.path, 'logo.png');
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#d00000' } })
      .png()
      .toFile(logoFile);
    app.desktop.image = logoFile;
    const logo = succeeded(await app.call('batch:chooseLogo'));
    expect(logo?.name).toBe('logo.png');
    const out = join(folder.path, 'printed');
    const started = succeeded(
      await startWith(view, out, {
        labels: ['{门店名称}'],
        logoGrant: logo!.grant,
        printSize: '3cm',
        format: 'pdf',
        sheet: { paper: 'A4' },
      }),
    );
    const end = await finished(started.jobId);
    expect(end.progress.done).toBe(3);
    const files = await readdir(out);
    expect(files).toEqual(
      expect.arrayContaining(['2-上海店.png', '2-上海店-print.png', '2-上海店.pdf', 'sheet.pdf']),
    );
    // 3 cm at 300 DPI: WeChat is asked for 355 px.
    expect((await sharp(await readFile(join(out, '2-上海店.png'))).metadata()).width).toBe(355);
    const printed = await readFile(join(out, '2-上海店-print.png'));
    expect(readDpi(printed)?.dpi).toBeCloseTo(300, -1);
    // The logo's red is in the middle of the code.
    const { data, info } = await sharp(printed).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const centre = (Math.floor(info.width / 2) + (18 + 177) * info.width) * 3;
    expect([data[centre], data[centre + 1], data[centre + 2]]).toEqual([208, 0, 0]);
    const results = await readFile(join(out, 'results.csv'), 'utf8');
    expect(results).toContain('2,done,2-上海店.png,,,2-上海店-print.png,2-上海店.pdf,1');
  });

  it('Continue makes the rows left with the options the batch was started with', async () => {
    const view = await planned('continued.csv');
    const out = join(folder.path, 'continued');
    // One call a second: cancelled after the first row, two are left.
    const started = succeeded(
      await app.call('batch:start', {
        planId: view.planId,
        folderGrant: await chooseFolder(app, out),
        nameTemplate: view.nameTemplate,
        zip: false,
        concurrency: 1,
        ratePerMinute: 60,
        print: { labels: ['{门店名称}'], format: 'svg', sheet: { paper: 'A4' } },
      }),
    );
    const stop = app.onEvent(({ event, payload }) => {
      if (event === 'batch:progress' && payload.jobId === started.jobId && payload.progress.done >= 1) {
        stop();
        void app.call('batch:cancel', { jobId: started.jobId });
      }
    });
    const first = await finished(started.jobId);
    expect(first.progress.done).toBeLessThan(3);
    const unfinished = succeeded(await app.call('batch:unfinished')).find((b) => b.outDir === out);
    const continued = succeeded(await app.call('batch:continue', { batchId: unfinished!.batchId }));
    const end = await finished(continued.jobId);
    expect(end.progress.done).toBe(3);
    const files = await readdir(out);
    for (const stem of ['2-上海店', '3-北京店', '4-广州店']) {
      expect(files).toEqual(expect.arrayContaining([`${stem}.png`, `${stem}-print.png`, `${stem}.svg`]));
    }
    expect(files).toContain('sheet.pdf');
    const results = await readFile(join(out, 'results.csv'), 'utf8');
    expect(results).toContain('4,done,4-广州店.png,,,4-广州店-print.png,4-广州店.svg,1');
  });
});
