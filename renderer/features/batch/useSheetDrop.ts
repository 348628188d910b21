import { type DragEvent, useState } from 'react';
import { useView } from '../../app/viewStore';
import { useBatch } from './batchStore';

/** What Batch reads; anything else dropped onto the window is ignored. */
export const isSheetFile = (name: string): boolean => /\.(csv|xlsx)$/i.test(name);

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * The window as a drop target: a .csv or .xlsx dropped anywhere opens in Batch, as Import would
 * open it. While a batch runs, the drop shows that batch instead of putting it away.
 */
export function useSheetDrop() {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    onDragOver(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave(event: DragEvent) {
      // Leaving a child for another child is not leaving the window.
      if (event.relatedTarget === null) setDragging(false);
    },
    onDrop(event: DragEvent) {
      // Never let the browser open the file in place of the app.
      event.preventDefault();
      setDragging(false);
      const file = [...event.dataTransfer.files].find((f) => isSheetFile(f.name));
      if (!file) return;
      useView.getState().show('batch');
      const { job, openDropped } = useBatch.getState();
      if (job && job.progress.state !== 'finished') return;
      void openDropped(file);
    },
  };
}
