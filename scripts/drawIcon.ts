// Draws the app icon at every size a desktop asks for: a stylised mini program code (rays in rings
// around a centre disc) on WeChat green. Each size is drawn from the shapes, not scaled from a big
// picture, so the 16-pixel taskbar icon is as sharp as it can be. build/icon.png (1024) is what
// electron-builder turns into macOS's .icns and Windows' .ico; build/icons/NxN.png (16 to 512) is
// Linux's set.
// Run: npx tsx scripts/drawIcon.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/** The drawing's own coordinates: every shape below is measured on a 512 × 512 canvas. */
const SIZE = 512;
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const CENTRE = SIZE / 2;
/** Samples per pixel along each axis, for smooth edges. */
const SUPERSAMPLE = 4;

type Rgba = [number, number, number, number];
const GREEN: Rgba = [7, 193, 96, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const INK: Rgba = [28, 40, 52, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const CORNER = 104;
const FACE = 206;
const HUB = 56;
const RAY_HALF_WIDTH = 5.5;
const RINGS = [
  { inner: 72, outer: 108, rays: 22 },
  { inner: 116, outer: 152, rays: 30 },
  { inner: 160, outer: 194, rays: 38 },
];

/** A fixed pseudo-random length per ray, so the rays look like data but the icon never changes. */
function rayLength(ring: number, ray: number): number {
  const x = Math.sin(ring * 7919 + ray * 104729) * 43758.5453;
  return 0.35 + 0.65 * (x - Math.floor(x));
}

function insideRoundedSquare(x: number, y: number): boolean {
  const dx = Math.max(CORNER - x, 0, x - (SIZE - CORNER));
  const dy = Math.max(CORNER - y, 0, y - (SIZE - CORNER));
  return dx * dx + dy * dy <= CORNER * CORNER;
}

/** Whether (radius, angle) lies on a ray: a capsule from the ring's inner radius outwards. */
function onRay(radius: number, angle: number): boolean {
  for (const [index, ring] of RINGS.entries()) {
    if (radius < ring.inner - RAY_HALF_WIDTH || radius > ring.outer + RAY_HALF_WIDTH) continue;
    const step = (2 * Math.PI) / ring.rays;
    const ray = Math.round(angle / step);
    const end =
      ring.inner + (ring.outer - ring.inner) * rayLength(index, ((ray % ring.rays) + ring.rays) % ring.rays);
    const along = Math.min(Math.max(radius, ring.inner), end);
    // Distance from the point to the nearest point of the ray's centre line.
    const rayAngle = ray * step;
    const px = radius * Math.cos(angle) - along * Math.cos(rayAngle);
    const py = radius * Math.sin(angle) - along * Math.sin(rayAngle);
    if (px * px + py * py <= RAY_HALF_WIDTH * RAY_HALF_WIDTH) return true;
  }
  return false;
}

function colourAt(x: number, y: number): Rgba {
  if (!insideRoundedSquare(x, y)) return CLEAR;
  const radius = Math.hypot(x - CENTRE, y - CENTRE);
  if (radius > FACE) return GREEN;
  if (radius <= HUB) return GREEN;
  return onRay(radius, Math.atan2(y - CENTRE, x - CENTRE)) ? INK : WHITE;
}

function draw(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const scale = SIZE / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = colourAt(
            (x + (sx + 0.5) / SUPERSAMPLE) * scale,
            (y + (sy + 0.5) / SUPERSAMPLE) * scale,
          );
          // Premultiplied, so a transparent sample does not darken the edge.
          for (let c = 0; c < 3; c++) sum[c]! += colour[c]! * colour[3];
          sum[3]! += colour[3];
        }
      }
      const offset = (y * size + x) * 4;
      const alpha = sum[3]!;
      for (let c = 0; c < 3; c++) png.data[offset + c] = alpha ? Math.round(sum[c]! / alpha) : 0;
      png.data[offset + 3] = Math.round(alpha / SUPERSAMPLE ** 2);
    }
  }
  return PNG.sync.write(png);
}

mkdirSync(new URL('../build/icons', import.meta.url), { recursive: true });
for (const size of LINUX_SIZES) {
  writeFileSync(new URL(`../build/icons/${size}x${size}.png`, import.meta.url), draw(size));
}
writeFileSync(new URL('../build/icon.png', import.meta.url), draw(1024));
