import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchUpdate } from '../../shared/batch';
import { SANDBOX_ACCOUNT } from '../app/services';
import { type TempFolder, tempFolder } from '../testing/tempFolder';
import { chooseFolder, openTestApp, succeeded, type TestApp } from '../testing/testApp';

// Issue 8 through the channels the page calls: a batch started with a campaign, then History's
// search, campaign filter, and Save to folder / ZIP under the batch's names, never over a file.

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const NAMES = ['2-南京西路店.png', '3-静安寺店.png', '4-春熙路店.png'];

let app: TestApp;
let folder: TempFolder;
let batchId: string;
beforeAll(async () => {
  app = await openTestApp();
  folder = await tempFolder('campaigns-app');
  const sheet = join(folder.path, '门店.csv');
  await writeFile(sheet, '场景值,门店,城市\nid=1,南京西路店,上海\nid=2,静安寺店,上海\nid=3,春熙路店,成都\n');
  app.desktop.spreadsheet = sheet;
  const opened = succeeded(await app.call('batch:open'));
  if (!opened) throw new Error('the dialog was cancelled');
  const plan = succeeded(
    await app.call('batch:plan', {
      sheetId: opened.sheetId,
      accountId: SANDBOX_ACCOUNT.id,
      kind: 'unlimited',
      mapping: opened.mapping,
      style: { width: 280 },
    }),
  );
  const start = {
    planId: plan.planId,
    folderGrant: await chooseFolder(app, join(folder.path, 'out')),
    nameTemplate: plan.nameTemplate,
    zip: false,
    concurrency: 2,
    ratePerMinute: 0,
  };
  const refused = await app.call('batch:start', { ...start, campaign: '春'.repeat(101) });
  expect(refused.ok ? undefined : refused.error).toMatchObject({
    field: 'campaign',
    message: { en: 'Campaign is 101 characters long; at most 100 fit.' },
  });
  const started = succeeded(await app.call('batch:start', { ...start, campaign: '春节海报' }));
  await finished(started.jobId);
  batchId = succeeded(await app.call('library:campaigns'))[0]!.batches[0]!.batchId;
});
afterAll(async () => {
  await app.close();
  await folder.remove();
});

async function finished(jobId: string): Promise<void> {
  const done = (e: (typeof app.events)[number]) =>
    e.event === 'batch:progress' &&
    (e.payload as BatchUpdate).jobId === jobId &&
    (e.payload as BatchUpdate).progress.state === 'finished';
  while (!app.events.some(done)) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function pngsIn(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).sort();
  for (const file of files) expect((await readFile(join(dir, file))).subarray(0, 8)).toEqual(PNG);
  return files;
}

describe('History after a batch with a campaign', () => {
  it('lists the campaign with its batch and counts, and filters by it', async () => {
    expect(succeeded(await app.call('library:campaigns'))).toEqual([
      {
        name: '春节海报',
        codes: 3,
        batches: [{ batchId, sourceFile: '门店.csv', startedAt: expect.any(String), codes: 3 }],
      },
    ]);
    expect(succeeded(await app.call('library:list', { campaign: '春节海报' })).total).toBe(3);
    expect(succeeded(await app.call('library:list', { batch: batchId, query: '上海' })).total).toBe(2);
    expect(succeeded(await app.call('library:list', { campaign: '别的' })).total).toBe(0);
  });

  it('finds a code by a cell of its row, with the row it came from', async () => {
    const { entries } = succeeded(await app.call('library:list', { query: '南京西路' }));
    expect(entries.map((e) => e.origin)).toEqual([
      {
        sourceFile: '门店.csv',
        campaign: '春节海报',
        row: 2,
        rowName: '南京西路店',
        cells: { 场景值: 'id=1', 门店: '南京西路店', 城市: '上海' },
        batch: batchId,
      },
    ]);
  });

  it('saves picked codes under the batch’s names, numbering rather than replacing a file already there', async () => {
    const into = join(folder.path, 'saved');
    await mkdir(into);
    await writeFile(join(into, '2-南京西路店.png'), 'the user’s own file');
    const { entries } = succeeded(await app.call('library:list', { campaign: '春节海报' }));
    app.desktop.folder = into;
    const saved = succeeded(
      await app.call('library:export', { codeIds: entries.map((e) => e.codeId), zip: false }),
    );
    expect(saved).toEqual({ count: 3, folder: into });
    expect(await readFile(join(into, '2-南京西路店.png'), 'utf8')).toBe('the user’s own file');
    expect((await readdir(into)).sort()).toEqual([...NAMES, '2-南京西路店 (2).png'].sort());
    expect((await readFile(join(into, '2-南京西路店 (2).png'))).subarray(0, 8)).toEqual(PNG);
  });

  it('saves a whole batch again as a ZIP named after its campaign, or nothing when the dialog is cancelled', async () => {
    const into = join(folder.path, 'zip');
    await mkdir(into);
    app.desktop.folder = undefined;
    expect(succeeded(await app.call('library:export', { batch: batchId, zip: true }))).toBeNull();
    expect(await readdir(into)).toEqual([]);
    app.desktop.folder = into;
    const zipped = succeeded(await app.call('library:export', { batch: batchId, zip: true }));
    expect(zipped).toEqual({ count: 3, folder: into, file: join(into, '春节海报.zip') });
    const entries = unzipSync(await readFile(zipped!.file!));
    expect(Object.keys(entries).sort()).toEqual(NAMES);
    const again = join(folder.path, 'again');
    await mkdir(again);
    app.desktop.folder = again;
    succeeded(await app.call('library:export', { batch: batchId, zip: false }));
    expect(await pngsIn(again)).toEqual(NAMES);
  });

  it('deletes several codes at once, and they leave the campaign', async () => {
    const { entries } = succeeded(await app.call('library:list', { campaign: '春节海报', query: '上海' }));
    expect(
      succeeded(await app.call('library:deleteMany', { codeIds: entries.map((e) => e.codeId) })),
    ).toEqual({
      deleted: 2,
    });
    expect(succeeded(await app.call('library:list', { campaign: '春节海报' })).total).toBe(1);
    expect(succeeded(await app.call('library:campaigns'))[0]?.codes).toBe(1);
  });
});
