import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'libsql';
import { beforeEach, describe, expect, it } from 'vitest';
import { listedInPages } from '../../testing/libraryPages';
import { WRITTEN_BY_SCHEMA_3 } from '../../testing/olderLibrary';
import { limitedCode, shopCode, storeCode } from '../../testing/storeCodes';
import { tempFolderFor } from '../../testing/tempFolder';
import { Library, type LibraryEntry, type LibraryFilter } from './library';
import { SCHEMA_VERSION } from './libraryDatabase';

const unlimited = storeCode;
const code = shopCode;
const limited = limitedCode;

const listed = listedInPages;

/** What a search looks in, read off the entry the way a user reads History's columns. */
function textsOf(entry: LibraryEntry): string[] {
  const r = entry.request;
  return [
    ...(r.kind === 'unlimited' ? [r.page, r.scene] : [r.path]),
    entry.suggestedName,
    entry.origin?.rowName ?? '',
    ...Object.values(entry.origin?.cells ?? {}),
  ];
}

/** The codes a plain substring search of their texts finds, newest first: what the index must answer. */
const containing = (entries: LibraryEntry[], query: string) =>
  entries.filter((e) => textsOf(e).some((t) => t.toLowerCase().includes(query.toLowerCase())));

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'short-search');
});

describe('a search of one or two characters', () => {
  it('finds Chinese and Latin substrings, any case, newest first, and counts them', async () => {
    const library = await Library.open(dir);
    const table = await library.add(code(unlimited('t=8号桌')));
    const store = await library.add({
      ...code(limited('pages/a1b/index')),
      origin: { sourceFile: '门店.xlsx', row: 2, rowName: '静安寺门店', cells: { 城市: '上海' } },
    });
    const scene = await library.add(code(unlimited('上海市南京西路1号')));
    const ids = (query: string, filter: LibraryFilter = {}) =>
      listed(library, { ...filter, query }).map((e) => e.codeId);
    expect(ids('桌')).toEqual([table.codeId]);
    expect(ids('门店')).toEqual([store.codeId]);
    expect(ids('上海')).toEqual([scene.codeId, store.codeId]);
    expect(ids('A1')).toEqual([store.codeId]);
    expect(ids(' 1 ')).toEqual([scene.codeId, store.codeId]);
    expect(ids('=8')).toEqual([table.codeId]);
    // Neighbours only: 上 and 南 are in one text, never side by side.
    expect(ids('上南')).toEqual([]);
    expect(library.count({ query: '上海' })).toBe(2);
    expect(library.count({ query: '上海', kind: 'limited' })).toBe(1);
    expect(ids('上海', { kind: 'unlimited' })).toEqual([scene.codeId]);
    // Every one- and two-character piece of every text finds exactly the codes holding it.
    const all = listed(library);
    for (const entry of all) {
      for (const text of textsOf(entry)) {
        const chars = [...text];
        for (let i = 0; i < chars.length; i++) {
          for (const query of [chars[i]!, chars.slice(i, i + 2).join('')]) {
            if (!query.trim() || query.trim() !== query) continue;
            expect(ids(query), query).toEqual(containing(all, query).map((e) => e.codeId));
          }
        }
      }
    }
  });

  it('forgets a deleted code and finds a code by the batch row it was given later, across a restart', async () => {
    const library = await Library.open(dir);
    const gone = await library.add(code(unlimited('t=9号桌')));
    const plain = await library.add(code(limited('pages/plain/index')));
    await library.delete(gone.codeId);
    library.recordBatchRow(
      { batch: 'b1', row: 3, codeId: plain.codeId, file: '徐汇店.png' },
      { sourceFile: '门店.xlsx', row: 3, rowName: '徐汇店', batch: 'b1' },
    );
    library.close();
    const reopened = await Library.open(dir);
    expect(listed(reopened, { query: '桌' })).toEqual([]);
    expect(reopened.count({ query: '桌' })).toBe(0);
    expect(listed(reopened, { query: '徐汇' }).map((e) => e.codeId)).toEqual([plain.codeId]);
    expect(listed(reopened, { query: 'pl' }).map((e) => e.codeId)).toEqual([plain.codeId]);
    reopened.close();
  });

  it('is answered by its index, not by reading every code', async () => {
    const library = await Library.open(dir);
    await library.add(code(unlimited('t=8号桌')));
    library.close();
    const db = new Database(join(dir, 'library.db'));
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT codes.code_id FROM codes_short_search JOIN codes ON codes.seq = codes_short_search.rowid
         WHERE codes_short_search MATCH ? ORDER BY codes_short_search.rowid DESC LIMIT 10`,
      )
      .all('"x"') as { detail: string }[];
    db.close();
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH codes USING INTEGER PRIMARY KEY/);
  });
});

describe('a library written before the short-search index', () => {
  it('takes it on at the first start, loses nothing, and finds short substrings in every code it had', async () => {
    await cp(WRITTEN_BY_SCHEMA_3, dir, { recursive: true });
    const before = JSON.parse(await readFile(join(dir, 'listed.json'), 'utf8')) as LibraryEntry[];
    expect(before).toHaveLength(5);
    const library = await Library.open(dir);
    expect(listed(library)).toEqual(before);
    const ids = (query: string) => listed(library, { query }).map((e) => e.codeId);
    const findsEveryShortSubstring = () => {
      for (const query of ['桌', '门店', '上海', 'a1', 'A1', '徐汇', '静安', '7', '号']) {
        expect(ids(query), query).toEqual(containing(before, query).map((e) => e.codeId));
      }
      expect(ids('桌')).toHaveLength(1);
      expect(ids('徐汇')).toHaveLength(1);
      expect(library.count({ query: '上海' })).toBe(containing(before, '上海').length);
    };
    // At once, before the background fill has run (nothing has waited since the open), by reading
    // every code; then by the index the fill has made.
    findsEveryShortSubstring();
    await library.shortSearchFilled();
    findsEveryShortSubstring();
    for (const entry of before) expect((await library.readPng(entry)).toString()).toMatch(/^png of /);
    // A code added after the upgrade is found the same way.
    const added = await library.add(code(unlimited('9号桌')));
    expect(ids('桌')[0]).toBe(added.codeId);
    library.close();
    const db = new Database(join(dir, 'library.db'));
    expect(db.prepare('PRAGMA user_version').get()).toMatchObject({ user_version: SCHEMA_VERSION });
    db.close();
  });
});
