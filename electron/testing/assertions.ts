// Test support shared by the core's tests.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Failure } from '../../shared/result';
import { type LogRecord, logFolder } from '../core/storage/errorLog';

/** The Failure a promise rejects with (what the user would be told); fails the test on anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<Failure> {
  const caught = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(caught).toBeInstanceOf(Failure);
  return caught as Failure;
}

/** Every line of the support log in `dataDir`, from all its files, and the file names. */
export async function readLog(dataDir: string): Promise<{ files: string[]; lines: LogRecord[] }> {
  const folder = logFolder(dataDir);
  const files = (await readdir(folder)).filter((f) => f.endsWith('.log')).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(folder, f), 'utf8')));
  const lines = texts.flatMap((t) => t.split('\n').filter(Boolean)).map((l) => JSON.parse(l) as LogRecord);
  return { files, lines };
}
