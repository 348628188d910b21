import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../sandbox';
import { sandboxClient } from '../../testing/sandboxClient';
import { tempFolderFor } from '../../testing/tempFolder';
import type { CodeAccount } from '../codes/codeMaker';
import { Library } from '../storage/library';
import { BatchJob, type BatchJobOptions } from './batchJob';
import { unfinishedBatches } from './journal';
import { guessMapping } from './mapping';
import { type BatchPlan, planBatch } from './plan';
import { cellsByHeader } from './rowOrigin';

// Issue 8: every code a batch makes keeps what it was made for (file, campaign, row, name, cells),
// and History finds it by any of them, lists it under its campaign and batch, and names it as the batch did.

const OWNER = 'wx0123456789abcdef';
const HEADERS = ['场景值', '门店', '城市'];
const ROWS = [
  ['id=1', '南京西路店', '上海'],
  ['id=2', '静安寺店', '上海'],
  ['id=3', '春熙路店', '成都'],
];

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function setup() {
  sandbox = await startSandbox();
  const dir = await tempFolderFor({ onTestFinished }, 'campaign');
  const library = await Library.open(join(dir, 'library'));
  const client = sandboxClient(sandbox, OWNER, { retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 } });
  const account: CodeAccount = { accountId: 'shop', appId: OWNER, client };
  const plan = (rows: string[][], file = '春节门店.csv'): BatchPlan =>
    planBatch({
      sheet: {
        file: join(dir, file),
        format: 'csv',
        headers: HEADERS,
        rows: rows.map((cells, i) => ({ number: i + 2, cells })),
        contentHash: JSON.stringify(rows),
      },
      mapping: guessMapping(HEADERS),
      kind: 'unlimited',
      style: { width: '280' },
      owner: OWNER,
      library,
    });
  const job = (p: BatchPlan, out: string, extra: Partial<BatchJobOptions> = {}) =>
    new BatchJob({
      plan: p,
      account,
      library,
      dataDir: dir,
      output: { dir: join(dir, out) },
      ratePerMinute: 0,
      ...extra,
    });
  return { dir, library, plan, job };
}

describe('a batch keeps what each code was made for', () => {
  it('fills the origin of every row it makes, found by a cell and by its campaign', async () => {
    const s = await setup();
    const job = s.job(s.plan(ROWS), 'out', { campaign: '春节海报' });
    await job.run();

    const found = s.library.list({ query: '南京西路' }, { limit: 10 }).entries;
    expect(found).toHaveLength(1);
    expect(found[0]!.request).toMatchObject({ scene: 'id=1' });
    expect(found[0]!.origin).toEqual({
      sourceFile: '春节门店.csv',
      campaign: '春节海报',
      row: 2,
      rowName: '南京西路店',
      cells: { 场景值: 'id=1', 门店: '南京西路店', 城市: '上海' },
      batch: job.id,
    });
    // A city is a cell too; two characters are fewer than a trigram and found all the same.
    expect(s.library.count({ query: '成都' })).toBe(1);
    expect(s.library.count({ query: '上海' })).toBe(2);
    expect(s.library.count({ campaign: '春节海报' })).toBe(3);
    expect(s.library.count({ campaign: '春节海报', query: '静安' })).toBe(1);
    expect(s.library.count({ campaign: '别的活动' })).toBe(0);
    expect(s.library.campaigns()).toEqual([
      {
        name: '春节海报',
        codes: 3,
        batches: [expect.objectContaining({ batch: job.id, sourceFile: '春节门店.csv', codes: 3 })],
      },
    ]);
    expect(s.library.batchRows(job.id).map((r) => [r.row, r.file])).toEqual([
      [2, '2-南京西路店.png'],
      [3, '3-静安寺店.png'],
      [4, '4-春熙路店.png'],
    ]);
  });

  it('lists a code the library already held under the later campaign too, with that batch’s name', async () => {
    const s = await setup();
    await s.job(s.plan(ROWS), 'first', { campaign: '春节' }).run();
    // The same codes again, in another order, for another campaign: no API call, but its codes.
    const again = s.job(s.plan([ROWS[2]!, ROWS[0]!], '国庆.csv'), 'second', { campaign: '国庆' });
    await again.run();
    const listed = s.library.list({ campaign: '国庆' }, { limit: 10 }).entries;
    expect(listed.map((e) => e.origin?.rowName).sort()).toEqual(['南京西路店', '春熙路店'].sort());
    expect(s.library.count({ batch: again.id })).toBe(2);
    const ids = listed.map((e) => e.codeId);
    const names = s.library.batchFileNames(ids, again.id);
    expect([...names.values()].sort()).toEqual(['2-春熙路店.png', '3-南京西路店.png']);
    expect(s.library.campaigns().map((c) => [c.name, c.codes])).toEqual([
      ['国庆', 2],
      ['春节', 3],
    ]);
  });

  it('gives a code made by hand before (a first-row check) the row a batch then uses it for', async () => {
    const s = await setup();
    const plan = s.plan(ROWS);
    const first = plan.rows.at(0)!;
    const image = await s.library.add({
      accountId: 'shop',
      appId: OWNER,
      request: first.request,
      png: Buffer.from('png'),
      width: 280,
      height: 280,
    });
    expect(s.library.count({ query: '南京西路' })).toBe(0);
    const job = s.job(plan, 'out', { campaign: '春节海报' });
    await job.run();
    expect(s.library.list({ query: '南京西路' }, { limit: 10 }).entries.map((e) => e.codeId)).toEqual([
      image.codeId,
    ]);
    expect(s.library.get(image.codeId)?.origin).toMatchObject({
      campaign: '春节海报',
      row: 2,
      batch: job.id,
    });
  });

  it('names the campaign after the sheet when none is given, and keeps the given one for a resume', async () => {
    const s = await setup();
    const plain = s.job(s.plan(ROWS), 'out');
    expect(plain.campaign).toBe('春节门店');
    const named = s.job(s.plan(ROWS), 'out2', { campaign: '门店开业' });
    // Another campaign is another batch: its journal is its own.
    expect(named.id).not.toBe(plain.id);
    named.cancel();
    await named.run();
    const [unfinished] = await unfinishedBatches(s.dir);
    expect(unfinished?.manifest.settings).toMatchObject({ campaign: '门店开业' });
    const resumed = s.job(s.plan(ROWS), 'out2', { campaign: '门店开业', resume: true });
    expect(resumed.id).toBe(named.id);
    await resumed.run();
    expect(s.library.count({ campaign: '门店开业' })).toBe(3);
  });

  it('keys cells by header, a blank header by its column and a repeated one numbered', () => {
    expect(cellsByHeader(['门店', '', '门店'], ['a', 'b', 'c'])).toEqual({
      门店: 'a',
      '#2': 'b',
      '门店 (2)': 'c',
    });
  });
});
