import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempFolderFor } from '../../testing/tempFolder';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  readPlacement,
  restoredPlacement,
  savePlacement,
  type WindowPlacement,
} from './windowPlacement';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
/** A second monitor to the right of the laptop. */
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

const placed = (x: number, y: number, width = 1000, height = 700, maximized = false): WindowPlacement => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('where the window opens', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    expect(restoredPlacement(undefined, [laptop, monitor])).toEqual({
      bounds: { x: 130, y: 63, ...DEFAULT_SIZE },
      maximized: false,
    });
  });

  it('opens where it was, at the size it was, maximised again if it was', () => {
    expect(restoredPlacement(placed(1600, 100, 1300, 900, true), [laptop, monitor])).toEqual(
      placed(1600, 100, 1300, 900, true),
    );
    expect(restoredPlacement(placed(40, 60), [laptop])).toEqual(placed(40, 60));
  });

  it('comes back to the primary display when the monitor it was on is unplugged', () => {
    const restored = restoredPlacement(placed(1600, 100, 1300, 900, true), [laptop]);
    expect(restored.bounds).toEqual({ x: 130, y: 63, ...DEFAULT_SIZE });
    expect(restored.maximized).toBe(true);
  });

  it('is never smaller than its minimum nor larger than the display, and its title bar stays reachable', () => {
    expect(restoredPlacement(placed(10, 40, 200, 100), [laptop]).bounds).toMatchObject(MIN_SIZE);
    expect(restoredPlacement(placed(0, 25, 5000, 4000), [laptop]).bounds).toMatchObject({
      width: laptop.width,
      height: laptop.height,
    });
    // Mostly off the bottom-right edge: pulled back so 120 × 40 pixels of it stay on the display.
    const edge = restoredPlacement(placed(1400, 860, 1000, 700), [laptop]).bounds;
    expect(edge.x).toBeLessThanOrEqual(laptop.width - 120);
    expect(edge.y).toBeLessThanOrEqual(laptop.y + laptop.height - 40);
  });

  it('is not restored above a display, where its title bar could not be grabbed', () => {
    expect(restoredPlacement(placed(100, -600), [laptop]).bounds).toEqual({ x: 130, y: 63, ...DEFAULT_SIZE });
  });
});

describe('the saved placement', () => {
  let dir: string;
  beforeEach(async (test) => {
    dir = await tempFolderFor(test, 'window');
  });

  it('is kept in the data folder and read back, with no temporary file left', async () => {
    expect(await readPlacement(dir)).toBeUndefined();
    await savePlacement(dir, placed(12.4, 80.6, 1000.2, 700, true));
    expect(await readPlacement(dir)).toEqual(placed(12, 81, 1000, 700, true));
    expect(await readdir(dir)).toEqual(['window-state.json']);
    expect(JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8'))).toMatchObject({
      maximized: true,
    });
  });

  it('is ignored when damaged or odd, and the window opens at its default place', async () => {
    for (const text of ['{"bounds":', '{"bounds":{"x":"a"},"maximized":false}', '[]', 'null']) {
      await writeFile(join(dir, 'window-state.json'), text);
      expect(await readPlacement(dir)).toBeUndefined();
    }
  });
});
