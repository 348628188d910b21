import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolderFor } from '../../testing/tempFolder';
import { filePageLists } from './pageLists';

const shop = { fileName: 'app.json', pages: ['pages/index/index', 'shop/list'] };

describe('the page lists kept per account', () => {
  it('keeps each account’s list across restarts, and forgets a removed account’s', async (test) => {
    const dir = await tempFolderFor(test, 'pagelists');
    const lists = filePageLists(dir);
    await Promise.all([lists.keep('a', shop), lists.keep('b', { fileName: 'b.json', pages: ['x'] })]);
    const reopened = filePageLists(dir);
    expect(await reopened.get('a')).toEqual(shop);
    expect(await reopened.get('b')).toEqual({ fileName: 'b.json', pages: ['x'] });
    await reopened.drop('b');
    expect(await filePageLists(dir).get('b')).toBeUndefined();
    expect(JSON.parse(await readFile(join(dir, 'page-lists.json'), 'utf8'))).toEqual({ a: shop });
  });

  it('reads a damaged file or entry as no list, and replaces it on the next import', async (test) => {
    const dir = await tempFolderFor(test, 'pagelists');
    await writeFile(join(dir, 'page-lists.json'), '{"a": {"fileName": 3}');
    const lists = filePageLists(dir);
    expect(await lists.get('a')).toBeUndefined();
    await writeFile(
      join(dir, 'page-lists.json'),
      '{"a": {"fileName": "app.json", "pages": [1]}, "b": {"fileName": "app.json", "pages": ["p"]}}',
    );
    expect(await lists.get('a')).toBeUndefined();
    expect(await lists.get('b')).toEqual({ fileName: 'app.json', pages: ['p'] });
    await lists.keep('a', shop);
    expect(await lists.get('a')).toEqual(shop);
  });
});
