import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppJsonPages } from '../../../shared/ipc/channels';
import { MAX_LISTED_PAGES } from '../pages/appJson';
import { writeFileAtomic } from './atomicFile';

/** The pages last imported from an app.json for each account, kept for the page path suggestions. */
export interface PageLists {
  get(accountId: string): Promise<AppJsonPages | undefined>;
  keep(accountId: string, pages: AppJsonPages): Promise<void>;
  /** An account removed takes its list with it. */
  drop(accountId: string): Promise<void>;
}

/**
 * Lists in `<dir>/page-lists.json`. They are only suggestions, so a missing or damaged file, or a
 * damaged entry, reads as no list rather than an error: importing the app.json again mends it.
 */
export function filePageLists(dir: string): PageLists {
  const path = join(dir, 'page-lists.json');
  let last: Promise<unknown> = Promise.resolve();

  async function readAll(): Promise<Record<string, AppJsonPages>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
      const lists: Record<string, AppJsonPages> = {};
      for (const [id, list] of Object.entries(parsed)) if (isPageList(list)) lists[id] = list;
      return lists;
    } catch {
      return {};
    }
  }

  /** One change at a time: two imports in quick succession must both be kept. */
  function change(edit: (lists: Record<string, AppJsonPages>) => void): Promise<void> {
    const step = async () => {
      const lists = await readAll();
      edit(lists);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(path, `${JSON.stringify(lists)}\n`);
    };
    const result = last.then(step, step);
    last = result.catch(() => undefined);
    return result;
  }

  return {
    get: async (accountId) => (await readAll())[accountId],
    keep: (accountId, pages) =>
      change((lists) => {
        lists[accountId] = pages;
      }),
    drop: (accountId) =>
      change((lists) => {
        delete lists[accountId];
      }),
  };
}

function isPageList(value: unknown): value is AppJsonPages {
  if (typeof value !== 'object' || value === null) return false;
  const { fileName, pages } = value as Partial<AppJsonPages>;
  return (
    typeof fileName === 'string' &&
    Array.isArray(pages) &&
    pages.length <= MAX_LISTED_PAGES &&
    pages.every((page) => typeof page === 'string')
  );
}
