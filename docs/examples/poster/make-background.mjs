// Draws background.png for table-tent.json: an A5 page at 150 DPI (874 × 1240 px), plain shapes
// only, so the example carries no one's artwork. Run: node docs/examples/poster/make-background.mjs
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const width = 874;
const height = 1240;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#fbf4e6"/>
  <rect width="100%" height="230" fill="#c8102e"/>
  <circle cx="${width - 90}" cy="90" r="150" fill="#e2405a"/>
  <circle cx="60" cy="200" r="90" fill="#a50d26"/>
  <rect x="170" y="320" width="534" height="534" rx="36" fill="#ffffff" stroke="#e6d5b8" stroke-width="6"/>
  <rect y="${height - 120}" width="100%" height="120" fill="#2d2a26"/>
</svg>`;
const out = fileURLToPath(new URL('background.png', import.meta.url));
await sharp(Buffer.from(svg)).png().toFile(out);
console.log(`wrote ${out}`);
