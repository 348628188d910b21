import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../testing/cli';
import { tempFolderFor } from '../testing/tempFolder';

// Each test starts the CLI as its own process: seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

let home: string;
beforeEach(async (test) => {
  home = await tempFolderFor(test, 'help');
});

describe('wxacode COMMAND --help', () => {
  it('prints that command’s usage and exits 0, however it is asked', async () => {
    for (const args of [
      ['batch', '--help'],
      ['batch', '-h'],
      ['help', 'batch'],
    ]) {
      const run = await runCli(args, home);
      expect(run, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Usage: wxacode batch FILE\.\(csv\|txt\|xlsx\) --out DIR/);
      expect(run.stdout).toContain('--dry-run');
      expect(run.stdout).toContain('Exit codes: 0 success');
      expect(run.stdout).not.toContain('wxacode generate');
    }
    const generate = await runCli(['generate', '--help'], home);
    expect(generate.code).toBe(0);
    expect(generate.stdout).toMatch(/^Usage: wxacode generate --out FILE\.png/);
    const account = await runCli(['account', 'add', 'shop', '-h'], home);
    expect(account.code).toBe(0);
    expect(account.stdout).toContain('wxacode account remove NAME');
  });

  it('answers --help among other flags without running anything', async () => {
    const run = await runCli(['batch', 'missing.csv', '--out', join(home, 'out'), '--help'], home);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: wxacode batch/);
  });

  it('lists every command for `help`, and refuses an unknown one; exit 2', async () => {
    const all = await runCli(['help'], home);
    expect(all.code).toBe(0);
    for (const command of ['generate', 'batch', 'account', 'sandbox']) {
      expect(all.stdout).toContain(`wxacode ${command}`);
    }
    expect(all.stdout).toContain('wxacode COMMAND --help');
    for (const args of [
      ['help', 'print'],
      ['toString', '--help'],
    ]) {
      const unknown = await runCli(args, home);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain(`Unknown command “${args[0] === 'help' ? args[1] : args[0]}”`);
    }
  });
});
