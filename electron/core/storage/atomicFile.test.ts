import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf } from '../../testing/assertions';
import { appendLine, readJsonFile, writeFileAtomic } from './atomicFile';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxacode-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes text and bytes, replaces old content, and leaves no temp file behind', async () => {
    const target = join(dir, 'settings.json');
    await writeFileAtomic(target, '{"a":1}');
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    await writeFileAtomic(target, new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect([...(await readFile(target))]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('creates the file with the requested permissions', async () => {
    if (process.platform === 'win32') return;
    const target = join(dir, 'accounts.json');
    await writeFileAtomic(target, '[]', { mode: 0o600 });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('keeps the target whole when a crash left a stray temp file next to it', async () => {
    const target = join(dir, 'settings.json');
    await writeFileAtomic(target, '{"locale":"zh"}');
    // What a crash between write and rename leaves: a half-written temp file with the target's prefix.
    const stray = join(dir, '.settings.json.0123456789ab.tmp');
    await writeFile(stray, '{"locale":"e');
    expect(await readJsonFile(target, {})).toEqual({ locale: 'zh' });

    await writeFileAtomic(target, '{"locale":"en"}');
    expect(await readJsonFile(target, {})).toEqual({ locale: 'en' });
    expect((await readdir(dir)).sort()).toEqual(['.settings.json.0123456789ab.tmp', 'settings.json']);
  });

  it('ends with one complete version when many writes race', async () => {
    const target = join(dir, 'settings.json');
    const versions = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ version: i, pad: 'x'.repeat(i * 1000) }),
    );
    await Promise.all(versions.map((v) => writeFileAtomic(target, v)));
    expect(versions).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('writes many files into one folder at once, each whole, sharing the folder flushes', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `${i}.png`);
    await Promise.all(names.map((name, i) => writeFileAtomic(join(dir, name), Buffer.alloc(1000 + i, i))));
    // Later writers after the first flush began wait for the next one: every write still resolves.
    await writeFileAtomic(join(dir, 'last.png'), 'x');
    expect((await readdir(dir)).sort()).toEqual([...names, 'last.png'].sort());
    for (const [i, name] of names.entries())
      expect(await readFile(join(dir, name))).toEqual(Buffer.alloc(1000 + i, i));
  });

  it('names the file in a bilingual error when the folder does not exist', async () => {
    const target = join(dir, 'missing', 'settings.json');
    const failure = await failureOf(writeFileAtomic(target, '{}'));
    expect(failure.error.code).toBe('file');
    expect(failure.error.message.en).toContain(target);
    expect(failure.error.message.zh).toContain(target);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('appendLine', () => {
  it('creates the log and appends one line per call', async () => {
    const log = join(dir, 'index.jsonl');
    await appendLine(log, '{"n":1}');
    await appendLine(log, '{"n":2}');
    expect(await readFile(log, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
  });

  it('starts a new line after a line torn by a crash, so only the torn line is lost', async () => {
    const log = join(dir, 'journal.jsonl');
    await writeFile(log, '{"n":1}\n{"n":2');
    await appendLine(log, '{"n":3}');
    expect((await readFile(log, 'utf8')).split('\n')).toEqual(['{"n":1}', '{"n":2', '{"n":3}', '']);
  });

  it('keeps every line when many appends race', async () => {
    const log = join(dir, 'journal.jsonl');
    await Promise.all(Array.from({ length: 50 }, (_, i) => appendLine(log, `line ${i}`)));
    const lines = (await readFile(log, 'utf8')).trimEnd().split('\n');
    expect(lines.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `line ${i}`).sort());
  });

  it('refuses a line that contains a newline', async () => {
    await expect(appendLine(join(dir, 'log'), 'a\nb')).rejects.toThrow(/newline/);
  });
});

describe('readJsonFile', () => {
  it('returns the fallback when the file does not exist', async () => {
    expect(await readJsonFile(join(dir, 'nothing.json'), { accounts: [] })).toEqual({ accounts: [] });
  });

  it('names the file when its JSON is damaged', async () => {
    const target = join(dir, 'accounts.json');
    await writeFile(target, '{"accounts": [');
    const failure = await failureOf(readJsonFile(target, {}));
    expect(failure.error.code).toBe('file');
    expect(failure.error.message.en).toContain(target);
  });
});
