import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeRequest } from '../../../shared/codeRequest';
import { tempFolderFor } from '../../testing/tempFolder';
import { Library } from '../storage/library';
import type { WechatClient } from '../wechat/wechatClient';
import { CodeMaker } from './codeMaker';

const request: CodeRequest = {
  kind: 'limited',
  path: 'pages/a',
  envVersion: 'release',
  width: 430,
  autoColor: false,
  lineColor: { r: 0, g: 0, b: 0 },
  transparent: false,
};

/**
 * A client whose calls finish when the test says (before or after they are sent), counting calls as
 * WeChat would count quota.
 */
function heldClient() {
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const held = { calls: 0, finish: () => open() };
  const client: WechatClient = {
    generate: async () => {
      held.calls++;
      const calls = held.calls;
      await gate;
      return { png: Buffer.from('png'), width: 430, height: 430, sourceFormat: 'jpeg', numUsed: calls };
    },
  };
  return { held, account: { accountId: 'a1', appId: 'wx0123456789abcdef', client } };
}

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'maker');
});

/** The app and a CLI on one data folder; the app's call is under way (holding the claim) until `fail()`. */
async function appCallFailingLater() {
  const [app, cli] = [new CodeMaker(await Library.open(dir)), new CodeMaker(await Library.open(dir))];
  let fail = () => {};
  const failing: WechatClient = {
    generate: () =>
      new Promise((_, reject) => {
        fail = () => reject(new Error('network down'));
      }),
  };
  const fromApp = app.make({ accountId: 'a1', appId: 'wx0123456789abcdef', client: failing }, request);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { cli, fromApp, fail: () => fail() };
}

describe('making a code that another caller is already making', () => {
  it('a caller that gives up (a cancelled batch) does not fail the form waiting for the same code', async () => {
    const library = await Library.open(dir);
    const maker = new CodeMaker(library);
    const { held, account } = heldClient();
    const batch = new AbortController();
    const fromBatch = maker.make(account, request, { signal: batch.signal });
    const fromForm = maker.make(account, request);
    batch.abort();
    await expect(fromBatch).rejects.toMatchObject({ error: { code: 'cancelled' } });
    held.finish();
    expect((await fromForm).fromLibrary).toBe(false);
    expect(held.calls).toBe(1);
    // The code WeChat made (and charged for) is kept even though its first caller left.
    expect(library.find(account.appId, request)).toBeDefined();
  });

  it('Regenerate during a call for the same code joins it rather than paying twice', async () => {
    const maker = new CodeMaker(await Library.open(dir));
    const { held, account } = heldClient();
    const first = maker.make(account, request);
    const again = maker.make(account, request, { regenerate: true });
    held.finish();
    const [a, b] = await Promise.all([first, again]);
    expect(a.entry.codeId).toBe(b.entry.codeId);
    expect(held.calls).toBe(1);
  });
});

describe('making a code that another process is already making', () => {
  it('waits for its code in the shared library instead of paying for it again', async () => {
    // Two libraries open on one folder: the app and a CLI process.
    const [app, cli] = [new CodeMaker(await Library.open(dir)), new CodeMaker(await Library.open(dir))];
    const first = heldClient();
    const second = heldClient();
    const fromApp = app.make(first.account, request);
    while (first.held.calls === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    const fromCli = cli.make(second.account, request);
    first.held.finish();
    second.held.finish();
    const [a, b] = await Promise.all([fromApp, fromCli]);
    expect([a.fromLibrary, b.fromLibrary]).toEqual([false, true]);
    expect(b.entry.codeId).toBe(a.entry.codeId);
    expect(first.held.calls + second.held.calls).toBe(1);
  });

  it('calls itself when the other process failed (its claim released with no code)', async () => {
    const { cli, fromApp, fail } = await appCallFailingLater();
    const second = heldClient();
    const fromCli = cli.make(second.account, request);
    second.held.finish();
    fail();
    await expect(fromApp).rejects.toThrow('network down');
    expect((await fromCli).fromLibrary).toBe(false);
    expect(second.held.calls).toBe(1);
  });

  it('a caller that gave up while another process held the claim never calls once it is released', async () => {
    const { cli, fromApp, fail } = await appCallFailingLater();
    const second = heldClient();
    const stop = new AbortController();
    const fromCli = cli.make(second.account, request, { signal: stop.signal });
    // Gives up once it is waiting on the app's claim, as the test says: given up before its first
    // look at the claim, and the app's claim released at once (a call's claim goes with one
    // unlink), its first try could take the claim before it ever waited.
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop.abort();
    await expect(fromCli).rejects.toMatchObject({ error: { code: 'cancelled' } });
    fail();
    await expect(fromApp).rejects.toThrow('network down');
    second.held.finish();
    await cli.idle();
    expect(second.held.calls).toBe(0);
  });
});
