import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DRAG_ICON_SIZE } from '../app/codes/dragOut';
import { finishWork, SANDBOX_ACCOUNT } from '../app/services';
import { call, jsonOf, readQr } from '../sandbox/testing';
import { openTestApp, succeeded, type TestApp } from '../testing/testApp';

const limited = (path: string) => ({ kind: 'limited', path, envVersion: 'release', width: 430 });
const generate = (app: TestApp, path: string, regenerate?: boolean) =>
  app.call('code:generate', { accountId: SANDBOX_ACCOUNT.id, request: limited(path), regenerate });

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

describe('code:generate', () => {
  it('makes a code on the Sandbox account: a 430 px PNG that scans to the page', async () => {
    const code = succeeded(await generate(app, 'pages/index/index?id=1'));
    const png = PNG.sync.read(Buffer.from(code.png));
    expect([png.width, png.height, code.width, code.height]).toEqual([430, 430, 430, 430]);
    expect(readQr({ format: 'png', ...png })?.data).toContain('pages/index/index?id=1');
    expect(code).toMatchObject({
      fromLibrary: false,
      numUsed: 1,
      suggestedName: 'pages_index_index_id=1.png',
    });
  });

  it('answers the same request again from the library, without calling WeChat', async () => {
    const before = app.sandbox.stats().getwxacode;
    const first = succeeded(await generate(app, 'pages/shop/index'));
    const second = succeeded(await generate(app, 'pages/shop/index'));
    expect(app.sandbox.stats().getwxacode - before).toBe(1);
    expect(second).toMatchObject({ codeId: first.codeId, fromLibrary: true });
    expect(Buffer.from(second.png).equals(Buffer.from(first.png))).toBe(true);
  });

  it('calls WeChat again when asked to regenerate', async () => {
    const first = succeeded(await generate(app, 'pages/product/detail'));
    const before = app.sandbox.stats().getwxacode;
    const again = succeeded(await generate(app, 'pages/product/detail', true));
    expect(app.sandbox.stats().getwxacode - before).toBe(1);
    expect(again.fromLibrary).toBe(false);
    expect(again.codeId).not.toBe(first.codeId);
  });

  it('keeps the Num-Used WeChat reports on the account', async () => {
    const code = succeeded(await generate(app, 'pages/index/index?id=numused'));
    const accounts = succeeded(await app.call('accounts:list'));
    const sandbox = accounts.find((a) => a.id === SANDBOX_ACCOUNT.id);
    expect(sandbox?.numUsed).toBe(code.numUsed);
    expect(sandbox?.numUsed).toBe(app.sandbox.stats().numUsed);
  });

  it('names the field at fault, and spends nothing, for a bad request or an unknown account', async () => {
    const before = app.sandbox.stats();
    const badPath = await app.call('code:generate', { accountId: SANDBOX_ACCOUNT.id, request: limited('') });
    expect(badPath.ok || badPath.error).toMatchObject({ code: 'field', field: 'path' });
    const noAccount = await app.call('code:generate', {
      accountId: 'gone',
      request: limited('pages/index/index'),
    });
    expect(noAccount.ok || noAccount.error).toMatchObject({ code: 'field', field: 'accountId' });
    expect(!noAccount.ok && noAccount.error.message.en).toBe('This account no longer exists.');
    expect(app.sandbox.stats()).toEqual(before);
  });
});

describe('many new limited codes from the form in a minute', () => {
  let burst: TestApp;
  beforeAll(async () => {
    burst = await openTestApp({ sandbox: { numUsed: 5000 } });
  });
  afterAll(() => burst.close());

  /** WeChat's own count of calls, as the sandbox reports it over HTTP. */
  const wechatCalls = async () => jsonOf(await call(`${burst.sandbox.url}/__sandbox/stats`)).getwxacode;

  it('ask natively from the 6th on; Cancel spends nothing, repeats from the library never ask', async () => {
    burst.desktop.answer = 'cancel';
    for (let i = 1; i <= 5; i++) succeeded(await generate(burst, `pages/index/index?burst=${i}`));
    expect(burst.desktop.asked).toEqual([]);
    // The same five again come from the library: no call, nothing counted, nothing asked.
    for (let i = 1; i <= 5; i++) {
      expect(succeeded(await generate(burst, `pages/index/index?burst=${i}`)).fromLibrary).toBe(true);
    }
    // Unlimited codes spend no quota: never asked about.
    const unlimited = { kind: 'unlimited', scene: 'id=1', page: 'pages/index/index', envVersion: 'release' };
    succeeded(await burst.call('code:generate', { accountId: SANDBOX_ACCOUNT.id, request: unlimited }));
    expect(burst.desktop.asked).toEqual([]);
    expect(await wechatCalls()).toBe(5);

    const sixth = await generate(burst, 'pages/index/index?burst=6');
    expect(sixth.ok || sixth.error).toMatchObject({ code: 'cancelled' });
    expect(burst.desktop.asked).toEqual([
      {
        title: 'Spend quota',
        message:
          'This is the 6th new code in a minute; each spends 1 of the 100,000 lifetime quota. Make it?',
        detail:
          'About 94,995 of the 100,000 remain (Num-Used 5,005). If you did not ask for these codes, choose Cancel. “Make it” makes this one code; you are asked again after 5 more.',
        confirm: 'Make it',
        cancel: 'Cancel',
      },
    ]);
    // Regenerate is a new code too: asked, and cancelled.
    const again = await generate(burst, 'pages/index/index?burst=1', true);
    expect(again.ok || again.error.code).toBe('cancelled');
    expect(burst.desktop.asked).toHaveLength(2);
    expect(await wechatCalls()).toBe(5);

    // A yes makes that one code and starts the count afresh: the next new code is free again.
    burst.desktop.answer = 'ok';
    expect(succeeded(await generate(burst, 'pages/index/index?burst=6')).fromLibrary).toBe(false);
    expect(succeeded(await generate(burst, 'pages/index/index?burst=1', true)).fromLibrary).toBe(false);
    expect(burst.desktop.asked).toHaveLength(3);
    expect(await wechatCalls()).toBe(7);
  });
});

describe('a page firing hundreds of new limited codes at once', () => {
  let flood: TestApp;
  beforeAll(async () => {
    // One minute of the guard's count, however slowly this machine runs the flood: its clock is
    // Date.now as it was when the app's services were made, so it is frozen first.
    vi.useFakeTimers({ toFake: ['Date'] });
    flood = await openTestApp();
  });
  afterAll(async () => {
    await flood.close();
    vi.useRealTimers();
  });

  it('gets five free and one per yes: the rest are refused, and the question comes back', async () => {
    const wechatCalls = async () => jsonOf(await call(`${flood.sandbox.url}/__sandbox/stats`)).getwxacode;
    // The user takes a moment to answer the native question, and the flood arrives within it: the
    // yes comes only once every other call has been answered.
    let othersAnswered = () => {};
    flood.desktop.answerAfter = new Promise<void>((resolve) => {
      othersAnswered = resolve;
    });
    let answered = 0;
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        generate(flood, `pages/index/index?flood=${i}`).finally(() => {
          if (++answered === 499) othersAnswered();
        }),
      ),
    );
    flood.desktop.answerAfter = undefined;
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    expect(results.filter((r) => !r.ok && r.error.code === 'cancelled')).toHaveLength(494);
    expect(flood.desktop.asked).toHaveLength(1);
    expect(await wechatCalls()).toBe(6);

    // The page tries again one by one: after five more, the user is asked again, and a no stops it.
    flood.desktop.answer = 'cancel';
    const again = [];
    for (let i = 500; i < 520; i++) again.push(await generate(flood, `pages/index/index?flood=${i}`));
    expect(again.filter((r) => r.ok)).toHaveLength(5);
    expect(flood.desktop.asked).toHaveLength(16);
    expect(flood.desktop.asked[1]?.message).toBe(
      'This is the 12th new code in a minute; each spends 1 of the 100,000 lifetime quota. Make it?',
    );
    expect(await wechatCalls()).toBe(11);
  });
});

describe('code:save, code:copy, code:drag', () => {
  it('saves the stored PNG where the user chose, adding .png if they removed it', async () => {
    const code = succeeded(await generate(app, 'pages/index/index?id=save'));
    app.desktop.saveAs = join(app.dataDir, 'poster code');
    const saved = succeeded(await app.call('code:save', { codeId: code.codeId }));
    expect(saved).toEqual({ saved: true, path: join(app.dataDir, 'poster code.png') });
    const onDisk = PNG.sync.read(await readFile(saved.path!));
    expect([onDisk.width, onDisk.height]).toEqual([430, 430]);

    app.desktop.saveAs = join(app.dataDir, 'kept.PNG');
    expect(succeeded(await app.call('code:save', { codeId: code.codeId })).path).toBe(
      join(app.dataDir, 'kept.PNG'),
    );
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const code = succeeded(await generate(app, 'pages/index/index?id=cancel'));
    app.desktop.saveAs = undefined;
    expect(succeeded(await app.call('code:save', { codeId: code.codeId }))).toEqual({ saved: false });
  });

  it('copies the PNG itself to the clipboard', async () => {
    const code = succeeded(await generate(app, 'pages/index/index?id=copy'));
    expect(succeeded(await app.call('code:copy', { codeId: code.codeId }))).toEqual({ copied: true });
    expect(Buffer.from(app.desktop.copied.at(-1)!).equals(Buffer.from(code.png))).toBe(true);
  });

  it('drags the code out as a file named like the page, with a small picture of it under the pointer', async () => {
    const code = succeeded(await generate(app, 'pages/index/index?id=drag'));
    expect(succeeded(await app.call('code:drag', { codeId: code.codeId }))).toEqual({ started: true });
    const { file, icon } = app.desktop.dragged.at(-1)!;
    expect(basename(file)).toBe('pages_index_index_id=drag.png');
    expect((await readFile(file)).equals(Buffer.from(code.png))).toBe(true);
    const picture = PNG.sync.read(Buffer.from(icon));
    expect([picture.width, picture.height]).toEqual([DRAG_ICON_SIZE, DRAG_ICON_SIZE]);
    // A real picture of a black-on-white code: both dark and light pixels, not a blank square.
    const greys = new Set<number>();
    for (let i = 0; i < picture.data.length; i += 4) greys.add(picture.data[i]! > 128 ? 1 : 0);
    expect(greys).toEqual(new Set([0, 1]));
  });

  it('tells the user to generate again when the code was deleted from the library', async () => {
    const code = succeeded(await generate(app, 'pages/index/index?id=deleted'));
    expect(succeeded(await app.call('library:delete', { codeId: code.codeId }))).toEqual({ deleted: true });
    for (const channel of ['code:save', 'code:copy', 'code:drag', 'library:image'] as const) {
      const result = await app.call(channel, { codeId: code.codeId });
      expect(result.ok || result.error).toMatchObject({
        field: 'codeId',
        hint: { en: 'Generate it again.' },
      });
    }
  });
});

describe('library', () => {
  it('lists codes newest first, finds them by page, and shows one again without an API call', async () => {
    const made = succeeded(await generate(app, 'pages/index/index?id=listed'));
    const listed = succeeded(await app.call('library:list', { query: 'id=listed' }));
    expect(listed.total).toBe(1);
    expect(listed.entries.map((e) => e.codeId)).toEqual([made.codeId]);
    expect(listed.entries[0]).not.toHaveProperty('pngHash');
    const before = app.sandbox.stats();
    const shown = succeeded(await app.call('library:image', { codeId: made.codeId }));
    expect(shown).toMatchObject({ codeId: made.codeId, fromLibrary: true, width: 430 });
    expect(Buffer.from(shown.png).equals(Buffer.from(made.png))).toBe(true);
    expect(app.sandbox.stats()).toEqual(before);
  });

  it('sends the list a page at a time, with the number of matches in all', async () => {
    for (const id of [1, 2, 3]) succeeded(await generate(app, `pages/index/index?id=paged${id}`));
    const first = succeeded(await app.call('library:list', { query: 'paged', limit: 2 }));
    expect(first.total).toBe(3);
    expect(first.entries.map((e) => e.request.kind === 'limited' && e.request.path)).toEqual([
      'pages/index/index?id=paged3',
      'pages/index/index?id=paged2',
    ]);
    const rest = succeeded(await app.call('library:list', { query: 'paged', offset: 2, limit: 2 }));
    expect(rest.entries.map((e) => e.request.kind === 'limited' && e.request.path)).toEqual([
      'pages/index/index?id=paged1',
    ]);
    const tooMany = await app.call('library:list', { limit: 5000 });
    expect(tooMany.ok || tooMany.error.field).toBe('limit');
  });
});

describe('quitting', () => {
  it('waits for a code WeChat is still making, and keeps it: asking again costs nothing', async () => {
    const arranged = await call(`${app.sandbox.url}/__sandbox/faults`, {
      body: { faults: [{ endpoint: 'getwxacode', kind: 'stall', ms: 800 }] },
    });
    expect(arranged.status).toBe(200);
    const before = app.sandbox.stats().getwxacode;
    const making = generate(app, 'pages/index/index?id=quitting');
    await vi.waitFor(() => expect(app.sandbox.stats().getwxacode).toBe(before + 1));

    await finishWork(app.services, 30_000);

    expect(app.services.library.list({ query: 'id=quitting' })).toHaveLength(1);
    expect(succeeded(await making).fromLibrary).toBe(false);
    expect(succeeded(await generate(app, 'pages/index/index?id=quitting')).fromLibrary).toBe(true);
    expect(app.sandbox.stats().getwxacode).toBe(before + 1);
  });
});
