import { describe, expect, it } from 'vitest';
import { Failure } from '../../../shared/result';
import type { PlannedRow } from '../batch/plan';
import { checkLabels, labelForRow } from './labelText';

const headers = ['门店名称', 'table', 'path'];
const row: PlannedRow = {
  row: 3,
  key: 'k',
  name: '张江店',
  cells: ['上海张江店', '7', 'pages/menu/index?store=12'],
  request: { kind: 'qrcode', path: 'pages/menu/index?store=12', width: 430 },
};

function failure(run: () => void) {
  try {
    run();
  } catch (caught) {
    if (caught instanceof Failure) return caught.error;
    throw caught;
  }
  throw new Error('expected a Failure');
}

describe('label placeholders follow the batch’s file-name rules', () => {
  it('fills columns by header (Chinese ones too, ignoring case and spaces) and the built-ins', () => {
    checkLabels(['{门店名称}', '桌号 {TABLE }', '{row}/{name}'], headers);
    expect(labelForRow('{门店名称}', row, headers)).toBe('上海张江店');
    expect(labelForRow('桌号 {TABLE }', row, headers)).toBe('桌号 7');
    expect(labelForRow('No. {row} {name}', row, headers)).toBe('No. 3 张江店');
  });

  it('refuses a placeholder nothing gives, naming it and what can be used', () => {
    const error = failure(() => checkLabels(['{门店}'], headers));
    expect(error).toMatchObject({ code: 'field', field: 'labels' });
    expect(error.message.zh).toContain('{门店}');
    expect(error.hint.en).toContain('{门店名称}');
    expect(error.hint.en).toContain('{row}');
  });

  it('refuses more lines or longer lines than a code can carry', () => {
    expect(failure(() => checkLabels(Array(7).fill('x'), headers)).field).toBe('labels');
    expect(failure(() => checkLabels(['字'.repeat(121)], headers)).field).toBe('labels');
  });
});
