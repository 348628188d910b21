import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE } from '../../../shared/codeRequest';
import { traceOptionsFor } from './traceColour';

const round = { ...DEFAULT_STYLE, kind: 'limited', path: 'pages/index', envVersion: 'release' } as const;

describe('traceOptionsFor', () => {
  it('traces a square QR code black and opaque', () => {
    expect(traceOptionsFor({ kind: 'qrcode', path: 'pages/index', width: 430 })).toEqual({
      color: { r: 0, g: 0, b: 0 },
      transparent: false,
    });
  });

  it('traces a round code in its line colour, or reads it from the image with auto colour', () => {
    const red = { r: 200, g: 0, b: 0 };
    expect(traceOptionsFor({ ...round, lineColor: red, transparent: true })).toEqual({
      color: red,
      transparent: true,
    });
    expect(traceOptionsFor({ ...round, autoColor: true })).toEqual({ color: 'auto', transparent: false });
  });
});
