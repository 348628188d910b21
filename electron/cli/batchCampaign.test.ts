import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { Library } from '../core/storage/library';
import { cliWorlds, runCli } from '../testing/cli';

// `wxacode batch --campaign NAME`: the CLI's batches are History's campaigns too (issue 8).
vi.setConfig({ testTimeout: 90_000 });

const SECRET = { WXACODE_APPSECRET: 'sandbox-secret' };
const setup = cliWorlds('batch-campaign');

it('files a batch’s codes under --campaign, with their rows; an overlong name is refused naming the flag', async () => {
  const { home, creds } = await setup();
  const csv = join(home, '门店.csv');
  await writeFile(csv, '场景值,门店\nid=1,南京西路店\nid=2,静安寺店\n');
  const args = ['batch', csv, '--out', join(home, 'out'), ...creds];
  const refused = await runCli([...args, '--campaign', '春'.repeat(101)], home, SECRET);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('--campaign: Campaign is 101 characters long; at most 100 fit.');

  const run = await runCli([...args, '--campaign', '春节海报'], home, SECRET);
  expect(run.code).toBe(0);
  const library = await Library.open(join(home, 'library'));
  try {
    expect(library.campaigns().map((c) => [c.name, c.codes, c.batches[0]?.sourceFile])).toEqual([
      ['春节海报', 2, '门店.csv'],
    ]);
    const [found] = library.list({ query: '南京西路' }, { limit: 5 }).entries;
    expect(found?.origin).toMatchObject({ campaign: '春节海报', row: 2, rowName: '南京西路店' });
  } finally {
    library.close();
  }
});
