import { NAME_PLACEHOLDERS } from '../../../shared/batch';
import {
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
import type { PlannedRow } from './plan';

export { NAME_PLACEHOLDERS };

type Placeholder = (typeof NAME_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;
const EXTENSION = '.png';
/** Room for the -2, -3 … a clashing name gets: a batch has at most 100,000 rows. */
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
 * Refuses a template no row could make a valid name from: an unknown placeholder, a character no
 * file system takes in its own text, a device name Windows keeps (`CON.png`), or own text too long.
 * Values from the sheet are repaired instead (see fileNames): those are not the user's to retype.
 */
export function checkNameTemplate(template: string): void {
  for (const [, word] of template.matchAll(PLACEHOLDER)) {
    if (!NAME_PLACEHOLDERS.includes(word as Placeholder)) throw new Failure(unknownPlaceholder(word ?? ''));
  }
  const stem = template.replace(/\.png$/i, '');
  const literal = stem.replace(PLACEHOLDER, '');
  const unsafe = Array.from(literal).find((char) => UNSAFE_IN_FILE_NAME.test(char));
  if (unsafe !== undefined) throw new Failure(unsafeInTemplate(unsafe));
  const [beforeFirstValue = ''] = stem.split('{');
  if (reservedOnWindows(beforeFirstValue) && (beforeFirstValue.includes('.') || beforeFirstValue === stem)) {
    throw new Failure(reservedTemplate(beforeFirstValue.split('.')[0] ?? ''));
  }
  if (byteLength(literal) > MAX_STEM_BYTES)
    throw new Failure(templateTooLong(byteLength(literal), MAX_STEM_BYTES));
}

/**
 * The output file name of every row, in row order, so a resumed batch names each row as before.
 * Each value is made safe for any file system; every name fits the file system's 255 bytes with
 * the temp name it is written through; names that clash (ignoring case, as Windows and macOS do)
 * get -2, -3, … in row order.
 */
export function fileNames(rows: readonly PlannedRow[], template: string): string[] {
  checkNameTemplate(template);
  const stemTemplate = template.replace(/\.png$/i, '');
  const taken = new Set<string>();
  return rows.map((row) => {
    const values = placeholderValues(row);
    const rendered = stemTemplate.replace(PLACEHOLDER, (_, word: Placeholder) => {
      const value = values[word];
      return value ? safeFileSegment(value, MAX_VALUE_BYTES) : '';
    });
    // Separators left dangling by an empty value go, e.g. '7-' for '{row}-{name}' without a name.
    const trimmed = rendered.replace(/^[-_. ]+|[-_. ]+$/g, '');
    const stem = trimmed ? safeFileStem(trimmed, MAX_STEM_BYTES) : `row-${row.row}`;
    let name = `${stem}${EXTENSION}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}${EXTENSION}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function placeholderValues(row: PlannedRow): Record<Placeholder, string> {
  const { request } = row;
  const common = { row: String(row.row), name: row.name };
  if (request.kind === 'unlimited') return { ...common, page: request.page, scene: request.scene, path: '' };
  return { ...common, page: request.path.split('?')[0] ?? '', scene: '', path: request.path };
}
