import { readFileSync } from 'node:fs';

// Glyph outlines read straight from a TrueType font file (the bundled Noto Sans SC), so a label in an
// SVG or PDF is drawn as shapes and the print shop's machine needs no font. No font library is
// installed (fontkit would do this and more); a label needs only the character map, the advance
// widths and the glyph shapes, which is what this reads. No shaping or kerning: Chinese and Latin
// label text is set glyph after glyph, as the labels' simple lines need.

/** A point of a contour, in font units (y up); `on` false: a quadratic control point. */
export interface FontPoint {
  x: number;
  y: number;
  on: boolean;
}

export interface Glyph {
  advance: number;
  /** Ink box in font units; all zero for a blank glyph (a space). */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  contours: FontPoint[][];
}

export interface FontOutlines {
  unitsPerEm: number;
  glyph(codePoint: number): Glyph;
}

/** The outlines of a .ttf (or the first face of a .ttc) with glyf outlines. */
export function readFontOutlines(file: string): FontOutlines {
  const data = readFileSync(file);
  const base = data.toString('latin1', 0, 4) === 'ttcf' ? data.readUInt32BE(12) : 0;
  const tables = new Map<string, number>();
  for (let i = 0; i < data.readUInt16BE(base + 4); i++) {
    const entry = base + 12 + 16 * i;
    tables.set(data.toString('latin1', entry, entry + 4), data.readUInt32BE(entry + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`${file} has no ${tag} table (not a TrueType font)`);
    return at;
  };
  const head = table('head');
  const unitsPerEm = data.readUInt16BE(head + 18);
  const longLoca = data.readInt16BE(head + 50) === 1;
  const metrics = data.readUInt16BE(table('hhea') + 34);
  const [hmtx, loca, glyf] = [table('hmtx'), table('loca'), table('glyf')];
  const glyphIdOf = cmapLookup(data, table('cmap'));
  const advance = (id: number) => data.readUInt16BE(hmtx + 4 * Math.min(id, metrics - 1));
  const offset = (id: number) =>
    longLoca ? data.readUInt32BE(loca + 4 * id) : data.readUInt16BE(loca + 2 * id) * 2;
  const contoursOf = (id: number, depth: number): FontPoint[][] => {
    const start = glyf + offset(id);
    if (offset(id + 1) === offset(id) || depth > 8) return [];
    const count = data.readInt16BE(start);
    return count >= 0
      ? simpleGlyph(data, start, count)
      : compositeGlyph(data, start, (g) => contoursOf(g, depth + 1));
  };
  return {
    unitsPerEm,
    glyph(codePoint) {
      const id = glyphIdOf(codePoint);
      const blank = offset(id + 1) === offset(id);
      const at = glyf + offset(id);
      const box = (k: number) => (blank ? 0 : data.readInt16BE(at + 2 + 2 * k));
      return {
        advance: advance(id),
        xMin: box(0),
        yMin: box(1),
        xMax: box(2),
        yMax: box(3),
        contours: contoursOf(id, 0),
      };
    },
  };
}

/** The glyph id of a code point from the Unicode cmap (format 12 preferred, else format 4); 0 when absent. */
function cmapLookup(data: Buffer, cmap: number): (codePoint: number) => number {
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < data.readUInt16BE(cmap + 2); i++) {
    const platform = data.readUInt16BE(cmap + 4 + 8 * i);
    const at = cmap + data.readUInt32BE(cmap + 8 + 8 * i);
    const format = data.readUInt16BE(at);
    if (platform === 1) continue;
    if (format === 12) format12 ??= at;
    if (format === 4) format4 ??= at;
  }
  if (format12 !== undefined) {
    const at = format12;
    const groups = data.readUInt32BE(at + 12);
    return (cp) => {
      for (let g = 0; g < groups; g++) {
        const group = at + 16 + 12 * g;
        const first = data.readUInt32BE(group);
        if (cp >= first && cp <= data.readUInt32BE(group + 4))
          return data.readUInt32BE(group + 8) + cp - first;
      }
      return 0;
    };
  }
  if (format4 === undefined) throw new Error('the font has no Unicode character map');
  const at = format4;
  const segments = data.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  return (cp) => {
    for (let s = 0; s < segments; s++) {
      if (cp > data.readUInt16BE(ends + 2 * s)) continue;
      const first = data.readUInt16BE(starts + 2 * s);
      if (cp < first) return 0;
      const range = data.readUInt16BE(ranges + 2 * s);
      const delta = data.readUInt16BE(deltas + 2 * s);
      if (range === 0) return (cp + delta) & 0xffff;
      const id = data.readUInt16BE(ranges + 2 * s + range + 2 * (cp - first));
      return id === 0 ? 0 : (id + delta) & 0xffff;
    }
    return 0;
  };
}

function simpleGlyph(data: Buffer, start: number, count: number): FontPoint[][] {
  const ends = Array.from({ length: count }, (_, i) => data.readUInt16BE(start + 10 + 2 * i));
  const points = count ? ends[count - 1]! + 1 : 0;
  let at = start + 10 + 2 * count;
  at += 2 + data.readUInt16BE(at);
  const flags: number[] = [];
  while (flags.length < points) {
    const flag = data[at++]!;
    flags.push(flag);
    if (flag & 8) for (let r = data[at++]!; r > 0; r--) flags.push(flag);
  }
  const coordinates = (short: number, same: number) =>
    flags.map((flag) => {
      if (flag & short) {
        const v = data[at++]!;
        return flag & same ? v : -v;
      }
      if (flag & same) return 0;
      const v = data.readInt16BE(at);
      at += 2;
      return v;
    });
  const dx = coordinates(2, 16);
  const dy = coordinates(4, 32);
  const contours: FontPoint[][] = [];
  let x = 0;
  let y = 0;
  let first = 0;
  for (const end of ends) {
    const contour: FontPoint[] = [];
    for (let p = first; p <= end; p++) {
      x += dx[p]!;
      y += dy[p]!;
      contour.push({ x, y, on: (flags[p]! & 1) === 1 });
    }
    contours.push(contour);
    first = end + 1;
  }
  return contours;
}

function compositeGlyph(data: Buffer, start: number, partOf: (id: number) => FontPoint[][]): FontPoint[][] {
  const contours: FontPoint[][] = [];
  let at = start + 10;
  for (let more = true; more; ) {
    const flags = data.readUInt16BE(at);
    const id = data.readUInt16BE(at + 2);
    at += 4;
    const words = flags & 1;
    const e = words ? data.readInt16BE(at) : data.readInt8(at);
    const f = words ? data.readInt16BE(at + 2) : data.readInt8(at + 1);
    at += words ? 4 : 2;
    let [a, b, c, d] = [1, 0, 0, 1];
    const f2dot14 = () => {
      const v = data.readInt16BE(at) / 16384;
      at += 2;
      return v;
    };
    if (flags & 8) a = d = f2dot14();
    else if (flags & 0x40) [a, d] = [f2dot14(), f2dot14()];
    else if (flags & 0x80) [a, b, c, d] = [f2dot14(), f2dot14(), f2dot14(), f2dot14()];
    // Point-matched placement (ARGS_ARE_XY_VALUES unset) is rare in CJK fonts: the part is placed unmoved.
    const [tx, ty] = flags & 2 ? [e, f] : [0, 0];
    for (const part of partOf(id)) {
      contours.push(part.map((p) => ({ x: a * p.x + c * p.y + tx, y: b * p.x + d * p.y + ty, on: p.on })));
    }
    more = (flags & 0x20) !== 0;
  }
  return contours;
}
