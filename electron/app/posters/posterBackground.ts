import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp from 'sharp';
import { posterBackgroundUnreadable } from '../../../shared/errors/poster';
import { Failure } from '../../../shared/result';
import { checkBackground, MAX_BACKGROUND_BYTES } from '../../core/print/posterTemplateFile';

// A background the user chose in main's dialog, read within the template's bounds: at most
// MAX_BACKGROUND_BYTES + 1 bytes are read, so a huge file is refused without filling memory.

export interface ReadBackground {
  bytes: Buffer;
  name: string;
  width: number;
  height: number;
  file: 'background.png' | 'background.jpg';
}

export async function readBackground(file: string): Promise<ReadBackground> {
  const name = basename(file);
  let bytes: Buffer;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(MAX_BACKGROUND_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    bytes = Buffer.from(buffer.subarray(0, bytesRead));
  } catch {
    throw new Failure(
      posterBackgroundUnreadable(name, name, { en: 'the file cannot be opened.', zh: '文件无法打开。' }),
    );
  } finally {
    await handle?.close();
  }
  await checkBackground(bytes, name, name);
  const { width = 0, height = 0, format } = await sharp(bytes).metadata();
  return { bytes, name, width, height, file: format === 'jpeg' ? 'background.jpg' : 'background.png' };
}
