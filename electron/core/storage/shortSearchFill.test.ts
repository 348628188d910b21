import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'libsql';
import { beforeEach, describe, expect, it } from 'vitest';
import { suggestedFileName } from '../../../shared/fileName';
import { olderLibrary } from '../../testing/olderLibrary';
import { shopCode, storeCode } from '../../testing/storeCodes';
import { tempFolderFor } from '../../testing/tempFolder';
import { requestKey } from '../codes/requestKey';
import { CodeTable, type StoredCode } from './codeTable';
import { Library } from './library';
import { BUSY_TIMEOUT_MS, openLibraryDatabase, SCHEMA_VERSION } from './libraryDatabase';
import { shortSearchGrams } from './shortSearch';
import { fillShortSearchChunk } from './shortSearchFill';

const scene = storeCode;
const code = shopCode;

/** What History shows for a search: every matching code id, newest first, and the count. */
interface Answer {
  ids: string[];
  count: number;
}
const answer = (codes: Pick<CodeTable, 'page' | 'count'>, query: string, first = 1_000_000): Answer => ({
  ids: codes.page({ query }, first).entries.map((e) => e.codeId),
  count: codes.count({ query }),
});

/** Whether the library still has codes waiting for the short-search fill. */
function filling(dir: string): boolean {
  const db = openLibraryDatabase(join(dir, 'library.db'));
  try {
    return db.prepare('SELECT 1 FROM short_search_fill').get() !== undefined;
  } finally {
    db.close();
  }
}

/** Every one- and two-character piece of the texts listed, as a user could type it (no spaces). */
function shortQueries(codes: CodeTable): string[] {
  const queries = new Set<string>();
  for (const entry of codes.page({}, 1_000_000).entries) {
    const r = entry.request;
    const texts = [
      ...(r.kind === 'unlimited' ? [r.page, r.scene] : [r.path]),
      entry.suggestedName,
      entry.origin?.rowName ?? '',
      ...Object.values(entry.origin?.cells ?? {}),
    ];
    for (const text of texts) {
      const chars = [...text];
      for (let i = 0; i < chars.length; i++) {
        for (const query of [chars[i]!, chars.slice(i, i + 2).join('')]) {
          if (query.trim() === query && query) queries.add(query);
        }
      }
    }
  }
  return [...queries];
}

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'short-search-fill');
});

describe('the short-search index of a library written before it', () => {
  it('opens at once and is filled in the background while another process adds codes and reads', {
    timeout: 180_000,
  }, async () => {
    await olderLibrary(dir, 30_000);
    // The "app": upgrades the library, then fills the index.
    const app = spawn(process.execPath, ['--import', 'tsx', 'electron/testing/libraryUntilFilled.ts', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let said = '';
    app.stdout.on('data', (d) => (said += d));
    const exited = new Promise<number | null>((resolve) => app.on('close', resolve));
    while (!/^open/m.test(said)) await new Promise((resolve) => setTimeout(resolve, 5));
    // The "CLI", meanwhile: opens, adds codes and reads them back, each well within its busy timeout.
    const started = performance.now();
    const cli = await Library.open(dir);
    const openMs = performance.now() - started;
    const waits: number[] = [];
    const added: string[] = [];
    let addedWhileFilling = 0;
    for (let i = 0; added.length < 5 || !/^filled/m.test(said); i++) {
      const wasFilling = filling(dir);
      const before = performance.now();
      added.push((await cli.add(code(scene(`${i}号桌`)))).codeId);
      const found = cli.list({ query: '桌' }, { limit: 10 }).entries[0]?.codeId;
      waits.push(performance.now() - before);
      expect(found).toBe(added.at(-1));
      if (wasFilling && filling(dir)) addedWhileFilling++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await exited).toBe(0);
    await cli.shortSearchFilled();
    // The one-go upgrade held the lock for the whole fill, a time that grows with the library (past
    // the busy timeout at a million codes); a chunk holds it for tens of milliseconds at any size.
    // An add (its flush included) and a read scanning the codes left to fill stay far inside the busy timeout,
    // with room for a loaded machine.
    expect(addedWhileFilling).toBeGreaterThan(0);
    expect(openMs).toBeLessThan(BUSY_TIMEOUT_MS / 10);
    expect(Math.max(...waits)).toBeLessThan(BUSY_TIMEOUT_MS / 4);
    // Each code once, the fixture's own 桌 included, found by the index now whole.
    const table = cli.list({ query: '桌' }, { limit: 1_000 }).entries.map((e) => e.codeId);
    expect(table).toEqual([...added.reverse(), 'd6bd2de0-3e49-46ff-b2f6-910cf289e081']);
    expect(cli.count({ query: '桌' })).toBe(added.length + 1);
    expect(cli.count({ query: '上海' })).toBe(3_000 + 2);
    // One generated scene in three is a KIOSK's; no fixture code has one.
    expect(cli.count({ query: 'Ki' })).toBe(10_000);
    cli.close();
    expect(filling(dir)).toBe(false);
    console.log(
      `30,000 codes: open ${Math.round(openMs)} ms beside the filling process (it: ${said.trim().replace(/\n/g, ', ')} ms); ` +
        `${waits.length} adds + reads, ${addedWhileFilling} while it filled, slowest ${Math.round(Math.max(...waits))} ms`,
    );
  });

  it('resumes a fill stopped part-way and then answers every short search as it did part-way', {
    timeout: 300_000,
  }, async () => {
    await olderLibrary(dir, 2_000);
    const db = openLibraryDatabase(join(dir, 'library.db'));
    // Three chunks of 300, then the process "stops": each chunk is committed, nothing more.
    for (let chunk = 0; chunk < 3; chunk++) expect(fillShortSearchChunk(db, 300)).toBe(false);
    db.close();
    expect(filling(dir)).toBe(true);

    // Writes while the fill is part-way, around its high-water seq and past it, as Library makes
    // them (each in its transaction), by a process that fills nothing itself.
    const write = openLibraryDatabase(join(dir, 'library.db'));
    const writer = new CodeTable(write);
    const all = () => writer.page({}, 1_000_000).entries;
    const remove = (codeId: string) => write.transaction(() => writer.delete(codeId)).immediate();
    const insert = (scene: string) => {
      const made = storedCode(scene);
      write.transaction(() => writer.insert(made))();
      return made;
    };
    // The newest old code deleted, so the next code is given its seq: the fill's to index.
    remove(all()[0]!.codeId);
    const reused = insert('复用上海KIOSK');
    const added = insert('新加北京shop');
    // An old code the fill has not reached, and one it has, each given a batch row later.
    const unreached = all().at(-1000)!;
    const reached = all().at(-10)!;
    for (const [i, target] of [unreached, reached].entries()) {
      write.transaction(() =>
        writer.adoptOrigin(target.codeId, { sourceFile: '徐汇区.xlsx', row: i, rowName: `徐汇店${i}` }),
      )();
    }
    remove(all().at(-1500)!.codeId);
    write.close();
    expect(filling(dir)).toBe(true);

    // What the part-way index and a scan of the codes it has yet to reach answer, for every piece of every text.
    const scanDb = openLibraryDatabase(join(dir, 'library.db'));
    const scanCodes = new CodeTable(scanDb);
    const queries = [...shortQueries(scanCodes), 'SH', 'Sh', 'kiosk', 'X'].filter((q) => [...q].length <= 2);
    const scanned = new Map(queries.map((q) => [q, answer(scanCodes, q)]));
    expect(scanDb.prepare('SELECT 1 FROM short_search_fill').get()).toBeDefined();
    scanDb.close();

    // Reopened: the fill resumes from where it stopped and finishes.
    const resumed = await Library.open(dir);
    const alive = setInterval(() => {}, 1_000);
    await resumed.shortSearchFilled();
    clearInterval(alive);
    resumed.close();
    expect(filling(dir)).toBe(false);
    const indexedDb = openLibraryDatabase(join(dir, 'library.db'));
    const indexed = new CodeTable(indexedDb);
    for (const query of queries) expect(answer(indexed, query), query).toEqual(scanned.get(query));
    // The answers are the index's, not another scan: its plan reads codes_short_search.
    const plan = indexedDb
      .prepare('EXPLAIN QUERY PLAN SELECT rowid FROM codes_short_search WHERE codes_short_search MATCH ?')
      .all('"x"') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
    expect(answer(indexed, '徐汇').ids).toEqual(expect.arrayContaining([reached.codeId, unreached.codeId]));
    expect(answer(indexed, '新加').ids).toEqual([added.codeId]);
    expect(answer(indexed, '复用').ids).toEqual([reused.codeId]);
    indexedDb.close();
    console.log(`${queries.length} short searches answered alike by the scan and the resumed index`);
  });
});

describe('a short search while the fill is part-way', () => {
  it("answers as the finished index does, folding every script's case, page by page", {
    timeout: 300_000,
  }, async () => {
    await olderLibrary(dir, 2_000);
    const db = openLibraryDatabase(join(dir, 'library.db'));
    for (let chunk = 0; chunk < 3; chunk++) expect(fillShortSearchChunk(db, 300)).toBe(false);
    const codes = new CodeTable(db);
    const all = codes.page({}, 1_000_000).entries;
    // Texts whose case toLowerCase folds beyond A–Z (É, Kelvin's K, İ into two characters, Σ into σ
    // or, ending a word, ς), and what LIKE and GLOB take for wildcards or escapes, in codes the fill
    // has indexed, codes it has yet to reach, and new codes.
    const texts = [
      'Café CAFÉ',
      'ΟΔΟΣ Σοφία',
      'ΑΣ',
      'İstanbul',
      'KELVIN 273\u212a',
      'STRAẞE 桌',
      '*?[门店] 5%_\\',
    ];
    const unreached = new Map<string, string[]>();
    for (const [i, text] of texts.entries()) {
      const [reached, ...notYet] = [all.at(-10 - i)!, all.at(-1_000 - i)!, all.at(-1_400 - i)!];
      unreached.set(
        text,
        notYet.map((c) => c.codeId),
      );
      for (const target of [reached!, ...notYet]) {
        const given = db.transaction(() =>
          codes.adoptOrigin(target.codeId, { sourceFile: '门店.xlsx', row: i, rowName: text }),
        )();
        expect(given).toBe(true);
      }
      db.transaction(() => codes.insert(storedCode(text)))();
    }
    expect(filling(dir)).toBe(true);

    // Read a few codes a page too: these, and every piece of every text whole.
    const paged = [
      'É',
      'é',
      'CA',
      'Σ',
      'σ',
      'ς',
      'ΑΣ',
      'ας',
      'İ',
      'i',
      'I',
      'k',
      'K',
      'ẞ',
      'ß',
      '桌',
      '上',
      'Ki',
      '=1',
      '%',
      '_',
      '\\',
    ];
    const queries = [...shortQueries(codes), ...paged, 'X'].filter((q) => [...q].length <= 2);
    /** History's answer, counted with and without a ceiling, and for some read 7 codes a page. */
    const answered = (table: CodeTable, query: string) => ({
      ...answer(table, query),
      upTo: table.count({ query }, 3),
      ...(paged.includes(query) ? { paged: listedByPages(table, query, 7) } : {}),
    });
    const partWay = new Map(queries.map((q) => [q, answered(codes, q)]));
    expect(filling(dir)).toBe(true);
    // Found in the codes the fill has yet to reach too, as the index finds them: ΑΣ ends in ς.
    expect(partWay.get('É')?.ids).toEqual(expect.arrayContaining(unreached.get('Café CAFÉ')!));
    expect(partWay.get('É')).toEqual(partWay.get('é'));
    expect(partWay.get('ς')?.ids).toEqual(expect.arrayContaining(unreached.get('ΑΣ')!));
    expect(partWay.get('σ')?.ids).not.toEqual(expect.arrayContaining(unreached.get('ΑΣ')!.slice(0, 1)));

    while (!fillShortSearchChunk(db)) {}
    expect(filling(dir)).toBe(false);
    const finished = new CodeTable(db);
    for (const query of queries) expect(partWay.get(query), query).toEqual(answered(finished, query));
    db.close();
    console.log(`${queries.length} short searches answered part-way as the finished index answers them`);
  });
});

/** The ids of every code a short search finds, read `size` a page, following each page's cursor. */
function listedByPages(codes: CodeTable, query: string, size: number): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = codes.page({ query }, size, cursor);
    ids.push(...page.entries.map((e) => e.codeId));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

let made = 0;
/** A code as Library.add makes it. */
function storedCode(text: string): StoredCode {
  const request = scene(text);
  return {
    codeId: `11111111-0000-4000-8000-${String(++made).padStart(12, '0')}`,
    key: requestKey('wx0123456789abcdef', request),
    accountId: 'shop',
    appId: 'wx0123456789abcdef',
    kind: request.kind,
    request,
    pngHash: 'a'.repeat(64),
    width: 430,
    height: 430,
    createdAt: new Date().toISOString(),
    suggestedName: suggestedFileName(request),
  };
}

describe('a fill whose process is killed', () => {
  it('carries on at the next open and indexes every code once', { timeout: 300_000 }, async () => {
    await olderLibrary(dir, 30_000);
    const app = spawn(process.execPath, ['--import', 'tsx', 'electron/testing/libraryUntilFilled.ts', dir], {
      stdio: 'ignore',
    });
    const killed = new Promise((resolve) => app.on('close', resolve));
    const progress = () => {
      const db = openLibraryDatabase(join(dir, 'library.db'));
      try {
        return db.prepare('SELECT filled, last FROM short_search_fill').get() as
          | { filled: number; last: number }
          | undefined;
      } finally {
        db.close();
      }
    };
    // Killed (no chance to close anything) once it has committed a few chunks, well before the end.
    while ((progress()?.filled ?? 0) < 3_000) await new Promise((resolve) => setTimeout(resolve, 5));
    app.kill('SIGKILL');
    await killed;
    const left = progress();
    expect(left && left.filled < left.last).toBe(true);

    const db = openLibraryDatabase(join(dir, 'library.db'));
    const queries = [...shortQueries(new CodeTable(db)), 'ST', 'Ki', '桌'];
    // History's first page and the count: comparing 300 full lists of 30,000 codes takes minutes.
    const scanning = new CodeTable(db);
    const scanned = new Map(queries.map((q) => [q, answer(scanning, q, 200)]));
    db.close();
    const library = await Library.open(dir);
    const alive = setInterval(() => {}, 1_000);
    await library.shortSearchFilled();
    clearInterval(alive);
    library.close();
    expect(progress()).toBeUndefined();
    const indexed = openLibraryDatabase(join(dir, 'library.db'));
    const codes = new CodeTable(indexed);
    for (const query of queries) expect(answer(codes, query, 200), query).toEqual(scanned.get(query));
    indexed.close();
    console.log(
      `killed at seq ${left?.filled} of ${left?.last}; ${queries.length} short searches answered alike after`,
    );
  });
});

describe('a library the one-go upgrade took to schema 5', () => {
  it('keeps its whole index and fills nothing', async () => {
    await olderLibrary(dir, 100);
    // What that build's step 4 did, in its migration transaction, then its step 5.
    const old = new Database(join(dir, 'library.db'));
    old.exec(`CREATE VIRTUAL TABLE codes_short_search USING fts5 (
      grams, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
    )`);
    const write = old.prepare('INSERT INTO codes_short_search (rowid, grams) VALUES (?, ?)');
    for (const [rowid, text] of old.prepare('SELECT rowid, text FROM codes_search').raw(true).all() as [
      number,
      string,
    ][]) {
      write.run(rowid, shortSearchGrams(text));
    }
    old.exec('CREATE TABLE images_unsynced (png_hash TEXT PRIMARY KEY, png BLOB NOT NULL)');
    old.exec('PRAGMA user_version = 5');
    old.close();

    const db = openLibraryDatabase(join(dir, 'library.db'));
    expect(db.prepare('PRAGMA user_version').get()).toMatchObject({ user_version: SCHEMA_VERSION });
    expect(db.prepare('SELECT count(*) AS n FROM short_search_fill').get()).toMatchObject({ n: 0 });
    expect(fillShortSearchChunk(db)).toBe(true);
    // Answered by its index, as the scan would: KIOSK is one generated scene in three.
    const codes = new CodeTable(db);
    expect(answer(codes, 'ki').count).toBe(33);
    expect(answer(codes, '桌').ids).toEqual(['d6bd2de0-3e49-46ff-b2f6-910cf289e081']);
    db.close();
  });
});
