import type { LibraryDatabase, Statement } from './libraryDatabase';
import { preparedStatements } from './preparedStatements';

/** A batch as the library keeps it: which campaign it belongs to and what it read. */
export interface BatchRecord {
  /** BatchJob's id: the same sheet, settings and campaign run again is the same batch. */
  batch: string;
  campaign: string;
  /** The spreadsheet's file name. */
  sourceFile: string;
  startedAt: string;
}

/** One row of a batch: the code it got and the file name the batch gave it. */
export interface BatchRow {
  batch: string;
  row: number;
  codeId: string;
  /** May hold subfolders (`上海/南京西路店.png`), written with '/'. */
  file: string;
}

export interface CampaignBatch extends BatchRecord {
  /** Rows of the batch that have a code in the library. */
  codes: number;
}

export interface Campaign {
  name: string;
  /** Newest first. */
  batches: CampaignBatch[];
  /** Distinct codes in all its batches. */
  codes: number;
}

/**
 * Campaigns, their batches and the rows each batch made (migration 3). A row is recorded whether its
 * code was made or came from the library, so a batch's codes and names are all here to export again.
 */
export class BatchTable {
  private readonly statement: (sql: string) => Statement;

  constructor(db: LibraryDatabase) {
    this.statement = preparedStatements(db);
  }

  /** Keeps the first start of a batch: a resumed or repeated run is the same batch. */
  recordBatch(record: BatchRecord): void {
    this.statement(
      'INSERT OR IGNORE INTO batches (batch, campaign, source_file, started_at) VALUES (?, ?, ?, ?)',
    ).run(record.batch, record.campaign, record.sourceFile, record.startedAt);
  }

  /** A row made again (a repeated run, a regenerated code) names its newest code. */
  recordRow(row: BatchRow): void {
    this.statement('INSERT OR REPLACE INTO batch_rows (batch, row, code_id, file) VALUES (?, ?, ?, ?)').run(
      row.batch,
      row.row,
      row.codeId,
      row.file,
    );
  }

  /** Every campaign with its batches, the newest batch first in each and the campaign of the newest batch first. */
  campaigns(): Campaign[] {
    const batches = this.statement(
      `SELECT b.batch, b.campaign, b.source_file AS sourceFile, b.started_at AS startedAt,
         (SELECT count(*) FROM batch_rows r WHERE r.batch = b.batch) AS codes
       FROM batches b ORDER BY b.started_at DESC`,
    ).all() as CampaignBatch[];
    const totals = new Map(
      (
        this.statement(
          `SELECT b.campaign AS name, count(DISTINCT r.code_id) AS codes
           FROM batches b JOIN batch_rows r ON r.batch = b.batch GROUP BY b.campaign`,
        ).all() as { name: string; codes: number }[]
      ).map((t) => [t.name, t.codes]),
    );
    const byName = new Map<string, Campaign>();
    for (const batch of batches) {
      let campaign = byName.get(batch.campaign);
      if (!campaign) {
        campaign = { name: batch.campaign, batches: [], codes: totals.get(batch.campaign) ?? 0 };
        byName.set(batch.campaign, campaign);
      }
      campaign.batches.push(batch);
    }
    return [...byName.values()];
  }

  /** A batch's rows in sheet order. */
  rows(batch: string): BatchRow[] {
    return this.statement(
      'SELECT batch, row, code_id AS codeId, file FROM batch_rows WHERE batch = ? ORDER BY row',
    ).all(batch) as BatchRow[];
  }

  /** The name the newest batch gave each code (within `batch` when given); codes no batch made are absent. */
  fileNames(codeIds: readonly string[], batch?: string): Map<string, string> {
    const names = new Map<string, string>();
    const sql = batch
      ? 'SELECT file FROM batch_rows WHERE code_id = ? AND batch = ? ORDER BY row LIMIT 1'
      : `SELECT r.file FROM batch_rows r JOIN batches b ON b.batch = r.batch
         WHERE r.code_id = ? ORDER BY b.started_at DESC, r.row LIMIT 1`;
    const statement = this.statement(sql);
    for (const codeId of codeIds) {
      const found = statement.get(...(batch ? [codeId, batch] : [codeId])) as { file: string } | undefined;
      if (found) names.set(codeId, found.file);
    }
    return names;
  }
}
