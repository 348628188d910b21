import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempFolder, tempFolder } from '../../testing/tempFolder';
import { appFileFor, contentTypeOf, pageFile, pageResponse } from './appFiles';

let folder: TempFolder;
let base: string;
let root: string;
beforeAll(async () => {
  // The page's folder, and a secret beside it that no app:// URL may reach.
  folder = await tempFolder('app-files');
  base = folder.path;
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>WxaCode Studio</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'AppSecret');
});
afterAll(() => folder.remove());

describe('app:// path resolution', () => {
  it('maps the page’s URLs to its files, "/" to index.html', () => {
    expect(appFileFor(root, 'app://wxacode/')).toBe(join(root, 'index.html'));
    expect(appFileFor(root, 'app://wxacode/index.html?e2e#x')).toBe(join(root, 'index.html'));
    expect(appFileFor(root, 'app://wxacode/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(appFileFor(root, 'app://wxacode/assets/%E4%B8%AD.png')).toBe(join(root, 'assets', '中.png'));
  });

  it('refuses every way out of the page’s folder', () => {
    for (const url of [
      'app://wxacode/../secret.txt',
      'app://wxacode/assets/../../secret.txt',
      'app://wxacode/%2e%2e/secret.txt',
      'app://wxacode/..%2Fsecret.txt',
      'app://wxacode/assets/..%2F..%2Fsecret.txt',
      'app://wxacode/..%5Csecret.txt',
      'app://wxacode/%2F..%2F..%2Fsecret.txt',
      'app://wxacode/index.html%00.png',
      'app://wxacode/%E0%A4%A',
    ]) {
      const file = appFileFor(root, url);
      // On Windows a backslash is a separator; elsewhere it is a character of a name inside the folder.
      if (file !== undefined) expect(file.startsWith(join(root, '/'))).toBe(true);
      expect(file === join(base, 'secret.txt')).toBe(false);
    }
    expect(appFileFor(root, 'app://wxacode/..%2Fsecret.txt')).toBeUndefined();
    expect(appFileFor(root, 'app://wxacode/assets/..%2F..%2Fsecret.txt')).toBeUndefined();
    expect(appFileFor(root, 'app://wxacode/index.html%00.png')).toBeUndefined();
    expect(appFileFor(root, 'app://wxacode/%E0%A4%A')).toBeUndefined();
    expect(pageFile(root, '/../secret.txt')).toBeUndefined();
  });

  it('answers only its own origin', () => {
    expect(appFileFor(root, 'app://other/index.html')).toBeUndefined();
    expect(appFileFor(root, 'file:///index.html')).toBeUndefined();
    expect(appFileFor(root, 'https://wxacode/index.html')).toBeUndefined();
    expect(appFileFor(root, 'not a url')).toBeUndefined();
  });

  it('gives each file of the build its type', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('assets/index-abc.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('icon.PNG')).toBe('image/png');
    expect(contentTypeOf('icon.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('unknown.bin')).toBe('application/octet-stream');
  });
});

describe('pageResponse', () => {
  const POLICY = "default-src 'self'";

  it('sends the file with its type, the page’s policy and no sniffing', async () => {
    const answer = await pageResponse(
      root,
      { url: 'app://wxacode/assets/index-abc.js', method: 'GET' },
      POLICY,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers).toEqual({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Content-Security-Policy': POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(Buffer.from(answer.body!).toString()).toBe('console.log(1)');
  });

  it('answers 404 for a path outside, a missing file or a folder, and 405 for anything but GET and HEAD', async () => {
    const get = (url: string) => pageResponse(root, { url, method: 'GET' }, POLICY);
    for (const url of [
      'app://wxacode/%2e%2e/secret.txt',
      'app://wxacode/..%2Fsecret.txt',
      'app://wxacode/missing.js',
    ]) {
      expect(await get(url)).toEqual({ status: 404, headers: {}, body: null });
    }
    expect((await get('app://wxacode/assets')).status).toBe(404);
    expect((await pageResponse(root, { url: 'app://wxacode/', method: 'POST' }, POLICY)).status).toBe(405);
    const head = await pageResponse(root, { url: 'app://wxacode/', method: 'HEAD' }, POLICY);
    expect([head.status, head.body]).toEqual([200, null]);
  });
});
