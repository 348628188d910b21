import { readdir, readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';

// Where `wxacode sheet --from` finds its codes: a folder's PNGs in name order, or the rows a batch
// made, in row order, from its results.csv (the `file` column, relative to the CSV's folder).

/** One CSV line's cells: quoted cells may hold commas and doubled quotes. */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The PNG files a batch made, from its results.csv; rows not done are left out. */
export async function codesOfResults(csv: string): Promise<string[]> {
  const text = (await readFile(csv, 'utf8').catch(() => '')).replace(/^\ufeff/, '');
  const [header = '', ...lines] = text.split(/\r?\n/).filter((line) => line !== '');
  const columns = cellsOf(header);
  const status = columns.indexOf('status');
  const file = columns.indexOf('file');
  if (status < 0 || file < 0) return [];
  return lines
    .map(cellsOf)
    .filter((cells) => cells[status] === 'done' && cells[file])
    .map((cells) => join(dirname(csv), cells[file]!));
}

/** The codes to lay out, as paths: a results.csv's rows made, or a folder's PNGs by name. */
export async function sheetSources(from: string, most: number): Promise<string[]> {
  if (extname(from).toLowerCase() === '.csv') return (await codesOfResults(from)).slice(0, most);
  return (await readdir(from).catch(() => [] as string[]))
    .filter((name) => extname(name).toLowerCase() === '.png')
    .sort()
    .slice(0, most)
    .map((name) => join(from, name));
}
