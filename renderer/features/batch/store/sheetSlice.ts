import { MAX_SHEET_FILE_BYTES, type SheetView } from '../../../../shared/batch';
import type { Result } from '../../../../shared/result';
import { call } from '../../../app/api';
import { type BatchSlice, NEW_BATCH, putAway, type SheetSlice } from './state';

export const sheetSlice: BatchSlice<SheetSlice> = (set, get) => {
  /** A sheet opened from the dialog or dropped onto the window: a new batch starts from it. */
  const openSheet = async (open: () => Promise<Result<SheetView | null>>) => {
    if (get().opening) return;
    set({ opening: true });
    const answer = await open();
    if (!answer.ok) {
      set({ opening: false, importError: answer.error });
      return;
    }
    const sheet = answer.value;
    // Cancelled: whatever was imported before stays.
    if (!sheet) {
      set({ opening: false });
      return;
    }
    // The output choices stay: the user made them for the batches they make, not for one sheet.
    const { folder, zip, concurrency, ratePerMinute } = get();
    set({
      ...NEW_BATCH,
      dismissedJobId: putAway(get()),
      folder,
      zip,
      concurrency,
      ratePerMinute,
      opening: false,
      sheet,
      kind: sheet.kind ?? null,
      mapping: sheet.mapping,
    });
  };

  return {
    sheet: NEW_BATCH.sheet,
    opening: false,
    importError: NEW_BATCH.importError,
    kind: NEW_BATCH.kind,
    mapping: NEW_BATCH.mapping,

    open: () => openSheet(() => call('batch:open', undefined)),

    // Only the bytes the main process accepts (and one more, so a larger file is refused there):
    // a 2 GB file dropped by mistake is not read into the page.
    openDropped: (file) =>
      openSheet(async () =>
        call('batch:openDropped', {
          name: file.name,
          bytes: new Uint8Array(await file.slice(0, MAX_SHEET_FILE_BYTES + 1).arrayBuffer()),
        }),
      ),

    setKind(kind) {
      set({ kind });
    },

    setColumn(column, index) {
      const mapping = { ...get().mapping };
      if (index === undefined) delete mapping[column];
      else mapping[column] = index;
      set({ mapping });
    },
  };
};
