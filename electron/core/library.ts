import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CodeKind, CodeRequest } from '../../shared/codeRequest';
import { suggestedFileName } from '../../shared/fileName';
import { appendLine, writeFileAtomic } from './atomicFile';
import { requestKey } from './requestKey';

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
 * log replayed at open, in which a line torn by a crash is skipped, never fatal.
 */
export class Library {
  private readonly byId = new Map<string, LibraryEntry>();
  /** Per request key, every entry still in the library, oldest first: the newest answers a lookup. */
  private readonly byKey = new Map<string, LibraryEntry[]>();

  private constructor(private readonly dir: string) {}

  static async open(dir: string): Promise<Library> {
    const library = new Library(dir);
    await mkdir(join(dir, 'png'), { recursive: true });
    let text = '';
    try {
      text = await readFile(library.indexPath, 'utf8');
    } catch (cause) {
      if ((cause as { code?: string }).code !== 'ENOENT') throw cause;
    }
    for (const line of text.split('\n')) {
      const parsed = parseLine(line);
      if (parsed) library.replay(parsed);
    }
    return library;
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

  get(codeId: string): LibraryEntry | undefined {
    return this.byId.get(codeId);
  }

  async readPng(entry: LibraryEntry): Promise<Buffer> {
    return readFile(this.pngPath(entry));
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
    if (!(await exists(file))) await writeFileAtomic(file, code.png);
    // The image is on disk before the index names it, so a crash in between leaves no dangling entry.
    await appendLine(this.indexPath, JSON.stringify({ op: 'add', ...entry } satisfies IndexLine));
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
