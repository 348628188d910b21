import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeRequest } from '../../../shared/codeRequest';
import { tempFolderFor } from '../../testing/tempFolder';
import { CodeMaker } from '../codes/codeMaker';
import type { WechatClient } from '../wechat/wechatClient';
import { Library } from './library';

const limited = (path: string): CodeRequest => ({
  kind: 'limited',
  path,
  envVersion: 'release',
  width: 430,
  autoColor: false,
  lineColor: { r: 0, g: 0, b: 0 },
  transparent: false,
});
const code = (path: string, png = Buffer.from(`png of ${path}`)) => ({
  accountId: 'a1',
  appId: 'wx0123456789abcdef',
  request: limited(path),
  png,
  width: 430,
  height: 430,
});

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'library');
});

describe('the library', () => {
  it('finds an earlier identical request for the same AppID only, across a restart', async () => {
    const library = await Library.open(dir);
    const entry = await library.add({ ...code('pages/a?x=1'), numUsed: 5 });
    expect(entry.suggestedName).toBe('pages_a_x=1.png');
    const reopened = await Library.open(dir);
    expect(reopened.find('wx0123456789abcdef', limited('pages/a?x=1'))?.codeId).toBe(entry.codeId);
    expect(reopened.find('wx0000000000000000', limited('pages/a?x=1'))).toBeUndefined();
    expect(reopened.find('wx0123456789abcdef', { ...limited('pages/a?x=1'), width: 431 })).toBeUndefined();
    expect((await reopened.readPng(entry)).toString()).toBe('png of pages/a?x=1');
  });

  it('stores identical images once', async () => {
    const library = await Library.open(dir);
    await library.add(code('one', Buffer.from('same')));
    await library.add(code('two', Buffer.from('same')));
    expect(await readdir(join(dir, 'png'))).toHaveLength(1);
    expect(library.list()).toHaveLength(2);
  });

  it('skips a line torn by a crash and keeps working after it', async () => {
    const library = await Library.open(dir);
    await library.add(code('before'));
    await appendFile(join(dir, 'index.jsonl'), '{"op":"add","codeId":"torn","ke');
    const reopened = await Library.open(dir);
    expect(reopened.list().map((e) => e.suggestedName)).toEqual(['before.png']);
    await reopened.add(code('after'));
    const again = await Library.open(dir);
    expect(again.list().map((e) => e.suggestedName)).toEqual(['after.png', 'before.png']);
    expect((await readFile(join(dir, 'index.jsonl'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('searches page, scene and file name, filters by kind, and forgets deleted codes', async () => {
    const library = await Library.open(dir);
    const shop = await library.add(code('pages/shop/index?id=7'));
    await library.add({
      ...code('x'),
      request: {
        ...limited('x'),
        kind: 'unlimited',
        scene: 'store=9',
        page: 'pages/store/index',
        checkPath: true,
      } as CodeRequest,
    });
    expect(library.list({ query: 'SHOP' }).map((e) => e.codeId)).toEqual([shop.codeId]);
    expect(library.list({ query: 'store=9' })).toHaveLength(1);
    // The page alone, and the file name alone (its underscores are in no page, path or scene).
    expect(library.list({ query: 'pages/store/' })).toHaveLength(1);
    expect(library.list({ query: ' Pages_Store_Index ' })).toHaveLength(1);
    expect(library.list({ query: 'pages/' })).toHaveLength(2);
    expect(library.list({ kind: 'unlimited' })).toHaveLength(1);
    await library.delete(shop.codeId);
    expect((await Library.open(dir)).list({ query: 'shop' })).toEqual([]);
    expect(library.find('wx0123456789abcdef', limited('pages/shop/index?id=7'))).toBeUndefined();
  });
  it('answers with the earlier code again when a regenerated one is deleted, across a restart', async () => {
    const library = await Library.open(dir);
    const first = await library.add(code('pages/a', Buffer.from('first')));
    const second = await library.add(code('pages/a', Buffer.from('second')));
    expect(library.find('wx0123456789abcdef', limited('pages/a'))?.codeId).toBe(second.codeId);

    await library.delete(second.codeId);
    const found = library.find('wx0123456789abcdef', limited('pages/a'));
    expect(found?.codeId).toBe(first.codeId);
    expect((await library.readPng(found!)).toString()).toBe('first');
    const reopened = await Library.open(dir);
    expect(reopened.find('wx0123456789abcdef', limited('pages/a'))?.codeId).toBe(first.codeId);
    expect(reopened.list().map((e) => e.codeId)).toEqual([first.codeId]);

    await reopened.delete(first.codeId);
    expect(reopened.find('wx0123456789abcdef', limited('pages/a'))).toBeUndefined();
    expect((await Library.open(dir)).find('wx0123456789abcdef', limited('pages/a'))).toBeUndefined();
  });

  it('keeps a deletion whose line a crash tore out of effect, and every other line', async () => {
    const library = await Library.open(dir);
    const kept = await library.add(code('kept'));
    await appendFile(join(dir, 'index.jsonl'), `{"op":"delete","codeId":"${kept.codeId}`);
    const reopened = await Library.open(dir);
    expect(reopened.list().map((e) => e.codeId)).toEqual([kept.codeId]);
    expect((await reopened.readPng(kept)).toString()).toBe('png of kept');
  });
});

describe('making a code', () => {
  it('calls WeChat once for concurrent identical requests and not at all the second time', async () => {
    let calls = 0;
    const client: WechatClient = {
      async generate(request) {
        calls++;
        await new Promise((r) => setTimeout(r, 20));
        return {
          png: Buffer.from(JSON.stringify(request)),
          width: 430,
          height: 430,
          sourceFormat: 'jpeg',
          numUsed: calls,
        };
      },
    };
    const maker = new CodeMaker(await Library.open(dir));
    const account = { accountId: 'a1', appId: 'wx0123456789abcdef', client };
    const [a, b] = await Promise.all([maker.make(account, limited('p')), maker.make(account, limited('p'))]);
    expect(a.entry.codeId).toBe(b.entry.codeId);
    const again = await maker.make(account, limited('p'));
    expect(again.fromLibrary).toBe(true);
    expect(calls).toBe(1);
    const fresh = await maker.make(account, limited('p'), { regenerate: true });
    expect(fresh.fromLibrary).toBe(false);
    expect(calls).toBe(2);
  });
});

describe('a library shared by several processes', () => {
  it('sees the codes another process added and deleted since it opened, once each', async () => {
    const app = await Library.open(dir);
    const cli = await Library.open(dir);
    const added = await cli.add(code('pages/a'));
    expect(app.find('wx0123456789abcdef', limited('pages/a'))).toBeUndefined();
    await app.refresh();
    expect(app.find('wx0123456789abcdef', limited('pages/a'))?.codeId).toBe(added.codeId);
    await app.add(code('pages/b'));
    await app.refresh();
    expect(app.list()).toHaveLength(2);
    await cli.delete(added.codeId);
    await app.refresh();
    expect(app.list().map((e) => e.request.kind === 'limited' && e.request.path)).toEqual(['pages/b']);
  });

  it('reads a line another process is appending only once it is whole', async () => {
    const app = await Library.open(dir);
    const cli = await Library.open(dir);
    const entry = await cli.add(code('pages/a'));
    const index = join(dir, 'index.jsonl');
    const whole = (await readFile(index, 'utf8')).replace(entry.codeId, 'another-id');
    await appendFile(index, whole.slice(0, 40));
    await app.refresh();
    expect(app.list()).toHaveLength(1);
    await appendFile(index, whole.slice(40));
    await app.refresh();
    expect(app.list()).toHaveLength(2);
  });

  it('holds a code it could not write for the session, saying it is not kept', async () => {
    const library = await Library.open(dir);
    await rm(join(dir, 'png'), { recursive: true });
    await writeFile(join(dir, 'png'), 'a file where the image folder should be');
    const entry = await library.add(code('pages/a', Buffer.from('the image')));
    expect(entry.notKept?.message.en).toContain(
      `The code is not in the library: ${dir} could not be written`,
    );
    expect(await library.readPng(entry)).toEqual(Buffer.from('the image'));
    expect(library.find('wx0123456789abcdef', limited('pages/a'))?.codeId).toBe(entry.codeId);
    expect(await Library.open(dir).then((again) => again.list())).toEqual([]);
  });
});
