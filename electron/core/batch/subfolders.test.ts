import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Failure } from '../../../shared/result';
import { tempFolderFor } from '../../testing/tempFolder';
import { filesPresent, rowFilePath } from './subfolders';

let out: string;
beforeEach(async (test) => {
  out = await tempFolderFor(test, 'subfolders');
});

describe('subfolders of the output folder', () => {
  it('makes a row’s folders and never a path outside the output folder', async () => {
    expect(await rowFilePath(out, '上海/静安/南京西路店.png')).toBe(
      join(out, '上海', '静安', '南京西路店.png'),
    );
    expect((await stat(join(out, '上海', '静安'))).isDirectory()).toBe(true);
    for (const name of ['../escaped.png', '上海/../../escaped.png', '..']) {
      await expect(rowFilePath(out, name)).rejects.toBeInstanceOf(Failure);
    }
  });

  it('lists the files already in the folders the names use, and only those', async () => {
    await mkdir(join(out, '北京'));
    await mkdir(join(out, 'other'));
    await writeFile(join(out, '北京', '五道口店.png'), 'x');
    await writeFile(join(out, 'other', 'untouched.png'), 'x');
    await writeFile(join(out, 'results.csv'), 'x');
    // Left by a write killed long ago (pid 1 is never this test's): swept, not counted as the user's.
    const leftOver = join(out, '北京', '.淮海路店.png.1-0123456789ab.tmp');
    await writeFile(leftOver, 'half a png');
    await utimes(leftOver, new Date(0), new Date(0));
    const present = await filesPresent(out, ['北京/五道口店.png', '上海/南京西路店.png', 'top.png']);
    const there = ['other', 'results.csv', '北京', '北京/五道口店.png'];
    expect(there.filter((name) => present.has(name))).toEqual(there);
    expect(present.size).toBe(there.length);
    expect(
      ['北京/淮海路店.png', '上海/南京西路店.png', 'top.png', 'other/untouched.png'].some((n) =>
        present.has(n),
      ),
    ).toBe(false);
  });
});
