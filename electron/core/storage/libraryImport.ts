import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { CodeTable, StoredCode } from './codeTable';
import type { LibraryDatabase } from './libraryDatabase';

/** Read and taken in this much of the old index per transaction, so other processes wait seconds at most. */
const CHUNK_BYTES = 4 * 1024 * 1024;

type IndexLine = ({ op: 'add' } & StoredCode) | { op: 'delete'; codeId: string };

/**
 * Takes the JSON-lines index of earlier versions (index.jsonl: one `add` or `delete` per line, in
 * order) into the database, nothing lost: every code it lists is listed again, deletions stay
 * deleted, a line torn by a crash is skipped as it always was. The file is left where it is. What
 * has been taken in is counted in bytes, in the same transaction as the codes, so an import cut
 * short resumes where it stopped, and lines an earlier version of the CLI appends later are taken
 * in at the next start. Returns how many codes were added.
 */
export function importJsonLinesIndex(db: LibraryDatabase, codes: CodeTable, path: string): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw cause;
  }
  const name = basename(path);
  const importedBytes = db.prepare('SELECT bytes FROM imported WHERE file = ?');
  const setImported = db.prepare(
    'INSERT INTO imported (file, bytes) VALUES (?, ?) ON CONFLICT (file) DO UPDATE SET bytes = excluded.bytes',
  );
  // IMMEDIATE: a process starting at the same time waits, then reads where this one stopped.
  const takeChunk = db.transaction((): number | undefined => {
    const from = (importedBytes.get(name) as { bytes: number } | undefined)?.bytes ?? 0;
    const size = fstatSync(fd).size;
    if (size <= from) return undefined;
    const bytes = Buffer.alloc(Math.min(CHUNK_BYTES, size - from));
    const read = readSync(fd, bytes, 0, bytes.length, from);
    // A last line still being written (or torn) waits until it is whole; a chunk without any line
    // end is no index line at all.
    let end = bytes.subarray(0, read).lastIndexOf(0x0a) + 1;
    if (end === 0) {
      if (read < CHUNK_BYTES) return undefined;
      end = read;
    }
    let added = 0;
    for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
      const parsed = parseLine(line);
      if (parsed?.op === 'add') added += codes.insert(storedCode(parsed)) ? 1 : 0;
      else if (parsed?.op === 'delete') codes.delete(parsed.codeId);
    }
    setImported.run(name, from + end);
    return added;
  }).immediate;
  try {
    let added = 0;
    for (let chunk = takeChunk(); chunk !== undefined; chunk = takeChunk()) added += chunk;
    return added;
  } finally {
    closeSync(fd);
  }
}

function storedCode({ op: _op, ...code }: { op: 'add' } & StoredCode): StoredCode {
  return code;
}

function parseLine(line: string): IndexLine | null {
  if (!line.trim()) return null;
  try {
    const parsed = JSON.parse(line) as IndexLine;
    if (parsed.op === 'delete' && typeof parsed.codeId === 'string') return parsed;
    if (parsed.op === 'add' && isWholeCode(parsed)) return parsed;
  } catch {
    // A torn line from a crash mid-append: skipped.
  }
  return null;
}

/** Every field the database requires: a line missing one could only have been damaged. */
function isWholeCode(code: Partial<StoredCode>): boolean {
  return (
    typeof code.codeId === 'string' &&
    typeof code.key === 'string' &&
    typeof code.accountId === 'string' &&
    typeof code.appId === 'string' &&
    typeof code.kind === 'string' &&
    typeof code.request === 'object' &&
    code.request !== null &&
    typeof code.pngHash === 'string' &&
    typeof code.width === 'number' &&
    typeof code.height === 'number' &&
    typeof code.createdAt === 'string' &&
    typeof code.suggestedName === 'string'
  );
}
