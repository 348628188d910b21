import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A batch's rows (the sheet's, the plan's, the file names) kept on disk instead of in memory, so a
// sheet of 500,000 rows costs a few MB of offsets rather than hundreds of MB of objects.

/**
 * What the batch reads of a list of rows: its length, one row by index, a few from the start, and
 * every row in order. A plain array is one (tests and small lists); a SpillList is the disk-backed one.
 */
export interface RowList<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T | undefined;
  slice(start?: number, end?: number): T[];
}

/** Rows written and not yet on disk: one write per this many bytes, not one per row. */
const WRITE_BYTES = 256 * 1024;
/** Bytes read at once: reading rows in order reads the file once, in blocks of this size. */
const READ_BYTES = 64 * 1024;

/** Removes the file once a list is collected, where the system would not let it go while open. */
const cleanup = new FinalizationRegistry<{ fd: number; path?: string }>(({ fd, path }) => {
  try {
    closeSync(fd);
    if (path) unlinkSync(path);
  } catch {}
});

/**
 * An append-only list of JSON values in a temporary file, read back by index. Only each row's
 * offset stays in memory (8 bytes). The file is unlinked as soon as it is open where the system
 * allows (it then disappears with the process, even a killed one); elsewhere (Windows) it goes when
 * the list is collected. Reads are synchronous: a row is a few hundred bytes, usually in the block
 * read for the row before it.
 */
export class SpillList<T> implements RowList<T> {
  private readonly fd: number;
  /** Where each row starts in the file; one more entry marks the end of the last row. */
  private offsets = new Float64Array(1024);
  private count = 0;
  /**
   * Rows written and not yet on disk, encoded in place: a Buffer per row made every row's bytes an
   * object of its own, many of which lived long enough to fill the old generation while a large
   * sheet was read and planned.
   */
  private pending = Buffer.allocUnsafe(WRITE_BYTES);
  private pendingBytes = 0;
  private fileBytes = 0;
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;
  /** The row read last: the next one is read with the block after it. */
  private lastIndex = -2;

  constructor() {
    const path = join(tmpdir(), `wxacode-rows-${process.pid}-${randomBytes(6).toString('hex')}`);
    this.fd = openSync(path, 'wx+', 0o600);
    let kept: string | undefined;
    try {
      unlinkSync(path);
    } catch {
      kept = path;
    }
    cleanup.register(this, { fd: this.fd, ...(kept ? { path: kept } : {}) });
  }

  get length(): number {
    return this.count;
  }

  push(value: T): void {
    const line = `${JSON.stringify(value)}\n`;
    // At most 3 bytes of UTF-8 per UTF-16 unit: room for the line, or it goes out first.
    if (this.pendingBytes + line.length * 3 > this.pending.length) {
      this.flush();
      if (line.length * 3 > this.pending.length) this.pending = Buffer.allocUnsafe(line.length * 3);
    }
    const size = this.pending.write(line, this.pendingBytes);
    this.pendingBytes += size;
    if (this.count + 1 >= this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    const start = this.offsets[this.count]!;
    this.offsets[++this.count] = start + size;
  }

  at(index: number): T | undefined {
    if (index < 0) index += this.count;
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const start = this.offsets[index]!;
    const end = this.offsets[index + 1]!;
    if (end > this.fileBytes) this.flush();
    if (start >= this.blockStart && end <= this.blockStart + this.block.length) {
      this.lastIndex = index;
      return JSON.parse(this.block.toString('utf8', start - this.blockStart, end - this.blockStart - 1)) as T;
    }
    // A row far from the last one read (a repeat's first row) is read alone, keeping the block.
    const alone = index !== this.lastIndex + 1 && this.block.length > 0;
    this.lastIndex = index;
    const bytes = this.read(start, alone ? end - start : Math.max(READ_BYTES, end - start));
    if (!alone) {
      this.block = bytes;
      this.blockStart = start;
    }
    return JSON.parse(bytes.toString('utf8', 0, end - start - 1)) as T;
  }

  slice(start = 0, end = this.count): T[] {
    const from = Math.max(0, start < 0 ? start + this.count : start);
    const to = Math.min(this.count, end < 0 ? end + this.count : end);
    const rows: T[] = [];
    for (let i = from; i < to; i++) rows.push(this.at(i)!);
    return rows;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.count; i++) yield this.at(i)!;
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    let done = 0;
    while (done < this.pendingBytes)
      done += writeSync(this.fd, this.pending, done, this.pendingBytes - done, this.fileBytes + done);
    this.fileBytes += this.pendingBytes;
    this.pendingBytes = 0;
  }

  private read(start: number, wanted: number): Buffer {
    const size = Math.min(wanted, this.fileBytes - start);
    const bytes = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const n = readSync(this.fd, bytes, done, size - done, start + done);
      if (n === 0) throw new Error('SpillList: the file ended early');
      done += n;
    }
    return bytes;
  }
}
