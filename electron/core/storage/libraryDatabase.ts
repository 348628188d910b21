import Database from 'libsql';

export type LibraryDatabase = Database.Database;
export type Statement = Database.Statement;

/**
 * How long a write waits for another process (the app, a CLI batch) to finish its own before it
 * fails: writes take milliseconds, a first-start import of a large index a few seconds per chunk.
 */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * The schema, one step per version (PRAGMA user_version counts the steps applied). A step is never
 * edited once released: a change is a new step, so every database on every machine reaches the same
 * schema whichever version it started from. (Step 4 is the one exception, and step 6 makes up for it.)
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE codes (
    -- Insertion order: History lists newest first and pages by it.
    seq INTEGER PRIMARY KEY,
    code_id TEXT NOT NULL UNIQUE,
    request_key TEXT NOT NULL,
    account_id TEXT NOT NULL,
    app_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    request TEXT NOT NULL,
    png_hash TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    num_used INTEGER,
    created_at TEXT NOT NULL,
    suggested_name TEXT NOT NULL,
    -- Filled for codes a batch made (shared/codeOrigin.ts).
    origin_file TEXT,
    origin_campaign TEXT,
    origin_row INTEGER,
    origin_row_name TEXT,
    origin_cells TEXT
  );
  CREATE INDEX codes_by_request ON codes (request_key, seq);
  CREATE INDEX codes_by_account ON codes (account_id, seq);
  CREATE INDEX codes_by_kind ON codes (kind, seq);
  CREATE INDEX codes_by_num_used ON codes (app_id, num_used);
  -- Trigrams find any substring of three characters or more, Chinese included (南京西路), which a
  -- word tokenizer would not: Chinese has no spaces between words. Its rowid is codes.seq.
  CREATE VIRTUAL TABLE codes_search USING fts5 (text, tokenize = 'trigram');
  -- What the library has taken in of an index.jsonl written by an earlier version (libraryImport.ts).
  CREATE TABLE imported (file TEXT PRIMARY KEY, bytes INTEGER NOT NULL);
  `,
  // How many codes each account has of each kind, for History's counts without a search.
  `
  CREATE TABLE code_counts (
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (account_id, kind)
  ) WITHOUT ROWID;
  INSERT INTO code_counts (account_id, kind, n) SELECT account_id, kind, count(*) FROM codes GROUP BY 1, 2;
  CREATE TRIGGER codes_counted AFTER INSERT ON codes BEGIN
    INSERT INTO code_counts (account_id, kind, n) VALUES (new.account_id, new.kind, 1)
      ON CONFLICT (account_id, kind) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER codes_uncounted AFTER DELETE ON codes BEGIN
    UPDATE code_counts SET n = n - 1 WHERE account_id = old.account_id AND kind = old.kind;
  END;
  `,
  // Campaigns and their batches (issue 8): which batch made a code, and every row of every batch
  // with the code it got and the file name the batch gave it, a code from the library included,
  // so a campaign lists all its codes and a batch is exported again under its own names.
  `
  ALTER TABLE codes ADD COLUMN origin_batch TEXT;
  CREATE TABLE batches (
    batch TEXT PRIMARY KEY,
    campaign TEXT NOT NULL,
    source_file TEXT NOT NULL,
    started_at TEXT NOT NULL
  );
  CREATE INDEX batches_by_campaign ON batches (campaign, started_at);
  CREATE TABLE batch_rows (
    batch TEXT NOT NULL,
    row INTEGER NOT NULL,
    code_id TEXT NOT NULL,
    file TEXT NOT NULL,
    PRIMARY KEY (batch, row)
  ) WITHOUT ROWID;
  CREATE INDEX batch_rows_by_code ON batch_rows (code_id);
  `,
  // Searches of one or two characters (shortSearch.ts). Contentless (the text is in codes_search
  // already) and without positions (a gram is one token: there is no phrase to find), so it holds
  // little more than, per gram, the list of codes having it. Its rowid is codes.seq.
  //
  // It is created empty: the codes already kept are indexed afterwards, a thousand per short
  // transaction (shortSearchFill.ts), from short_search_fill's row: the codes with a seq in
  // (filled, last] are the fill's to index, every other code is indexed by whoever writes it. The
  // build before this one filled it here, in the migration's transaction: at a million codes that
  // held the write lock for longer than the busy timeout of a CLI (or app) sharing the library.
  // No row: nothing left to fill (a new library, or one whose fill has finished).
  `
  CREATE VIRTUAL TABLE codes_short_search USING fts5 (
    grams, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
  );
  CREATE TABLE short_search_fill (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    filled INTEGER NOT NULL,
    last INTEGER NOT NULL
  );
  -- codes.seq is codes_search's rowid; its max is read off the primary key (the FTS table's would
  -- be read row by row).
  INSERT INTO short_search_fill (id, filled, last)
    SELECT 1, 0, max(seq) FROM codes HAVING max(seq) IS NOT NULL;
  `,
  // A new code's image, kept with it in its commit until its file is synced (imageStore.ts).
  `
  CREATE TABLE images_unsynced (png_hash TEXT PRIMARY KEY, png BLOB NOT NULL);
  `,
  // A library upgraded by the build whose step 4 filled the short-search index in one go has no
  // short_search_fill table: it gets one, empty, since its index is whole.
  `
  CREATE TABLE IF NOT EXISTS short_search_fill (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    filled INTEGER NOT NULL,
    last INTEGER NOT NULL
  );
  `,
];

/**
 * Opens (creating it if need be) the library's database, shared by the app and any CLI process:
 * write-ahead logging lets them read while one writes, and a writer waits for another rather than
 * failing at once.
 */
export function openLibraryDatabase(path: string): LibraryDatabase {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.prepare('PRAGMA journal_mode = WAL').get();
    // Each commit still reaches the disk before add() returns, as the index's fsynced lines did (a
    // code WeChat charged for is not lost to a power cut), but through DurableCommits, off the main
    // thread: FULL would block the event loop on an fdatasync in every commit.
    db.exec('PRAGMA synchronous = NORMAL');
    // 8 MiB of pages held between queries (the default is 2). The system's file cache holds the
    // rest: at a million codes History's searches measured the same with 8, 16 and 32 MiB (p95
    // 8.5-9.5 ms), and 32 MiB cost a batch 24 MiB more at 50,000 rows than at 5,000, for nothing.
    db.exec('PRAGMA cache_size = -8192');
    migrate(db);
    return db;
  } catch (cause) {
    db.close();
    throw cause;
  }
}

/** The schema version of this build: a database written by a newer one is not touched. */
export const SCHEMA_VERSION = MIGRATIONS.length;

function migrate(db: LibraryDatabase): void {
  if (schemaVersion(db) === SCHEMA_VERSION) return;
  // IMMEDIATE takes the write lock first, so two processes starting together do not both migrate:
  // the second waits, then finds the work done.
  db.transaction(() => {
    const from = schemaVersion(db);
    if (from > SCHEMA_VERSION) {
      throw new Error(
        `The library was written by a newer version of the app (schema ${from}; this one knows ${SCHEMA_VERSION}).`,
      );
    }
    for (const step of MIGRATIONS.slice(from)) db.exec(step);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function schemaVersion(db: LibraryDatabase): number {
  return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
}
