import { codeGone } from '../../../shared/errors/storage';
import type { HistorySheetChoice, SavedSheet } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';
import { bundledLabelFont } from '../../core/print/labelFont';
import { printSheet, type SheetCode } from '../../core/print/sheet';
import { labelledSheetCode, sheetOptionsOf, sheetSizing } from '../../core/print/sheetCodes';
import { writeFileAtomic } from '../../core/storage/atomicFile';
import type { Library } from '../../core/storage/library';
import type { Desktop } from '../desktop/desktop';
import { checkHistoryLabels, historyHeaders, labelsFor } from './historyLabels';

/**
 * History's Print sheet…: the picked codes on print-ready pages. The page sends only their ids and
 * the options; main checks both, asks where to save in its own dialog, and writes the PDF whole or
 * not at all.
 */
export class HistorySheet {
  private readonly font = bundledLabelFont();

  constructor(private readonly app: { library: Library; desktop: Desktop }) {}

  /** What was written; null when the user cancelled the save dialog. */
  async save(choice: HistorySheetChoice): Promise<SavedSheet | null> {
    const { library, desktop } = this.app;
    const entries = choice.codeIds.map((codeId) => library.get(codeId));
    if (entries.some((entry) => entry === undefined)) throw new Failure(codeGone());
    const picked = entries.filter((entry) => entry !== undefined);
    const headers = historyHeaders(picked);
    const labels = choice.labels ?? [];
    // Every option is checked before the dialog: a mistake is shown at its field, not after a save.
    checkHistoryLabels(labels, headers);
    const { sheet } = choice;
    const sizing = sheetSizing(sheet);
    const options = sheetOptionsOf(sheet, sizing.grid);

    const file = await desktop.saveDialog(`wxacode-sheet-${new Date().toISOString().slice(0, 10)}.pdf`, [
      'pdf',
    ]);
    if (file === undefined) return null;
    const path = /\.pdf$/i.test(file) ? file : `${file}.pdf`;
    const codes: SheetCode[] = [];
    for (const entry of picked) {
      const png = await library.readPng(entry);
      const code = await labelledSheetCode(png, labelsFor(entry, labels, headers), sizing.codeMm, this.font);
      if (!code) throw new Failure(codeGone());
      codes.push(code);
    }
    const { bytes, layout, scale } = await printSheet(codes, options);
    await writeFileAtomic(path, bytes);
    return { file: path, count: codes.length, pages: layout.pages, codeCm: (sizing.codeMm * scale) / 10 };
  }
}
