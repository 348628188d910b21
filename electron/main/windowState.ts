import { type BrowserWindow, screen } from 'electron';
import {
  readPlacement,
  restoredPlacement,
  savePlacement,
  type WindowPlacement,
} from '../app/desktop/windowPlacement';

/** Where the window opens: where it was last time, if that display is still there. */
export async function windowPlacement(dataDir: string): Promise<WindowPlacement> {
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
  return restoredPlacement(
    await readPlacement(dataDir),
    displays.map((d) => d.workArea),
  );
}

/**
 * Maximises the window if it was, and saves its place whenever the user moves, resizes or closes
 * it. The close waits for the save: the app may quit right after, and the file must be on disk.
 */
export function keepWindowPlacement(
  window: BrowserWindow,
  dataDir: string,
  placement: WindowPlacement,
): void {
  if (placement.maximized) window.maximize();
  const save = async () => {
    if (window.isDestroyed()) return;
    // The normal bounds: a maximised window comes back maximised over the size it had before.
    await savePlacement(dataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }).catch(
      (cause: unknown) => console.warn('WxaCode Studio: the window placement was not saved:', cause),
    );
  };
  // 'resized' and 'moved' come at the end of a drag (macOS, Windows); Linux has only the close.
  window.on('resized', () => void save());
  window.on('moved', () => void save());
  window.on('maximize', () => void save());
  window.on('unmaximize', () => void save());
  let saved = false;
  window.on('close', (event) => {
    if (saved) return;
    event.preventDefault();
    void save().finally(() => {
      saved = true;
      if (!window.isDestroyed()) window.close();
    });
  });
}
