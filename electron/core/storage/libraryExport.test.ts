import { describe, expect, it } from 'vitest';
import { distinctNames, numberedName } from './libraryExport';

describe('names of exported codes', () => {
  it('numbers a name before its extension, in its own folder', () => {
    expect(numberedName('南京西路店.png', 1)).toBe('南京西路店.png');
    expect(numberedName('南京西路店.png', 2)).toBe('南京西路店 (2).png');
    expect(numberedName('上海/a.b/店', 3)).toBe('上海/a.b/店 (3)');
  });

  it('gives two codes with one name (two batches’ rows) names of their own, whatever the case', () => {
    const members = ['1-店.png', '1-店.png', 'A.png', 'a.png'].map((name) => ({ name, path: '' }));
    expect(distinctNames(members).map((m) => m.name)).toEqual([
      '1-店.png',
      '1-店 (2).png',
      'A.png',
      'a (2).png',
    ]);
  });
});
