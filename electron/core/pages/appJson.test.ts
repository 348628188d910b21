import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_APP_JSON_BYTES } from '../../../shared/errors/appJson';
import { Failure } from '../../../shared/result';
import { tempFolderFor } from '../../testing/tempFolder';
import { appJsonPages, MAX_LISTED_PAGES, readAppJsonPages } from './appJson';

/** The error a user sees for `text`, or undefined when it lists pages. */
function refusal(text: string) {
  try {
    appJsonPages('app.json', text);
    return undefined;
  } catch (cause) {
    if (cause instanceof Failure) return cause.error;
    throw cause;
  }
}

describe('the pages an app.json lists', () => {
  it('gives the main pages first, then each subpackage page under its root, as a code path wants them', () => {
    const text = JSON.stringify({
      pages: ['pages/index/index', 'pages/logs/logs'],
      subPackages: [
        { root: 'packageA', pages: ['pages/cat', 'pages/dog'] },
        { root: 'packageB/', name: 'pack2', pages: ['/pages/apple'] },
      ],
      window: { navigationBarTitleText: '门店' },
    });
    expect(appJsonPages('app.json', text)).toEqual([
      'pages/index/index',
      'pages/logs/logs',
      'packageA/pages/cat',
      'packageA/pages/dog',
      'packageB/pages/apple',
    ]);
  });

  it('reads the older lowercase subpackages too, and skips what is not a page path', () => {
    const text = JSON.stringify({
      pages: ['pages/index/index', 42, '', '  ', 'pages/index/index', null],
      subpackages: [{ root: 'shop', pages: ['list', { page: 'x' }] }, 'nonsense', { pages: ['no-root'] }],
    });
    expect(appJsonPages('app.json', text)).toEqual(['pages/index/index', 'shop/list']);
  });

  it('accepts a file saved with a byte order mark', () => {
    expect(appJsonPages('app.json', `\uFEFF{"pages":["pages/home/home"]}`)).toEqual(['pages/home/home']);
  });

  it('keeps at most MAX_LISTED_PAGES pages and drops entries too long to be a path', () => {
    const many = Array.from({ length: MAX_LISTED_PAGES + 50 }, (_, i) => `pages/p${i}/p${i}`);
    const listed = appJsonPages('app.json', JSON.stringify({ pages: ['x'.repeat(2000), ...many] }));
    expect(listed).toHaveLength(MAX_LISTED_PAGES);
    expect(listed[0]).toBe('pages/p0/p0');
  });

  it('says in both languages when the file is not JSON, naming the file and the fix', () => {
    const error = refusal('{ "pages": ["pages/index/index"], }');
    expect(error?.field).toBe('appJson');
    expect(error?.message.en).toMatch(/^app\.json is not valid JSON \(/);
    expect(error?.message.zh).toMatch(/^app\.json 不是有效的 JSON（/);
    expect(error?.hint.en).toContain('no trailing commas');
    expect(refusal('["pages/index/index"]')?.message.en).toContain('the top level is not an object');
  });

  it('says when there are no pages to list, and where they should be', () => {
    for (const text of [
      '{}',
      '{"pages": []}',
      '{"pages": "pages/index/index"}',
      '{"subPackages": [{"root": "a"}]}',
    ]) {
      const error = refusal(text);
      expect(error?.message.en).toBe('app.json lists no pages: it has no "pages" array of page paths.');
      expect(error?.message.zh).toContain('没有列出任何页面');
      expect(error?.hint.en).toContain('subPackages');
    }
  });
});

describe('reading the app.json the user chose', () => {
  it('lists its pages under its file name', async (test) => {
    const dir = await tempFolderFor(test, 'appjson');
    const file = join(dir, 'app.json');
    await writeFile(
      file,
      JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'a', pages: ['b'] }] }),
    );
    expect(await readAppJsonPages(file)).toEqual({
      fileName: 'app.json',
      pages: ['pages/index/index', 'a/b'],
    });
  });

  it('refuses a file over 1 MiB by its size, before parsing it', async (test) => {
    const dir = await tempFolderFor(test, 'appjson');
    const file = join(dir, 'huge.json');
    await writeFile(file, `{"pages":["a"],"pad":"${'x'.repeat(MAX_APP_JSON_BYTES)}"}`);
    await expect(readAppJsonPages(file)).rejects.toMatchObject({
      error: {
        field: 'appJson',
        message: {
          en: expect.stringMatching(/^huge\.json is 1,025 KiB; an app\.json is read up to 1,024 KiB/),
        },
      },
    });
  });

  it('says a file that is not UTF-8 text, or is gone, cannot be read', async (test) => {
    const dir = await tempFolderFor(test, 'appjson');
    const binary = join(dir, 'app.json');
    await writeFile(binary, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    await expect(readAppJsonPages(binary)).rejects.toMatchObject({
      error: { message: { en: 'app.json is not valid JSON (not UTF-8 text).' } },
    });
    await expect(readAppJsonPages(join(dir, 'gone.json'))).rejects.toMatchObject({
      error: { message: { en: expect.stringMatching(/^Could not read gone\.json \(ENOENT/) } },
    });
  });
});
