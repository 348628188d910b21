// Test support: a library as the build before the short-search index (schema 3) left it, of any size.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'libsql';

/**
 * Written by the schema-3 build with its own code: a Chinese scene, a batch row with its cells, a
 * code that took a batch row's origin later, two codes with 桌 of which one was deleted.
 * listed.json is what that build listed, newest first.
 */
export const WRITTEN_BY_SCHEMA_3 = fileURLToPath(
  new URL('../core/storage/fixtures/library-schema3', import.meta.url),
);

/**
 * The schema-3 library copied into `dir` with `more` codes added after its own, straight into its
 * tables (codes, and codes_search with the text that build indexed: page, scene, file name): a
 * thousand times faster than adding them one by one, so a test can have tens of thousands. Their
 * scenes mix Chinese city names with words in either case (上海Store=7, 北京shop=8, 广州KIOSK=9)
 * so short searches of every kind find some. No image files: listing and searching never read them.
 */
export async function olderLibrary(dir: string, more: number): Promise<void> {
  await cp(WRITTEN_BY_SCHEMA_3, dir, { recursive: true });
  const db = new Database(join(dir, 'library.db'));
  try {
    db.transaction(() => {
      const { first } = db.prepare('SELECT max(seq) + 1 AS first FROM codes').get() as { first: number };
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?),
         made(i, scene) AS (
           SELECT i, substr('上海北京广州深圳杭州南京成都武汉西安苏州', (i % 10) * 2 + 1, 2)
             || CASE i % 3 WHEN 0 THEN 'Store' WHEN 1 THEN 'shop' ELSE 'KIOSK' END || '=' || i
           FROM n)
         INSERT INTO codes (code_id, request_key, account_id, app_id, kind, request, png_hash,
           width, height, created_at, suggested_name)
         SELECT printf('00000000-0000-4000-8000-%012d', i), printf('key-%d', i), 'shop',
           'wx0123456789abcdef', 'unlimited',
           json_object('kind', 'unlimited', 'scene', scene, 'page', 'pages/store/index',
             'checkPath', json('true'), 'envVersion', 'release', 'width', 430,
             'autoColor', json('false'), 'lineColor', json_object('r', 0, 'g', 0, 'b', 0),
             'transparent', json('false')),
           printf('%064x', i), 430, 430, '2026-01-01T00:00:00.000Z',
           'pages_store_index_' || scene || '.png'
         FROM made`,
      ).run(more);
      db.prepare(
        `INSERT INTO codes_search (rowid, text)
         SELECT seq, json_extract(request, '$.page') || char(10) || json_extract(request, '$.scene')
           || char(10) || suggested_name
         FROM codes WHERE seq >= ?`,
      ).run(first);
    })();
  } finally {
    db.close();
  }
}
