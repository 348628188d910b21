import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { tempFolderFor } from '../../testing/tempFolder';
import { openLibraryDatabase, SCHEMA_VERSION } from './libraryDatabase';

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'database');
});

it('is shared in write-ahead-log mode, a writer waiting up to 10 s for another', () => {
  const db = openLibraryDatabase(join(dir, 'library.db'));
  expect(db.prepare('PRAGMA journal_mode').get()).toMatchObject({ journal_mode: 'wal' });
  expect(db.prepare('PRAGMA busy_timeout').get()).toMatchObject({ timeout: 10_000 });
  db.close();
});

it('reaches the latest schema once, however many processes open a new library together', () => {
  const path = join(dir, 'library.db');
  const [app, cli] = [openLibraryDatabase(path), openLibraryDatabase(path)];
  for (const db of [app, cli]) {
    expect(db.prepare('PRAGMA user_version').get()).toMatchObject({ user_version: SCHEMA_VERSION });
  }
  app.close();
  cli.close();
});

it('refuses a library written by a newer version rather than changing it', () => {
  const path = join(dir, 'library.db');
  const newer = openLibraryDatabase(path);
  newer.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
  newer.close();
  expect(() => openLibraryDatabase(path)).toThrow(/written by a newer version of the app/);
});
