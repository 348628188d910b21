import { appendFile, cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeRequest } from '../../../shared/codeRequest';
import { listedInPages } from '../../testing/libraryPages';
import { tempFolderFor } from '../../testing/tempFolder';
import { Library, type LibraryEntry } from './library';

/**
 * A library written by the JSON-lines index (index.jsonl) of version 0.1, with that version's own
 * code: adds, a regenerated code, a deleted one, one image shared by two codes, a line torn by a
 * crash. listed.json is what that version's library listed, newest first.
 */
const WRITTEN_BY_0_1 = fileURLToPath(new URL('./fixtures/library-jsonl', import.meta.url));

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'import');
  await cp(WRITTEN_BY_0_1, dir, { recursive: true });
});

const everyCode = (library: Library) => listedInPages(library, {}, 4);

const listedByOldVersion = async (): Promise<LibraryEntry[]> =>
  JSON.parse(await readFile(join(WRITTEN_BY_0_1, 'listed.json'), 'utf8')) as LibraryEntry[];

describe('a library from a version that kept its index as JSON lines', () => {
  it('lists every code it listed, in the same order, and finds each one again without an API call', async () => {
    const library = await Library.open(dir);
    const listed = await listedByOldVersion();
    expect(listed).toHaveLength(9);
    expect(everyCode(library)).toEqual(listed);
    for (const entry of listed) {
      expect(library.find(entry.appId, entry.request)?.codeId).toBe(
        // A regenerated code: the newer one answers.
        listed.find((e) => e.key === entry.key)?.codeId,
      );
      expect((await library.readPng(entry)).toString()).toMatch(/^png of /);
    }
    expect(library.count({ query: '南京西路' })).toBe(1);
    expect(library.highestNumUsed('wx0123456789abcdef')).toBe(14);
  });

  it('keeps deleted codes deleted, and brings back the earlier code when the regenerated one is deleted', async () => {
    const library = await Library.open(dir);
    const regenerated = (request: CodeRequest) => library.find('wx0123456789abcdef', request);
    const listed = await listedByOldVersion();
    expect(listed.some((e) => e.suggestedName === 'pages_deleted.png')).toBe(false);
    expect(everyCode(library).some((e) => e.suggestedName === 'pages_deleted.png')).toBe(false);
    const [newer, older] = listed.filter((e) => e.suggestedName === 'pages_regen.png');
    expect(regenerated(newer!.request)?.codeId).toBe(newer!.codeId);
    await library.delete(newer!.codeId);
    expect(regenerated(newer!.request)?.codeId).toBe(older!.codeId);
  });

  it('takes the index in once: a second start, or two processes starting together, add nothing twice', async () => {
    const [app, cli] = await Promise.all([Library.open(dir), Library.open(dir)]);
    const again = await Library.open(dir);
    for (const library of [app, cli, again]) expect(library.count()).toBe(9);
    // The old index and the images stay where they were.
    expect((await readFile(join(dir, 'index.jsonl'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(12);
    expect(await readdir(join(dir, 'png'))).toHaveLength(9);
  });

  it('takes in lines an earlier version appended since, once they are whole', async () => {
    const library = await Library.open(dir);
    const [newest] = await listedByOldVersion();
    const line = JSON.stringify({ op: 'add', ...newest, codeId: 'added-by-an-old-cli' });
    await appendFile(join(dir, 'index.jsonl'), line.slice(0, 40));
    expect((await Library.open(dir)).count()).toBe(9);
    await appendFile(join(dir, 'index.jsonl'), `${line.slice(40)}\n`);
    await appendFile(
      join(dir, 'index.jsonl'),
      `${JSON.stringify({ op: 'delete', codeId: newest!.codeId })}\n`,
    );
    const reopened = await Library.open(dir);
    expect(reopened.get('added-by-an-old-cli')?.suggestedName).toBe(newest!.suggestedName);
    expect(reopened.get(newest!.codeId)).toBeUndefined();
    expect(library.count()).toBe(9);
  });

  it('skips damaged lines and keeps every whole one around them', async () => {
    const [newest] = await listedByOldVersion();
    const whole = (codeId: string) => JSON.stringify({ op: 'add', ...newest, codeId });
    await writeFile(
      join(dir, 'index.jsonl'),
      [
        whole('first'),
        '{"op":"add","codeId":"torn","ke',
        JSON.stringify({ op: 'add', codeId: 'no-request', key: 'k' }),
        'not json at all',
        `{"op":"delete","codeId":"first`,
        whole('last'),
        '',
      ].join('\n'),
    );
    const library = await Library.open(dir);
    expect(everyCode(library).map((e) => e.codeId)).toEqual(['last', 'first']);
  });
});
