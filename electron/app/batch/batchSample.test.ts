import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchUpdate, PlanView, SheetView } from '../../../shared/batch';
import type { CodeKind } from '../../../shared/codeRequest';
import { type TempFolder, tempFolder } from '../../testing/tempFolder';
import { chooseFolder, openTestApp, succeeded, type TestApp } from '../../testing/testApp';
import { SANDBOX_ACCOUNT } from '../services';

// The first-row check before Start (batch:sample): one code through the form's path into the
// library, so the batch then copies it rather than paying twice.

const HOME = 'pages/index/index';
const BLACK = {
  width: '430',
  lineColor: '#000000',
  autoColor: false,
  transparent: false,
  envVersion: 'release',
};

let app: TestApp;
let folder: TempFolder;
beforeAll(async () => {
  app = await openTestApp();
  folder = await tempFolder('batch-sample');
});
afterAll(async () => {
  await app.close();
  await folder.remove();
});

async function open(name: string, lines: string[][]): Promise<SheetView> {
  const file = join(folder.path, name);
  await writeFile(file, lines.map((cells) => cells.join(',')).join('\r\n'));
  app.desktop.spreadsheet = file;
  return succeeded(await app.call('batch:open'))!;
}

const plan = async (sheet: SheetView, kind: CodeKind, style: object = BLACK): Promise<PlanView> =>
  succeeded(
    await app.call('batch:plan', {
      sheetId: sheet.sheetId,
      accountId: SANDBOX_ACCOUNT.id,
      kind,
      mapping: sheet.mapping,
      style,
    }),
  );

const calls = () => app.sandbox.stats().getwxacode;

describe('batch:sample', () => {
  it('makes the first valid row once, names its file, and the batch then takes it from the library', async () => {
    const sheet = await open('shops.csv', [
      ['path', 'name'],
      ['', 'blank'],
      [`${HOME}?shop=1`, '一号店'],
      [`${HOME}?shop=2`, '二号店'],
      [`${HOME}?shop=3`, '三号店'],
    ]);
    const before = await plan(sheet, 'limited');
    expect(before).toMatchObject({ valid: 3, inLibrary: 0, quota: { newCodes: 3 } });
    const callsBefore = calls();

    const made = succeeded(
      await app.call('batch:sample', { planId: before.planId, nameTemplate: '{name}.png' }),
    );
    expect(made).toMatchObject({
      row: 3,
      name: '一号店',
      request: { kind: 'limited', path: `${HOME}?shop=1`, width: 430 },
      fileName: '一号店.png',
      others: 2,
      code: { fromLibrary: false, width: 430 },
    });
    expect(calls()).toBe(callsBefore + 1);
    expect(PNG.sync.read(Buffer.from(made.code.png)).width).toBe(430);

    // Asked again (the user clicks twice, or checks again after a look elsewhere): no second call.
    const again = succeeded(
      await app.call('batch:sample', { planId: before.planId, nameTemplate: '{name}.png' }),
    );
    expect(again.code).toMatchObject({ fromLibrary: true, codeId: made.code.codeId });
    expect(calls()).toBe(callsBefore + 1);

    // The plan counts it as in the library: Start spends only the other two.
    const after = await plan(sheet, 'limited');
    expect(after).toMatchObject({ valid: 3, inLibrary: 1, quota: { newCodes: 2 } });
    const outDir = join(folder.path, 'out');
    const started = succeeded(
      await app.call('batch:start', {
        planId: after.planId,
        folderGrant: await chooseFolder(app, outDir),
        nameTemplate: '{name}.png',
        zip: false,
        concurrency: 2,
        ratePerMinute: 0,
      }),
    );
    await finished(started.jobId);
    expect(calls()).toBe(callsBefore + 3);
    expect((await readdir(outDir)).sort()).toEqual(['results.csv', '一号店.png', '三号店.png', '二号店.png']);
    expect((await readFile(join(outDir, '一号店.png'))).equals(Buffer.from(made.code.png))).toBe(true);
  });

  it('takes the code from the library when the identical code was made before, by the form or a batch', async () => {
    const sheet = await open('made.csv', [
      ['path', 'name'],
      [`${HOME}?shop=form`, 'form'],
    ]);
    const viaForm = succeeded(
      await app.call('code:generate', {
        accountId: SANDBOX_ACCOUNT.id,
        request: { kind: 'limited', path: `${HOME}?shop=form`, ...BLACK },
      }),
    );
    const callsBefore = calls();
    const view = await plan(sheet, 'limited');
    const sample = succeeded(
      await app.call('batch:sample', { planId: view.planId, nameTemplate: view.nameTemplate }),
    );
    expect(sample).toMatchObject({
      fileName: '2-form.png',
      others: 0,
      code: { fromLibrary: true, codeId: viaForm.codeId },
    });
    expect(calls()).toBe(callsBefore);
  });

  it('makes the code with the batch settings, a row’s own cells overriding them', async () => {
    const sheet = await open('styled.csv', [
      ['path', 'name', 'width', 'color'],
      [`${HOME}?shop=styled`, 'styled', '300', '#00aa00'],
    ]);
    const view = await plan(sheet, 'limited', {
      ...BLACK,
      width: '600',
      transparent: true,
      envVersion: 'trial',
    });
    const sample = succeeded(
      await app.call('batch:sample', { planId: view.planId, nameTemplate: '{row}.png' }),
    );
    expect(sample.request).toMatchObject({
      width: 300,
      lineColor: { r: 0, g: 0xaa, b: 0 },
      transparent: true,
      envVersion: 'trial',
    });
    expect(sample.fileName).toBe('2.png');
  });

  it('refuses a bad template or a plan with no valid row before any call, naming the field', async () => {
    const callsBefore = calls();
    const good = await plan(await open('one.csv', [['path'], [`${HOME}?shop=t`]]), 'limited');
    const badTemplate = await app.call('batch:sample', { planId: good.planId, nameTemplate: '{shop}.png' });
    expect(badTemplate.ok || badTemplate.error).toMatchObject({ code: 'field', field: 'nameTemplate' });
    const none = await plan(await open('none.csv', [['path'], ['bad path']]), 'limited');
    const empty = await app.call('batch:sample', { planId: none.planId, nameTemplate: '{row}.png' });
    expect(empty.ok || empty.error).toMatchObject({ code: 'field', field: 'planId' });
    expect(calls()).toBe(callsBefore);
  });
});

describe('batch:plan with the batch settings', () => {
  it('refuses invalid settings with the field and the fix, before any row is checked', async () => {
    const sheet = await open('settings.csv', [['path'], [`${HOME}?shop=s`]]);
    for (const [style, field] of [
      [{ ...BLACK, width: '12' }, 'width'],
      [{ ...BLACK, lineColor: 'green' }, 'lineColor'],
    ] as const) {
      const refused = await app.call('batch:plan', {
        sheetId: sheet.sheetId,
        accountId: SANDBOX_ACCOUNT.id,
        kind: 'limited',
        mapping: sheet.mapping,
        style,
      });
      expect(refused.ok || refused.error).toMatchObject({ code: 'field', field });
      expect(refused.ok || refused.error.message.en).toBeTruthy();
    }
  });
});

function finished(jobId: string): Promise<BatchUpdate> {
  return new Promise((resolve) => {
    const done = (payload: BatchUpdate) => payload.jobId === jobId && payload.summary !== undefined;
    const sent = app.events.find((e) => e.event === 'batch:progress' && done(e.payload));
    if (sent) return resolve(sent.payload as BatchUpdate);
    const stop = app.onEvent(({ event, payload }) => {
      if (event === 'batch:progress' && done(payload)) {
        stop();
        resolve(payload);
      }
    });
  });
}
