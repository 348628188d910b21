import type { CodeOrigin } from '../../../shared/codeOrigin';
import type { CodeKind, CodeRequest } from '../../../shared/codeRequest';
import type { LibraryDatabase, Statement } from './libraryDatabase';

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
}

export interface CodePage {
  /** Newest first. */
  entries: StoredCode[];
  /** Where the next page starts; absent on the last page. */
  nextCursor?: string;
}

interface CodeRow {
  seq: number;
  code_id: string;
  request_key: string;
  account_id: string;
  app_id: string;
  kind: string;
  request: string;
  png_hash: string;
  width: number;
  height: number;
  num_used: number | null;
  created_at: string;
  suggested_name: string;
  origin_file: string | null;
  origin_campaign: string | null;
  origin_row: number | null;
  origin_row_name: string | null;
  origin_cells: string | null;
}

/** Trigrams index substrings of three characters and more; a shorter search reads every row. */
const SHORTEST_INDEXED = 3;

/**
 * The codes table and its search index, kept in step: every statement the library runs, prepared
 * once per connection. The caller chooses the transaction.
 */
export class CodeTable {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: LibraryDatabase) {}

  private statement(sql: string): Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Adds the code unless one with its id is there already; whether it was added. */
  insert(code: StoredCode): boolean {
    const origin = code.origin;
    const added = this.statement(
      `INSERT OR IGNORE INTO codes (code_id, request_key, account_id, app_id, kind, request, png_hash,
         width, height, num_used, created_at, suggested_name,
         origin_file, origin_campaign, origin_row, origin_row_name, origin_cells)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    );
    if (added.changes === 0) return false;
    this.statement('INSERT INTO codes_search (rowid, text) VALUES (?, ?)').run(
      added.lastInsertRowid,
      searchText(code),
    );
    return true;
  }

  delete(codeId: string): boolean {
    const row = this.statement('SELECT seq FROM codes WHERE code_id = ?').get(codeId) as
      | { seq: number }
      | undefined;
    if (!row) return false;
    this.statement('DELETE FROM codes_search WHERE rowid = ?').run(row.seq);
    this.statement('DELETE FROM codes WHERE seq = ?').run(row.seq);
    return true;
  }

  byId(codeId: string): StoredCode | undefined {
    return storedCode(this.statement('SELECT * FROM codes WHERE code_id = ?').get(codeId));
  }

  /** The newest code made for this request key: a regenerated code replaces the earlier one. */
  newestFor(key: string): StoredCode | undefined {
    return storedCode(
      this.statement('SELECT * FROM codes WHERE request_key = ? ORDER BY seq DESC LIMIT 1').get(key),
    );
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
    const { from, where, params } = matching(filter);
    const before = cursor === undefined ? Number.MAX_SAFE_INTEGER : Number.parseInt(cursor, 10);
    const rows = this.statement(
      `SELECT codes.* FROM ${from} WHERE ${[...where, 'codes.seq < ?'].join(' AND ')}
       ORDER BY codes.seq DESC LIMIT ?`,
    ).all(...params, Number.isSafeInteger(before) ? before : 0, limit + 1) as CodeRow[];
    const entries = rows.slice(0, limit).map((row) => storedCode(row)!);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { entries, ...(last ? { nextCursor: String(last.seq) } : {}) };
  }

  count(filter: CodeFilter): number {
    const { from, where, params } = matching(filter);
    const sql = `SELECT count(*) AS n FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    return (this.statement(sql).get(...params) as { n: number }).n;
  }
}

/** The tables, conditions and parameters that select the codes matching a filter. */
function matching(filter: CodeFilter): { from: string; where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'codes';
  const query = filter.query?.trim();
  if (query) {
    // The search index leads: it yields matches newest first, and the page stops at its limit.
    from = 'codes_search JOIN codes ON codes.seq = codes_search.rowid';
    if ([...query].length >= SHORTEST_INDEXED) {
      where.push('codes_search MATCH ?');
      params.push(`"${query.replaceAll('"', '""')}"`);
    } else {
      where.push("codes_search.text LIKE ? ESCAPE '\\'");
      params.push(`%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
  }
  if (filter.accountId) {
    where.push('codes.account_id = ?');
    params.push(filter.accountId);
  }
  if (filter.kind) {
    where.push('codes.kind = ?');
    params.push(filter.kind);
  }
  return { from, where, params };
}

/** What a search looks in: the page or path, the scene, the file name, and the batch row's name and cells. */
function searchText(code: StoredCode): string {
  const r = code.request;
  const parts = r.kind === 'unlimited' ? [r.page, r.scene] : [r.path];
  const origin = code.origin;
  return [
    ...parts,
    code.suggestedName,
    ...(origin?.rowName ? [origin.rowName] : []),
    ...Object.values(origin?.cells ?? {}),
  ].join('\n');
}

function storedCode(found: unknown): StoredCode | undefined {
  if (!found) return undefined;
  const row = found as CodeRow;
  const origin: CodeOrigin | undefined =
    row.origin_file === null || row.origin_row === null
      ? undefined
      : {
          sourceFile: row.origin_file,
          row: row.origin_row,
          ...(row.origin_campaign !== null ? { campaign: row.origin_campaign } : {}),
          ...(row.origin_row_name !== null ? { rowName: row.origin_row_name } : {}),
          ...(row.origin_cells !== null ? { cells: JSON.parse(row.origin_cells) } : {}),
        };
  return {
    codeId: row.code_id,
    key: row.request_key,
    accountId: row.account_id,
    appId: row.app_id,
    kind: row.kind as CodeKind,
    request: JSON.parse(row.request) as CodeRequest,
    pngHash: row.png_hash,
    width: row.width,
    height: row.height,
    ...(row.num_used !== null ? { numUsed: row.num_used } : {}),
    createdAt: row.created_at,
    suggestedName: row.suggested_name,
    ...(origin ? { origin } : {}),
  };
}
