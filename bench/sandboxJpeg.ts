// The sandbox's JPEG codes: its hand-written two-colour encoder (old) against sharp's libjpeg-turbo
// (new), on the same ink masks, in one run, interleaved round by round so both see the same load.
// Measured: one code at a time (what a single Generate waits for) and eight at once (a batch asking
// the server for many; sharp encodes off the event loop, the old encoder on it).
// Measured on 2 Dec 2026 (a loaded 2-core machine, medians of 9 rounds, new/old): 430 px 0.39,
// 430 px eight at once 0.22, but 1280 px 1.46: the old encoder skips the DCT of single-colour blocks,
// which a wide code is mostly made of. A loss for lone wide codes, so the sandbox keeps its encoder.
// Run: npx tsx bench/sandboxJpeg.ts [-- --rounds 7 --codes 40]
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { inkMask } from '../electron/sandbox/image';
import { encodeTwoToneJpeg, type Rgb } from '../electron/sandbox/twoToneJpeg';
import { fmt, summarize } from './stats';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '7' }, codes: { type: 'string', default: '40' } },
});
const rounds = Number(values.rounds);
const codes = Number(values.codes);
const INK: Rgb = { r: 20, g: 90, b: 200 };
const PAPER: Rgb = { r: 255, g: 255, b: 255 };

type Encoder = (mask: Uint8Array, width: number) => Promise<Buffer>;

const old: Encoder = async (mask, width) =>
  encodeTwoToneJpeg({ width, height: width, mask, ink: INK, paper: PAPER });

// What the sandbox would do with sharp: the ink on white, encoded as the old encoder does (quality
// 90, no chroma subsampling, standard Huffman tables).
const withSharp: Encoder = (mask, width) => {
  const rgb = Buffer.alloc(mask.length * 3, 255);
  for (let i = 0, o = 0; i < mask.length; i++, o += 3) {
    if (mask[i] === 0) continue;
    rgb[o] = INK.r;
    rgb[o + 1] = INK.g;
    rgb[o + 2] = INK.b;
  }
  return sharp(rgb, { raw: { width, height: width, channels: 3 } })
    .jpeg({ quality: 90, chromaSubsampling: '4:4:4', optimiseCoding: false })
    .toBuffer();
};

/** Milliseconds per code for `codes` codes, `atOnce` in flight at a time. */
async function timePerCode(encode: Encoder, masks: Uint8Array[], width: number, atOnce: number) {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < masks.length) {
      const mask = masks[next++]!;
      await encode(mask, width);
    }
  };
  await Promise.all(Array.from({ length: atOnce }, worker));
  return (performance.now() - started) / masks.length;
}

const cases = [
  { width: 430, atOnce: 1 },
  { width: 1280, atOnce: 1 },
  { width: 430, atOnce: 8 },
];
const results = [];
for (const { width, atOnce } of cases) {
  const masks = Array.from({ length: codes }, (_, i) => inkMask(`pages/index/index?scene=bench${i}`, width));
  // Warm both (sharp loads libvips, the old encoder builds its tables).
  await timePerCode(old, masks.slice(0, 5), width, 1);
  await timePerCode(withSharp, masks.slice(0, 5), width, 1);
  const oldMs: number[] = [];
  const newMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    oldMs.push(await timePerCode(old, masks, width, atOnce));
    newMs.push(await timePerCode(withSharp, masks, width, atOnce));
  }
  const o = summarize(oldMs).median;
  const n = summarize(newMs).median;
  const bytes = {
    old: (await old(masks[0]!, width)).length,
    new: (await withSharp(masks[0]!, width)).length,
  };
  console.log(
    `${width} px, ${atOnce} at once: old ${fmt(o)} ms, sharp ${fmt(n)} ms a code (new/old ${fmt(n / o)})`,
  );
  results.push({ width, atOnce, oldMs: o, newMs: n, ratio: n / o, bytes });
}
console.log(`BENCH ${JSON.stringify({ bench: 'sandboxJpeg', rounds, codes, results })}`);
