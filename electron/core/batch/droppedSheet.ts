import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_DROPPED_SHEET_BYTES } from '../../../shared/batch';
import { safeFileSegment } from '../../../shared/fileName';
import { type AppError, Failure } from '../../../shared/result';
import { writeFileAtomic } from '../atomicFile';

/**
 * Keeps a spreadsheet dropped onto the window as a file of the data folder, so it is read exactly
 * like one chosen in the open dialog, and a batch made from it can be continued after a crash
 * (Continue reads the sheet again). The page sends the file's bytes and name, never a path: a
 * compromised page cannot make the app read a file the user did not drop. Stored by content, under
 * the name it had, so the Batch view and results show that name.
 */
export async function keepDroppedSheet(dataDir: string, name: string, bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength > MAX_DROPPED_SHEET_BYTES) throw new Failure(tooLarge(name));
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const folder = join(dataDir, 'dropped', hash);
  await mkdir(folder, { recursive: true });
  const file = join(folder, safeFileSegment(name, 120));
  await writeFileAtomic(file, bytes);
  return file;
}

/** The page sends at most one byte past the limit of a larger file, so the size itself is not told. */
function tooLarge(name: string): AppError {
  const limit = `${MAX_DROPPED_SHEET_BYTES / 2 ** 20} MB`;
  return {
    code: 'field',
    field: 'file',
    message: {
      en: `${name} is larger than the ${limit} a dropped spreadsheet may be.`,
      zh: `${name} 超过了拖入表格的大小上限 ${limit}。`,
    },
    hint: {
      en: 'Split it into smaller sheets, or save it as .xlsx, which is much smaller than CSV.',
      zh: '请拆分为多个较小的表格，或另存为体积小得多的 .xlsx。',
    },
    retryable: false,
  };
}
