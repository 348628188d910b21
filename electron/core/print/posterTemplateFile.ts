import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import sharp from 'sharp';
import { posterBackgroundUnreadable, posterUnreadable } from '../../../shared/errors/poster';
import { MAX_BACKGROUND_SIDE } from '../../../shared/poster';
import { Failure } from '../../../shared/result';
import { type PosterTemplate, parsePosterTemplate } from './posterTemplate';

// A poster template read from disk: the JSON file and the background image beside it, each within
// the bounds that keep a wrong file from filling memory.

export const MAX_TEMPLATE_BYTES = 64 * 1024;
export const MAX_BACKGROUND_BYTES = 20 * 1024 * 1024;

/** The template file read, checked, and its background loaded: a Failure naming the fix otherwise. */
export async function loadPosterTemplate(file: string): Promise<PosterTemplate> {
  const name = basename(file);
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) {
    throw new Failure(posterUnreadable(name, { en: 'the file cannot be opened.', zh: '文件无法打开。' }));
  }
  if (size > MAX_TEMPLATE_BYTES) {
    throw new Failure(
      posterUnreadable(name, {
        en: `it is ${Math.ceil(size / 1024)} KB, more than a template needs.`,
        zh: `文件大小为 ${Math.ceil(size / 1024)} KB，超出模板所需。`,
      }),
    );
  }
  const { parsed, template } = parsePosterTemplate(await readFile(file, 'utf8'), name);
  const background = await readBackground(resolve(dirname(file), parsed.background), name, parsed.background);
  return { ...template, background };
}

async function readBackground(path: string, name: string, given: string): Promise<Buffer> {
  const refuse = (en: string, zh: string) => new Failure(posterBackgroundUnreadable(name, given, { en, zh }));
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) throw refuse('the file cannot be opened.', '文件无法打开。');
  if (size > MAX_BACKGROUND_BYTES) {
    throw refuse(
      `it is ${Math.ceil(size / 1024 / 1024)} MB.`,
      `文件大小为 ${Math.ceil(size / 1024 / 1024)} MB。`,
    );
  }
  return checkBackground(await readFile(path), name, given);
}

/** A background's bytes checked: a PNG or JPEG within MAX_BACKGROUND_SIDE a side; returned as given. */
export async function checkBackground(bytes: Buffer, name: string, given: string): Promise<Buffer> {
  const refuse = (en: string, zh: string) => new Failure(posterBackgroundUnreadable(name, given, { en, zh }));
  if (bytes.length > MAX_BACKGROUND_BYTES) {
    throw refuse(
      `it is more than ${MAX_BACKGROUND_BYTES / 1024 / 1024} MB.`,
      `文件大于 ${MAX_BACKGROUND_BYTES / 1024 / 1024} MB。`,
    );
  }
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  if (!meta || !['png', 'jpeg'].includes(meta.format ?? '')) {
    throw refuse('it is not a PNG or JPEG image.', '不是 PNG 或 JPEG 图片。');
  }
  if ((meta.width ?? 0) > MAX_BACKGROUND_SIDE || (meta.height ?? 0) > MAX_BACKGROUND_SIDE) {
    throw refuse(
      `it is ${meta.width} × ${meta.height} pixels.`,
      `图片为 ${meta.width} × ${meta.height} 像素。`,
    );
  }
  return bytes;
}
