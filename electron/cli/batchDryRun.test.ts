import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { cliWorlds, runCli } from '../testing/cli';

// Each test starts the CLI as its own process, one or two: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const SECRET = { WXACODE_APPSECRET: 'sandbox-secret' };
const setup = cliWorlds('wxacode-dry-run-');

const stores = (rows: string[][]) =>
  iconv.encode(['门店编号,门店名称,城市,链接', ...rows.map((r) => r.join(','))].join('\r\n'), 'gbk');

const NO_CALLS = {
  stable_token: 0,
  token: 0,
  getwxacode: 0,
  getwxacodeunlimit: 0,
  createwxaqrcode: 0,
};

describe('wxacode batch --dry-run', () => {
  it('prints the rows, the bad ones with their fix, the quota and the first file names, and calls nothing', async () => {
    const { sandbox, home, creds } = await setup();
    const csv = join(home, '门店.csv');
    const rows = Array.from({ length: 8 }, (_, i) => [
      `S00${i + 1}`,
      `${i + 1}号店`,
      i % 2 ? '北京' : '上海',
      `pages/store/index?id=${i + 1}`,
    ]);
    rows.push(['S009', '坏店', '上海', 'pages/store/index?scancode_time=1']);
    await writeFile(csv, stores(rows));
    const out = join(home, 'out');
    const run = await runCli(
      ['batch', csv, '--out', out, '--name', '{城市}/{门店名称}.png', '--dry-run', ...creds],
      home,
      SECRET,
    );
    expect(run.stdout).toContain(
      '(csv, gb18030): 9 rows, 8 valid, 1 invalid; code type limited; columns name=“门店名称”, path=“链接”',
    );
    expect(run.stdout).toContain('8 new codes to make.');
    expect(run.stdout).toContain('This spends 8 of the 100,000 lifetime codes');
    expect(run.stdout).toMatch(/row 10 — 链接: .*scancode_time.*Remove scancode_time/);
    expect(run.stdout).toContain(
      `File names in ${out} (the first 5 of 8):\n  上海/1号店.png\n  北京/2号店.png\n`,
    );
    expect(run.stdout).toContain('Dry run: nothing was sent to WeChat');
    // The bad row makes it exit 2, as the real run would, so a script stops before spending anything.
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('1 row(s) are invalid: a run would skip them.');
    expect(sandbox.stats()).toMatchObject(NO_CALLS);
    expect(await readdir(home)).not.toContain('out');
  });

  it('exits 0 for a sheet that would run whole, in Chinese too, asking no --yes', async () => {
    const { sandbox, home, creds } = await setup();
    const csv = join(home, 'stores.csv');
    await writeFile(csv, stores([['S001', '南京西路店', '上海', 'pages/store/index?id=1']]));
    const run = await runCli(['batch', csv, '--out', join(home, 'out'), '--dry-run', ...creds], home, {
      ...SECRET,
      LANG: 'zh_CN.UTF-8',
    });
    expect(run.stdout).toContain('中的文件名（共 1 个）：\n  2-南京西路店.png');
    expect(run.stdout).toContain('试运行：未向微信发送任何请求');
    expect(run.code).toBe(0);
    expect(sandbox.stats()).toMatchObject(NO_CALLS);
  });
});
