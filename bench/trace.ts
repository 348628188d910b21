// Vector tracing: how long a code takes to trace (decode + ink + outlines + smoothing) at 430 and
// 1280 px, how big its SVG and PDF are, and how well the SVG rasterised back by librsvg matches the
// source's ink. Codes: the sandbox's, through the real client (a QR pattern), and a drawn round one. Run: npm run bench:trace  [-- --runs 20]
import { parseArgs } from 'node:util';
import { traceCode } from '../electron/core/print/trace';
import { toPdf, toSvg } from '../electron/core/print/vectorFile';
import { stableTokenSource } from '../electron/core/tokens/stableTokenSource';
import { createWechatClient } from '../electron/core/wechat/wechatClient';
import { startSandbox } from '../electron/sandbox';
import { inkOfRaster, iou, rasterOf, renderSvg, roundCodePng } from '../electron/testing/vectorCheck';
import type { CodeRequest, Rgb } from '../shared/codeRequest';
import { fmt, summarize } from './stats';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);

const sandbox = await startSandbox({ unlimitedPerMinute: 0 });
const tokens = stableTokenSource({
  apiBase: sandbox.url,
  appId: 'wx0123456789abcdef',
  secret: async () => 'sandbox-secret',
});
const client = createWechatClient({ apiBase: sandbox.url, tokens });
const BLACK: Rgb = { r: 0, g: 0, b: 0 };

const unlimited = (width: number): CodeRequest => ({
  kind: 'unlimited',
  scene: 'store=1024&table=12',
  page: 'pages/shop/index',
  checkPath: true,
  envVersion: 'release',
  width,
  autoColor: false,
  lineColor: BLACK,
  transparent: false,
});

const figures: Record<string, number> = {};

/** Times tracing `png` and checks its SVG against the source; `key` prefixes the figures. */
async function measure(name: string, key: string, png: Uint8Array, width: number): Promise<void> {
  const options = { color: BLACK, transparent: false };
  await traceCode(png, options); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await traceCode(png, options);
    samples.push(performance.now() - start);
  }
  const vector = await traceCode(png, options);
  const svg = toSvg(vector, { widthMm: 100 });
  const pdf = await toPdf(vector, { widthMm: 100 });
  const back = await rasterOf(renderSvg(svg, width, width));
  const score = iou(inkOfRaster(back, BLACK, false), inkOfRaster(await rasterOf(png), BLACK, false));
  const { median, p95 } = summarize(samples);
  const bytes = Buffer.byteLength(svg);
  console.log(
    `| ${name} | ${width} | ${fmt(median)} / ${fmt(p95)} | ${bytes} | ${pdf.length} | ${vector.outlines.length} | ${fmt(score, 5)} |`,
  );
  figures[`${key}trace_${width}_median_ms`] = Math.round(median * 100) / 100;
  figures[`${key}svg_${width}_bytes`] = bytes;
  figures[`${key}pdf_${width}_bytes`] = pdf.length;
  figures[`${key}iou_${width}`] = Math.round(score * 100000) / 100000;
}

console.log(`Tracing codes (decode + ink + outlines + smoothing), ${runs} runs each\n`);
console.log(
  '| code | width | trace median / p95 ms | SVG bytes | PDF bytes | outlines | IoU (SVG via librsvg) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const width of [430, 1280]) {
  const { png } = await client.generate(unlimited(width));
  await measure('sandbox 小程序码 (QR pattern, JPEG)', '', png, width);
}
for (const width of [430, 1280]) {
  await measure('drawn round 小程序码 (curves)', 'round_', await roundCodePng(width), width);
}
console.log(`BENCH ${JSON.stringify(figures)}`);
await sandbox.close();
process.exit(0);
