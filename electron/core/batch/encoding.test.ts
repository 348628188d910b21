import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from './encoding';

const TEXT = '路径,文件名\npages/index/index?id=1,上海店\n';

describe('CSV text encodings, detected from the bytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 with the BOM Excel writes for “CSV UTF-8”, and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: 'utf-8-bom' });
  });

  it('reads GBK / GB18030, which Excel in China writes for plain “CSV”', () => {
    const bytes = iconv.encode(TEXT, 'gbk');
    expect(detectEncoding(bytes)).toBe('gb18030');
    expect(decodeText(bytes).text).toBe(TEXT);
    // Characters beyond GBK, which only GB18030 has.
    const rare = iconv.encode('𠀀,€\n', 'gb18030');
    expect(decodeText(rare)).toEqual({ text: '𠀀,€\n', encoding: 'gb18030' });
  });

  it('reads UTF-16 with a BOM (Excel “Unicode text”)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]);
    expect(decodeText(le)).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('takes plain ASCII as UTF-8', () => {
    expect(detectEncoding(Buffer.from('path\npages/index/index\n'))).toBe('utf-8');
  });
});

describe('UTF-16 without a BOM, as some exports write Excel “Unicode text”', () => {
  const SHEET = '路径\t文件名\npages/index/index?id=1\t上海店\npages/index/index?id=2\t北京店\n';

  it('reads little- and big-endian by where the zero bytes fall, Chinese intact', () => {
    expect(decodeText(iconv.encode(SHEET, 'utf-16le'))).toEqual({ text: SHEET, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(SHEET, 'utf-16be'))).toEqual({ text: SHEET, encoding: 'utf-16be' });
  });

  it('still takes UTF-8 and GBK text, which never hold a zero byte, as before', () => {
    expect(detectEncoding(Buffer.from(SHEET, 'utf8'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode(SHEET, 'gbk'))).toBe('gb18030');
  });

  // 一 is U+4E00: its low byte is zero, so UTF-16 Chinese text has some zeros in the other places.
  const CHINESE = '名称\t地址\n第一家\t一号路一号\n第二家\t开发区最东头\n';
  const ONE_COLUMN = '名称\n第一家\n一号店\n';
  const MIXED = 'name,path\n第一家,pages/index/index?id=1\n一店,pages/index/index?id=2\n';

  it('reads Chinese text with 一 (U+4E00) and other characters ending in 00, little- and big-endian', () => {
    for (const text of [CHINESE, ONE_COLUMN, MIXED]) {
      expect(decodeText(iconv.encode(text, 'utf-16le'))).toEqual({ text, encoding: 'utf-16le' });
      expect(decodeText(iconv.encode(text, 'utf-16be'))).toEqual({ text, encoding: 'utf-16be' });
    }
  });

  it('never takes UTF-8 or GBK Chinese text with 一 for UTF-16', () => {
    for (const text of [CHINESE, ONE_COLUMN, MIXED]) {
      expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
      expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
    }
  });

  it('does not take GBK text followed by NUL padding for UTF-16, however the padding falls', () => {
    for (const text of [CHINESE, `${CHINESE}x`]) {
      for (const padding of [63, 64]) {
        const padded = Buffer.concat([iconv.encode(text, 'gbk'), Buffer.alloc(padding)]);
        expect(detectEncoding(padded)).toBe('gb18030');
      }
    }
  });
});
