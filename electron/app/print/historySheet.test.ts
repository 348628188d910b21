import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { HistorySheetChoice } from '../../../shared/ipc/channels';
import type { LibraryEntry } from '../../core/storage/library';
import { tempFolderFor } from '../../testing/tempFolder';
import { openTestApp, succeeded, type TestApp } from '../../testing/testApp';
import { SANDBOX_ACCOUNT } from '../services';
import { historyHeaders, labelsFor } from './historyLabels';

const run = promisify(execFile);

let app: TestApp;
const codeIds: string[] = [];
beforeAll(async () => {
  app = await openTestApp();
  for (const table of [1, 2, 3]) {
    const code = succeeded(
      await app.call('code:generate', {
        accountId: SANDBOX_ACCOUNT.id,
        request: {
          kind: 'limited',
          path: `pages/index/index?table=${table}`,
          envVersion: 'release',
          width: 473,
        },
      }),
    );
    codeIds.push(code.codeId);
  }
});
afterAll(() => app.close());

const sheetCall = (choice: Partial<HistorySheetChoice>) =>
  app.call('library:printSheet', { codeIds, sheet: { size: '4cm' }, ...choice });

describe('library:printSheet (History’s Print sheet…)', () => {
  it('writes the picked codes at their printed size where the save dialog answered', async () => {
    const folder = await tempFolderFor({ onTestFinished }, 'history-sheet');
    app.desktop.saveAs = join(folder, 'tables');
    const saved = succeeded(await sheetCall({ labels: ['{path}'] }));
    // The dialog's answer without an extension gets .pdf: the file opens in any viewer.
    expect(saved).toEqual({ file: join(folder, 'tables.pdf'), count: 3, pages: 1, codeCm: 4 });
    const images = (await run('pdfimages', ['-list', saved!.file])).stdout.trim().split('\n').slice(2);
    expect(images).toHaveLength(3);
    // 473 px over 4 cm is 300 ppi; the label band makes each image taller than wide.
    for (const line of images) expect(line).toMatch(/\s473\s+(\d+)\s+rgb.*\s300\s+300\s/);
    expect((await readFile(saved!.file)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps the page margin asked for: wider margins move the codes in and leave fewer columns', async () => {
    const folder = await tempFolderFor({ onTestFinished }, 'history-sheet-margin');
    // Rendered at 25.4 DPI one pixel is one millimetre; the first ink from the left is the first code.
    const firstInkMm = async (marginMm?: number) => {
      app.desktop.saveAs = join(folder, `margin-${marginMm ?? 'default'}.pdf`);
      const saved = succeeded(
        await sheetCall({
          sheet: { size: '4cm', cutMarks: false, ...(marginMm === undefined ? {} : { marginMm }) },
        }),
      );
      const png = (
        await run('pdftoppm', [
          '-r',
          '25.4',
          '-gray',
          '-png',
          '-singlefile',
          saved!.file,
          join(folder, `page-${marginMm ?? 'default'}`),
        ])
      ).stdout;
      expect(png).toBe('');
      const { data, info } = await sharp(join(folder, `page-${marginMm ?? 'default'}.png`))
        .raw()
        .toBuffer({ resolveWithObject: true });
      let left = info.width;
      for (let i = 0; i < data.length; i += info.channels) {
        if (data[i]! < 128) left = Math.min(left, (i / info.channels) % info.width);
      }
      return left;
    };
    // A4 is 210 mm wide; 4 cm codes 6 mm apart. 10 mm margins fit 4 columns, centred: the first
    // code's edge at (210 − 178) / 2 = 16 mm; 30 mm margins fit 3, at (210 − 132) / 2 = 39 mm. The
    // code's own white edge is the same in both, so the first ink moves by 23 mm.
    const moved = (await firstInkMm(30)) - (await firstInkMm());
    expect(Math.abs(moved - 23)).toBeLessThanOrEqual(1);
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    app.desktop.saveAs = undefined;
    expect(succeeded(await sheetCall({}))).toBeNull();
  });

  it('refuses a bad option before asking where to save, naming the field and the fix', async () => {
    const folder = await tempFolderFor({ onTestFinished }, 'history-sheet-bad');
    app.desktop.saveAs = join(folder, 'never.pdf');
    const cases: [Partial<HistorySheetChoice>, string, RegExp][] = [
      [{ sheet: {} }, 'size', /needs a code size or a grid/],
      [{ sheet: { size: '4cm', grid: { columns: 2, rows: 2 } } }, 'size', /Both a code size and a grid/],
      [{ sheet: { size: '0cm' } }, 'printSize', /The printed size “0cm”/],
      [{ sheet: { grid: { columns: 20, rows: 20 } } }, 'grid', /20 × 20 grid on A4 leaves/],
      [{ labels: ['{门店}'] }, 'labels', /unknown placeholder \{门店\}/],
      [{ codeIds: ['no-such-code'] }, '', /./],
      [{ sheet: { size: '4cm', marginMm: 51 } }, '', /./],
    ];
    for (const [choice, field, message] of cases) {
      const result = await sheetCall(choice);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      if (field) expect(result.error.field).toBe(field);
      expect(result.error.message.en).toMatch(message);
      expect(result.error.hint.zh.length).toBeGreaterThan(0);
    }
    expect(existsSync(app.desktop.saveAs)).toBe(false);
  });
});

describe('a History sheet’s labels', () => {
  it('fill {campaign}, {name} and the columns of the batch a code came from; a column another batch lacks is blank', () => {
    const entry = (cells: Record<string, string> | undefined, campaign?: string) =>
      ({
        codeId: 'c',
        key: 'k',
        request: { kind: 'limited', path: 'pages/index/index?t=1' },
        suggestedName: 'pages_index.png',
        ...(cells
          ? {
              origin: {
                sourceFile: 's.csv',
                row: 2,
                rowName: '南京西路店',
                cells,
                ...(campaign ? { campaign } : {}),
              },
            }
          : {}),
      }) as unknown as LibraryEntry;
    const fromBatch = entry({ 门店: '南京西路店', 桌号: '7' }, '春季');
    const byHand = entry(undefined);
    const headers = historyHeaders([fromBatch, byHand]);
    expect(headers).toEqual(['campaign', '门店', '桌号']);
    const labels = ['{campaign} {门店}', '桌号 {桌号}', '{name} {page}'];
    expect(labelsFor(fromBatch, labels, headers)).toEqual([
      '春季 南京西路店',
      '桌号 7',
      '南京西路店 pages/index/index',
    ]);
    expect(labelsFor(byHand, labels, headers)).toEqual(['桌号', 'pages_index pages/index/index']);
  });
});
