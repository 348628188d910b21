import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppError, Failure } from '../../../shared/result';
import { type TempFolder, tempFolder } from '../../testing/tempFolder';
import { checkPosterPlaceholders } from './posterTemplate';
import { loadPosterTemplate } from './posterTemplateFile';
import { MAX_TEXT_FIELDS } from './posterTemplateJson';

const EXAMPLE = join(__dirname, '../../../docs/examples/poster/table-tent.json');

const good = {
  version: 1,
  background: 'bg.png',
  page: { width: 100, height: 150, unit: 'mm', dpi: 100 },
  code: { x: 20, y: 40, size: 60 },
  texts: [{ text: '桌号 {table}', x: 50, y: 110, size: 20 }],
};

async function errorOf(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (caught) {
    if (caught instanceof Failure) return caught.error;
    throw caught;
  }
  throw new Error('expected a Failure');
}

/** A template folder with a small background, and the template written as given. */
async function templateFile(json: unknown): Promise<string> {
  const folder = join(root, String(serial++));
  await mkdir(folder, { recursive: true });
  await sharp({ create: { width: 40, height: 60, channels: 3, background: '#eeeeee' } })
    .png()
    .toFile(join(folder, 'bg.png'));
  const file = join(folder, 'poster.json');
  await writeFile(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
}

let folder: TempFolder;
let root = '';
let serial = 0;
beforeAll(async () => {
  folder = await tempFolder('poster-template');
  root = folder.path;
});
afterAll(() => folder.remove());

const both = (error: AppError) =>
  `${error.message.en} ${error.hint.en} | ${error.message.zh} ${error.hint.zh}`;

describe('poster template', () => {
  it('loads the example and turns millimetres into pixels at its DPI', async () => {
    const template = await loadPosterTemplate(EXAMPLE);
    expect(template.page).toMatchObject({ widthPx: 874, heightPx: 1240, dpi: 150 });
    // 80 mm at 150 DPI.
    expect(template.code).toEqual({ x: 201, y: 354, width: 472, height: 472 });
    expect(template.texts).toHaveLength(4);
    checkPosterPlaceholders(template, ['门店名称', 'table', 'page', 'scene']);
  });

  it('refuses a file that is not JSON, naming the file', async () => {
    const error = await errorOf(async () => loadPosterTemplate(await templateFile('{"version": 1,')));
    expect(error.field).toBe('poster');
    expect(error.message.en).toMatch(/“poster\.json” cannot be used: it is not valid JSON/);
    expect(error.message.zh).toContain('不是有效的 JSON');
  });

  it('refuses a missing file', async () => {
    const error = await errorOf(() => loadPosterTemplate('/nonexistent/poster.json'));
    expect(error.message.en).toContain('the file cannot be opened');
  });

  it('refuses a code slot that runs off the page, saying how to fix it', async () => {
    const file = await templateFile({ ...good, code: { x: 60, y: 40, size: 60 } });
    const error = await errorOf(() => loadPosterTemplate(file));
    expect(error.message.en).toContain('code (60, 40) with size 60 mm runs off the 100 × 150 mm page');
    expect(error.hint.en).toContain('x + size and y + size stay within the page');
    expect(error.message.zh).toContain('超出了 100 × 150 毫米的页面');
  });

  it('refuses a placeholder no column gives, naming the text field and the columns there are', async () => {
    const template = await loadPosterTemplate(await templateFile(good));
    checkPosterPlaceholders(template, ['table']);
    const error = await errorOf(async () => checkPosterPlaceholders(template, ['门店名称']));
    expect(error.message.en).toContain('texts[0].text');
    expect(error.message.en).toContain('unknown placeholder {table}');
    expect(error.hint.en).toContain('{门店名称}');
    expect(error.message.zh).toContain('未知的占位符 {table}');
  });

  it.each([
    [{ ...good, version: 2 }, 'version', 'Write "version": 1.'],
    [{ ...good, page: { ...good.page, dpi: 5000 } }, 'page.dpi is above 1200', 'whole number of DPI'],
    [{ ...good, page: { ...good.page, unit: 'cm' } }, 'page.unit', 'Use "mm" or "px".'],
    [
      { ...good, page: { width: 1000, height: 1000, unit: 'mm', dpi: 600 } },
      'page is 23622 × 23622',
      'Lower the DPI',
    ],
    [{ ...good, code: { x: 20, y: 40, size: 5 } }, 'code.size is 5 mm, too small', 'at least 10 mm'],
    [{ ...good, code: { x: 20, y: 40 } }, 'code.size is missing', 'millimetres'],
    [{ ...good, texts: [{ ...good.texts[0], colour: 'red' }] }, 'texts[0].colour', '#rrggbb'],
    [
      { ...good, texts: [{ ...good.texts[0], text: 'x'.repeat(121) }] },
      'texts[0].text is above 120',
      '1 to 120',
    ],
    [{ ...good, texts: Array(MAX_TEXT_FIELDS + 1).fill(good.texts[0]) }, 'texts is above 12', 'at most 12'],
    [{ ...good, texts: [{ ...good.texts[0], x: 95, align: 'left', maxWidth: 20 }] }, 'texts[0]', 'maxWidth'],
    [{ ...good, texts: [{ ...good.texts[0], y: 148 }] }, 'runs off the 100 × 150 mm page', 'within the page'],
    [{ ...good, colour: '#000000' }, 'has unknown keys: colour', 'Keep to version'],
    [{ ...good, background: 'missing.png' }, 'background “missing.png”', 'relative to the template'],
    [{ ...good, background: 'poster.json' }, 'not a PNG or JPEG', 'at most 20 MB'],
  ])('refuses %j with an error naming the place and the fix', async (json, message, hint) => {
    const error = await errorOf(async () => loadPosterTemplate(await templateFile(json)));
    expect(error.field).toBe('poster');
    expect(both(error)).toContain(message);
    expect(error.hint.en).toContain(hint);
    expect(error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
