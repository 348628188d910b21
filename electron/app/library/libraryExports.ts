import { codeGone } from '../../../shared/errors/storage';
import { safeFileStem } from '../../../shared/fileName';
import type { ExportedCodes } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';
import type { Library } from '../../core/storage/library';
import { type ExportMember, exportToFolder, exportZip } from '../../core/storage/libraryExport';
import type { Desktop } from '../desktop/desktop';

export interface ExportChoice {
  /** The codes selected in History; without them, every row of `batch`. */
  codeIds?: string[];
  /** The batch whose names the files take (History filtered by it, or a whole batch). */
  batch?: string;
  zip: boolean;
}

/**
 * History's Save to folder and ZIP: the folder comes from main's own dialog (the page names none),
 * and each code leaves under the name its batch gave it, else its usual name, never over a file.
 */
export class LibraryExports {
  constructor(private readonly app: { library: Library; desktop: Desktop }) {}

  /** What was written; null when the user cancelled the folder dialog. */
  async export(choice: ExportChoice): Promise<ExportedCodes | null> {
    const members = this.members(choice);
    if (members.length === 0) throw new Failure(codeGone());
    const folder = await this.app.desktop.chooseFolder();
    if (folder === undefined) return null;
    if (choice.zip) {
      const file = await exportZip(folder, this.zipName(choice.batch), members);
      return { count: members.length, folder, file };
    }
    const written = await exportToFolder(folder, members);
    return { count: written.length, folder };
  }

  private members({ codeIds, batch }: ExportChoice): ExportMember[] {
    const { library } = this.app;
    if (!codeIds) {
      if (!batch) return [];
      return library.batchRows(batch).flatMap((row) => {
        const entry = library.get(row.codeId);
        return entry ? [{ name: row.file, path: library.pngPath(entry) }] : [];
      });
    }
    const names = library.batchFileNames(codeIds, batch);
    return codeIds.flatMap((codeId) => {
      const entry = library.get(codeId);
      return entry ? [{ name: names.get(codeId) ?? entry.suggestedName, path: library.pngPath(entry) }] : [];
    });
  }

  /** A batch's ZIP is named after its campaign; a selection's after the day. */
  private zipName(batch: string | undefined): string {
    const campaign = batch
      ? this.app.library.campaigns().find((c) => c.batches.some((b) => b.batch === batch))?.name
      : undefined;
    return safeFileStem(campaign ?? `wxacode-${new Date().toISOString().slice(0, 10)}`, 120);
  }
}
