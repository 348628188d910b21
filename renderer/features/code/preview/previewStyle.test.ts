import { describe, expect, it } from 'vitest';
import type { CodeRequest } from '../../../../shared/codeRequest';
import { EMPTY_DRAFT } from '../draft';
import { madeWithOf, paintedWidth, previewStyle, scaledHeight } from './previewStyle';

const made: CodeRequest = {
  kind: 'limited',
  path: 'pages/index/index',
  envVersion: 'release',
  width: 430,
  autoColor: false,
  lineColor: { r: 255, g: 0, b: 0 },
  transparent: true,
};
const black = { r: 0, g: 0, b: 0 };

describe('previewStyle', () => {
  it('paints what the form asks for', () => {
    const draft = { ...EMPTY_DRAFT, width: '800', lineColor: '#1AAD19', transparent: false };
    expect(previewStyle(draft, made, black)).toEqual({ width: 800, color: '#1aad19', transparent: false });
  });

  it("keeps the real image's width and colour while a field is half typed", () => {
    const draft = { ...EMPTY_DRAFT, width: '12', lineColor: '#12', transparent: true };
    expect(previewStyle(draft, made, black)).toEqual({ width: 430, color: '#ff0000', transparent: true });
  });

  it("uses WeChat's own colour for automatic colour when the real image was made that way", () => {
    const auto = { ...made, autoColor: true };
    const green = { r: 26, g: 173, b: 25 };
    expect(previewStyle({ ...EMPTY_DRAFT, autoColor: true }, auto, green).color).toBe('#1aad19');
    expect(previewStyle({ ...EMPTY_DRAFT, autoColor: true }, made, green).color).toBe('#000000');
  });

  it('paints a square QR code black on white at any width', () => {
    const square: CodeRequest = { kind: 'qrcode', path: 'pages/index/index', width: 430 };
    const draft = {
      ...EMPTY_DRAFT,
      kind: 'qrcode' as const,
      width: '1280',
      lineColor: '#ff0000',
      transparent: true,
    };
    expect(previewStyle(draft, square, black)).toEqual({ width: 1280, color: '#000000', transparent: false });
    expect(madeWithOf(square)).toEqual({ transparent: false, lineColor: black });
  });

  it('keeps the real proportions when scaling', () => {
    expect(scaledHeight({ width: 430, height: 470 }, 860)).toBe(940);
  });

  it('paints no more pixels than the stage shows', () => {
    const code = { width: 1280, height: 1400 };
    const stage = { width: 600, height: 500, pixelRatio: 1 };
    // The stage's height bounds it: 500 px tall shows 1280 × 500 / 1400 = 457.1 px wide.
    expect(paintedWidth(1280, code, stage)).toBe(458);
    expect(paintedWidth(1200, code, stage)).toBe(458);
    expect(paintedWidth(430, code, stage)).toBe(430);
    expect(paintedWidth(1280, code, { ...stage, pixelRatio: 2 })).toBe(915);
    // Not laid out yet: the full width, as before.
    expect(paintedWidth(800, code, { width: 0, height: 0, pixelRatio: 1 })).toBe(800);
  });
});
