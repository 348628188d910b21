import { readFile, writeFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** The Batch view's controls, found as a user finds them: by role and accessible name. */
export function batchView(page: Page) {
  const progress = page.getByRole('progressbar', { name: 'Batch progress' });
  return {
    tab: page.getByRole('tab', { name: 'Batch' }),
    panel: page.getByRole('tabpanel', { name: 'Batch' }),
    importButton: page.getByRole('button', { name: /^Import (spreadsheet|another)…$/ }),
    sample: page.getByRole('table', { name: /^First \d+ of \d+ rows/ }),
    kind: (name: 'Mini program code' | 'Unlimited mini program code' | 'Square QR code') =>
      page.getByRole('radio', { name, exact: true }),
    column: (name: 'Page path' | 'Scene' | 'Page' | 'File name' | 'Width' | 'Line color') =>
      page.getByRole('combobox', { name, exact: true }),
    badRows: page.getByRole('table', { name: 'Rows that will be skipped' }),
    chooseFolder: page.getByRole('button', { name: 'Choose folder…' }),
    nameTemplate: page.getByRole('textbox', { name: 'File names' }),
    zip: page.getByRole('switch', { name: 'Also make a ZIP' }),
    advanced: page.getByText('Advanced', { exact: true }),
    concurrency: page.getByRole('spinbutton', { name: 'Codes at the same time' }),
    pace: page.getByRole('spinbutton', { name: 'Pace (calls per minute)' }),
    /** What the quota guard says Start will ask; the yes itself is main's native dialog. */
    spendNote: page.getByText(/^When you press Start, the app asks you to confirm spending/),
    /** Start, or "Start the other 3" once the first row is made. */
    start: page.getByRole('button', { name: /^Start( the other [\d,]+)?$/ }),
    /** The batch's own styling, in the Columns step. */
    settings: page.getByRole('group', { name: 'Settings for every row' }),
    copyFromForm: page.getByRole('button', { name: 'Copy from Make a code' }),
    /** The first row's code, made and shown before Start. */
    firstRow: page.getByRole('region', { name: 'Check the first code' }),
    makeFirst: page.getByRole('button', { name: 'Make the first one to check' }),
    startAgain: page.getByRole('button', { name: 'Start again' }),
    progress,
    pause: page.getByRole('button', { name: 'Pause' }),
    resume: page.getByRole('button', { name: 'Resume' }),
    cancel: page.getByRole('button', { name: 'Cancel' }),
    summary: page.getByRole('region', { name: /^(Finished|Cancelled|Stopped)/ }),
    problemRows: page.getByRole('table', { name: 'Rows without a code' }),
    showInFolder: page.getByRole('button', { name: 'Show in folder' }),
    newBatch: page.getByRole('button', { name: 'New batch' }),

    /** Makes the first row's code, as the user must before Start, and waits until it shows. */
    async checkFirstRow(): Promise<void> {
      await page.getByRole('button', { name: 'Make the first one to check' }).click();
      await expect(page.getByRole('region', { name: 'Check the first code' }).getByRole('img')).toBeVisible();
    },

    /** Rows tried so far, as the progress bar tells a screen reader ("3 of 12 rows"). */
    async tried(): Promise<number> {
      const text = (await progress.getAttribute('aria-valuetext')) ?? '';
      return Number(/^([\d,]+) of/.exec(text)?.[1]?.replace(/,/g, '') ?? Number.NaN);
    },
  };
}

export type BatchView = ReturnType<typeof batchView>;

/** A CSV as Excel in China saves it: the system code page (GBK), CRLF line ends. */
export async function writeGbkCsv(path: string, rows: string[][]): Promise<void> {
  await writeFile(path, iconv.encode(rows.map((r) => r.join(',')).join('\r\n'), 'gbk'));
}

export async function writeXlsx(path: string, rows: Array<Array<string | number>>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRows(rows);
  await workbook.xlsx.writeFile(path);
}

/** results.csv as rows of row number → status (its BOM and CRLF line ends taken off). */
export async function readResults(path: string): Promise<Map<number, { status: string; line: string }>> {
  const text = (await readFile(path, 'utf8')).replace(/^\ufeff/, '');
  const [header, ...lines] = text.split('\r\n').filter(Boolean);
  expect(header).toBe('row,status,file,errcode,message');
  return new Map(
    lines.map((line) => {
      const [row, status] = line.split(',');
      return [Number(row), { status: status ?? '', line }];
    }),
  );
}
