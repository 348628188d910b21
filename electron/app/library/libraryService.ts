import { codeGone } from '../../../shared/errors/storage';
import type { GeneratedCode, LibraryPage } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';
import type { Library, LibraryEntry, LibraryFilter } from '../../core/storage/library';
import { entryView, generatedCode } from './libraryViews';

/** Codes per page when the page does not say. */
const DEFAULT_PAGE = 200;

export interface PageRequest extends LibraryFilter {
  offset?: number;
  limit?: number;
}

/** The History view's side of the library: pages of codes, one code's image, deletion. */
export class LibraryService {
  constructor(private readonly library: Library) {}

  async page({ offset = 0, limit = DEFAULT_PAGE, ...filter }: PageRequest): Promise<LibraryPage> {
    // Codes the CLI made since are listed too.
    await this.library.refresh();
    const matches = this.library.list(filter);
    return { entries: matches.slice(offset, offset + limit).map(entryView), total: matches.length };
  }

  async image(codeId: string): Promise<GeneratedCode> {
    const entry = this.stored(codeId);
    return generatedCode(entry, await this.library.readPng(entry), true);
  }

  async delete(codeId: string): Promise<void> {
    await this.library.delete(codeId);
  }

  /** A code the page refers to by id; it may have been deleted in the meantime (another window, the CLI). */
  stored(codeId: string): LibraryEntry {
    const entry = this.library.get(codeId);
    if (entry) return entry;
    throw new Failure(codeGone());
  }
}
