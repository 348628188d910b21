import { posix } from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { EXCEL_MAX_ROWS, MAX_CELL_CHARACTERS, MAX_COLUMNS } from '../../../shared/batch';
import { XLSX_PARTS } from '../../../shared/errors/sheet';
import { Failure, type Localized } from '../../../shared/result';
import {
  beyondExcel,
  cellTooLong,
  MAX_SHARED_STRINGS_BYTES,
  MAX_SHEET_XML_BYTES,
  MAX_WORKBOOK_XML_BYTES,
  RowBounds,
  tooManyColumns,
  unpacksTooLarge,
} from './sheetLimits';
import type { SheetRow } from './sheetRow';
import { NotAZip, readEntryText, TooLarge, zipEntries } from './zipEntries';

// Reads the first worksheet of a .xlsx as the text Excel shows in each cell, with every part
// unpacked under a byte limit and every row checked as it arrives (see sheetLimits.ts). Styles are
// not read: a number or a date shows as its stored value, as Excel's "General" format shows it.

/** A shared string longer than a cell may be: kept as its length, an error only if a cell uses it. */
type SharedString = string | { tooLong: true };

/** Hands on rows with any text, header first, or throws a Failure that names the file and the fix. */
export async function xlsxRows(file: string, zip: Buffer, onRow: (row: SheetRow) => void): Promise<void> {
  const entries = zipEntries(zip);
  const part = async (name: string, max: number, label: Localized, parser: SaxesParser) => {
    const entry = entries.get(name);
    if (!entry) return false;
    try {
      await readEntryText(zip, entry, max, (text) => parser.write(text));
      parser.close();
    } catch (cause) {
      if (cause instanceof TooLarge) throw unpacksTooLarge(file, label, max);
      if (cause instanceof Failure || cause instanceof NotAZip) throw cause;
      // The XML parser's own complaint, with its line and column.
      throw new NotAZip(`${name} is damaged (${cause instanceof Error ? cause.message : String(cause)})`);
    }
    return true;
  };
  const paths = await sheetPaths(part);
  const shared = await sharedStrings(part, paths.sharedStrings);
  const bounds = new RowBounds(file);
  const parser = sheetParser(file, shared, (row) => {
    bounds.add(row.number, row.cells);
    onRow(row);
  });
  if (!(await part(paths.sheet, MAX_SHEET_XML_BYTES, XLSX_PARTS.firstSheet, parser))) {
    throw new NotAZip('it has no worksheet');
  }
}

type ReadPart = (name: string, max: number, label: Localized, parser: SaxesParser) => Promise<boolean>;

/** Some writers prefix every element (`x:c`); most write none. */
const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** The first sheet in the workbook's tab order, and the shared strings, from the workbook's relationships. */
async function sheetPaths(part: ReadPart): Promise<{ sheet: string; sharedStrings: string }> {
  let firstSheetId: string | undefined;
  const book = new SaxesParser();
  book.on('opentag', (tag: SaxesTagPlain) => {
    if (firstSheetId === undefined && localName(tag.name) === 'sheet') {
      firstSheetId = Object.entries(tag.attributes).find(([key]) => localName(key) === 'id')?.[1];
    }
  });
  await part('xl/workbook.xml', MAX_WORKBOOK_XML_BYTES, XLSX_PARTS.workbook, book);
  const targets = new Map<string, string>();
  let sharedStrings = 'xl/sharedStrings.xml';
  const rels = new SaxesParser();
  rels.on('opentag', (tag: SaxesTagPlain) => {
    const { Id, Target, Type } = tag.attributes;
    if (localName(tag.name) !== 'Relationship' || !Target) return;
    // Targets are relative to xl/, or absolute within the package.
    const path = Target.startsWith('/') ? Target.slice(1) : posix.join('xl', Target);
    if (Id) targets.set(Id, path);
    if (Type?.endsWith('/sharedStrings')) sharedStrings = path;
  });
  await part('xl/_rels/workbook.xml.rels', MAX_WORKBOOK_XML_BYTES, XLSX_PARTS.workbook, rels);
  const sheet = (firstSheetId && targets.get(firstSheetId)) || 'xl/worksheets/sheet1.xml';
  return { sheet, sharedStrings };
}

/** Texts are trimmed once here, so a row never copies a shared text to trim it. */
async function sharedStrings(part: ReadPart, path: string): Promise<SharedString[]> {
  const strings: SharedString[] = [];
  const parser = new SaxesParser();
  const text = new TextCollector();
  parser.on('opentag', (tag: SaxesTagPlain) => text.open(localName(tag.name)));
  parser.on('text', (t) => text.add(t));
  parser.on('cdata', (t) => text.add(t));
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    text.close(name);
    if (name === 'si') strings.push(text.tooLong ? { tooLong: true } : text.take().trim());
  });
  await part(path, MAX_SHARED_STRINGS_BYTES, XLSX_PARTS.sharedStrings, parser);
  return strings;
}

/**
 * The characters of <t> elements (a plain text or a rich text's runs) and of <v> values, not of
 * phonetic guides (<rPh>), which Excel does not show in the cell; counted, so a giant one stops early.
 */
class TextCollector {
  private parts: string[] = [];
  private length = 0;
  private inside = '';
  private phonetic = 0;
  tooLong = false;

  get empty(): boolean {
    return this.parts.length === 0 && !this.tooLong;
  }

  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' || name === 'v') this.inside = name;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === this.inside) this.inside = '';
  }

  add(text: string): void {
    if (!this.inside || this.phonetic > 0 || this.tooLong || text === '') return;
    this.length += text.length;
    if (this.length > MAX_CELL_CHARACTERS) {
      this.tooLong = true;
      this.parts = [];
    } else {
      this.parts.push(text);
    }
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    this.tooLong = false;
    return text;
  }
}

/** 'AB12' → 27 (0-based column), or undefined without a reference. */
function columnOf(ref: string | undefined): number | undefined {
  const letters = ref ? /^[A-Z]+/i.exec(ref)?.[0] : undefined;
  if (!letters) return undefined;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column - 1;
}

function sheetParser(file: string, shared: SharedString[], onRow: (row: SheetRow) => void): SaxesParser {
  const parser = new SaxesParser();
  const text = new TextCollector();
  let rowElements = 0;
  let rowNumber = 0;
  let cells: string[] = [];
  let filled = false;
  let column = -1;
  let type = 'n';
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === 'row') {
      // Blank rows cost no memory but still take time: no sheet Excel writes has more than its own limit.
      if (++rowElements > EXCEL_MAX_ROWS) throw beyondExcel(file);
      const number = Number(tag.attributes.r);
      rowNumber = Number.isInteger(number) && number > rowNumber ? number : rowNumber + 1;
      cells = [];
      filled = false;
      column = -1;
    } else if (name === 'c') {
      column = columnOf(tag.attributes.r) ?? column + 1;
      if (column >= MAX_COLUMNS) throw tooManyColumns(file, rowNumber);
      type = tag.attributes.t ?? 'n';
    } else {
      text.open(name);
    }
  });
  parser.on('text', (t) => text.add(t));
  parser.on('cdata', (t) => text.add(t));
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === 'c') {
      if (text.tooLong) throw cellTooLong(file, rowNumber, column);
      if (text.empty) return;
      const shown = cellText(type, text.take(), shared);
      if (shown === undefined) throw cellTooLong(file, rowNumber, column);
      cells[column] = shown;
      if (shown !== '') filled = true;
    } else if (name === 'row') {
      if (filled) onRow({ number: rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
    } else {
      text.close(name);
    }
  });
  return parser;
}

/** What Excel shows for a stored value of type `type`; undefined for a shared text that is too long. */
function cellText(type: string, raw: string, shared: SharedString[]): string | undefined {
  switch (type) {
    case 's': {
      const value = shared[Number(raw)];
      if (value === undefined) return '';
      return typeof value === 'string' ? value : undefined;
    }
    case 'b':
      return raw === '1' ? 'true' : raw === '0' ? 'false' : raw.trim();
    case 'n': {
      const trimmed = raw.trim();
      const number = Number(trimmed);
      return trimmed !== '' && Number.isFinite(number) ? String(number) : trimmed;
    }
    default:
      // inlineStr, str (a formula's text), e (#N/A and the like), d (an ISO date).
      return raw.trim();
  }
}
