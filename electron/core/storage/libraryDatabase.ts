import Database from 'libsql';
import { shortSearchGrams } from './shortSearch';

export type LibraryDatabase = Database.Database;
export type Statement = Database.Statement;

/**
 * How long a write waits for another process (the app, a CLI batch) to finish its own before it
 * fails: writes take milliseconds, a first-start import of a large index a few seconds per chunk.
 */
export const BUSY_TIMEOUT_MS = 10_000;

/** One schema step: SQL, or code for a step SQL cannot express (tokens made in JavaScript). */
type Migration = string | ((db: LibraryDatabase) => void);

/**
 * The schema, one step per version (PRAGMA user_version counts the steps applied). A step is never
 * edited once released: a change is a new step, so every database on every machine reaches the same
 * schema whichever version it started from.
 */
const MIGRATIONS: readonly Migration[] = [
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
  // Searches of one or two characters (shortSearch.ts), filled from the codes already kept.
  addShortSearch,
  // A new code's image, kept with it in its commit until its file is synced (imageStore.ts).
  `
  CREATE TABLE images_unsynced (png_hash TEXT PRIMARY KEY, png BLOB NOT NULL);
  `,
];

/** Rows read at a time while filling the short-search index: memory stays flat at a million codes. */
const BACKFILL_CHUNK = 5_000;

function addShortSearch(db: LibraryDatabase): void {
  // Contentless (the text is in codes_search already) and without positions (a gram is one token:
  // there is no phrase to find), so it holds little more than, per gram, the list of codes having it.
  // Its rowid is codes.seq.
  db.exec(`CREATE VIRTUAL TABLE codes_short_search USING fts5 (
    grams, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
  )`);
  const read = db
    .prepare('SELECT rowid, text FROM codes_search WHERE rowid > ? ORDER BY rowid LIMIT ?')
    .raw(true);
  const write = db.prepare('INSERT INTO codes_short_search (rowid, grams) VALUES (?, ?)');
  let after = 0;
  for (;;) {
    const rows = read.all(after, BACKFILL_CHUNK) as [number, string][];
    for (const [rowid, text] of rows) write.run(rowid, shortSearchGrams(text));
    if (rows.length < BACKFILL_CHUNK) return;
    after = rows[rows.length - 1]![0];
  }
}

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
    // 32 MiB of pages held between queries (the default is 2): History's pages and searches at a
    // million codes read from memory rather than the disk, well inside the app's memory budget.
    db.exec('PRAGMA cache_size = -32768');
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
    for (const step of MIGRATIONS.slice(from)) {
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function schemaVersion(db: LibraryDatabase): number {
  return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
}
