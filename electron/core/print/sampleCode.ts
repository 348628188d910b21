import sharp from 'sharp';

// A stand-in code for the poster editor's preview: it shows where the code goes and how large,
// without a call to WeChat while the user is still designing. It is a fixed pattern (three finder
// squares, modules from a fixed seed), so the same draft previews as the same bytes.

const MODULES = 29;
const SIDE = 430;

let cached: Promise<Buffer> | undefined;

/** A 430 px square code-like PNG, black on white. */
export function sampleCode(): Promise<Buffer> {
  cached ??= draw();
  return cached;
}

function draw(): Promise<Buffer> {
  const cell = SIDE / (MODULES + 2);
  const rects: string[] = [];
  let seed = 20_240_901;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const inFinder = (x: number, y: number) =>
    (x < 8 && y < 8) || (x >= MODULES - 8 && y < 8) || (x < 8 && y >= MODULES - 8);
  for (let y = 0; y < MODULES; y++) {
    for (let x = 0; x < MODULES; x++) {
      if (!inFinder(x, y) && next() < 0.5) rects.push(square(x, y, 1, cell));
    }
  }
  for (const [fx, fy] of [
    [0, 0],
    [MODULES - 7, 0],
    [0, MODULES - 7],
  ] as const) {
    rects.push(
      square(fx, fy, 7, cell),
      square(fx + 1, fy + 1, 5, cell, '#fff'),
      square(fx + 2, fy + 2, 3, cell),
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIDE}" height="${SIDE}"><rect width="100%" height="100%" fill="#fff"/>${rects.join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function square(x: number, y: number, n: number, cell: number, fill = '#000'): string {
  const at = (v: number) => ((v + 1) * cell).toFixed(2);
  return `<rect x="${at(x)}" y="${at(y)}" width="${(n * cell).toFixed(2)}" height="${(n * cell).toFixed(2)}" fill="${fill}"/>`;
}
