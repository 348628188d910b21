import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../core/storage/atomicFile';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the window was when last moved, resized or closed: its size when not maximised, and whether it was. */
export interface WindowPlacement {
  bounds: Rectangle;
  maximized: boolean;
}

/** The window's size on a first start, and the smallest it can be made. */
export const DEFAULT_SIZE = { width: 1180, height: 800 } as const;
export const MIN_SIZE = { width: 820, height: 560 } as const;

/** How much of the window must lie on a display to count as reachable: enough to grab its title bar. */
const REACHABLE = { width: 120, height: 40 } as const;

const saved = z.object({
  bounds: z.object({
    x: z.number().int().finite(),
    y: z.number().int().finite(),
    width: z.number().int().positive().max(100_000),
    height: z.number().int().positive().max(100_000),
  }),
  maximized: z.boolean(),
});

/**
 * The window's placement for this start: the saved one when it is still on a display (a monitor
 * may have been unplugged), at least the minimum size and at most the display's work area; else
 * the default size centred on the primary display. `displays` are work areas, the primary first.
 */
export function restoredPlacement(
  last: WindowPlacement | undefined,
  displays: readonly Rectangle[],
): WindowPlacement {
  const primary = displays[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const home = last && displays.find((display) => reachable(last.bounds, display));
  if (!last || !home) {
    const width = Math.min(DEFAULT_SIZE.width, primary.width);
    const height = Math.min(DEFAULT_SIZE.height, primary.height);
    return {
      bounds: {
        x: primary.x + Math.round((primary.width - width) / 2),
        y: primary.y + Math.round((primary.height - height) / 2),
        width,
        height,
      },
      maximized: last?.maximized ?? false,
    };
  }
  const width = clamp(last.bounds.width, MIN_SIZE.width, Math.max(MIN_SIZE.width, home.width));
  const height = clamp(last.bounds.height, MIN_SIZE.height, Math.max(MIN_SIZE.height, home.height));
  // Pulled back so the title bar is on the display, never above or left of it.
  const x = clamp(last.bounds.x, home.x - width + REACHABLE.width, home.x + home.width - REACHABLE.width);
  const y = clamp(last.bounds.y, home.y, home.y + home.height - REACHABLE.height);
  return { bounds: { x, y, width, height }, maximized: last.maximized };
}

function reachable(window: Rectangle, display: Rectangle): boolean {
  const overlapX =
    Math.min(window.x + window.width, display.x + display.width) - Math.max(window.x, display.x);
  // The title bar: the window's top edge must be on the display.
  const topOnDisplay = window.y >= display.y - REACHABLE.height && window.y < display.y + display.height;
  return overlapX >= REACHABLE.width && topOnDisplay;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

const FILE = 'window-state.json';

/** The placement saved in the data folder; undefined when there is none or it cannot be read. */
export async function readPlacement(dataDir: string): Promise<WindowPlacement | undefined> {
  try {
    const parsed = saved.safeParse(JSON.parse(await readFile(join(dataDir, FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // Missing or damaged: the window opens at its default place, which is nothing to stop for.
    return undefined;
  }
}

/** Saved atomically: a crash while saving leaves the previous placement, never half a file. */
export async function savePlacement(dataDir: string, placement: WindowPlacement): Promise<void> {
  const rounded: WindowPlacement = {
    bounds: {
      x: Math.round(placement.bounds.x),
      y: Math.round(placement.bounds.y),
      width: Math.round(placement.bounds.width),
      height: Math.round(placement.bounds.height),
    },
    maximized: placement.maximized,
  };
  await writeFileAtomic(join(dataDir, FILE), `${JSON.stringify(rounded, null, 2)}\n`);
}
