import { NAME_PLACEHOLDERS } from '../../../shared/batch';
import { safeFileSegment } from '../../../shared/fileName';
import { type AppError, Failure } from '../../../shared/result';
import type { ColumnMapping } from './mapping';
import type { PlannedRow } from './plan';

export { NAME_PLACEHOLDERS };

type Placeholder = (typeof NAME_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;
// Windows refuses these names whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** `{row}-{name}.png` when the sheet has a name column, else `{row}.png`. */
export function defaultNameTemplate(mapping: ColumnMapping): string {
  return mapping.name !== undefined ? '{row}-{name}.png' : '{row}.png';
}

export function checkNameTemplate(template: string): void {
  for (const [, word] of template.matchAll(PLACEHOLDER)) {
    if (!NAME_PLACEHOLDERS.includes(word as Placeholder)) throw new Failure(unknownPlaceholder(word ?? ''));
  }
}

/**
 * The output file name of every row, in row order, so a resumed batch names each row as before.
 * Each value is made safe for any file system; names that clash (ignoring case, as Windows and
 * macOS do) get -2, -3, … in row order.
 */
export function fileNames(rows: readonly PlannedRow[], template: string): string[] {
  checkNameTemplate(template);
  const stemTemplate = template.replace(/\.png$/i, '');
  const taken = new Set<string>();
  return rows.map((row) => {
    const values = placeholderValues(row);
    const rendered = stemTemplate.replace(PLACEHOLDER, (_, word: Placeholder) => {
      const value = values[word];
      return value ? safeFileSegment(value, 60) : '';
    });
    // Separators left dangling by an empty value go, e.g. '7-' for '{row}-{name}' without a name.
    const trimmed = rendered.replace(/^[-_. ]+|[-_. ]+$/g, '');
    let stem = trimmed ? safeFileSegment(trimmed, 150) : `row-${row.row}`;
    if (RESERVED.test(stem)) stem = `_${stem}`;
    let name = `${stem}.png`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.png`;
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

function unknownPlaceholder(word: string): AppError {
  const known = NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
  return {
    code: 'field',
    field: 'nameTemplate',
    message: {
      en: `The file name template has an unknown placeholder {${word}}.`,
      zh: `文件名模板中有未知的占位符 {${word}}。`,
    },
    hint: {
      en: `Use only ${known}, e.g. {row}-{name}.png.`,
      zh: `只能使用 ${known}，例如 {row}-{name}.png。`,
    },
    retryable: false,
  };
}
