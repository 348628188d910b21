import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeRequest } from '../../../shared/codeRequest';
import { listedInPages } from '../../testing/libraryPages';
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

const listed = listedInPages;

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
    expect(library.count()).toBe(2);
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
    expect(listed(library, { query: 'SHOP' }).map((e) => e.codeId)).toEqual([shop.codeId]);
    expect(listed(library, { query: 'store=9' })).toHaveLength(1);
    // The page alone, and the file name alone (its underscores are in no page, path or scene).
    expect(listed(library, { query: 'pages/store/' })).toHaveLength(1);
    expect(listed(library, { query: ' Pages_Store_Index ' })).toHaveLength(1);
    expect(listed(library, { query: 'pages/' })).toHaveLength(2);
    expect(listed(library, { kind: 'unlimited' })).toHaveLength(1);
    expect([
      library.count(),
      library.count({ kind: 'unlimited' }),
      library.count({ accountId: 'a2' }),
    ]).toEqual([2, 1, 0]);
    expect(library.count({ query: 'pages/', kind: 'limited' })).toBe(1);
    await library.delete(shop.codeId);
    expect([library.count(), library.count({ kind: 'limited', accountId: 'a1' })]).toEqual([1, 0]);
    expect(listed(await Library.open(dir), { query: 'shop' })).toEqual([]);
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
    expect(listed(reopened).map((e) => e.codeId)).toEqual([first.codeId]);

    await reopened.delete(first.codeId);
    expect(reopened.find('wx0123456789abcdef', limited('pages/a'))).toBeUndefined();
    expect((await Library.open(dir)).find('wx0123456789abcdef', limited('pages/a'))).toBeUndefined();
  });
});

describe('History over the library', () => {
  const unlimited = (scene: string): CodeRequest => ({
    kind: 'unlimited',
    scene,
    page: 'pages/store/index',
    checkPath: true,
    envVersion: 'release',
    width: 430,
    autoColor: false,
    lineColor: { r: 0, g: 0, b: 0 },
    transparent: false,
  });

  it('pages through every code once, newest first, while codes are made between pages', async () => {
    const library = await Library.open(dir);
    for (let n = 1; n <= 7; n++) await library.add(code(`pages/p?n=${n}`));
    const first = library.list({}, { limit: 3 });
    expect(first.entries.map((e) => e.suggestedName)).toEqual([
      'pages_p_n=7.png',
      'pages_p_n=6.png',
      'pages_p_n=5.png',
    ]);
    await library.add(code('pages/p?n=8'));
    const second = library.list({}, { limit: 3, cursor: first.nextCursor! });
    const third = library.list({}, { limit: 3, cursor: second.nextCursor! });
    expect([...second.entries, ...third.entries].map((e) => e.suggestedName)).toEqual([
      'pages_p_n=4.png',
      'pages_p_n=3.png',
      'pages_p_n=2.png',
      'pages_p_n=1.png',
    ]);
    expect(third.nextCursor).toBeUndefined();
    expect(library.count()).toBe(8);
  });

  it('finds a Chinese substring of a scene, of a batch row name or of its cells', async () => {
    const library = await Library.open(dir);
    const scene = await library.add({ ...code('x'), request: unlimited('上海市南京西路1号') });
    const row = await library.add({
      ...code('pages/store/index?id=12'),
      origin: {
        sourceFile: '门店.xlsx',
        campaign: '春节',
        row: 13,
        rowName: '静安寺店',
        cells: { 门店: '南京西路店', 城市: '上海' },
      },
    });
    await library.add({ ...code('y'), request: unlimited('淮海中路') });
    expect(listed(library, { query: '南京西路' }).map((e) => e.codeId)).toEqual([row.codeId, scene.codeId]);
    expect(listed(library, { query: '静安寺' }).map((e) => e.codeId)).toEqual([row.codeId]);
    // Two characters are fewer than a trigram: found all the same.
    expect(listed(library, { query: '南京' })).toHaveLength(2);
    expect(library.count({ query: '南京西路' })).toBe(2);
    expect(library.count({ query: '北京' })).toBe(0);
    const reopened = await Library.open(dir);
    expect(reopened.get(row.codeId)?.origin).toEqual({
      sourceFile: '门店.xlsx',
      campaign: '春节',
      row: 13,
      rowName: '静安寺店',
      cells: { 门店: '南京西路店', 城市: '上海' },
    });
    expect(reopened.get(scene.codeId)).not.toHaveProperty('origin');
  });

  it('takes a search with quotes, percent signs and underscores literally', async () => {
    const library = await Library.open(dir);
    await library.add({ ...code('x'), request: unlimited('a"b%c_d') });
    await library.add({ ...code('y'), request: unlimited('abxcd') });
    expect(listed(library, { query: 'a"b%c_d' })).toHaveLength(1);
    expect(listed(library, { query: '%c' })).toHaveLength(1);
    expect(listed(library, { query: 'b%c' })).toHaveLength(1);
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
  it('sees the codes another process added and deleted at its next look, once each', async () => {
    const app = await Library.open(dir);
    const cli = await Library.open(dir);
    const added = await cli.add(code('pages/a'));
    expect(app.find('wx0123456789abcdef', limited('pages/a'))?.codeId).toBe(added.codeId);
    await app.add(code('pages/b'));
    expect(listed(app)).toHaveLength(2);
    expect(listed(cli)).toHaveLength(2);
    await cli.delete(added.codeId);
    expect(listed(app).map((e) => e.request.kind === 'limited' && e.request.path)).toEqual(['pages/b']);
  });

  it('says when a code is committed: another process finds it from then on, before add() has flushed it', async () => {
    const library = await Library.open(dir);
    const other = await Library.open(dir);
    const events: string[] = [];
    const entry = await library.add({
      ...code('pages/committed'),
      committed: () => {
        events.push(
          `committed, found by the other: ${other.find('wx0123456789abcdef', limited('pages/committed')) !== undefined}`,
        );
      },
    });
    events.push('add() returned');
    expect(events).toEqual(['committed, found by the other: true', 'add() returned']);
    expect(other.get(entry.codeId)?.codeId).toBe(entry.codeId);
    library.close();
    other.close();
  });

  it('keeps every code when two processes add at the same time', async () => {
    const [app, cli] = [await Library.open(dir), await Library.open(dir)];
    await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 ? app : cli).add(code(`pages/p?n=${n}`))));
    expect(app.count()).toBe(20);
    expect(new Set(listed(cli).map((e) => e.codeId)).size).toBe(20);
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
    expect(await Library.open(dir).then((again) => listed(again))).toEqual([]);
  });
});
