import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempFolderFor } from '../../testing/tempFolder';
import { clearOldDragCopies } from './dragOut';

let folder: string;
beforeEach(async (test) => {
  folder = await tempFolderFor(test, 'drag');
});

describe('drag copies', () => {
  it('removes the copies of drags more than a day old and keeps today’s', async () => {
    const now = Date.now();
    for (const [codeId, ageHours] of [
      ['old', 30],
      ['recent', 2],
    ] as const) {
      await mkdir(join(folder, codeId));
      await writeFile(join(folder, codeId, 'pages_index.png'), 'png');
      const when = new Date(now - ageHours * 3600_000);
      await utimes(join(folder, codeId), when, when);
    }
    expect(await clearOldDragCopies(folder, now)).toBe(1);
    expect(await readdir(folder)).toEqual(['recent']);
  });

  it('does nothing when no drag ever happened', async () => {
    expect(await clearOldDragCopies(join(folder, 'missing'))).toBe(0);
  });
});
