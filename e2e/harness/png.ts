import { readFile } from 'node:fs/promises';
import { decodePicture, type Picture, readQr } from '../../electron/sandbox/testing';

export type { Picture };

export async function readPicture(path: string): Promise<Picture> {
  return decodePicture(await readFile(path));
}

/** What a phone would read from the image (transparent parts seen on white). */
export const qrText = (picture: Picture): string | undefined => readQr(picture)?.data;

export interface PixelCensus {
  /** Fully opaque pixels, by colour. */
  opaque: Map<string, number>;
  /** Pixels with alpha 0. */
  clear: number;
}

const hex = (r: number, g: number, b: number) =>
  `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** Counts the colours of an RGBA picture, so a test can say "the lines are red, the rest is clear". */
export function census(data: ArrayLike<number>): PixelCensus {
  const opaque = new Map<string, number>();
  let clear = 0;
  for (let o = 0; o < data.length; o += 4) {
    const alpha = data[o + 3]!;
    if (alpha === 0) clear++;
    else if (alpha === 255) {
      const key = hex(data[o]!, data[o + 1]!, data[o + 2]!);
      opaque.set(key, (opaque.get(key) ?? 0) + 1);
    }
  }
  return { opaque, clear };
}
