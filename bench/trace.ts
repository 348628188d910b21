// Vector tracing: how long a code takes to trace (decode + ink + outlines) at 430 and 1280 px, how
// big its SVG and PDF are, and how well the SVG rasterised back by librsvg matches the source's ink.
// Codes come from the sandbox through the real client. Run: npm run bench:trace  [-- --runs 20]
import { parseArgs } from 'node:util';
import { traceCode } from '../electron/core/print/trace';
import { toPdf, toSvg } from '../electron/core/print/vectorFile';
import { stableTokenSource } from '../electron/core/tokens/stableTokenSource';
import { createWechatClient } from '../electron/core/wechat/wechatClient';
import { startSandbox } from '../electron/sandbox';
import { inkOfRaster, iou, rasterOf, renderSvg } from '../electron/testing/vectorCheck';
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
console.log(`Tracing a sandbox 小程序码 (JPEG from WeChat → PNG), ${runs} runs each\n`);
console.log('| width | trace median / p95 ms | SVG bytes | PDF bytes | outlines | IoU (SVG via librsvg) |');
console.log('|---|---|---|---|---|---|');
for (const width of [430, 1280]) {
  const { png } = await client.generate(unlimited(width));
  await traceCode(png, { color: BLACK, transparent: false }); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await traceCode(png, { color: BLACK, transparent: false });
    samples.push(performance.now() - start);
  }
  const vector = await traceCode(png, { color: BLACK, transparent: false });
  const svg = toSvg(vector, { widthMm: 100 });
  const pdf = await toPdf(vector, { widthMm: 100 });
  const back = await rasterOf(renderSvg(svg, width, width));
  const score = iou(inkOfRaster(back, BLACK, false), inkOfRaster(await rasterOf(png), BLACK, false));
  const { median, p95 } = summarize(samples);
  console.log(
    `| ${width} | ${fmt(median)} / ${fmt(p95)} | ${svg.length} | ${pdf.length} | ${vector.outlines.length} | ${fmt(score, 5)} |`,
  );
  figures[`trace_${width}_median_ms`] = Math.round(median * 100) / 100;
  figures[`svg_${width}_bytes`] = Buffer.byteLength(svg);
  figures[`pdf_${width}_bytes`] = pdf.length;
  figures[`iou_${width}`] = Math.round(score * 100000) / 100000;
}
console.log(`BENCH ${JSON.stringify(figures)}`);
await sandbox.close();
process.exit(0);
