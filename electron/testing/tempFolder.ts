// Test support: throwaway folders under the system's temporary folder, for the unit tests, the
// browser suite and the benchmarks alike (so this file imports no test framework).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempFolder {
  path: string;
  /** Removes the folder and everything in it; a folder already gone is fine. */
  remove(): Promise<void>;
}

/** A new empty folder named `wxacode-<name>-…`, so a leftover one says which test left it. */
export async function tempFolder(name: string): Promise<TempFolder> {
  const path = await mkdtemp(join(tmpdir(), `wxacode-${name}-`));
  return {
    path,
    // A write the code under test started as the test ended (a settings file renamed into place)
    // may still land in the folder while it is removed: removing is tried again until it is done.
    remove: () => rm(path, { recursive: true, force: true, maxRetries: 10 }),
  };
}

/** What a vitest test or `beforeEach` is handed: a way to clean up once the test has finished. */
export interface RunningTest {
  onTestFinished(cleanUp: () => Promise<void>): void;
}

/** A new empty folder for the running test, removed once it finishes: `tempFolderFor(test, 'settings')`. */
export async function tempFolderFor(test: RunningTest, name: string): Promise<string> {
  const folder = await tempFolder(name);
  test.onTestFinished(folder.remove);
  return folder.path;
}
