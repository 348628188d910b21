import { describe, expect, it } from 'vitest';
import { checkPrint, EMPTY_PRINT, NEW_LABEL } from './printDraft';

describe('checkPrint', () => {
  it('plans a 4 cm code at 300 DPI: 473 px asked of WeChat, read from about 40 cm', () => {
    const checked = checkPrint({ ...EMPTY_PRINT, on: true, size: '4' }, 'limited');
    expect(checked.plan).toMatchObject({ requestWidth: 473, scanDistanceCm: 40, needsVector: false });
    expect(checked.options).toMatchObject({ printSize: '4cm', dpi: 300, margin: 24, background: '#ffffff' });
  });

  it('says when the size needs more than WeChat’s 1280 px', () => {
    const checked = checkPrint({ ...EMPTY_PRINT, size: '5', unit: 'in' }, 'limited');
    expect(checked.plan).toMatchObject({ neededPx: 1500, requestWidth: 1280, needsVector: true });
  });

  it('names the field of a bad size or DPI, and asks main for nothing', () => {
    expect(checkPrint({ ...EMPTY_PRINT, size: '0' }, 'limited')).toMatchObject({
      options: null,
      problems: { printSize: { field: 'printSize' } },
    });
    const dpi = checkPrint({ ...EMPTY_PRINT, dpi: '30' }, 'limited');
    expect(dpi.options).toBeNull();
    expect(dpi.problems.dpi?.message.zh).not.toBe('');
  });

  it('sends the logo by id at the avatar circle for a round code, the safe default for a square one', () => {
    const draft = {
      ...EMPTY_PRINT,
      labels: [NEW_LABEL],
      logo: { logoId: 'l1', name: 'brand.png' },
      transparent: true,
    };
    expect(checkPrint(draft, 'unlimited').options).toMatchObject({
      background: 'transparent',
      logo: { logoId: 'l1', ring: true, fraction: 0.45 },
    });
    expect(checkPrint(draft, 'qrcode').options?.logo?.fraction).toBe(0.18);
  });
});
