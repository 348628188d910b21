import { describe, expect, it } from 'vitest';
import { sheetChoiceSchema } from '../../../shared/print/sheetChoice';
import { NEW_SHEET_DRAFT, sheetChoiceOf } from './sheetDraft';

describe('a print sheet’s options, from the fields to what main is sent', () => {
  it('sends the size, or the grid, never both, and only what differs from the defaults', () => {
    expect(sheetChoiceOf(NEW_SHEET_DRAFT)).toEqual({ paper: 'A4', size: '4cm' });
    const grid = sheetChoiceOf({
      ...NEW_SHEET_DRAFT,
      paper: 'A3',
      landscape: true,
      sizing: 'grid',
      columns: ' 5 ',
      rows: '7',
      cutMarks: false,
      cmyk: true,
    });
    expect(grid).toEqual({
      paper: 'A3',
      landscape: true,
      grid: { columns: 5, rows: 7 },
      cutMarks: false,
      cmyk: true,
    });
    expect(sheetChoiceSchema.safeParse(grid).success).toBe(true);
    // A blank size leaves it to main: the printed size in a batch, an error naming the fix in History.
    expect(sheetChoiceOf({ ...NEW_SHEET_DRAFT, size: ' ' })).toEqual({ paper: 'A4' });
  });

  it('sends a margin other than the 10 mm default, and nothing while it is not 0 to 50 mm', () => {
    const narrow = sheetChoiceOf({ ...NEW_SHEET_DRAFT, margin: ' 5 ' });
    expect(narrow).toEqual({ paper: 'A4', size: '4cm', marginMm: 5 });
    expect(sheetChoiceSchema.safeParse(narrow).success).toBe(true);
    expect(sheetChoiceOf({ ...NEW_SHEET_DRAFT, margin: '0' })).toEqual({
      paper: 'A4',
      size: '4cm',
      marginMm: 0,
    });
    for (const margin of ['51', '-1', '2.5', '']) {
      expect(sheetChoiceOf({ ...NEW_SHEET_DRAFT, margin })).toBeUndefined();
    }
  });

  it('sends nothing while the grid is not 1 to 20 columns and rows', () => {
    for (const [columns, rows] of [
      ['0', '4'],
      ['3', '21'],
      ['3.5', '4'],
      ['', '4'],
    ] as const) {
      expect(sheetChoiceOf({ ...NEW_SHEET_DRAFT, sizing: 'grid', columns, rows })).toBeUndefined();
    }
  });
});
