import type { GeneratedCode, LibraryEntryView } from '../../shared/ipc/channels';
import { Failure } from '../../shared/result';
import type { Services } from '../app/services';
import type { Library, LibraryEntry } from '../core/storage/library';
import type { HandlerTable } from '../main/ipc';

/** Codes per page when the page does not say. */
const DEFAULT_PAGE = 200;

type LibraryHandlers = Pick<HandlerTable, 'library:list' | 'library:image' | 'library:delete'>;

export function libraryHandlers({ library }: Services): LibraryHandlers {
  return {
    'library:list': async ({ cursor, limit = DEFAULT_PAGE, ...filter }) => {
      // Codes the CLI made since are listed too: every page is read from the shared database.
      const page = library.list(filter, { limit, ...(cursor !== undefined ? { cursor } : {}) });
      return {
        entries: page.entries.map(entryView),
        total: library.count(filter),
        ...(page.nextCursor !== undefined ? { nextCursor: page.nextCursor } : {}),
      };
    },
    'library:image': async ({ codeId }) => {
      const entry = storedCode(library, codeId);
      return generatedCode(entry, await library.readPng(entry), true);
    },
    'library:delete': async ({ codeId }) => {
      await library.delete(codeId);
      return { deleted: true };
    },
  };
}

/** A code the page refers to by id; it may have been deleted in the meantime (another window, the CLI). */
export function storedCode(library: Library, codeId: string): LibraryEntry {
  const entry = library.get(codeId);
  if (entry) return entry;
  throw new Failure({
    code: 'field',
    field: 'codeId',
    message: { en: 'This code is no longer in the library.', zh: '此码已不在码库中。' },
    hint: { en: 'Generate it again.', zh: '请重新生成。' },
    retryable: false,
  });
}

export function generatedCode(entry: LibraryEntry, png: Buffer, fromLibrary: boolean): GeneratedCode {
  return {
    codeId: entry.codeId,
    // A copy with a buffer of its own: a Buffer may be a view into Node's shared pool, and IPC
    // would send the whole pool, other data included.
    png: new Uint8Array(png),
    width: entry.width,
    height: entry.height,
    ...(entry.numUsed !== undefined ? { numUsed: entry.numUsed } : {}),
    fromLibrary,
    createdAt: entry.createdAt,
    suggestedName: entry.suggestedName,
    ...(entry.notKept ? { notKept: entry.notKept } : {}),
  };
}

function entryView(entry: LibraryEntry): LibraryEntryView {
  return {
    codeId: entry.codeId,
    accountId: entry.accountId,
    appId: entry.appId,
    kind: entry.kind,
    request: entry.request,
    width: entry.width,
    height: entry.height,
    ...(entry.numUsed !== undefined ? { numUsed: entry.numUsed } : {}),
    createdAt: entry.createdAt,
    suggestedName: entry.suggestedName,
  };
}
