import type { Library, LibraryEntry, LibraryFilter } from '../core/storage/library';

/** Every code matching the filter, newest first, read a page at a time as History reads them. */
export function listedInPages(library: Library, filter: LibraryFilter = {}, pageSize = 2): LibraryEntry[] {
  const entries: LibraryEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = library.list(filter, { limit: pageSize, ...(cursor ? { cursor } : {}) });
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}
