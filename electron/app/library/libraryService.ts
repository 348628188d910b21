import { codeGone } from '../../../shared/errors/storage';
import type { CampaignView, GeneratedCode, LibraryPage } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';
import type { Library, LibraryEntry, LibraryFilter } from '../../core/storage/library';
import { entryView, generatedCode } from './libraryViews';
import { matchCount } from './matchCount';

/** Codes per page when the page does not say. */
const DEFAULT_PAGE = 200;

export interface PageRequest extends LibraryFilter {
  /** The previous page's nextCursor; absent for the first page. */
  cursor?: string;
  limit?: number;
}

/** The History view's side of the library: pages of codes, one code's image, deletion. */
export class LibraryService {
  constructor(private readonly library: Library) {}

  async page({ cursor, limit = DEFAULT_PAGE, ...filter }: PageRequest): Promise<LibraryPage> {
    // Codes the CLI made since are listed too: every page is read from the shared database.
    const page = this.library.list(filter, { limit, ...(cursor !== undefined ? { cursor } : {}) });
    return {
      entries: page.entries.map(entryView),
      // Counted with the first page only: "Show more" keeps that figure rather than counting again.
      ...(cursor === undefined ? matchCount(this.library, filter) : {}),
      ...(page.nextCursor !== undefined ? { nextCursor: page.nextCursor } : {}),
    };
  }

  async image(codeId: string): Promise<GeneratedCode> {
    const entry = this.stored(codeId);
    return generatedCode(entry, await this.library.readPng(entry), true);
  }

  async delete(codeId: string): Promise<void> {
    await this.library.delete(codeId);
  }

  /** How many of the codes were deleted (another window or the CLI may have deleted some already). */
  async deleteMany(codeIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const codeId of codeIds) {
      if (!this.library.get(codeId)) continue;
      await this.library.delete(codeId);
      deleted++;
    }
    return deleted;
  }

  campaigns(): CampaignView[] {
    return this.library.campaigns().map((c) => ({
      name: c.name,
      codes: c.codes,
      batches: c.batches.map((b) => ({
        batchId: b.batch,
        sourceFile: b.sourceFile,
        startedAt: b.startedAt,
        codes: b.codes,
      })),
    }));
  }

  /** A code the page refers to by id; it may have been deleted in the meantime (another window, the CLI). */
  stored(codeId: string): LibraryEntry {
    const entry = this.library.get(codeId);
    if (entry) return entry;
    throw new Failure(codeGone());
  }
}
