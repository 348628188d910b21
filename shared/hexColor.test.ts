import { describe, expect, it } from 'vitest';
import { formatHexColor, parseHexColor } from './hexColor';

describe('hex colours', () => {
  it('parses the three accepted spellings and nothing else', () => {
    expect(parseHexColor('#1aad19')).toEqual({ r: 26, g: 173, b: 25 });
    expect(parseHexColor('1AAD19')).toEqual({ r: 26, g: 173, b: 25 });
    expect(parseHexColor('#0f8')).toEqual({ r: 0, g: 255, b: 136 });
    for (const bad of ['0f8', '#1aad1', '#1aad199', 'rgb(0,0,0)', '#ggg', '']) {
      expect(parseHexColor(bad)).toBeNull();
    }
  });

  it('formats as lowercase #rrggbb and round-trips', () => {
    expect(formatHexColor({ r: 26, g: 173, b: 25 })).toBe('#1aad19');
    expect(formatHexColor({ r: 0, g: 0, b: 0 })).toBe('#000000');
    expect(formatHexColor({ r: 300, g: -4, b: 127.6 })).toBe('#ff0080');
    expect(formatHexColor(parseHexColor('#ABCDEF')!)).toBe('#abcdef');
  });
});
