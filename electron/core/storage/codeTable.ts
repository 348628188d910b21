import type { CodeOrigin } from '../../../shared/codeOrigin';
import type { CodeKind, CodeRequest } from '../../../shared/codeRequest';
import type { LibraryDatabase, Statement } from './libraryDatabase';
import { preparedStatements } from './preparedStatements';
import { shortSearchGrams, shortSearchMatch } from './shortSearch';
import { CAPITAL_SIGMA, searchesSigma, shortSearchFinds, shortSearchLikes } from './shortSearchScan';

/** A code the library keeps, as the app and History see it. */
export interface StoredCode {
  codeId: string;
  /** requestKey(appId, request): finds an earlier identical request. */
  key: string;
  accountId: string;
  appId: string;
  kind: CodeKind;
  request: CodeRequest;
  /** Content hash of the PNG; the file is png/<hash>.png. */
  pngHash: string;
  width: number;
  height: number;
  numUsed?: number;
  createdAt: string;
  suggestedName: string;
  /** The batch row it was made for, when a batch made it. */
  origin?: CodeOrigin;
}

export interface CodeFilter {
  query?: string;
  accountId?: string;
  kind?: CodeKind;
  /** Codes any batch of this campaign made or took from the library. */
  campaign?: string;
  /** Codes of this one batch. */
  batch?: string;
}

export interface CodePage {
  /** Newest first. */
  entries: StoredCode[];
  /** Where the next page starts; absent on the last page. */
  nextCursor?: string;
}

/** The columns a code is read from, in the order storedCode() takes them. */
const COLUMNS = [
  'seq',
  'code_id',
  'request_key',
  'account_id',
  'app_id',
  'kind',
  'request',
  'png_hash',
  'width',
  'height',
  'num_used',
  'created_at',
  'suggested_name',
  'origin_file',
  'origin_campaign',
  'origin_row',
  'origin_row_name',
  'origin_cells',
  'origin_batch',
] as const;
type CodeRow = [
  seq: number,
  codeId: string,
  key: string,
  accountId: string,
  appId: string,
  kind: string,
  request: string,
  pngHash: string,
  width: number,
  height: number,
  numUsed: number | null,
  createdAt: string,
  suggestedName: string,
  originFile: string | null,
  originCampaign: string | null,
  originRow: number | null,
  originRowName: string | null,
  originCells: string | null,
  originBatch: string | null,
];
/**
 * A code's columns as one JSON array: the binding hands each value across to JavaScript one by one,
 * which for a page of 200 codes costs several times what SQLite's reading them does.
 */
const ROW = `json_array(${COLUMNS.map((c) => `codes.${c}`).join(', ')})`;

/**
 * The codes the short-search fill has yet to index (shortSearchFill.ts), as a condition on
 * codes_search. The fill's row is read by the statement itself, so it sees the row and the indexes
 * as of one moment while the fill moves on; once the row is gone it holds for no code.
 */
const UNFILLED = `codes_search.rowid > (SELECT filled FROM short_search_fill)
  AND codes_search.rowid <= (SELECT last FROM short_search_fill)`;

/**
 * The codes table and its search index, kept in step: every statement the library runs, prepared
 * once per connection. The caller chooses a write's transaction.
 */
export class CodeTable {
  private readonly statement: (sql: string) => Statement;
  /** Once the short-search index holds every code it always will (shortSearchFill.ts): not asked again. */
  private shortSearchWhole = false;

  constructor(private readonly db: LibraryDatabase) {
    this.statement = preparedStatements(db);
  }

  /**
   * Reads in one transaction, unless the caller's holds already: a search part-way through the fill
   * reads its texts with a Σ, then its page, and both must see the fill where it was.
   */
  private reading<T>(read: () => T): T {
    return this.db.inTransaction ? read() : this.db.transaction(read)();
  }

  /** The rows a query selects through ROW, read as one JSON array each. */
  /**
   * One row, through get(): libsql's all() and iterate() keep about 1 KB of native memory per call
   * that is not given back (300,000 lookups: +275 MB RSS), and a batch looks a code up per row.
   */
  private row(sql: string, ...params: unknown[]): CodeRow | undefined {
    const found = this.statement(sql)
      .raw(true)
      .get(...params) as [string] | undefined;
    return found && (JSON.parse(found[0]) as CodeRow);
  }

  private rows(sql: string, ...params: unknown[]): CodeRow[] {
    const rows = this.statement(sql)
      .raw(true)
      .all(...params) as [string][];
    return rows.map(([row]) => JSON.parse(row) as CodeRow);
  }

  /** Adds the code unless one with its id is there already; whether it was added. */
  insert(code: StoredCode): boolean {
    const origin = code.origin;
    const added = this.statement(
      `INSERT OR IGNORE INTO codes (code_id, request_key, account_id, app_id, kind, request, png_hash,
         width, height, num_used, created_at, suggested_name,
         origin_file, origin_campaign, origin_row, origin_row_name, origin_cells, origin_batch)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      code.codeId,
      code.key,
      code.accountId,
      code.appId,
      code.kind,
      JSON.stringify(code.request),
      code.pngHash,
      code.width,
      code.height,
      code.numUsed ?? null,
      code.createdAt,
      code.suggestedName,
      origin?.sourceFile ?? null,
      origin?.campaign ?? null,
      origin?.row ?? null,
      origin?.rowName ?? null,
      origin?.cells ? JSON.stringify(origin.cells) : null,
      origin?.batch ?? null,
    );
    if (added.changes === 0) return false;
    this.index(added.lastInsertRowid, searchText(code));
    return true;
  }

  /**
   * Puts a code's search text in both search indexes (trigrams, and the short searches'), unless
   * the short-search fill is yet to reach it: it reads the text then, and a code is indexed once.
   * Called in the transaction that writes the code, so the fill cannot move between look and write.
   */
  private index(seq: number | bigint, text: string): void {
    this.statement('INSERT INTO codes_search (rowid, text) VALUES (?, ?)').run(seq, text);
    if (this.fillOwns(seq)) return;
    this.statement('INSERT INTO codes_short_search (rowid, grams) VALUES (?, ?)').run(
      seq,
      shortSearchGrams(text),
    );
  }

  private unindex(seq: number): void {
    this.statement('DELETE FROM codes_search WHERE rowid = ?').run(seq);
    if (this.fillOwns(seq)) return;
    this.statement('DELETE FROM codes_short_search WHERE rowid = ?').run(seq);
  }

  /**
   * Whether the short-search fill is still to index this seq (shortSearchFill.ts): one of the codes
   * kept before the index existed that it has not reached. A seq of a code deleted since may be
   * given again to a new code (seq is the highest plus one); it is then the fill's too.
   */
  private fillOwns(seq: number | bigint): boolean {
    if (this.shortSearchWhole) return false;
    const state = this.statement('SELECT filled, last FROM short_search_fill').raw(true).get() as
      | [filled: number, last: number]
      | undefined;
    if (!state) this.shortSearchWhole = true;
    return state !== undefined && seq > state[0] && seq <= state[1];
  }

  /** Whether the short-search index holds every code, so a short search can be answered by it alone. */
  private shortSearchIndexed(): boolean {
    if (!this.shortSearchWhole)
      this.shortSearchWhole = this.statement('SELECT 1 FROM short_search_fill').get() === undefined;
    return this.shortSearchWhole;
  }

  /**
   * The codes the fill has yet to index that a short search finds, read from their search text, or
   * undefined once the index holds every code.
   */
  private unfilledMatching(query: string): Search | undefined {
    if (this.shortSearchIndexed()) return undefined;
    const likes = shortSearchLikes(query);
    const found = likes.map(() => "codes_search.text LIKE ? ESCAPE '\\'");
    const params: unknown[] = [...likes];
    if (searchesSigma(query)) {
      // Σ's lowercase depends on its neighbours, which no pattern can say (shortSearchScan.ts).
      const texts = this.statement(`SELECT rowid, text FROM codes_search WHERE ${UNFILLED} AND text GLOB ?`)
        .raw(true)
        .all(`*${CAPITAL_SIGMA}*`) as [number, string][];
      found.push('codes_search.rowid IN (SELECT value FROM json_each(?))');
      params.push(
        JSON.stringify(texts.filter(([, text]) => shortSearchFinds(text, query)).map(([seq]) => seq)),
      );
    }
    return { index: 'codes_search', condition: `${UNFILLED} AND (${found.join(' OR ')})`, params };
  }

  /**
   * Gives a code made without an origin (by the form, a batch's first-row check) the batch row it
   * then served, so History finds it by that row too; a code with an origin keeps its own.
   */
  adoptOrigin(codeId: string, origin: CodeOrigin): boolean {
    const changed = this.statement(
      `UPDATE codes SET origin_file = ?, origin_campaign = ?, origin_row = ?, origin_row_name = ?,
         origin_cells = ?, origin_batch = ?
       WHERE code_id = ? AND origin_file IS NULL`,
    ).run(
      origin.sourceFile,
      origin.campaign ?? null,
      origin.row,
      origin.rowName ?? null,
      origin.cells ? JSON.stringify(origin.cells) : null,
      origin.batch ?? null,
      codeId,
    );
    if (changed.changes === 0) return false;
    const row = this.row(`SELECT ${ROW} FROM codes WHERE code_id = ?`, codeId);
    if (row) {
      this.unindex(row[0]);
      this.index(row[0], searchText(storedCode(row)));
    }
    return true;
  }

  /** Run in an IMMEDIATE transaction: the fill must not index the code between look and delete. */
  delete(codeId: string): boolean {
    const row = this.statement('SELECT seq FROM codes WHERE code_id = ?').get(codeId) as
      | { seq: number }
      | undefined;
    if (!row) return false;
    this.unindex(row.seq);
    this.statement('DELETE FROM batch_rows WHERE code_id = ?').run(codeId);
    this.statement('DELETE FROM codes WHERE seq = ?').run(row.seq);
    return true;
  }

  byId(codeId: string): StoredCode | undefined {
    const row = this.row(`SELECT ${ROW} FROM codes WHERE code_id = ?`, codeId);
    return row && storedCode(row);
  }

  /** The newest code made for this request key: a regenerated code replaces the earlier one. */
  newestFor(key: string): StoredCode | undefined {
    const row = this.row(`SELECT ${ROW} FROM codes WHERE request_key = ? ORDER BY seq DESC LIMIT 1`, key);
    return row && storedCode(row);
  }

  /** The id of newestFor(key)'s code, read without the row: a miss is answered by the index alone. */
  newestIdFor(key: string): string | undefined {
    const row = this.statement('SELECT code_id FROM codes WHERE request_key = ? ORDER BY seq DESC LIMIT 1')
      .raw(true)
      .get(key) as [string] | undefined;
    return row?.[0];
  }

  highestNumUsed(appId: string): number | undefined {
    const row = this.statement('SELECT max(num_used) AS highest FROM codes WHERE app_id = ?').get(appId) as {
      highest: number | null;
    };
    return row.highest ?? undefined;
  }

  /**
   * A page of the codes matching the filter, newest first, after `cursor`. Pages are read by key
   * (the insertion order), not by offset, so the thousandth page costs what the first does.
   */
  page(filter: CodeFilter, limit: number, cursor?: string): CodePage {
    const before = cursor === undefined ? Number.MAX_SAFE_INTEGER : Number.parseInt(cursor, 10);
    const rows = this.reading(() => {
      const sources = matching(filter, (query) => this.unfilledMatching(query));
      const after = Number.isSafeInteger(before) ? before : 0;
      const picked = sources.map(
        (s) => `FROM ${s.from} WHERE ${[...s.where, `${s.order} < ?`].join(' AND ')}`,
      );
      const params = sources.flatMap((s) => [...s.params, after]);
      const [only] = sources;
      if (sources.length === 1 && only)
        return this.rows(
          `SELECT ${ROW} ${picked[0]} ORDER BY ${only.order} DESC LIMIT ?`,
          ...params,
          limit + 1,
        );
      // Each part yields its matches newest first and SQLite merges them, so the page still stops
      // at its limit; the codes' rows are read for that page only.
      const parts = sources.map((s, i) => `SELECT ${s.order} AS seq ${picked[i]}`).join(' UNION ALL ');
      return this.rows(
        `SELECT ${ROW} FROM (${parts} ORDER BY seq DESC LIMIT ?) AS hits
         JOIN codes ON codes.seq = hits.seq ORDER BY hits.seq DESC`,
        ...params,
        limit + 1,
      );
    });
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      entries: rows.slice(0, limit).map(storedCode),
      ...(last ? { nextCursor: String(last[0]) } : {}),
    };
  }

  /**
   * How many codes match the filter; with `upTo`, a search's count stops past it (the answer is then
   * upTo + 1), since a search most codes match would otherwise read its whole match list for a figure
   * History only shows as "10,000+". The counts kept by triggers are exact whatever `upTo` is.
   */
  count(filter: CodeFilter, upTo?: number): number {
    if (!filter.query?.trim() && !filter.campaign && !filter.batch) {
      const [{ where, params }] = matching(filter, () => undefined) as [Source];
      // Kept up to date by triggers (migration 2): counting a million rows takes a third of a second.
      // Its account_id and kind are the filter's conditions on the codes table, asked of this one.
      const counted = where.map((condition) => condition.replace(/^codes\./, 'code_counts.'));
      const sql = `SELECT coalesce(sum(n), 0) AS n FROM code_counts ${counted.length ? `WHERE ${counted.join(' AND ')}` : ''}`;
      return (this.statement(sql).get(...params) as { n: number }).n;
    }
    return this.reading(() => {
      const sources = matching(filter, (query) => this.unfilledMatching(query));
      // A search alone is counted in the search index, without reading a row of the codes table.
      const matches = sources
        .map((s) => `SELECT 1 FROM ${s.bare ?? s.from} WHERE ${s.where.join(' AND ')}`)
        .join(' UNION ALL ');
      const params = sources.flatMap((s) => s.params);
      const sql = `SELECT count(*) AS n FROM (${matches}${upTo === undefined ? '' : ' LIMIT ?'})`;
      return (this.statement(sql).get(...params, ...(upTo === undefined ? [] : [upTo + 1])) as { n: number })
        .n;
    });
  }
}

/** A search's look-up: the rows of a search index (its rowid is codes.seq) meeting a condition. */
interface Search {
  index: 'codes_search' | 'codes_short_search';
  condition: string;
  params: unknown[];
}

/** Where codes matching a filter are read, newest first by `order`. */
interface Source {
  from: string;
  where: string[];
  params: unknown[];
  order: string;
  /** The search index alone, when the search is the only condition. */
  bare?: string;
}

/**
 * Where the codes matching a filter are read: one source, or during the short-search fill two for a
 * short search (the index, and `unfilled`: the codes it does not hold yet), whose codes never overlap.
 */
function matching(filter: CodeFilter, unfilled: (query: string) => Search | undefined): Source[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.accountId) {
    where.push('codes.account_id = ?');
    params.push(filter.accountId);
  }
  if (filter.kind) {
    where.push('codes.kind = ?');
    params.push(filter.kind);
  }
  // Through the batches' rows: a code the library already held when a batch ran is that batch's too.
  if (filter.batch) {
    where.push('codes.code_id IN (SELECT code_id FROM batch_rows WHERE batch = ?)');
    params.push(filter.batch);
  }
  if (filter.campaign) {
    where.push(
      'codes.code_id IN (SELECT r.code_id FROM batch_rows r JOIN batches b ON b.batch = r.batch WHERE b.campaign = ?)',
    );
    params.push(filter.campaign);
  }
  const query = filter.query?.trim();
  if (!query) return [{ from: 'codes', where, params, order: 'codes.seq' }];
  // One or two characters are fewer than a trigram: the short searches' index holds them, and
  // while its fill is under way (shortSearchFill.ts) the codes it has yet to reach are read.
  const short = shortSearchMatch(query);
  const unindexed = short === undefined ? undefined : unfilled(query);
  const searches: Search[] =
    short === undefined
      ? [
          {
            index: 'codes_search',
            condition: 'codes_search MATCH ?',
            params: [`"${query.replaceAll('"', '""')}"`],
          },
        ]
      : [
          { index: 'codes_short_search', condition: 'codes_short_search MATCH ?', params: [short] },
          ...(unindexed ? [unindexed] : []),
        ];
  // The search index leads, ordered by its own rowid (the same number as codes.seq): it then
  // yields matches newest first and the page stops at its limit, where ordering by codes.seq
  // would sort every match first.
  return searches.map((search) => ({
    from: `${search.index} JOIN codes ON codes.seq = ${search.index}.rowid`,
    where: [search.condition, ...where],
    params: [...search.params, ...params],
    order: `${search.index}.rowid`,
    ...(where.length === 0 ? { bare: search.index } : {}),
  }));
}

/** What a search looks in: the page or path, the scene, the file name, and the batch row's name and cells. */
function searchText(code: StoredCode): string {
  const r = code.request;
  const parts = r.kind === 'unlimited' ? [r.page, r.scene] : [r.path];
  const origin = code.origin;
  // Each text once: a row's name is often one of its cells too, and the index grows with every copy.
  const texts = new Set([
    ...parts,
    code.suggestedName,
    ...(origin?.rowName ? [origin.rowName] : []),
    ...Object.values(origin?.cells ?? {}),
  ]);
  return [...texts].join('\n');
}

function storedCode(row: CodeRow): StoredCode {
  const [
    ,
    codeId,
    key,
    accountId,
    appId,
    kind,
    request,
    pngHash,
    width,
    height,
    numUsed,
    createdAt,
    suggestedName,
    file,
    campaign,
    originRow,
    rowName,
    cells,
    batch,
  ] = row;
  return {
    codeId,
    key,
    accountId,
    appId,
    kind: kind as CodeKind,
    request: JSON.parse(request) as CodeRequest,
    pngHash,
    width,
    height,
    ...(numUsed !== null ? { numUsed } : {}),
    createdAt,
    suggestedName,
    ...(file !== null && originRow !== null
      ? {
          origin: {
            sourceFile: file,
            row: originRow,
            ...(campaign !== null ? { campaign } : {}),
            ...(rowName !== null ? { rowName } : {}),
            ...(cells !== null ? { cells: JSON.parse(cells) as Record<string, string> } : {}),
            ...(batch !== null ? { batch } : {}),
          },
        }
      : {}),
  };
}
