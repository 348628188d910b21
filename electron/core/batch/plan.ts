import type { BatchStyle, InvalidRow, QuotaCheck, RowProblem } from '../../../shared/batch';
import { batchStyleErrors } from '../../../shared/batchStyle';
import { type CodeKind, type CodeRequest, LIMITED_QUOTA, spendsQuota } from '../../../shared/codeRequest';
import { Failure } from '../../../shared/result';
import { type CodeRequestInput, validateCodeRequest } from '../../../shared/validateCodeRequest';
import { requestKey } from '../codes/requestKey';
import type { Library } from '../storage/library';
import { type BatchColumn, type ColumnMapping, checkMapping } from './mapping';
import { type RowList, SpillList } from './spillList';
import type { Sheet, SheetRow } from './spreadsheet';

export type { BatchStyle, InvalidRow, QuotaCheck, RowProblem };

export interface PlannedRow {
  row: number;
  request: CodeRequest;
  /** requestKey(owner, request): the same key means the same image. */
  key: string;
  /** The row's name cell, '' when it has none. */
  name: string;
  /** Every cell of the row, in header order: any column can name the row's file (see naming.ts). */
  cells: readonly string[];
  /** An earlier row of this batch asks for the same code: it is made once, for both. */
  sameAs?: number;
}

export interface BatchPlan {
  sheet: Pick<Sheet, 'file' | 'format' | 'encoding' | 'headers' | 'contentHash'>;
  kind: CodeKind;
  mapping: ColumnMapping;
  style: BatchStyle;
  /** Whose codes these are in the library (the AppID, or the token service when that is unknown). */
  owner: string;
  /** Valid rows, in sheet order: on disk for a real sheet (see spillList.ts), an array in tests. */
  rows: RowList<PlannedRow>;
  invalid: RowList<InvalidRow>;
  /** Valid rows that repeat an earlier row's code. */
  repeats: number;
  /** Distinct codes already in the library: copied out without an API call. */
  inLibrary: number;
  quota: QuotaCheck;
}

export interface PlanInput {
  sheet: Sheet;
  mapping: ColumnMapping;
  kind: CodeKind;
  style: BatchStyle;
  owner: string;
  library: Pick<Library, 'findKey'>;
  /** The Num-Used last seen for this AppID (see lastNumUsed); undefined when never seen. */
  numUsed?: number;
}

/** Which batch column a request field's value comes from. */
const COLUMN_OF_FIELD: Partial<Record<string, BatchColumn>> = {
  path: 'path',
  scene: 'scene',
  page: 'page',
  width: 'width',
  lineColor: 'color',
};

const TARGET_COLUMNS: ReadonlySet<BatchColumn> = new Set(['path', 'scene', 'page']);

/**
 * Checks every row before anything is sent, finds repeats within the batch and codes the library
 * already holds, and counts the quota the rest will spend. Throws only for mistakes that would
 * make every row fail (a missing column, invalid styling).
 */
export function planBatch(input: PlanInput): BatchPlan {
  const { sheet, mapping, kind, style, owner, library } = input;
  checkMapping(kind, mapping, sheet.headers);
  checkStyle(kind, style);
  const rows = new SpillList<PlannedRow>();
  const invalid = new SpillList<InvalidRow>();
  const firstRowOfKey = new FirstRowOfKey(rows);
  let inLibrary = 0;
  for (const sheetRow of sheet.rows) {
    const cell = cellReader(sheetRow, mapping);
    const validation = validateCodeRequest(rowInput(kind, style, cell));
    if (!validation.ok) {
      invalid.push({
        row: sheetRow.number,
        problems: validation.errors.map((e) => {
          const column = COLUMN_OF_FIELD[e.field];
          // Width and colour come from the batch's settings when the row's cell is blank.
          const fromRow = column && (TARGET_COLUMNS.has(column) || cell(column) !== undefined);
          const index = fromRow ? mapping[column] : undefined;
          const header = index === undefined ? undefined : sheet.headers[index] || `#${index + 1}`;
          return { field: e.field, ...(header ? { column: header } : {}), message: e.message, hint: e.hint };
        }),
      });
      continue;
    }
    const key = requestKey(owner, validation.value);
    const sameAs = firstRowOfKey.firstOrAdd(key);
    if (sameAs === undefined && library.findKey(key)) inLibrary++;
    rows.push({
      row: sheetRow.number,
      request: validation.value,
      key,
      name: cell('name') ?? '',
      cells: sheetRow.cells,
      ...(sameAs !== undefined ? { sameAs } : {}),
    });
  }
  const newCodes = firstRowOfKey.size - inLibrary;
  return {
    sheet: {
      file: sheet.file,
      format: sheet.format,
      encoding: sheet.encoding,
      headers: sheet.headers,
      contentHash: sheet.contentHash,
    },
    kind,
    mapping,
    style,
    owner,
    rows,
    invalid,
    repeats: rows.length - firstRowOfKey.size,
    inLibrary,
    quota: quotaCheck(kind, newCodes, input.numUsed),
  };
}

/**
 * The first planned row of each request key, for finding repeats, in a few bytes per key: the map
 * holds a 52-bit prefix of the key and the row's place in the plan, and a prefix seen before is
 * checked against that row's full key on disk, so two keys sharing a prefix are never confused.
 */
class FirstRowOfKey {
  private readonly byPrefix = new Map<number, number>();
  /** The rare keys whose prefix an earlier, different key has: by full key. */
  private readonly sharingPrefix = new Map<string, number>();
  private distinct = 0;

  constructor(private readonly rows: RowList<PlannedRow>) {}

  get size(): number {
    return this.distinct;
  }

  /** The row number of an earlier row with this key; else undefined, and the next planned row is the first. */
  firstOrAdd(key: string): number | undefined {
    const prefix = Number.parseInt(key.slice(0, 13), 16);
    const index = this.byPrefix.get(prefix);
    if (index === undefined) {
      this.byPrefix.set(prefix, this.rows.length);
      this.distinct++;
      return undefined;
    }
    const earlier = this.rows.at(index)!;
    if (earlier.key === key) return earlier.row;
    const other = this.sharingPrefix.get(key);
    if (other !== undefined) return this.rows.at(other)!.row;
    this.sharingPrefix.set(key, this.rows.length);
    this.distinct++;
    return undefined;
  }
}

/** What spending `newCodes` of `kind` does to the 100,000, given the last Num-Used seen. */
export function quotaCheck(kind: CodeKind, newCodes: number, numUsed: number | undefined): QuotaCheck {
  if (!spendsQuota(kind)) return { spends: false, newCodes, enough: true };
  if (numUsed === undefined) return { spends: true, newCodes, enough: true };
  const remaining = Math.max(0, LIMITED_QUOTA - numUsed);
  return { spends: true, newCodes, numUsed, remaining, enough: newCodes <= remaining };
}

/** The highest Num-Used WeChat ever reported for this owner: the count only grows. */
export function lastNumUsed(
  library: Pick<Library, 'highestNumUsed'>,
  owner: string,
  known?: number,
): number | undefined {
  const highest = library.highestNumUsed(owner);
  if (highest === undefined) return known;
  return known === undefined ? highest : Math.max(known, highest);
}

/** A cell's text by column, or undefined when the column is not mapped or the cell is blank, so defaults apply. */
function cellReader(row: SheetRow, mapping: ColumnMapping): (column: BatchColumn) => string | undefined {
  return (column) => {
    const index = mapping[column];
    const text = index === undefined ? undefined : row.cells[index];
    return text ? text : undefined;
  };
}

function rowInput(
  kind: CodeKind,
  style: BatchStyle,
  cell: (column: BatchColumn) => string | undefined,
): CodeRequestInput {
  const color = cell('color');
  return {
    ...style,
    kind,
    path: cell('path'),
    scene: cell('scene'),
    page: cell('page'),
    width: cell('width') ?? style.width,
    // A colour typed into the row is meant to show, so it turns the batch's automatic colour off.
    ...(color !== undefined ? { lineColor: color, autoColor: false } : {}),
  };
}

/** Styling every row shares is checked once, so a bad value is one error rather than one per row. */
function checkStyle(kind: CodeKind, style: BatchStyle): void {
  const [first] = batchStyleErrors(kind, style);
  if (first) throw new Failure(first);
}
