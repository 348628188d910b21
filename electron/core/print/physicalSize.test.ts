import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Failure } from '../../../shared/result';
import { dpiForWidth, largestRasterCm, parseDpi, parsePrintSize, planPrint } from './physicalSize';
import { readDpi, withDpi } from './pngDpi';

function samplePng(width = 40, height = 30): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(255);
  return PNG.sync.write(png);
}

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (caught) {
    if (caught instanceof Failure) return caught.error;
    throw caught;
  }
  throw new Error('expected a Failure');
}

describe('printed size', () => {
  it('reads cm, mm and inches', () => {
    expect(parsePrintSize('4cm').cm).toBe(4);
    expect(parsePrintSize(' 40 mm ').cm).toBe(4);
    expect(parsePrintSize('1.5in').cm).toBeCloseTo(3.81, 5);
  });

  it('refuses a size of 0, no unit, or past the bounds, naming the field and the fix', () => {
    for (const raw of ['0cm', '4', '-3cm', 'abc', '300cm', '0.5cm']) {
      const error = errorOf(() => parsePrintSize(raw));
      expect(error.field).toBe('printSize');
      expect(error.message.en).toContain(raw);
      expect(error.hint.en).toContain('4cm');
      expect(error.hint.zh).toContain('4cm');
    }
  });

  it('a 4 cm code at 300 DPI asks WeChat for 473 px and scans from about 40 cm', () => {
    const plan = planPrint(parsePrintSize('4cm'));
    expect(plan).toMatchObject({
      dpi: 300,
      neededPx: 473,
      requestWidth: 473,
      needsVector: false,
      scanDistanceCm: 40,
    });
  });

  it('a small code asks for at least WeChat’s 280 px; the DPI recorded keeps its paper size', () => {
    const size = parsePrintSize('2cm');
    const plan = planPrint(size);
    expect(plan.neededPx).toBe(237);
    expect(plan.requestWidth).toBe(280);
    expect((280 / dpiForWidth(280, size)) * 2.54).toBeCloseTo(2, 6);
  });

  it('past 10.8 cm at 300 DPI WeChat’s 1280 px are not enough: it says the vector output is needed', () => {
    expect(largestRasterCm(300)).toBeCloseTo(10.84, 2);
    const plan = planPrint(parsePrintSize('12cm'), 300);
    expect(plan).toMatchObject({ requestWidth: 1280, needsVector: true, scanDistanceCm: 120 });
    expect(planPrint(parsePrintSize('12cm'), 150).needsVector).toBe(false);
  });

  it('DPI: 300 by default, whole numbers 72–1200 otherwise', () => {
    expect(parseDpi(undefined)).toBe(300);
    expect(parseDpi('600')).toBe(600);
    for (const raw of ['0', '71', '1201', '300.5', 'x'])
      expect(errorOf(() => parseDpi(raw)).field).toBe('dpi');
  });
});

describe('DPI in the PNG (pHYs)', () => {
  it('writes 300 DPI as 11,811 pixels per metre, before IDAT, with a valid CRC', async () => {
    const png = withDpi(samplePng(), 300);
    expect(readDpi(png)).toMatchObject({
      pixelsPerMetreX: 11811,
      pixelsPerMetreY: 11811,
      unit: 1,
      crcOk: true,
    });
    expect(readDpi(png)?.dpi).toBeCloseTo(300, 1);
    expect(png.indexOf('pHYs')).toBeLessThan(png.indexOf('IDAT'));
    // Another reader (libvips, behind sharp) sees the same resolution and still decodes the pixels.
    const meta = await sharp(png).metadata();
    expect(meta.density).toBeCloseTo(300, 0);
    expect(PNG.sync.read(png).width).toBe(40);
  });

  it('replaces a pHYs already there rather than adding a second one, and is deterministic', () => {
    const once = withDpi(samplePng(), 150);
    const twice = withDpi(once, 600);
    expect(twice.toString('latin1').split('pHYs').length - 1).toBe(1);
    expect(readDpi(twice)?.pixelsPerMetreX).toBe(23622);
    expect(withDpi(samplePng(), 600).equals(twice)).toBe(true);
  });

  it('a PNG without pHYs reads as none', () => {
    expect(readDpi(samplePng())).toBeUndefined();
  });
});
