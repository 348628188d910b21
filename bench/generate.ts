// Single-code latency through the WeChat client (token cache, response checks, PNG normalisation)
// next to a bare undici POST of the same body to the same sandbox, in one run.
// Run: npm run bench:generate  [-- --calls 200]
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { Agent, request } from 'undici';
import { toPng } from '../electron/core/image/normalise';
import { stableTokenSource } from '../electron/core/tokens/stableTokenSource';
import { toWechatCall } from '../electron/core/wechat/wechatCall';
import { createWechatClient } from '../electron/core/wechat/wechatClient';
import { startSandbox } from '../electron/sandbox';
import { encodeCode } from '../electron/sandbox/image';
import type { CodeRequest } from '../shared/codeRequest';
import { fmt, summarize } from './stats';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '200' } } });
const calls = Number(values.calls);

const sandbox = await startSandbox({ unlimitedPerMinute: 0 });
const tokens = stableTokenSource({
  apiBase: sandbox.url,
  appId: 'wx0123456789abcdef',
  secret: async () => 'sandbox-secret',
});
const client = createWechatClient({ apiBase: sandbox.url, tokens });
const token = await tokens.token();
const bareAgent = new Agent({ connections: 1 });

const requestFor = (i: number, transparent: boolean): CodeRequest => ({
  kind: 'unlimited',
  scene: `bench=${i}`,
  page: '',
  checkPath: true,
  envVersion: 'release',
  width: 430,
  autoColor: false,
  lineColor: { r: 0, g: 0, b: 0 },
  transparent,
});

async function bare(req: CodeRequest): Promise<void> {
  const call = toWechatCall(req);
  const res = await request(`${sandbox.url}${call.path}?access_token=${token}`, {
    method: 'POST',
    dispatcher: bareAgent,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(call.body),
  });
  await res.body.arrayBuffer();
}

async function time(fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

const rows: [string, number[], number[]][] = [];
for (const transparent of [false, true]) {
  // Warm both paths (JIT, connections) before measuring, then interleave nothing: same sandbox, same sizes.
  await time((i) => bare(requestFor(-1 - i, transparent)));
  await time((i) => client.generate(requestFor(-1000 - i, transparent)));
  const bareMs = await time((i) => bare(requestFor(i, transparent)));
  const clientMs = await time((i) => client.generate(requestFor(10_000 + i, transparent)));
  rows.push([transparent ? 'transparent (PNG passes through)' : 'opaque (JPEG → PNG)', bareMs, clientMs]);
}

console.log(
  `Single-code latency, ${calls} sequential calls each, 430 px unlimited codes, sandbox on 127.0.0.1\n`,
);
console.log('| case | bare undici median / p95 ms | client median / p95 ms | ratio (median) |');
console.log('|---|---|---|---|');
for (const [name, bareMs, clientMs] of rows) {
  const b = summarize(bareMs);
  const c = summarize(clientMs);
  console.log(
    `| ${name} | ${fmt(b.median)} / ${fmt(b.p95)} | ${fmt(c.median)} / ${fmt(c.p95)} | ${fmt(c.median / b.median)}× |`,
  );
}
const figures: Record<string, number> = {};
for (const [name, bareMs, clientMs] of rows) {
  const key = name.startsWith('transparent') ? 'transparent' : 'opaque';
  const b = summarize(bareMs);
  const c = summarize(clientMs);
  figures[`${key}_bare_median_ms`] = Math.round(b.median * 100) / 100;
  figures[`${key}_client_median_ms`] = Math.round(c.median * 100) / 100;
  figures[`${key}_ratio`] = Math.round((c.median / b.median) * 1000) / 1000;
}

// The JPEG → PNG step alone, on the sandbox's JPEGs, next to libvips' default PNG encode (what the
// client did before), interleaved round by round: on a loaded machine the latencies above are noisy,
// this step's medians much less so.
const stepMs = { client: [] as number[], defaultEncode: [] as number[] };
for (let round = 0; round < 5; round++) {
  for (let i = 0; i < calls / 5; i++) {
    const jpeg = encodeCode({
      text: `step=${round}-${i}`,
      width: 430,
      colour: { r: 0, g: 0, b: 0 },
      transparent: false,
    });
    let start = performance.now();
    await toPng(jpeg);
    stepMs.client.push(performance.now() - start);
    start = performance.now();
    await sharp(jpeg, { failOn: 'error' }).png().toBuffer();
    stepMs.defaultEncode.push(performance.now() - start);
  }
}
const step = summarize(stepMs.client);
const before = summarize(stepMs.defaultEncode);
console.log('\n| JPEG → PNG step alone, 430 px | median / p95 ms |\n|---|---|');
console.log(`| the client's (toPng) | ${fmt(step.median)} / ${fmt(step.p95)} |`);
console.log(`| libvips' default PNG encode | ${fmt(before.median)} / ${fmt(before.p95)} |`);
figures.jpeg_to_png_median_ms = Math.round(step.median * 100) / 100;
figures.jpeg_to_png_default_encode_median_ms = Math.round(before.median * 100) / 100;
console.log(`BENCH ${JSON.stringify(figures)}`);
await bareAgent.close();
await sandbox.close();
process.exit(0);
