import { createHash, randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CodeOrigin } from '../../../shared/codeOrigin';
import type { CodeRequest } from '../../../shared/codeRequest';
import { notInLibrary } from '../../../shared/errors/storage';
import { suggestedFileName } from '../../../shared/fileName';
import type { AppError } from '../../../shared/result';
import { requestKey } from '../codes/requestKey';
import { type BatchRecord, type BatchRow, BatchTable, type Campaign } from './batchTable';
import { Claims } from './claims';
import { type CodeFilter, type CodePage, CodeTable, type StoredCode } from './codeTable';
import { DurableCommits } from './durableCommits';
import { ImageStore } from './imageStore';
import { type LibraryDatabase, openLibraryDatabase } from './libraryDatabase';
import { importJsonLinesIndex } from './libraryImport';
import { BackgroundFill } from './shortSearchFill';

export interface LibraryEntry extends StoredCode {
  /**
   * Set when the code could not be written to the library (a full disk, …): it is held in memory
   * for this session only, so it can still be saved, copied or dragged out, but is not kept.
   */
  notKept?: AppError;
}

export interface NewCode {
  accountId: string;
  appId: string;
  request: CodeRequest;
  png: Buffer;
  width: number;
  height: number;
  numUsed?: number;
  origin?: CodeOrigin;
  /** The file name its batch gives the row (origin.batch's): kept with the batch's rows. */
  batchFile?: string;
  /**
   * Runs once the code is committed: every process sharing the library finds it from then on, and
   * a crash of this one keeps it. add() still waits for the flush that keeps it through a power cut.
   */
  committed?: () => void;
}

export type { BatchRecord, BatchRow, Campaign };

export type LibraryFilter = CodeFilter;

export interface LibraryPage extends CodePage {
  entries: LibraryEntry[];
}

export interface PageRequest {
  limit: number;
  /** A page's nextCursor: the page after it. Absent for the first page. */
  cursor?: string;
}

/**
 * Every code ever made, so an identical request is answered without an API call. PNGs are stored
 * by content hash (written atomically, never rewritten); the index is a SQLite database
 * (library.db) that the app and any number of CLI processes share, each seeing the others' codes
 * at its next look.
 */
export class Library {
  /** Codes that could not be written (see LibraryEntry.notKept) and their images, by code id. */
  private readonly unkept = new Map<string, { entry: LibraryEntry; png: Buffer }>();
  /** The calls to WeChat under way in every process sharing this library. */
  readonly claims: Claims;
  private readonly batches: BatchTable;
  /**
   * The short-search index being filled for the codes kept before it existed, in the background:
   * opening does not wait for it (at a million codes it takes a while), short searches read every
   * code until it is done.
   */
  private readonly fill: BackgroundFill;

  private constructor(
    private readonly dir: string,
    private readonly db: LibraryDatabase,
    private readonly codes: CodeTable,
    private readonly commits: DurableCommits,
    private readonly images: ImageStore,
  ) {
    this.claims = new Claims(join(dir, 'claims'));
    this.batches = new BatchTable(db);
    this.fill = new BackgroundFill(db);
  }

  static async open(dir: string): Promise<Library> {
    // A full disk still lets the library be read; writing then fails code by code.
    await mkdir(join(dir, 'png'), { recursive: true }).catch(() => {});
    const db = openLibraryDatabase(join(dir, 'library.db'));
    try {
      const codes = new CodeTable(db);
      // Earlier versions kept the index as JSON lines: taken in at the first start, nothing lost.
      importJsonLinesIndex(db, codes, join(dir, 'index.jsonl'));
      const images = new ImageStore(join(dir, 'png'), db);
      await images.repair();
      return new Library(dir, db, codes, new DurableCommits(join(dir, 'library.db-wal')), images);
    } catch (cause) {
      db.close();
      throw cause;
    }
  }

  close(): void {
    this.fill.stop();
    this.db.close();
  }

  /** Resolves once the short-search index holds every code (filled by this process or another). */
  shortSearchFilled(): Promise<void> {
    return this.fill.done;
  }

  pngPath(entry: LibraryEntry): string {
    return this.images.path(entry.pngHash);
  }

  find(appId: string, request: CodeRequest): LibraryEntry | undefined {
    return this.findKey(requestKey(appId, request));
  }

  /** The newest code for a requestKey (kept on disk or held for this session). */
  findKey(key: string): LibraryEntry | undefined {
    return this.unkeptFor(key) ?? this.codes.newestFor(key);
  }

  /** The codeId findKey(key) would give: a look whether a code came since, cheaper than reading it. */
  newestIdFor(key: string): string | undefined {
    return this.unkeptFor(key)?.codeId ?? this.codes.newestIdFor(key);
  }

  /** Whether a code for this requestKey is in the library (kept on disk or held for this session). */
  hasKey(key: string): boolean {
    return this.unkeptFor(key) !== undefined || this.codes.newestFor(key) !== undefined;
  }

  get(codeId: string): LibraryEntry | undefined {
    return this.unkept.get(codeId)?.entry ?? this.codes.byId(codeId);
  }

  async readPng(entry: LibraryEntry): Promise<Buffer> {
    return this.unkept.get(entry.codeId)?.png ?? this.images.read(entry.pngHash);
  }

  async add(code: NewCode): Promise<LibraryEntry> {
    const entry: LibraryEntry = {
      codeId: randomUUID(),
      key: requestKey(code.appId, code.request),
      accountId: code.accountId,
      appId: code.appId,
      kind: code.request.kind,
      request: code.request,
      pngHash: createHash('sha256').update(code.png).digest('hex'),
      width: code.width,
      height: code.height,
      ...(code.numUsed !== undefined ? { numUsed: code.numUsed } : {}),
      createdAt: new Date().toISOString(),
      suggestedName: suggestedFileName(code.request),
      ...(code.origin ? { origin: code.origin } : {}),
    };
    try {
      const stored = await this.images.has(entry.pngHash);
      const origin = code.origin;
      // A new image is committed with its code (see ImageStore): the one flush makes both durable.
      this.db.transaction(() => {
        if (!stored) this.images.keep(entry.pngHash, code.png);
        this.codes.insert(entry);
        if (origin?.batch && code.batchFile !== undefined) {
          this.batches.recordRow({
            batch: origin.batch,
            row: origin.row,
            codeId: entry.codeId,
            file: code.batchFile,
          });
        }
      })();
      code.committed?.();
      const durable = this.commits.flush();
      if (stored) await durable;
      // A file that cannot be placed (a full disk) is read from its copy until the next open mends it.
      else await this.images.place(entry.pngHash, code.png, durable).catch(() => durable);
    } catch (cause) {
      // WeChat has answered (and may have charged): the code is not dropped, only not kept.
      const kept = { ...entry, notKept: notInLibrary(this.dir, cause) };
      this.unkept.set(entry.codeId, { entry: kept, png: code.png });
      return kept;
    }
    return entry;
  }

  /**
   * Deleting a regenerated code brings back the earlier one for the same request: its image is
   * still on disk (images are never removed), so asking again costs no API call.
   */
  async delete(codeId: string): Promise<void> {
    if (this.unkept.delete(codeId)) return;
    this.db.transaction(() => this.codes.delete(codeId)).immediate();
  }

  /** A page of the codes matching the filter, newest first. The query matches page, path, scene, file name and batch row. */
  list(filter: LibraryFilter, page: PageRequest): LibraryPage {
    return this.codes.page(filter, page.limit, page.cursor);
  }

  /** How many codes match the filter; with `upTo`, a search is counted to upTo + 1 at most (CodeTable.count). */
  count(filter: LibraryFilter = {}, upTo?: number): number {
    return this.codes.count(filter, upTo);
  }

  /** A batch starting (or resuming): its campaign, listed in History. */
  recordBatch(record: BatchRecord): void {
    this.batches.recordBatch(record);
  }

  /**
   * A batch row whose code the library already held: it is the batch's code too, and a code kept
   * without an origin takes this row's. Not flushed on its own: the row is in the journal, and the
   * next commit carries it to the disk.
   */
  recordBatchRow(row: BatchRow, origin?: CodeOrigin): void {
    if (this.unkept.has(row.codeId)) return;
    this.db.transaction(() => {
      this.batches.recordRow(row);
      if (origin) this.codes.adoptOrigin(row.codeId, origin);
    })();
  }

  campaigns(): Campaign[] {
    return this.batches.campaigns();
  }

  batchRows(batch: string): BatchRow[] {
    return this.batches.rows(batch);
  }

  /** The file names batches gave these codes (see BatchTable.fileNames). */
  batchFileNames(codeIds: readonly string[], batch?: string): Map<string, string> {
    return this.batches.fileNames(codeIds, batch);
  }

  /** The highest Num-Used WeChat reported for this AppID's codes: the count only grows. */
  highestNumUsed(appId: string): number | undefined {
    return this.codes.highestNumUsed(appId);
  }

  private unkeptFor(key: string): LibraryEntry | undefined {
    let newest: LibraryEntry | undefined;
    for (const { entry } of this.unkept.values()) if (entry.key === key) newest = entry;
    return newest;
  }
}
