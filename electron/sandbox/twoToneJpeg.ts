/**
 * A baseline JPEG encoder for images of exactly two colours: a code's ink and its paper.
 *
 * Why not jpeg-js's encoder: it rebuilds its tables on every call (about 13 ms), which made a 430 px
 * code cost 26 ms, and a batch benchmark asks this server for thousands of them. Here the tables are
 * built once, and since every 8×8 block mixes the same two colours, one DCT of the block's ink mask
 * serves all three colour channels (the DCT is linear); blocks of a single colour need no DCT at all.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface TwoToneImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row: 1 where the ink is, 0 for paper. */
  mask: Uint8Array;
  ink: Rgb;
  paper: Rgb;
}

const QUALITY = 90;

/** Natural (row-major) coefficient index → position in the zigzag scan. */
const ZIGZAG = Uint8Array.from([
  0, 1, 5, 6, 14, 15, 27, 28, 2, 4, 7, 13, 16, 26, 29, 42, 3, 8, 12, 17, 25, 30, 41, 43, 9, 11, 18, 24, 31,
  40, 44, 53, 10, 19, 23, 32, 39, 45, 52, 54, 20, 22, 33, 38, 46, 51, 55, 60, 21, 34, 37, 47, 50, 56, 59, 61,
  35, 36, 48, 49, 57, 58, 62, 63,
]);

// Annex K tables of the JPEG standard, in natural order.
const LUMA_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22,
  29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103,
  121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMA_QUANT = [
  17,
  18,
  24,
  47,
  99,
  99,
  99,
  99,
  18,
  21,
  26,
  66,
  99,
  99,
  99,
  99,
  24,
  26,
  56,
  99,
  99,
  99,
  99,
  99,
  47,
  66,
  99,
  99,
  99,
  99,
  99,
  99,
  ...new Array<number>(32).fill(99),
];

const DC_LUMA_COUNTS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_CHROMA_COUNTS = [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_LUMA_COUNTS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
const AC_LUMA_VALUES = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71,
  0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72,
  0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36, 0x37,
  0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59,
  0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83,
  0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3,
  0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3,
  0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
  0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
];
const AC_CHROMA_COUNTS = [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77];
const AC_CHROMA_VALUES = [
  0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13, 0x22,
  0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15, 0x62, 0x72, 0xd1,
  0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x35, 0x36,
  0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58,
  0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a,
  0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a,
  0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba,
  0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda,
  0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
];

/** AAN DCT scale factors; folded into the quantization divisors. */
const AAN_SCALE = [1.0, 1.387039845, 1.306562965, 1.175875602, 1.0, 0.785694958, 0.5411961, 0.275899379];

function scaledQuant(base: number[]): number[] {
  const factor = QUALITY < 50 ? Math.floor(5000 / QUALITY) : 200 - QUALITY * 2;
  return base.map((q) => Math.min(255, Math.max(1, Math.floor((q * factor + 50) / 100))));
}

/** Multipliers that turn an unscaled AAN coefficient into a quantized one. */
function divisors(quant: number[]): Float64Array {
  const out = new Float64Array(64);
  for (let k = 0; k < 64; k++) {
    out[k] = 1 / (quant[k]! * AAN_SCALE[k >> 3]! * AAN_SCALE[k & 7]! * 8);
  }
  return out;
}

interface HuffmanTable {
  counts: number[];
  values: number[];
  code: Uint16Array;
  size: Uint8Array;
}

function huffman(counts: number[], values: number[]): HuffmanTable {
  const code = new Uint16Array(256);
  const size = new Uint8Array(256);
  let next = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < counts[length - 1]!; i++) {
      const symbol = values[k++]!;
      code[symbol] = next++;
      size[symbol] = length;
    }
    next <<= 1;
  }
  return { counts, values, code, size };
}

interface Channel {
  dc: HuffmanTable;
  ac: HuffmanTable;
  divisors: Float64Array;
  toLevel: (c: Rgb) => number;
}

const LUMA_QUANT_SCALED = scaledQuant(LUMA_QUANT);
const CHROMA_QUANT_SCALED = scaledQuant(CHROMA_QUANT);
const DC_LUMA = huffman(DC_LUMA_COUNTS, DC_VALUES);
const DC_CHROMA = huffman(DC_CHROMA_COUNTS, DC_VALUES);
const AC_LUMA = huffman(AC_LUMA_COUNTS, AC_LUMA_VALUES);
const AC_CHROMA = huffman(AC_CHROMA_COUNTS, AC_CHROMA_VALUES);

// JFIF's YCbCr, level-shifted by -128 as baseline JPEG expects.
const CHANNELS: Channel[] = [
  {
    dc: DC_LUMA,
    ac: AC_LUMA,
    divisors: divisors(LUMA_QUANT_SCALED),
    toLevel: ({ r, g, b }) => 0.299 * r + 0.587 * g + 0.114 * b - 128,
  },
  {
    dc: DC_CHROMA,
    ac: AC_CHROMA,
    divisors: divisors(CHROMA_QUANT_SCALED),
    toLevel: ({ r, g, b }) => -0.168736 * r - 0.331264 * g + 0.5 * b,
  },
  {
    dc: DC_CHROMA,
    ac: AC_CHROMA,
    divisors: divisors(CHROMA_QUANT_SCALED),
    toLevel: ({ r, g, b }) => 0.5 * r - 0.418688 * g - 0.081312 * b,
  },
];

class ByteSink {
  private out = Buffer.allocUnsafe(1 << 16);
  private length = 0;
  private bitBuffer = 0;
  private bitCount = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.length + extra));
    this.out.copy(bigger, 0, 0, this.length);
    this.out = bigger;
  }

  raw(bytes: ArrayLike<number>): void {
    this.reserve(bytes.length);
    for (let i = 0; i < bytes.length; i++) this.out[this.length++] = bytes[i]!;
  }

  /** Entropy-coded bits, with the 0xFF byte stuffing JPEG requires. */
  bits(value: number, count: number): void {
    this.bitBuffer = (this.bitBuffer << count) | value;
    this.bitCount += count;
    this.reserve(4);
    while (this.bitCount >= 8) {
      this.bitCount -= 8;
      const byte = (this.bitBuffer >>> this.bitCount) & 0xff;
      this.out[this.length++] = byte;
      if (byte === 0xff) this.out[this.length++] = 0;
    }
    this.bitBuffer &= (1 << this.bitCount) - 1;
  }

  /** Pads the last byte with 1-bits, as the standard asks before a marker. */
  alignToByte(): void {
    if (this.bitCount > 0) this.bits((1 << (8 - this.bitCount)) - 1, 8 - this.bitCount);
  }

  result(): Buffer {
    return Buffer.from(this.out.subarray(0, this.length));
  }
}

function segment(sink: ByteSink, marker: number, payload: number[]): void {
  const length = payload.length + 2;
  sink.raw([0xff, marker, length >> 8, length & 0xff, ...payload]);
}

function writeHeaders(sink: ByteSink, width: number, height: number): void {
  sink.raw([0xff, 0xd8]);
  segment(sink, 0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const zigzagged = (quant: number[]): number[] => {
    const out = new Array<number>(64);
    for (let k = 0; k < 64; k++) out[ZIGZAG[k]!] = quant[k]!;
    return out;
  };
  segment(sink, 0xdb, [0, ...zigzagged(LUMA_QUANT_SCALED), 1, ...zigzagged(CHROMA_QUANT_SCALED)]);
  const size = [height >> 8, height & 0xff, width >> 8, width & 0xff];
  // Three components (Y, Cb, Cr), no subsampling; Y uses quantization table 0, Cb and Cr table 1.
  const components = [1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1];
  segment(sink, 0xc0, [8, ...size, 3, ...components]);
  const table = (classAndId: number, t: HuffmanTable): number[] => [classAndId, ...t.counts, ...t.values];
  segment(sink, 0xc4, [
    ...table(0x00, DC_LUMA),
    ...table(0x10, AC_LUMA),
    ...table(0x01, DC_CHROMA),
    ...table(0x11, AC_CHROMA),
  ]);
  segment(sink, 0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);
}

/** In-place unscaled AAN forward DCT of an 8×8 block (the IJG float algorithm). */
function forwardDct(data: Float64Array): void {
  for (let pass = 0; pass < 2; pass++) {
    // Pass 0 transforms rows, pass 1 columns.
    const step = pass === 0 ? 1 : 8;
    const next = pass === 0 ? 8 : 1;
    for (let line = 0, o = 0; line < 8; line++, o += next) {
      const d0 = data[o]!;
      const d1 = data[o + step]!;
      const d2 = data[o + 2 * step]!;
      const d3 = data[o + 3 * step]!;
      const d4 = data[o + 4 * step]!;
      const d5 = data[o + 5 * step]!;
      const d6 = data[o + 6 * step]!;
      const d7 = data[o + 7 * step]!;
      const tmp0 = d0 + d7;
      const tmp7 = d0 - d7;
      const tmp1 = d1 + d6;
      const tmp6 = d1 - d6;
      const tmp2 = d2 + d5;
      const tmp5 = d2 - d5;
      const tmp3 = d3 + d4;
      const tmp4 = d3 - d4;
      const even10 = tmp0 + tmp3;
      const even13 = tmp0 - tmp3;
      const even11 = tmp1 + tmp2;
      const even12 = tmp1 - tmp2;
      data[o] = even10 + even11;
      data[o + 4 * step] = even10 - even11;
      const z1 = (even12 + even13) * Math.SQRT1_2;
      data[o + 2 * step] = even13 + z1;
      data[o + 6 * step] = even13 - z1;
      const odd10 = tmp4 + tmp5;
      const odd11 = tmp5 + tmp6;
      const odd12 = tmp6 + tmp7;
      const z5 = (odd10 - odd12) * 0.382683433;
      const z2 = 0.5411961 * odd10 + z5;
      const z4 = 1.306562965 * odd12 + z5;
      const z3 = odd11 * Math.SQRT1_2;
      const z11 = tmp7 + z3;
      const z13 = tmp7 - z3;
      data[o + 5 * step] = z13 + z2;
      data[o + 3 * step] = z13 - z2;
      data[o + step] = z11 + z4;
      data[o + 7 * step] = z11 - z4;
    }
  }
}

const ZERO_RUN = 0xf0;
const END_OF_BLOCK = 0x00;

const category = (v: number): number => (v === 0 ? 0 : 32 - Math.clz32(v < 0 ? -v : v));

/** Huffman-codes a block's DC as the difference from the previous block's. */
function writeDc(sink: ByteSink, diff: number, channel: Channel): void {
  const size = category(diff);
  sink.bits(channel.dc.code[size]!, channel.dc.size[size]!);
  if (size > 0) sink.bits(diff < 0 ? diff + (1 << size) - 1 : diff, size);
}

/** Huffman-codes the 63 AC coefficients of a quantized block in zigzag order. */
function writeAc(sink: ByteSink, zz: Int32Array, channel: Channel): void {
  const { code, size: sizes } = channel.ac;
  let end = 63;
  while (end > 0 && zz[end] === 0) end--;
  let run = 0;
  for (let i = 1; i <= end; i++) {
    const v = zz[i]!;
    if (v === 0) {
      run++;
      continue;
    }
    while (run >= 16) {
      sink.bits(code[ZERO_RUN]!, sizes[ZERO_RUN]!);
      run -= 16;
    }
    const size = category(v);
    const symbol = (run << 4) | size;
    sink.bits(code[symbol]!, sizes[symbol]!);
    sink.bits(v < 0 ? v + (1 << size) - 1 : v, size);
    run = 0;
  }
  if (end < 63) sink.bits(code[END_OF_BLOCK]!, sizes[END_OF_BLOCK]!);
}

const roundAway = (x: number): number => (x > 0 ? (x + 0.5) | 0 : (x - 0.5) | 0);

export function encodeTwoToneJpeg(image: TwoToneImage): Buffer {
  const { width, height, mask } = image;
  const sink = new ByteSink();
  writeHeaders(sink, width, height);
  const paperLevel = CHANNELS.map((c) => c.toLevel(image.paper));
  const inkStep = CHANNELS.map((c, i) => c.toLevel(image.ink) - paperLevel[i]!);
  const previousDc = [0, 0, 0];
  const block = new Float64Array(64);
  const zz = new Int32Array(64);
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      let inked = 0;
      // Edge blocks repeat the last row and column, so no false edge appears.
      for (let r = 0; r < 8; r++) {
        const row = Math.min(by + r, height - 1) * width;
        for (let c = 0; c < 8; c++) {
          const m = mask[row + Math.min(bx + c, width - 1)]!;
          block[r * 8 + c] = m;
          inked += m;
        }
      }
      const uniform = inked === 0 || inked === 64;
      if (!uniform) forwardDct(block);
      for (let ch = 0; ch < 3; ch++) {
        const channel = CHANNELS[ch]!;
        const step = inkStep[ch]!;
        // A block is paper + step × mask; a constant block's unscaled DCT is 64× its value at DC only.
        const dc = roundAway(
          (64 * paperLevel[ch]! + step * (uniform ? inked : block[0]!)) * channel.divisors[0]!,
        );
        writeDc(sink, dc - previousDc[ch]!, channel);
        previousDc[ch] = dc;
        if (uniform) {
          sink.bits(channel.ac.code[END_OF_BLOCK]!, channel.ac.size[END_OF_BLOCK]!);
          continue;
        }
        for (let k = 1; k < 64; k++) zz[ZIGZAG[k]!] = roundAway(step * block[k]! * channel.divisors[k]!);
        writeAc(sink, zz, channel);
      }
    }
  }
  sink.alignToByte();
  sink.raw([0xff, 0xd9]);
  return sink.result();
}
