import type { GeneratedCode, LibraryEntryView } from '../../../shared/ipc/channels';
import type { LibraryEntry } from '../../core/storage/library';

// What the page is shown of a stored code: plain data, never its path in the data folder.

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

export function entryView(entry: LibraryEntry): LibraryEntryView {
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
    ...(entry.origin ? { origin: entry.origin } : {}),
  };
}
