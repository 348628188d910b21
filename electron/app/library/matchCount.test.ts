import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CodeRequest } from '../../../shared/codeRequest';
import { requestKey } from '../../core/codes/requestKey';
import type { StoredCode } from '../../core/storage/codeTable';
import { Library } from '../../core/storage/library';
import { tempFolder } from '../../testing/tempFolder';
import { LibraryService } from './libraryService';
import { MOST_COUNTED } from './matchCount';

/** More codes than History counts exactly: every one is a store (店), every second one has a table (桌). */
const CODES = 12_000;

/** Code `n` of the library, as a batch of store codes made it. */
function storeCode(n: number): StoredCode {
  const request: CodeRequest = {
    kind: 'unlimited',
    scene: n % 2 === 0 ? `s=${n}&t=桌` : `s=${n}`,
    page: 'pages/store/index',
    checkPath: true,
    envVersion: 'release',
    width: 430,
    autoColor: false,
    lineColor: { r: 0, g: 0, b: 0 },
    transparent: false,
  };
  return {
    codeId: `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`,
    key: requestKey('wx0123456789abcdef', request),
    accountId: 'shop',
    appId: 'wx0123456789abcdef',
    kind: 'unlimited',
    request,
    pngHash: n.toString(16).padStart(64, '0'),
    width: 430,
    height: 430,
    createdAt: new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString(),
    suggestedName: `上海南京西路${n}号店.png`,
  };
}

let library: Library;
beforeAll(async () => {
  // Written as an earlier version's index, which the library takes in at its first open in one
  // transaction: far quicker than 12,000 adds, each its own commit.
  const folder = await tempFolder('match-count');
  const dir = folder.path;
  const lines = Array.from({ length: CODES }, (_, n) => JSON.stringify({ op: 'add', ...storeCode(n) }));
  await writeFile(join(dir, 'index.jsonl'), `${lines.join('\n')}\n`);
  library = await Library.open(dir);
  return async () => {
    library.close();
    await folder.remove();
  };
}, 120_000);

describe('how many codes History says match', () => {
  it(`stops counting past ${MOST_COUNTED.toLocaleString('en')} and says so`, async () => {
    const page = await new LibraryService(library).page({ query: '店', limit: 50 });
    expect(page.entries).toHaveLength(50);
    expect(page).toMatchObject({ total: MOST_COUNTED, totalCapped: true });
    // The count is capped, not the list: the codes past the cap are still paged to.
    expect(library.count({ query: '店' })).toBe(CODES);
  });

  it('counts exactly below the cap, short searches and trigram ones alike', async () => {
    const service = new LibraryService(library);
    const tables = await service.page({ query: '桌', limit: 50 });
    expect(tables.total).toBe(CODES / 2);
    expect(tables.totalCapped).toBeUndefined();
    // s=1, s=10–19, s=100–199, s=1000–1999, s=10000–11999.
    expect((await service.page({ query: 's=1', limit: 50 })).total).toBe(1 + 10 + 100 + 1000 + 2000);
    // No filter: the kept counts are exact whatever the size.
    expect(await service.page({ limit: 50 })).toMatchObject({ total: CODES });
    expect((await service.page({ limit: 50 })).totalCapped).toBeUndefined();
  });

  it('counts with the first page only: the next pages are not counted again', async () => {
    const service = new LibraryService(library);
    const counting = vi.spyOn(library, 'count');
    const first = await service.page({ query: '店', limit: 200 });
    expect(counting).toHaveBeenCalledTimes(1);
    const second = await service.page({ query: '店', limit: 200, cursor: first.nextCursor! });
    expect(counting).toHaveBeenCalledTimes(1);
    expect(second.total).toBeUndefined();
    expect(second.entries).toHaveLength(200);
    // The page after the first: the 201st newest code on.
    expect(second.entries[0]?.suggestedName).toBe(`上海南京西路${CODES - 201}号店.png`);
    counting.mockRestore();
  });
});
