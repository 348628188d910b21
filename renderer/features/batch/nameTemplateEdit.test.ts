import { describe, expect, it } from 'vitest';
import { insertPlaceholder, placeholderHeaders } from './nameTemplateEdit';

describe('a column chip in the file name template', () => {
  it('goes at the caret, joined with a -, and never after .png', () => {
    expect(insertPlaceholder('{row}-{name}.png', '城市', 16)).toEqual({
      template: '{row}-{name}-{城市}.png',
      caret: 17,
    });
    expect(insertPlaceholder('{城市}/.png', '门店名称', 5)).toEqual({
      template: '{城市}/{门店名称}.png',
      caret: 11,
    });
    expect(insertPlaceholder('{row}.png', '城市', 0).template).toBe('{城市}{row}.png');
    expect(insertPlaceholder('', '门店名称', 0)).toEqual({ template: '{门店名称}', caret: 6 });
  });

  it('offers each usable header once', () => {
    expect(placeholderHeaders(['城市', '', ' ', '门店{名称}', '城市', 'scene'])).toEqual(['城市', 'scene']);
  });
});
