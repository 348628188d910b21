import { NAME_PLACEHOLDERS } from '../../../shared/batch';
import {
  dotsSegment,
  emptySegment,
  reservedTemplate,
  templateTooLong,
  unknownPlaceholder,
  unsafeInTemplate,
} from '../../../shared/errors/batch';
import {
  byteLength,
  MAX_FILE_NAME_BYTES,
  reservedOnWindows,
  safeFileSegment,
  safeFileStem,
  UNSAFE_IN_FILE_NAME,
} from '../../../shared/fileName';
import { Failure } from '../../../shared/result';
import type { ColumnMapping } from './mapping';
import { nameHash } from './nameHash';
import type { PlannedRow } from './plan';
import { type RowList, SpillList } from './spillList';

export { NAME_PLACEHOLDERS };

type Placeholder = (typeof NAME_PLACEHOLDERS)[number];
/** A placeholder's value for one row: a built-in one or a cell of the sheet. */
type ValueOf = (row: PlannedRow) => string;

/** One part of a template between slashes: a folder, or the file name when it is the last one. */
interface Segment {
  text: string;
  values: Map<string, ValueOf>;
}

/** `{word}`: the placeholder syntax of file names, shared by labels (core/print/labelText.ts). */
export const PLACEHOLDER = /\{([^{}]*)\}/g;
/** A '/' outside a placeholder: `{城市}/{门店名称}` has two segments, `{a/b}` one. */
const FOLDER_SEPARATOR = /\/(?![^{}]*\})/;
const EXTENSION = '.png';
/** Room for the -2, -3 … a clashing name gets (a stem repeated 999,999 times; kept as it was, so names stay the same). */
const CLASH_SUFFIX_BYTES = '-100000'.length;
/** The stem's share of the name: the extension and a clash suffix must still fit (see MAX_FILE_NAME_BYTES). */
const MAX_STEM_BYTES = MAX_FILE_NAME_BYTES - EXTENSION.length - CLASH_SUFFIX_BYTES;
/** One placeholder's value, so a long path leaves room for the others. */
const MAX_VALUE_BYTES = 120;

/** `{row}-{name}.png` when the sheet has a name column, else `{row}.png`. */
export function defaultNameTemplate(mapping: ColumnMapping): string {
  return mapping.name !== undefined ? '{row}-{name}.png' : '{row}.png';
}

/**
 * Refuses a template no row could make a valid name from: a placeholder that is neither built in
 * nor a header of the sheet, a folder that is empty or only dots (`..` would leave the output
 * folder), a character no file system takes in its own text, a device name Windows keeps
 * (`CON.png`, a folder `CON`), or own text too long for one name. Values from the sheet are repaired
 * instead (see fileNames): those are not the user's to retype.
 */
export function checkNameTemplate(template: string, headers: readonly string[]): void {
  parseTemplate(template, headers);
}

/**
 * The output file name of every row, in row order, so a resumed batch names each row as before.
 * A `/` in the template makes subfolders; a value never does (its `/` becomes `_`), and a folder
 * whose values are all blank is left out. Each value is made safe for any file system; every name
 * fits the file system's 255 bytes with the temp name it is written through; names that clash
 * (ignoring case, as Windows and macOS do) get -2, -3, … in row order, and folders that differ only
 * in case are spelled as the first row spelled them.
 */
export function fileNames(
  rows: Iterable<PlannedRow>,
  template: string,
  headers: readonly string[],
): string[] {
  const names: string[] = [];
  nameRows(rows, template, headers, names);
  return names;
}

/** fileNames for a whole batch, kept on disk rather than in memory (see spillList.ts). */
export function fileNameList(
  rows: Iterable<PlannedRow>,
  template: string,
  headers: readonly string[],
): RowList<string> {
  const names = new SpillList<string>();
  nameRows(rows, template, headers, names);
  return names;
}

function nameRows(
  rows: Iterable<PlannedRow>,
  template: string,
  headers: readonly string[],
  names: RowList<string> & { push(name: string): void },
): void {
  const segments = parseTemplate(template, headers);
  const fileSegment = segments.at(-1)!;
  const folderSegments = segments.slice(0, -1);
  const folderSpelling = new Map<string, string>();
  const taken = new TakenNames(names);
  for (const row of rows) {
    let folder = '';
    for (const segment of folderSegments) {
      const child = folderName(render(segment, row));
      if (!child) continue;
      const path = folder ? `${folder}/${child}` : child;
      folder = folderSpelling.get(path.toLowerCase()) ?? path;
      folderSpelling.set(folder.toLowerCase(), folder);
    }
    const rendered = render(fileSegment, row);
    const stem = rendered ? safeFileStem(rendered, MAX_STEM_BYTES) : `row-${row.row}`;
    const inFolder = (file: string) => (folder ? `${folder}/${file}` : file);
    let name = inFolder(`${stem}${EXTENSION}`);
    for (let n = 2; taken.has(name); n++) name = inFolder(`${stem}-${n}${EXTENSION}`);
    taken.add(name);
    names.push(name);
  }
}

/**
 * The names given so far, ignoring case, in a few bytes each: a 48-bit hash of the name maps to
 * its place in `names`, and a hash seen before is checked against that name itself, so two names
 * sharing a hash are never confused.
 */
class TakenNames {
  private readonly byHash = new Map<number, number>();
  /** The rare names whose hash an earlier, different name has. */
  private readonly sharingHash = new Set<string>();

  constructor(private readonly names: RowList<string>) {}

  has(name: string): boolean {
    const lower = name.toLowerCase();
    const index = this.byHash.get(nameHash(lower));
    if (index === undefined) return false;
    return this.names.at(index)!.toLowerCase() === lower || this.sharingHash.has(lower);
  }

  /** Records `name` as the next one pushed onto `names`. */
  add(name: string): void {
    const lower = name.toLowerCase();
    const hash = nameHash(lower);
    if (this.byHash.has(hash)) this.sharingHash.add(lower);
    else this.byHash.set(hash, this.names.length);
  }
}

function parseTemplate(template: string, headers: readonly string[]): Segment[] {
  const stem = template.replace(/\.png$/i, '');
  const texts = stem.split(FOLDER_SEPARATOR);
  return texts.map((text, index) => {
    const values = new Map<string, ValueOf>();
    for (const [, word = ''] of text.matchAll(PLACEHOLDER)) {
      const value = placeholderValue(word, headers);
      if (!value) throw new Failure(unknownPlaceholder(word, headers));
      values.set(word, value);
    }
    checkSegment(text, index === texts.length - 1);
    return { text, values };
  });
}

function checkSegment(text: string, isFile: boolean): void {
  const literal = text.replace(PLACEHOLDER, '');
  if (text.trim() === '') throw new Failure(emptySegment());
  if (literal === text && /^[. ]+$/.test(text)) throw new Failure(dotsSegment(text.trim()));
  const unsafe = Array.from(literal).find((char) => UNSAFE_IN_FILE_NAME.test(char));
  if (unsafe !== undefined) throw new Failure(unsafeInTemplate(unsafe));
  const [beforeFirstValue = ''] = text.split('{');
  if (reservedOnWindows(beforeFirstValue) && (beforeFirstValue.includes('.') || beforeFirstValue === text)) {
    throw new Failure(reservedTemplate(beforeFirstValue.split('.')[0] ?? '', isFile));
  }
  if (byteLength(literal) > MAX_STEM_BYTES)
    throw new Failure(templateTooLong(byteLength(literal), MAX_STEM_BYTES));
}

/**
 * A built-in placeholder, else the sheet's column of that header (as written, then ignoring case
 * and the spaces around it); the built-ins win, so `{name}` stays the name column whatever the headers.
 */
export function placeholderValue(word: string, headers: readonly string[]): ValueOf | undefined {
  if (NAME_PLACEHOLDERS.includes(word as Placeholder)) {
    return (row) => builtInValues(row)[word as Placeholder];
  }
  const wanted = word.trim().toLowerCase();
  const exact = headers.indexOf(word);
  const index =
    exact >= 0 ? exact : headers.findIndex((h) => h.trim().toLowerCase() === wanted && wanted !== '');
  return index < 0 ? undefined : (row) => row.cells[index] ?? '';
}

function builtInValues(row: PlannedRow): Record<Placeholder, string> {
  const { request } = row;
  const common = { row: String(row.row), name: row.name };
  if (request.kind === 'unlimited') return { ...common, page: request.page, scene: request.scene, path: '' };
  return { ...common, page: request.path.split('?')[0] ?? '', scene: '', path: request.path };
}

/** A segment filled in for one row, without the separators an empty value leaves ('7-' for '{row}-{name}'). */
function render(segment: Segment, row: PlannedRow): string {
  const rendered = segment.text.replace(PLACEHOLDER, (_, word: string) => {
    const value = segment.values.get(word)!(row);
    return value ? safeFileSegment(value, MAX_VALUE_BYTES) : '';
  });
  return rendered.replace(/^[-_. ]+|[-_. ]+$/g, '');
}

/** A folder never ends in .png, so no folder can take the name a file of the batch needs. */
function folderName(rendered: string): string {
  return rendered ? safeFileStem(rendered, MAX_STEM_BYTES).replace(/\.png$/i, '_png') : '';
}
