import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CodeKind, CodeRequest } from '../../../shared/codeRequest';
import { notInLibrary } from '../../../shared/errors/storage';
import { suggestedFileName } from '../../../shared/fileName';
import type { AppError } from '../../../shared/result';
import { requestKey } from '../codes/requestKey';
import { appendLine, writeFileAtomic } from './atomicFile';
import { Claims } from './claims';

export interface LibraryEntry {
  codeId: string;
  /** requestKey(appId, request): finds an earlier identical request. */
  key: string;
  accountId: string;
  appId: string;
  kind: CodeKind;
  request: CodeRequest;
  /** Content hash of the PNG; the file is png/<hash>.png. */
  pngHash: string;
  width: number;
  height: number;
  numUsed?: number;
  createdAt: string;
  suggestedName: string;
  /**
   * Set when the code could not be written to the library (a full disk, …): it is held in memory
   * for this session only, so it can still be saved, copied or dragged out, but is not kept.
   */
  notKept?: AppError;
}

export interface NewCode {
  accountId: string;
  appId: string;
  request: CodeRequest;
  png: Buffer;
  width: number;
  height: number;
  numUsed?: number;
}

export interface LibraryFilter {
  query?: string;
  accountId?: string;
  kind?: CodeKind;
}

type IndexLine = ({ op: 'add' } & LibraryEntry) | { op: 'delete'; codeId: string };

/**
 * Every code ever made, so an identical request is answered without an API call. PNGs are stored
 * by content hash (written atomically, never rewritten); the index is an append-only JSON-lines
 * log replayed at open, in which a line torn by a crash is skipped, never fatal. The app and any
 * number of CLI processes share it: `refresh` reads the lines the others appended since.
 */
export class Library {
  private readonly byId = new Map<string, LibraryEntry>();
  /** Per request key, every entry still in the library, oldest first: the newest answers a lookup. */
  private readonly byKey = new Map<string, LibraryEntry[]>();
  /** Images of codes that could not be written (see LibraryEntry.notKept), by code id. */
  private readonly unkeptPngs = new Map<string, Buffer>();
  /** Bytes of the index read so far, up to the end of its last whole line. */
  private offset = 0;
  private refreshing?: Promise<void>;
  /** The calls to WeChat under way in every process sharing this library. */
  readonly claims: Claims;

  private constructor(private readonly dir: string) {
    this.claims = new Claims(join(dir, 'claims'));
  }

  static async open(dir: string): Promise<Library> {
    const library = new Library(dir);
    // A full or read-only disk still lets the library be read; writing then fails code by code.
    await mkdir(join(dir, 'png'), { recursive: true }).catch(() => {});
    await library.readAppended();
    return library;
  }

  /** Takes in the codes other processes (the CLI, the app) added or deleted since the last look. */
  refresh(): Promise<void> {
    this.refreshing ??= this.readAppended().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async readAppended(): Promise<void> {
    let file: Awaited<ReturnType<typeof open>>;
    try {
      file = await open(this.indexPath, 'r');
    } catch (cause) {
      if ((cause as { code?: string }).code === 'ENOENT') return;
      throw cause;
    }
    try {
      const { size } = await file.stat();
      if (size <= this.offset) return;
      const bytes = Buffer.alloc(size - this.offset);
      const { bytesRead } = await file.read(bytes, 0, bytes.length, this.offset);
      // A line another process is appending right now is read once it is whole.
      const end = bytes.subarray(0, bytesRead).lastIndexOf(0x0a) + 1;
      for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
        const parsed = parseLine(line);
        if (parsed) this.replay(parsed);
      }
      this.offset += end;
    } finally {
      await file.close();
    }
  }

  private get indexPath() {
    return join(this.dir, 'index.jsonl');
  }

  pngPath(entry: LibraryEntry): string {
    return join(this.dir, 'png', `${entry.pngHash}.png`);
  }

  find(appId: string, request: CodeRequest): LibraryEntry | undefined {
    return this.byKey.get(requestKey(appId, request))?.at(-1);
  }

  /** Whether a code for this requestKey is in the library (kept on disk or held for this session). */
  hasKey(key: string): boolean {
    return this.byKey.has(key);
  }

  get(codeId: string): LibraryEntry | undefined {
    return this.byId.get(codeId);
  }

  async readPng(entry: LibraryEntry): Promise<Buffer> {
    return this.unkeptPngs.get(entry.codeId) ?? readFile(this.pngPath(entry));
  }

  async add(code: NewCode): Promise<LibraryEntry> {
    const pngHash = createHash('sha256').update(code.png).digest('hex');
    const entry: LibraryEntry = {
      codeId: randomUUID(),
      key: requestKey(code.appId, code.request),
      accountId: code.accountId,
      appId: code.appId,
      kind: code.request.kind,
      request: code.request,
      pngHash,
      width: code.width,
      height: code.height,
      ...(code.numUsed !== undefined ? { numUsed: code.numUsed } : {}),
      createdAt: new Date().toISOString(),
      suggestedName: suggestedFileName(code.request),
    };
    const file = this.pngPath(entry);
    try {
      if (!(await exists(file))) await writeFileAtomic(file, code.png);
      // The image is on disk before the index names it, so a crash in between leaves no dangling entry.
      await appendLine(this.indexPath, JSON.stringify({ op: 'add', ...entry } satisfies IndexLine));
    } catch (cause) {
      // WeChat has answered (and may have charged): the code is not dropped, only not kept.
      const kept = { ...entry, notKept: notInLibrary(this.dir, cause) };
      this.unkeptPngs.set(entry.codeId, code.png);
      this.replay({ op: 'add', ...kept });
      return kept;
    }
    this.replay({ op: 'add', ...entry });
    return entry;
  }

  async delete(codeId: string): Promise<void> {
    if (!this.byId.has(codeId)) return;
    await appendLine(this.indexPath, JSON.stringify({ op: 'delete', codeId } satisfies IndexLine));
    this.replay({ op: 'delete', codeId });
  }

  /** Newest first. The query matches page, path, scene and file name, case-insensitively. */
  list(filter: LibraryFilter = {}): LibraryEntry[] {
    const query = filter.query?.trim().toLowerCase();
    return [...this.byId.values()]
      .filter((e) => !filter.accountId || e.accountId === filter.accountId)
      .filter((e) => !filter.kind || e.kind === filter.kind)
      .filter((e) => !query || searchText(e).includes(query))
      .reverse();
  }

  private replay(line: IndexLine): void {
    if (line.op === 'delete') {
      const entry = this.byId.get(line.codeId);
      if (!entry) return;
      this.byId.delete(line.codeId);
      // Deleting a regenerated code brings back the earlier one for the same request: its image
      // is still on disk (images are never removed), so asking again costs no API call.
      const same = this.byKey.get(entry.key)?.filter((e) => e !== entry) ?? [];
      if (same.length > 0) this.byKey.set(entry.key, same);
      else this.byKey.delete(entry.key);
      return;
    }
    const { op: _op, ...entry } = line;
    // This process's own additions come back when it reads what was appended since.
    if (this.byId.has(entry.codeId)) return;
    this.byId.set(entry.codeId, entry);
    // A forced regeneration adds a newer entry for the same key; the newest one answers lookups.
    this.byKey.set(entry.key, [...(this.byKey.get(entry.key) ?? []), entry]);
  }
}

function searchText(entry: LibraryEntry): string {
  const r = entry.request;
  const parts = r.kind === 'unlimited' ? [r.page, r.scene] : [r.path];
  return [...parts, entry.suggestedName].join('\n').toLowerCase();
}

function parseLine(line: string): IndexLine | null {
  if (!line.trim()) return null;
  try {
    const parsed = JSON.parse(line) as IndexLine;
    if (parsed.op === 'delete' && typeof parsed.codeId === 'string') return parsed;
    if (parsed.op === 'add' && typeof parsed.codeId === 'string' && typeof parsed.key === 'string')
      return parsed;
  } catch {
    // A torn line from a crash mid-append: skipped.
  }
  return null;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
