import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { failureOf } from '../../testing/assertions';
import { tempFolderFor } from '../../testing/tempFolder';
import { GroupedFiles } from './groupedFiles';

let dir: string;
let files: GroupedFiles;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'grouped');
  files = new GroupedFiles();
  test.onTestFinished(() => files.close());
});

describe('GroupedFiles', () => {
  it('writes many files at once, each whole under its name, in fewer flushes than files', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `${i + 1}.png`);
    await Promise.all(names.map((name, i) => files.write(join(dir, name), Buffer.alloc(5000 + i, i))));
    // Every write resolved: each file is there, whole, and no temp file is left.
    expect((await readdir(dir)).sort()).toEqual([...names].sort());
    for (const [i, name] of names.entries())
      expect(await readFile(join(dir, name))).toEqual(Buffer.alloc(5000 + i, i));
    // The files arriving together were flushed together.
    expect(files.groups).toBeGreaterThan(0);
    expect(files.groups).toBeLessThan(names.length);
  });

  it('replaces a file already there with the new bytes', async () => {
    await writeFile(join(dir, '2-门店.png'), 'old');
    await files.write(join(dir, '2-门店.png'), Buffer.from('new image'));
    expect(await readFile(join(dir, '2-门店.png'), 'utf8')).toBe('new image');
    expect(await readdir(dir)).toEqual(['2-门店.png']);
  });

  it('a file that cannot be named fails alone, naming its path; the rest of its group is written', async () => {
    // A folder under the file's name: the rename at the end of the group fails for this one only.
    await mkdir(join(dir, '3.png', 'inside'), { recursive: true });
    const [two, three, four] = ['2.png', '3.png', '4.png'].map((name) =>
      files.write(join(dir, name), Buffer.from(name)),
    );
    const failure = await failureOf(three!);
    await Promise.all([two, four]);
    expect(failure.error.code).toBe('file');
    expect(JSON.stringify(failure.error)).toContain(join(dir, '3.png'));
    expect(await readFile(join(dir, '2.png'), 'utf8')).toBe('2.png');
    expect(await readFile(join(dir, '4.png'), 'utf8')).toBe('4.png');
    // Its temp file is gone too: nothing half-made is left in the user's folder.
    expect((await readdir(dir)).sort()).toEqual(['2.png', '3.png', '4.png']);
    expect(await readdir(join(dir, '3.png'))).toEqual(['inside']);
  });

  it('a folder that is not there fails the write with its path and leaves nothing', async () => {
    const failure = await failureOf(files.write(join(dir, 'gone', '1.png'), Buffer.from('x')));
    expect(failure.error.code).toBe('file');
    expect(JSON.stringify(failure.error)).toContain(join(dir, 'gone', '1.png'));
    expect(await readdir(dir)).toEqual([]);
  });
});
