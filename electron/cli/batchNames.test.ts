import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { decodePicture, readQr } from '../sandbox/testing';
import { cliWorlds, runCli } from '../testing/cli';

// Each test starts the CLI as its own process, one or two: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const SECRET = { WXACODE_APPSECRET: 'sandbox-secret' };
const setup = cliWorlds('wxacode-batch-names-');

const STORES =
  '门店编号,门店名称,城市,场景值\r\nS001,南京西路店,上海,id=1\r\nS002,五道口店,北京,id=2\r\nS003,淮海路店,上海,id=3\r\n';

const qrOf = async (file: string) => readQr(decodePicture(await readFile(file)))?.data;

describe('wxacode batch --name with the sheet’s headers', () => {
  it('puts each store’s code in its city’s folder, named after the store, and zips them so', async () => {
    const { sandbox, home, creds } = await setup();
    const csv = join(home, '门店.csv');
    await writeFile(csv, iconv.encode(STORES, 'gbk'));
    const out = join(home, 'out');
    const zip = join(home, 'codes.zip');
    const run = await runCli(
      ['batch', csv, '--out', out, '--zip', zip, '--name', '{城市}/{门店名称}.png', ...creds],
      home,
      SECRET,
    );
    expect(run.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['results.csv', '上海', '北京']);
    expect((await readdir(join(out, '上海'))).sort()).toEqual(['南京西路店.png', '淮海路店.png']);
    expect(await readdir(join(out, '北京'))).toEqual(['五道口店.png']);
    expect(await qrOf(join(out, '北京', '五道口店.png'))).toBe('pages/index/index?scene=id=2');
    expect(Object.keys(unzipSync(await readFile(zip))).sort()).toEqual([
      'results.csv',
      '上海/南京西路店.png',
      '上海/淮海路店.png',
      '北京/五道口店.png',
    ]);
    expect(await readFile(join(out, 'results.csv'), 'utf8')).toContain('上海/南京西路店.png');
    expect(sandbox.stats().getwxacodeunlimit).toBe(3);
  });

  it('never writes over a file of the user’s in a subfolder: that row fails and says so', async () => {
    const { home, creds } = await setup();
    const csv = join(home, 'stores.csv');
    await writeFile(csv, STORES);
    const out = join(home, 'out');
    await mkdir(join(out, '北京'), { recursive: true });
    await writeFile(join(out, '北京', '五道口店.png'), 'the user’s own picture');
    const run = await runCli(
      ['batch', csv, '--out', out, '--name', '{城市}/{门店名称}.png', ...creds],
      home,
      SECRET,
    );
    expect(run.code).not.toBe(0);
    expect(await readFile(join(out, '北京', '五道口店.png'), 'utf8')).toBe('the user’s own picture');
    expect((await readdir(join(out, '上海'))).sort()).toEqual(['南京西路店.png', '淮海路店.png']);
    expect(await readFile(join(out, 'results.csv'), 'utf8')).toMatch(/北京\/五道口店\.png/);
  });

  it('refuses a placeholder no column has, listing the columns, before any call; exit 2', async () => {
    const { sandbox, home, creds } = await setup();
    const csv = join(home, 'stores.csv');
    await writeFile(csv, STORES);
    const run = await runCli(
      ['batch', csv, '--out', join(home, 'out'), '--name', '{城市}/{店名}.png', ...creds],
      home,
      SECRET,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown placeholder {店名}');
    expect(run.stderr).toContain("the sheet's columns {门店编号} {门店名称} {城市} {场景值}");
    expect(sandbox.stats()).toMatchObject({ getwxacodeunlimit: 0, stable_token: 0 });
  });

  it('refuses a template that would leave the output folder, in Chinese too; exit 2', async () => {
    const { sandbox, home, creds } = await setup();
    const csv = join(home, 'stores.csv');
    await writeFile(csv, STORES);
    const run = await runCli(
      ['batch', csv, '--out', join(home, 'out'), '--name', '../{门店名称}.png', ...creds],
      home,
      { ...SECRET, LANG: 'zh_CN.UTF-8' },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('文件名模板中有文件夹“..”');
    expect(await readdir(home)).not.toContain('南京西路店.png');
    expect(sandbox.stats().getwxacodeunlimit).toBe(0);
  });
});
