import type { AppError } from '../result';
import { printError } from './print';

// What a print sheet says about a value it cannot use: the paper, the code size or grid, where the
// codes come from and where the PDF goes. The CLI restates each for its flag.

/** A code (with its labels) bigger than the paper leaves room for inside its margins. */
export function sheetCellTooLarge(cellMm: string, roomMm: string, paper: string): AppError {
  return printError(
    'printSize',
    {
      en: `A ${cellMm} mm code does not fit on ${paper} inside the margins (${roomMm} mm).`,
      zh: `${cellMm} 毫米的码在 ${paper} 纸的页边距以内（${roomMm} 毫米）放不下。`,
    },
    {
      en: 'Choose a smaller printed size, larger paper, or smaller margins.',
      zh: '请选择更小的印刷尺寸、更大的纸张或更小的页边距。',
    },
  );
}

/** A print sheet's folder holds no PNG code to lay out. */
export function sheetNoCodes(folder: string): AppError {
  return printError(
    'from',
    { en: `There is no PNG code in “${folder}”.`, zh: `“${folder}”中没有 PNG 码。` },
    {
      en: 'Give the folder a batch or `wxacode generate` saved its codes in.',
      zh: '请指定批量生成或 `wxacode generate` 保存码的文件夹。',
    },
  );
}

/** A print sheet goes to a PDF file. */
export function sheetOutNotPdf(): AppError {
  return printError(
    'out',
    { en: 'The sheet is written as a PDF file.', zh: '打印排版以 PDF 文件保存。' },
    {
      en: 'End the file name with .pdf, e.g. --out sheet.pdf.',
      zh: '请以 .pdf 结尾，例如 --out sheet.pdf。',
    },
  );
}

/** A paper name the sheet does not know. */
export function paperUnknown(raw: string): AppError {
  return printError(
    'paper',
    { en: `There is no paper “${raw}”.`, zh: `没有名为“${raw}”的纸张。` },
    { en: 'Use A4, A3 or Letter.', zh: '请使用 A4、A3 或 Letter。' },
  );
}

/** A grid that is not columns × rows within the bounds. */
export function gridInvalid(raw: string, max: number): AppError {
  return printError(
    'grid',
    {
      en: `The grid “${raw}” is not columns × rows from 1 to ${max} each.`,
      zh: `网格“${raw}”不是每项 1 到 ${max} 的“列 × 行”。`,
    },
    {
      en: 'Write the columns, then the rows, e.g. 3x4 for 3 codes across and 4 down.',
      zh: '请先写列数再写行数，例如 3x4 表示每行 3 个、共 4 行。',
    },
  );
}

/** A grid so dense that each code would print below the smallest size a phone reads. */
export function gridTooDense(grid: string, cm: number, minCm: number, paper: string): AppError {
  return printError(
    'grid',
    {
      en: `A ${grid} grid on ${paper} leaves ${cm.toFixed(1)} cm per code, below the ${minCm} cm a phone still reads.`,
      zh: `${paper} 纸上 ${grid} 的网格每个码只有 ${cm.toFixed(1)} 厘米，小于手机能识别的 ${minCm} 厘米。`,
    },
    {
      en: 'Use fewer columns or rows, larger paper, or smaller margins.',
      zh: '请减少列数或行数，或选择更大的纸张、更小的页边距。',
    },
  );
}

/** A sheet wants its codes' size, or a grid the size follows from: one of the two, not both. */
export function sheetSizeOrGrid(both: boolean): AppError {
  return printError(
    'size',
    both
      ? { en: 'Both a code size and a grid were given.', zh: '同时给出了码的尺寸和网格。' }
      : { en: 'The sheet needs a code size or a grid.', zh: '打印排版需要码的尺寸或网格。' },
    {
      en: 'Give either a code size such as 4cm, or a grid such as 3x4 (3 across, 4 down; the size follows from the paper).',
      zh: '请只给出码的尺寸（例如 4cm）或网格（例如 3x4，每行 3 个、共 4 行，尺寸由纸张算出）之一。',
    },
  );
}
