import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { appError, wechatError } from '../../../shared/errors';
import { tempFolderFor } from '../../testing/tempFolder';
import { resultsCsv, writeResultsCsv } from './results';
import { writeZip } from './zip';

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'results');
});

describe('results CSV', () => {
  it('has one line per row in row order, with status, file, errcode and the message with its fix', async () => {
    const path = join(dir, 'results.csv');
    await writeResultsCsv(
      path,
      [
        { row: 4, status: 'failed', error: wechatError(41030, 'invalid page rid: 1') },
        { row: 2, status: 'done', file: '2-上海.png' },
        { row: 3, status: 'done', file: '3, "b".png', fromLibrary: true, sameAs: 2 },
        {
          row: 5,
          status: 'invalid',
          problems: [
            {
              field: 'scene',
              column: '场景值',
              message: { en: 'Scene is required.', zh: '' },
              hint: { en: 'Enter one.', zh: '' },
            },
          ],
        },
        { row: 6, status: 'not-run', file: '6.png', error: appError('cancelled') },
        { row: 7, status: 'done', file: '=cmd.png' },
      ],
      'en',
    );
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'row,status,file,errcode,message',
      '2,done,2-上海.png,,',
      '3,done,"3, ""b"".png",,same code as row 2: no API call',
      expect.stringMatching(
        /^4,failed,,41030,"The page does not exist in the published version\. Check the page/,
      ),
      '5,invalid,,,场景值: Scene is required. Enter one.',
      '6,not-run,,,Cancelled. Start again when you are ready.',
      "7,done,'=cmd.png,,",
      '',
    ]);
  });

  it('speaks Chinese when asked', () => {
    const text = resultsCsv([{ row: 2, status: 'done', file: 'a.png', fromLibrary: true }], 'zh');
    expect(text).toContain('2,done,a.png,,来自码库：未调用接口');
  });
});

describe('writeZip', () => {
  it('stores each file under its name (UTF-8) and leaves no temp file behind', async () => {
    const a = join(dir, 'a.png');
    const b = join(dir, 'b.png');
    await writeFile(a, Buffer.from([1, 2, 3]));
    await writeFile(b, Buffer.alloc(100_000, 7));
    const zipPath = join(dir, 'codes.zip');
    await writeZip(zipPath, [
      { name: '上海店.png', path: a },
      { name: 'b.png', path: b },
    ]);
    const files = unzipSync(await readFile(zipPath));
    expect(Object.keys(files)).toEqual(['上海店.png', 'b.png']);
    expect([...files['上海店.png']!]).toEqual([1, 2, 3]);
    expect(files['b.png']!.length).toBe(100_000);
  });

  it('fails with a file error naming the ZIP when a member is missing, writing nothing', async () => {
    const zipPath = join(dir, 'codes.zip');
    await expect(
      writeZip(zipPath, [{ name: 'x.png', path: join(dir, 'missing.png') }]),
    ).rejects.toMatchObject({
      error: { code: 'file', message: { en: expect.stringContaining(zipPath) } },
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('holds more than 65,535 files (ZIP64), as unzip and Python read them back', async () => {
    const code = join(dir, 'code.png');
    await writeFile(code, Buffer.from('a code'));
    const count = 70_000;
    const members = (function* () {
      for (let i = 1; i <= count; i++) yield { name: `门店/${i}.png`, path: code };
    })();
    const zipPath = join(dir, 'codes.zip');
    await writeZip(zipPath, members, [{ name: 'results.csv', path: code }]);
    // Info-ZIP tests every member's CRC; Python's zipfile reads the ZIP64 end records.
    expect(execFileSync('unzip', ['-tq', zipPath], { encoding: 'utf8' })).toContain('No errors detected');
    const listed = execFileSync(
      'python3',
      [
        '-c',
        'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); n = z.namelist(); print(len(n), n[-2], z.read(n[0]).decode())',
        zipPath,
      ],
      { encoding: 'utf8' },
    );
    expect(listed.trim()).toBe(`${count + 1} 门店/${count}.png a code`);
    expect(await readdir(dir)).toEqual(['code.png', 'codes.zip']);
  }, 300_000);
});
