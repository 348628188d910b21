import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT } from '../code/draft';
import { DEFAULT_BATCH_SETTINGS, settingsErrors, settingsOf, styleOf } from './batchSettings';

describe('the batch settings', () => {
  it('start at WeChat’s defaults, whatever the form holds', () => {
    expect(DEFAULT_BATCH_SETTINGS).toEqual({
      width: '430',
      lineColor: '#000000',
      autoColor: false,
      transparent: false,
      envVersion: 'release',
      checkPath: true,
    });
  });

  it('copy the form’s styling only when asked, and leave its page and scene behind', () => {
    const green = { ...EMPTY_DRAFT, path: 'pages/a', lineColor: '#00aa00', width: '600', transparent: true };
    expect(settingsOf(green)).toEqual({
      ...DEFAULT_BATCH_SETTINGS,
      lineColor: '#00aa00',
      width: '600',
      transparent: true,
    });
  });

  it('go to main trimmed, for it to check again', () => {
    expect(styleOf({ ...DEFAULT_BATCH_SETTINGS, width: ' 600 ', lineColor: ' #FF0000' })).toEqual({
      width: '600',
      lineColor: '#FF0000',
      autoColor: false,
      transparent: false,
      envVersion: 'release',
      checkPath: true,
    });
  });

  it('are checked with the one-code rules, each error naming its field and the fix in both languages', () => {
    expect(settingsErrors('limited', DEFAULT_BATCH_SETTINGS)).toEqual({});
    const errors = settingsErrors('limited', { ...DEFAULT_BATCH_SETTINGS, width: '12', lineColor: 'green' });
    expect(Object.keys(errors).sort()).toEqual(['lineColor', 'width']);
    expect(errors.width).toMatchObject({ code: 'field', field: 'width' });
    expect(errors.width?.message.en).toMatch(/280 to 1280/);
    expect(errors.width?.message.zh).toBeTruthy();
    expect(errors.lineColor?.hint.en).toBeTruthy();
    // Square codes have no line colour: a bad one does not matter to them.
    expect(settingsErrors('qrcode', { ...DEFAULT_BATCH_SETTINGS, lineColor: 'green' })).toEqual({});
  });
});
