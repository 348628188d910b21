import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { decodePicture, pixel, readQr } from '../sandbox/testing';
import { cliWorlds, runCli } from '../testing/cli';
import { giantCell } from '../testing/hostileSheets';

// Every test here starts the CLI as its own process or several: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const APPID = 'wx0123456789abcdef';
const SECRET = { WXACODE_APPSECRET: 'sandbox-secret' };
const setup = cliWorlds('batch-cli');

const qrOf = async (file: string) => readQr(decodePicture(await readFile(file)))?.data;

describe('wxacode batch', () => {
  it('makes a GBK CSV from Excel into styled PNGs, a ZIP and a results CSV; exit 0', async () => {
    const { sandbox, home, creds } = await setup();
    const csv = join(home, '门店.csv');
    const text =
      '页面路径,文件名\r\npages/shop/index?id=1,上海店\r\npages/shop/index?id=2,北京店\r\npages/shop/index?id=3,上海店\r\n';
    await writeFile(csv, iconv.encode(text, 'gbk'));
    const out = join(home, 'out');
    const zip = join(home, 'codes.zip');
    const run = await runCli(
      [
        'batch',
        csv,
        '--out',
        out,
        '--zip',
        zip,
        '--name',
        '{name}.png',
        '--width',
        '300',
        '--line-color',
        '#ff0000',
        '--yes',
        ...creds,
      ],
      home,
      SECRET,
    );
    expect(run.stderr).toContain('3/3 done · 0 failed · 0 left');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '(csv, gb18030): 3 rows, 3 valid, 0 invalid; code type limited; columns path=“页面路径”, name=“文件名”',
    );
    expect(run.stdout).toContain('This spends 3 of the 100,000 lifetime codes');
    expect(run.stdout).toContain('3 rows done (0 from the library), 0 failed, 0 invalid, 0 not run.');
    expect(run.stdout).toContain('Num-Used: 3 of 100000');
    expect((await readdir(out)).sort()).toEqual(['results.csv', '上海店-2.png', '上海店.png', '北京店.png']);
    const picture = decodePicture(await readFile(join(out, '北京店.png')));
    expect([picture.width, picture.height]).toEqual([300, 300]);
    expect(readQr(picture)?.data).toBe('pages/shop/index?id=2');
    // The sandbox sends JPEG, like WeChat: the ink is red within JPEG's error.
    let red = 0;
    for (let x = 0; x < 300; x++) {
      const [r, g, b] = pixel(picture, x, 150);
      if (r > 200 && g < 60 && b < 60) red++;
    }
    expect(red).toBeGreaterThan(30);
    expect(await qrOf(join(out, '上海店-2.png'))).toBe('pages/shop/index?id=3');
    expect(Object.keys(unzipSync(await readFile(zip))).sort()).toEqual([
      'results.csv',
      '上海店-2.png',
      '上海店.png',
      '北京店.png',
    ]);
    expect(sandbox.stats().getwxacode).toBe(3);
  });

  it('runs the valid rows of an xlsx and skips the invalid ones, naming row, column and fix; exit 2', async () => {
    const { sandbox, home, creds } = await setup();
    const file = join(home, 'channels.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('渠道');
    sheet.addRow(['场景值', '页面', '名称']);
    sheet.addRow(['ch=1', 'pages/index/index', '朋友圈']);
    sheet.addRow(['渠道2', 'pages/index/index', '公众号']);
    sheet.addRow([1024, '', '海报']);
    sheet.addRow(['ch=1', 'pages/index/index', '重复']);
    await workbook.xlsx.writeFile(file);
    const out = join(home, 'out');
    const run = await runCli(['batch', file, '--out', out, ...creds], home, SECRET);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('4 rows, 3 valid, 1 invalid; code type unlimited');
    expect(run.stderr).toContain("row 3 — 场景值: Scene contains '渠', which WeChat does not allow.");
    expect(run.stderr).toContain('1 row(s) are invalid and were skipped.');
    expect(sandbox.stats().getwxacodeunlimit).toBe(2);
    expect(await qrOf(join(out, '2-朋友圈.png'))).toBe('pages/index/index?scene=ch=1');
    expect(await qrOf(join(out, '4-海报.png'))).toBe('pages/index/index?scene=1024');
    const results = await readFile(join(out, 'results.csv'), 'utf8');
    expect(results).toContain('3,invalid,,,');
    expect(results).toContain('5,done,5-重复.png,,same code as row 2: no API call');
  });

  it('stops after 3 rows in a row fail with an error every row would meet, saying why and the fix; exit 3', async () => {
    const { sandbox, home, creds } = await setup({ publishedPages: ['pages/index/index'] });
    const csv = join(home, 'stores.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `id=${i + 1},pages/shop/detail`);
    await writeFile(csv, `scene,page\n${rows.join('\n')}\n`);
    const out = join(home, 'out');
    const run = await runCli(['batch', csv, '--out', out, '--concurrency', '1', ...creds], home, SECRET);
    expect(run.code).toBe(3);
    expect(sandbox.stats().getwxacodeunlimit).toBe(3);
    expect(run.stderr).toContain(
      '3 rows in a row failed with the same error, so the batch stopped: The page does not exist in the published version.',
    );
    expect(run.stderr).toContain('Then run the batch again with --resume');
    expect(await readFile(join(out, 'results.csv'), 'utf8')).toContain('2,not-run,,41030,');
  });

  it('asks for --yes before spending quota without a terminal, and sends nothing; exit 2', async () => {
    const { sandbox, home, creds } = await setup();
    const csv = join(home, 'a.csv');
    await writeFile(csv, 'path\npages/index/index?id=1\n');
    const run = await runCli(['batch', csv, '--out', join(home, 'out'), ...creds], home, SECRET);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'This batch spends 1 of the 100,000 lifetime codes, and there is no terminal to ask.',
    );
    expect(run.stderr).toContain('Add --yes to confirm');
    expect(sandbox.stats().getwxacode).toBe(0);
  });

  it('refuses a batch larger than the quota left, even with --yes; records Num-Used on the account', async () => {
    const { sandbox, home } = await setup({ numUsed: 99_997 });
    const account = {
      id: 'shop',
      name: 'shop',
      appId: APPID,
      source: { kind: 'sandbox' },
      apiBase: sandbox.url,
      numUsed: 99_997,
    };
    await writeFile(join(home, 'accounts.json'), JSON.stringify({ version: 1, accounts: [account] }));
    const big = join(home, 'big.csv');
    await writeFile(big, `path\n${[1, 2, 3, 4].map((i) => `pages/index/index?id=${i}`).join('\n')}\n`);
    const refused = await runCli(
      ['batch', big, '--out', join(home, 'out'), '--yes', '--account', 'shop'],
      home,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'Not enough quota left: this needs 4 codes but only 3 of the 100,000 remain.',
    );
    expect(sandbox.stats().getwxacode).toBe(0);

    const fits = join(home, 'fits.csv');
    await writeFile(fits, 'path\npages/index/index?id=1\npages/index/index?id=2\n');
    const run = await runCli(
      ['batch', fits, '--out', join(home, 'out'), '--yes', '--account', 'shop', '--kind', 'qrcode'],
      home,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('This spends 2 of the 100,000 lifetime codes; 99,997 used, 3 left.');
    const saved = JSON.parse(await readFile(join(home, 'accounts.json'), 'utf8'));
    expect(saved.accounts[0].numUsed).toBe(99_999);
  });

  it('exits 3 when WeChat refuses rows, with its meaning and fix', async () => {
    const { home, creds } = await setup();
    const csv = join(home, 'a.csv');
    await writeFile(csv, 'scene,page\na=1,pages/not/published\na=2,pages/not/published\n');
    const run = await runCli(['batch', csv, '--out', join(home, 'out'), ...creds], home, SECRET);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('2 row(s) were not made. The page does not exist in the published version.');
    expect(await readFile(join(home, 'out', 'results.csv'), 'utf8')).toContain('2,failed,,41030,');
  });

  it('exits 2 “no rows” for a sheet with only a header, and for a hostile .xlsx, sending nothing', async () => {
    const { sandbox, home, creds } = await setup();
    const csv = join(home, 'header.csv');
    await writeFile(csv, '路径,文件名\r\n');
    const headerOnly = await runCli(
      ['batch', csv, '--out', join(home, 'out'), '--yes', ...creds],
      home,
      SECRET,
    );
    expect(headerOnly.code).toBe(2);
    expect(headerOnly.stderr).toContain('header.csv has a header row but no rows under it.');
    const giant = join(home, 'giant.xlsx');
    await writeFile(giant, giantCell());
    const bomb = await runCli(['batch', giant, '--out', join(home, 'out'), '--yes', ...creds], home, SECRET);
    expect(bomb.code).toBe(2);
    expect(bomb.stderr).toContain(
      'giant.xlsx: the text the sheets share takes more than 32 MB once unpacked',
    );
    expect(sandbox.stats()).toMatchObject({ getwxacode: 0, stable_token: 0 });
  });

  it('refuses every row whose path, page or scene holds an invisible character, a space or < >, naming the column; no call', async () => {
    const { sandbox, home, creds } = await setup();
    const bad = ['\u0000', '\u001f', '\u007f', '\u200b', '\u202e', '\ufeff', ' ', '\u3000', '<', '>'];
    const limited = join(home, 'paths.csv');
    await writeFile(limited, `path\n${bad.map((c) => `"pages/a?id=1${c}2"`).join('\n')}\n`);
    const paths = await runCli(['batch', limited, '--out', join(home, 'p'), '--yes', ...creds], home, SECRET);
    expect(paths.code).toBe(2);
    expect(paths.stderr).toContain('row 2 — path: Page path contains an invisible character (U+0000)');
    expect(paths.stderr).toContain('row 6 — path: Page path contains an invisible character (U+202E)');
    expect(paths.stderr).toContain("row 11 — path: Page path contains '>', which a page path cannot hold.");
    const unlimited = join(home, 'scenes.csv');
    await writeFile(unlimited, `scene,page\n${bad.map((c) => `"id${c}1","pages/a${c}b"`).join('\n')}\n`);
    const scenes = await runCli(['batch', unlimited, '--out', join(home, 's'), ...creds], home, SECRET);
    expect(scenes.code).toBe(2);
    expect(scenes.stderr).toContain(
      'row 5 — scene: Scene contains an invisible character (U+200B), which WeChat does not allow.',
    );
    expect(scenes.stderr).toContain('| page: Page contains an invisible character (U+200B)');
    expect(scenes.stderr).toContain('row 9 — scene: Scene contains a space (U+3000)');
    expect(await readFile(join(home, 's', 'results.csv'), 'utf8')).toContain('11,invalid,,,');
    expect(sandbox.stats()).toMatchObject({ getwxacode: 0, getwxacodeunlimit: 0 });
  });

  it('stops at WeChat’s daily cap after one refused call, says to continue tomorrow with --resume; exit 3', async () => {
    const { sandbox, home, creds } = await setup({ dailyLimit: 1 });
    const csv = join(home, 'a.csv');
    await writeFile(csv, `path\n${[1, 2, 3, 4, 5].map((i) => `pages/index/index?id=${i}`).join('\n')}\n`);
    const args = ['batch', csv, '--out', join(home, 'out'), '--yes', '--concurrency', '1', ...creds];
    const run = await runCli(args, home, SECRET);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      "4 row(s) were not made. WeChat's daily limit for this mini program is reached; continue tomorrow.",
    );
    expect(run.stderr).toContain('run the same command with --resume');
    expect(sandbox.stats().getwxacode).toBe(2);
  });

  it('exits 4 when the ZIP cannot be written, after making the rows', async () => {
    const { home, creds } = await setup();
    const csv = join(home, 'a.csv');
    await writeFile(csv, 'scene\na=1\n');
    await writeFile(join(home, 'not-a-folder'), '');
    const run = await runCli(
      ['batch', csv, '--out', join(home, 'out'), '--zip', join(home, 'not-a-folder', 'x.zip'), ...creds],
      home,
      SECRET,
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('Could not write');
    expect(await readdir(join(home, 'out'))).toContain('2.png');
  });

  it('names the flag and the fix for bad flags; exit 2', async () => {
    const { home, creds } = await setup();
    const csv = join(home, 'a.csv');
    await writeFile(csv, 'path,scene\np,s\n');
    const unclear = await runCli(['batch', csv, '--out', join(home, 'out'), ...creds], home, SECRET);
    expect(unclear.code).toBe(2);
    expect(unclear.stderr).toContain('Fix: Add --kind limited, unlimited or qrcode');
    const width = await runCli(
      ['batch', csv, '--out', join(home, 'out'), '--kind', 'unlimited', '--width', '9', ...creds],
      home,
      SECRET,
    );
    expect(width.code).toBe(2);
    expect(width.stderr).toContain('--width: Width must be a whole number from 280 to 1280 pixels.');
  });

  it('refuses a pace faster than WeChat’s 5,000 calls a minute, as the app does; exit 2, nothing sent', async () => {
    const { sandbox, home, creds } = await setup();
    const csv = join(home, 'a.csv');
    await writeFile(csv, 'scene\na=1\n');
    const out = join(home, 'out');
    const fast = await runCli(
      ['batch', csv, '--out', out, '--rate-per-minute', '5001', ...creds],
      home,
      SECRET,
    );
    expect(fast.code).toBe(2);
    expect(fast.stderr).toBe(
      '--rate-per-minute must be a whole number from 0 to 5000.\nFix: For example --rate-per-minute 5000.\n',
    );
    expect(sandbox.stats()).toMatchObject({ getwxacodeunlimit: 0 });
    const most = await runCli(
      ['batch', csv, '--out', out, '--rate-per-minute', '5000', ...creds],
      home,
      SECRET,
    );
    expect(most.code).toBe(0);
  });
});
