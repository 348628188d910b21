import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  appJsonNoPages,
  appJsonNotJson,
  appJsonTooLarge,
  appJsonUnreadable,
  MAX_APP_JSON_BYTES,
} from '../../../shared/errors/appJson';
import type { AppJsonPages } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';

/** More pages than any mini program has (WeChat packages cap its size long before): the rest is dropped. */
export const MAX_LISTED_PAGES = 2000;
/** A longer entry is no page path WeChat would accept (a code's path is at most 1,024 characters). */
const MAX_PAGE_LENGTH = 1024;

/**
 * The page paths an app.json declares: `pages`, and `root` + `pages` of each entry of
 * `subPackages` (or its older lowercase spelling `subpackages`). Written as a code's path wants
 * them: no leading slash, no suffix. Throws a Failure naming `name` when there is none to list.
 */
export function appJsonPages(name: string, text: string): string[] {
  let parsed: unknown;
  try {
    // Editors on Windows may save a BOM, which JSON.parse refuses.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new Failure(appJsonNotJson(name, cause instanceof Error ? cause.message : String(cause)));
  }
  if (!isObject(parsed)) throw new Failure(appJsonNotJson(name, 'the top level is not an object {…}'));
  const pages = new Set<string>();
  const add = (page: string) => {
    if (pages.size < MAX_LISTED_PAGES && page.length <= MAX_PAGE_LENGTH) pages.add(page);
  };
  for (const page of pathsIn(parsed.pages)) add(page);
  for (const sub of [...listOf(parsed.subPackages), ...listOf(parsed.subpackages)]) {
    if (!isObject(sub) || typeof sub.root !== 'string') continue;
    const root = trimSlashes(sub.root);
    for (const page of pathsIn(sub.pages)) add(root ? `${root}/${page}` : page);
  }
  if (pages.size === 0) throw new Failure(appJsonNoPages(name));
  return [...pages];
}

/**
 * Reads the app.json the user chose, refused by its size before any is read; a file still growing
 * is read no further than one byte past the bound.
 */
export async function readAppJsonPages(file: string): Promise<AppJsonPages> {
  const name = basename(file);
  let bytes: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_APP_JSON_BYTES) throw new Failure(appJsonTooLarge(name, size));
      const chunks = await handle.createReadStream({ end: MAX_APP_JSON_BYTES, autoClose: false }).toArray();
      bytes = Buffer.concat(chunks);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    if (cause instanceof Failure) throw cause;
    throw new Failure(appJsonUnreadable(name, cause instanceof Error ? cause.message : String(cause)));
  }
  if (bytes.length > MAX_APP_JSON_BYTES) throw new Failure(appJsonTooLarge(name, bytes.length));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Failure(appJsonNotJson(name, 'not UTF-8 text'));
  }
  return { fileName: name, pages: appJsonPages(name, text) };
}

function pathsIn(value: unknown): string[] {
  return listOf(value)
    .filter((page): page is string => typeof page === 'string')
    .map(trimSlashes)
    .filter((page) => page !== '');
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function trimSlashes(path: string): string {
  return path.trim().replace(/^\/+|\/+$/g, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
