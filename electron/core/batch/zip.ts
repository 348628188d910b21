import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { appError } from '../../../shared/errors';
import { zipTooBig } from '../../../shared/errors/batch';
import { Failure } from '../../../shared/result';

export interface ZipMember {
  /** The name inside the archive. */
  name: string;
  /** The file on disk. */
  path: string;
}

// A stored (uncompressed) ZIP written as it goes, with ZIP64 records where the classic format's
// 16-bit entry count or 32-bit offsets would overflow: a batch of 500,000 codes is one ZIP, and
// every unzip tool of the last twenty years (Windows Explorer, macOS Archive Utility, Info-ZIP,
// 7-Zip) reads it. Members are read one at a time, and the central directory goes to a temp file
// beside the ZIP as it grows, so memory stays flat whatever the number of files. ZIP libraries (yazl,
// archiver) keep an object per entry in memory until the central directory is written.

const U16 = 0xffff;
const U32 = 0xffffffff;
/** Names are UTF-8 (general purpose bit 11): Chinese file names read right everywhere. */
const UTF8_NAMES = 0x0800;
const VERSION_ZIP64 = 45;
const VERSION_CLASSIC = 20;
/** Central directory records gathered before one write to its temp file. */
const DIRECTORY_CHUNK = 256 * 1024;

/**
 * Writes a ZIP of the given files to a temp file renamed into place at the end, so the ZIP is
 * either whole or absent. PNGs are already compressed, so they are stored rather than deflated again.
 */
export async function writeZip(zipPath: string, ...members: Iterable<ZipMember>[]): Promise<void> {
  const temp = join(dirname(zipPath), `.${basename(zipPath)}.${randomBytes(6).toString('hex')}.tmp`);
  const directoryTemp = `${temp}.dir`;
  const file = await open(temp, 'wx').catch((cause) => {
    throw fileFailure(zipPath, cause);
  });
  let directory: FileHandle | undefined;
  try {
    directory = await open(directoryTemp, 'wx+');
    const writer = new ZipWriter(file, directory, zipPath);
    for (const group of members) for (const member of group) await writer.add(member);
    await writer.end();
    await file.sync();
    await file.close();
    await directory.close();
    await rm(directoryTemp, { force: true });
    await rename(temp, zipPath);
  } catch (cause) {
    await file.close().catch(() => undefined);
    await directory?.close().catch(() => undefined);
    await rm(temp, { force: true });
    await rm(directoryTemp, { force: true });
    throw fileFailure(zipPath, cause);
  }
}

class ZipWriter {
  private offset = 0;
  private entries = 0;
  private directoryBytes = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private readonly time: number;
  private readonly date: number;

  constructor(
    private readonly file: FileHandle,
    private readonly directory: FileHandle,
    private readonly zipPath: string,
  ) {
    const now = new Date();
    this.time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    this.date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  async add(member: ZipMember): Promise<void> {
    const data = await this.read(member);
    const name = Buffer.from(member.name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION_CLASSIC, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(this.time, 10);
    local.writeUInt16LE(this.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const start = this.offset;
    await this.write(local);
    await this.write(name);
    await this.write(data);
    this.entries++;
    await this.record(centralRecord(name, crc, data.length, start, this.time, this.date));
  }

  /**
   * A member's bytes, read into one buffer reused member after member (grown for a larger one): a
   * fresh buffer per file left tens of MB of them to the garbage collector in a ZIP of 50,000 codes.
   */
  private async read(member: ZipMember): Promise<Buffer> {
    const file = await open(member.path, 'r');
    try {
      const { size } = await file.stat();
      if (size >= U32) throw new Failure(zipTooBig(this.zipPath, `${member.name}: ${size} bytes`));
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
      let done = 0;
      while (done < size) {
        const { bytesRead } = await file.read(this.buffer, done, size - done, done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      // A file that shrank while read (it should not): what was there.
      return this.buffer.subarray(0, done);
    } finally {
      await file.close();
    }
  }

  async end(): Promise<void> {
    await this.flushDirectory();
    const directoryStart = this.offset;
    // The central directory, copied from its temp file in blocks.
    const block = Buffer.allocUnsafe(1024 * 1024);
    for (let at = 0; at < this.directoryBytes; ) {
      const { bytesRead } = await this.directory.read(block, 0, block.length, at);
      if (bytesRead === 0) throw new Error('the central directory ended early');
      await this.write(block.subarray(0, bytesRead));
      at += bytesRead;
    }
    const size = this.directoryBytes;
    const zip64 = this.entries >= U16 || directoryStart >= U32 || size >= U32;
    if (zip64) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4); // the record's size after this field
      record.writeUInt16LE(VERSION_ZIP64, 12);
      record.writeUInt16LE(VERSION_ZIP64, 14);
      record.writeUInt32LE(0, 16);
      record.writeUInt32LE(0, 20);
      record.writeBigUInt64LE(BigInt(this.entries), 24);
      record.writeBigUInt64LE(BigInt(this.entries), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(directoryStart), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeUInt32LE(0, 4);
      locator.writeBigUInt64LE(BigInt(this.offset), 8);
      locator.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([record, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(this.entries, U16), 8);
    end.writeUInt16LE(Math.min(this.entries, U16), 10);
    end.writeUInt32LE(Math.min(size, U32), 12);
    end.writeUInt32LE(Math.min(directoryStart, U32), 16);
    await this.write(end);
  }

  private async write(bytes: Buffer): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.file.write(bytes, done, bytes.length - done);
      done += bytesWritten;
    }
    this.offset += bytes.length;
  }

  private async record(bytes: Buffer): Promise<void> {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= DIRECTORY_CHUNK) await this.flushDirectory();
  }

  private async flushDirectory(): Promise<void> {
    if (this.pending.length === 0) return;
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.directory.write(
        bytes,
        done,
        bytes.length - done,
        this.directoryBytes + done,
      );
      done += bytesWritten;
    }
    this.directoryBytes += bytes.length;
  }
}

/** One central directory record; an offset past 4 GiB goes in a ZIP64 extra field. */
function centralRecord(
  name: Buffer,
  crc: number,
  size: number,
  offset: number,
  time: number,
  date: number,
): Buffer {
  const far = offset >= U32;
  const extra = far ? Buffer.alloc(12) : Buffer.alloc(0);
  if (far) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(BigInt(offset), 4);
  }
  const record = Buffer.alloc(46);
  record.writeUInt32LE(0x02014b50, 0);
  record.writeUInt16LE(VERSION_ZIP64, 4); // made by: MS-DOS attributes, ZIP 4.5
  record.writeUInt16LE(far ? VERSION_ZIP64 : VERSION_CLASSIC, 6);
  record.writeUInt16LE(UTF8_NAMES, 8);
  record.writeUInt16LE(0, 10);
  record.writeUInt16LE(time, 12);
  record.writeUInt16LE(date, 14);
  record.writeUInt32LE(crc, 16);
  record.writeUInt32LE(size, 20);
  record.writeUInt32LE(size, 24);
  record.writeUInt16LE(name.length, 28);
  record.writeUInt16LE(extra.length, 30);
  record.writeUInt16LE(0, 32);
  record.writeUInt16LE(0, 34);
  record.writeUInt16LE(0, 36);
  record.writeUInt32LE(0, 38);
  record.writeUInt32LE(far ? U32 : offset, 42);
  return Buffer.concat([record, name, extra]);
}

function fileFailure(path: string, cause: unknown): Failure {
  if (cause instanceof Failure) return cause;
  return new Failure(
    appError('file', { path, detail: cause instanceof Error ? cause.message : String(cause) }),
  );
}
