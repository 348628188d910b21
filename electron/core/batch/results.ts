import type { RowOutcomeView, RowStatus } from '../../../shared/batch';
import { writeFileAtomic } from '../storage/atomicFile';

export type { RowStatus };

/** What became of one spreadsheet row. */
export type RowOutcome = RowOutcomeView;

type Language = 'en' | 'zh';

const WORDS = {
  en: {
    library: 'from the library: no API call',
    same: (row: number) => `same code as row ${row}: no API call`,
  },
  zh: { library: '来自码库：未调用接口', same: (row: number) => `与第 ${row} 行是同一个码：未调用接口` },
};

function message(outcome: RowOutcome, language: Language): string {
  const words = WORDS[language];
  switch (outcome.status) {
    case 'done':
      // A repeat is never a call of its own, whichever of the two rows got there first.
      if (outcome.sameAs !== undefined) return words.same(outcome.sameAs);
      return outcome.fromLibrary ? words.library : '';
    case 'invalid':
      return (outcome.problems ?? [])
        .map((p) => `${p.column ?? p.field}: ${p.message[language]} ${p.hint[language]}`)
        .join(' | ');
    default:
      return outcome.error ? `${outcome.error.message[language]} ${outcome.error.hint[language]}` : '';
  }
}

/** Excel runs a cell that starts with = + - @ as a formula: text from a sheet or WeChat must stay text. */
function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * row, status, file, errcode, message: one line per spreadsheet row, in row order. A batch with
 * print options adds every other file made for a row: the printed code, its vector file, the sheet
 * page, its poster.
 */
export function resultsCsv(outcomes: readonly RowOutcome[], language: Language): string {
  const printed = outcomes.some((o) => o.printFile || o.vectorFile || o.sheetPage || o.posterFile);
  const lines = [
    `row,status,file,errcode,message${printed ? ',print_file,vector_file,sheet_page,poster_file' : ''}`,
  ];
  for (const o of [...outcomes].sort((a, b) => a.row - b.row)) {
    const done = o.status === 'done';
    const file = done ? (o.file ?? '') : '';
    const errcode = o.error?.errcode !== undefined ? String(o.error.errcode) : '';
    const cells = [String(o.row), o.status, cell(file), errcode, cell(message(o, language))];
    if (printed) {
      cells.push(cell(done ? (o.printFile ?? '') : ''), cell(done ? (o.vectorFile ?? '') : ''));
      cells.push(done && o.sheetPage ? String(o.sheetPage) : '', cell(done ? (o.posterFile ?? '') : ''));
    }
    lines.push(cells.join(','));
  }
  // The BOM makes Excel read the Chinese text as UTF-8 rather than the system code page.
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export async function writeResultsCsv(
  path: string,
  outcomes: readonly RowOutcome[],
  language: Language,
): Promise<void> {
  await writeFileAtomic(path, resultsCsv(outcomes, language));
}
